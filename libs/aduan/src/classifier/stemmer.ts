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
  for (const p of ['kan', 'an', 'in', 'i']) {
    const r = strip(w, p);
    if (r) {
      if (p === 'i' && /[aiueo]$/.test(r)) continue;
      return r;
    }
  }
  return w;
}

/** meN- and peN- with the consonant the nasal replaced. */
function nasal(w: string, head: 'me' | 'pe'): string | null {
  const rest = w.slice(2);
  const tries: Array<[string, (r: string) => string]> = [
    ['ny', (r) => 's' + r],
    ['ng', (r) => (VOWEL.test(r[0]) ? r : r)],
    ['m', (r) => (VOWEL.test(r[0]) ? 'p' + r : r)],
    ['n', (r) => (VOWEL.test(r[0]) ? 't' + r : r)],
  ];
  for (const [n, recode] of tries) {
    if (rest.startsWith(n)) {
      const r = rest.slice(n.length);
      if (r.length >= 3 && (VOWEL.test(r[0]) || ['ny', 'ng'].includes(n) || (n === 'm' && /^[bpf]/.test(r)) || (n === 'n' && /^[cdjtsz]/.test(r)))) {
        const out = recode(r);
        if (out.length >= 4) return out;
      }
    }
  }
  if (/^[lrwy]/.test(rest) && rest.length >= 4) return rest;
  if (head === 'pe' && rest.length >= 4 && startsWell(rest)) return rest;
  return null;
}

function removePrefix(w: string): string | null {
  if (KEEP.has(w) || w.length < 6) return null;
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
    (w.startsWith('me') ? nasal(w, 'me') : null) ??
    (w.startsWith('pe') ? nasal(w, 'pe') : null) ??
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
      w = p;
    }
  }
  if (cache.size < 50_000) cache.set(word, w);
  return w;
}
