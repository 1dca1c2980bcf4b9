/**
 * A light stemmer for written Indonesian, our own and deliberately conservative (no dictionary):
 *  1. particles -lah, -kah, -pun; possessives -nya, -ku, -mu;
 *  2. one derivational suffix: -kan, -an, -in (Jakarta colloquial, "benerin"), -i;
 *  3. up to two prefixes: di-, ter-, ber-/be-, per-, me(N)-, pe(N)-, ke-, and the colloquial nasal ng-/ny-/nge-;
 *     meN-/peN- recode the dropped consonant (menunggu → tunggu, menyapu → sapu, memukul → pukul).
 * Every step keeps a stem of at least 4 letters and refuses a stem starting with an impossible cluster
 * ("dinkes" stays, not "nkes"), and a list of words that only look derived (sekolah, masalah, tanya, nyala…)
 * is never touched. Mistakes are consistent (the same word always gives the same stem), which is all the
 * model needs; character n-grams cover the rest.
 */
const KEEP = new Set([
  'sekolah',
  'masalah',
  'salah',
  'kalah',
  'telah',
  'olah',
  'lelah',
  'jumlah',
  'allah',
  'sebelah',
  'wilayah',
  'sudah',
  'musibah',
  'nikah',
  'langkah',
  'sedekah',
  'tingkah',
  'berkah',
  'tanya',
  'hanya',
  'punya',
  'bertanya',
  'ditanya',
  'nyala',
  'nyaman',
  'nyawa',
  'nyata',
  'nyamuk',
  'nyeri',
  'nyanyi',
  'nyinyir',
  'nyonya',
  'ilmu',
  'tamu',
  'jamu',
  'temu',
  'kamu',
  'buku',
  'paku',
  'saku',
  'laku',
  'suku',
  'kuku',
  'beku',
  'dingin',
  'kereta',
  'kering',
  'kenapa',
  'sekarang',
  'sering',
  'memang',
  'menteng',
  'mending',
  'terminal',
  'teras',
  'teman',
  'dinas',
  'dinding',
  'diare',
  'digital',
  'diskon',
  'perlu',
  'pernah',
  'percaya',
  'persen',
  'peran',
  'perut',
  'pesan',
  'pesta',
  'berita',
  'berat',
  'beras',
  'bersih',
  'besar',
  'benar',
  'bensin',
  'beton',
  'kemarin',
  'kelas',
  'keras',
  'kecil',
  'keren',
  'merah',
  'meja',
  'mesin',
  'makan',
  'jalan',
  'taman',
  'bulan',
  'tahan',
  'tuhan',
  'ikan',
  'akan',
  'bukan',
  'depan',
  'badan',
  'tangan',
  'lapangan',
  'perumahan',
  'pasien',
  'pagi',
  'lagi',
  'hari',
  'kali',
  'mati',
  'tinggi',
  'sapi',
  'kopi',
  'api',
  'polisi',
  'nasi',
  'lain',
  'main',
  'ingin',
  'angin',
  'yasin',
  'kain',
  'bayi',
  'kemana',
  'semua',
  'sampai',
  'pakai',
  'selesai',
  'ramai',
  'sungai',
  'pantai',
  'bantai',
  'lantai',
  'ganti',
  'nanti',
  'hati',
  'pasti',
  'berhenti',
  'henti',
  'peduli',
  'beli',
  'juli',
  'sekali',
  'terima',
  'tempat',
  'tengah',
  'tentang',
  'teruskan',
  'pemkot',
  'pemda',
  'petugas',
  'pelayan',
  'pedagang',
  'penjual',
  'pengamen',
  'kendaraan',
  'pengendara',
  'pengguna',
  'penumpang',
  'perempatan',
  'pertigaan',
  'pertama',
  'bermain',
  'berapa',
  'kesal',
  'kepala',
  'keluarga',
  'kerja',
  'kerjaan',
  'kebun',
  'kebon',
  'kedung',
  'kelurahan',
  'kecamatan',
  'kesehatan',
  'kebersihan',
  'pendidikan',
  'perhubungan',
  'pelayanan',
  'layanan',
  'kemacetan',
  'penerangan',
  'parkir',
  'pasar',
  'pakuan',
  'tegal',
  'terus',
  'tetap',
  'tetangga',
  'seperti',
  'setiap',
  'semalam',
  'sedang',
]);

const VOWEL = /[aiueo]/;
/** Roots ending in k that take -an ("kebaikan", "kerusakan", "pemasukan"): -an is stripped, not -kan. */
const K_ROOTS = [
  'baik',
  'naik',
  'rusak',
  'masuk',
  'tolak',
  'letak',
  'injak',
  'tarik',
  'balik',
  'bentuk',
  'cocok',
  'duduk',
  'gerak',
  'pasok',
  'teriak',
  'tumpuk',
  'retak',
  'rombak',
  'bongkar',
];
const OK_CLUSTER = /^(ng|ny|sy|kh|tr|pr|br|kr|gr|dr|pl|bl|kl|gl|fl|sl|sp|st|sk|sw)/;

function startsWell(stem: string): boolean {
  if (VOWEL.test(stem[0])) return true;
  if (VOWEL.test(stem[1] ?? '')) return true;
  return OK_CLUSTER.test(stem);
}

function strip(word: string, suffix: string, min = 4): string | null {
  if (!word.endsWith(suffix)) return null;
  const rest = word.slice(0, -suffix.length);
  return rest.length >= min ? rest : null;
}

function removeSuffixes(w: string): string {
  for (const p of ['lah', 'kah', 'pun']) {
    const r = strip(w, p);
    if (r && !KEEP.has(w)) {
      w = r;
      break;
    }
  }
  for (const p of ['nya', 'ku', 'mu']) {
    const r = strip(w, p);
    if (r && !KEEP.has(w)) {
      w = r;
      break;
    }
  }
  if (KEEP.has(w)) return w;
  // "-kan" or "-an" after a root ending in k ("perbaikan" = per+baik+an, not per+bai+kan)
  if (w.endsWith('kan') && K_ROOTS.some((r) => w.slice(0, -2).endsWith(r.slice(1)))) return w.slice(0, -2);
  for (const p of ['kan', 'an', 'in', 'i']) {
    const r = strip(w, p);
    if (r) {
      if (p === 'i' && /[aiueo]$/.test(r)) continue;
      return r;
    }
  }
  return w;
}

/**
 * meN- and peN- with the consonant the nasal replaced: menyapu → sapu, memukul → pukul, menulis → tulis,
 * mengangkut → angkut, membuang → buang, merusak → rusak. `recoded`: a consonant was put back, so what is
 * left is a root (pemerintah → perintah, not → intah).
 */
function nasal(w: string, head: 'me' | 'pe'): { stem: string; recoded: boolean } | null {
  const rest = w.slice(2);
  const ok = (stem: string, recoded: boolean) => (stem.length >= 4 ? { stem, recoded } : null);
  if (rest.startsWith('ny') && VOWEL.test(rest[2] ?? '')) return ok('s' + rest.slice(2), true);
  if (rest.startsWith('ng') && rest.length >= 5) return ok(rest.slice(2), false);
  if (rest[0] === 'm') {
    const r = rest.slice(1);
    if (VOWEL.test(r[0] ?? '')) return ok('p' + r, true);
    if (/^[bpf]/.test(r)) return ok(r, false);
  }
  if (rest[0] === 'n') {
    const r = rest.slice(1);
    if (VOWEL.test(r[0] ?? '')) return ok('t' + r, true);
    if (/^[cdjtsz]/.test(r)) return ok(r, false);
  }
  if (/^[lrwy]/.test(rest) && !(head === 'pe' && rest[0] === 'r')) return ok(rest, false);
  if (head === 'pe' && rest.length >= 4 && startsWell(rest) && rest[0] !== 'r') return ok(rest, false);
  return null;
}

function removePrefix(w: string): { stem: string; recoded: boolean } | null {
  if (KEEP.has(w) || w.length < 6) return null;
  if ((w.startsWith('me') || w.startsWith('pe')) && !w.startsWith('per')) {
    const n = nasal(w, w.startsWith('me') ? 'me' : 'pe');
    if (n) return n;
  }
  const other = removeSimple(w);
  return other === null ? null : { stem: other, recoded: false };
}

function removeSimple(w: string): string | null {
  const simple = (p: string): string | null => {
    if (!w.startsWith(p)) return null;
    const r = w.slice(p.length);
    return r.length >= 4 && startsWell(r) ? r : null;
  };
  return (
    simple('di') ??
    simple('ter') ??
    simple('ber') ??
    simple('per') ??
    simple('ke') ??
    (w.startsWith('nge') && w.length >= 7 ? w.slice(3) : null) ??
    (w.startsWith('ny') && VOWEL.test(w[2]) ? 's' + w.slice(2) : null) ??
    (w.startsWith('ng') && VOWEL.test(w[2]) ? w.slice(2) : null)
  );
}

const cache = new Map<string, string>();

/** The stem of one lower-case word. Memoised: everyday comments reuse a small vocabulary. */
export function stem(word: string): string {
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  let w = word;
  if (w.length > 4 && /^[a-z]+$/.test(w) && !KEEP.has(w)) {
    w = removeSuffixes(w);
    for (let round = 0; round < 2; round++) {
      const p = removePrefix(w);
      if (!p) break;
      w = p.stem;
      // a recoded nasal (pemerintah → perintah) is a root: no second prefix
      if (p.recoded) break;
    }
  }
  if (cache.size < 50_000) cache.set(word, w);
  return w;
}
