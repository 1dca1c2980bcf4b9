/**
 * Comment templates by intent; `{place}`, `{where}` (a place or a landmark), `{time}`, `{n}` are filled from the
 * vocabulary. Complaints speak of the city's usual problems; the others use the same words without complaining.
 */
export type CitizenIntent = 'complaint' | 'praise' | 'question' | 'info_request' | 'chatter' | 'spam' | 'joke' | 'political';

export const TEMPLATES: Record<CitizenIntent, string[]> = {
  complaint: [
    'jln di {where} bolong2 udh {n} bulan gk dibenerin, motor sy hampir jatoh',
    'sampah numpuk di deket {where}, bau bgt udh {n} hari gk diangkut',
    'macet parah tiap {time} di {where}, gk ada petugas sama sekali',
    'PKL makan badan jalan di {where}, pejalan kaki jadi turun ke jalan',
    'parkir liar di {where} bikin sempit, tukang parkirnya galak lagi',
    'lampu jalan di {where} mati semua, gelap bgt kalo {time}',
    'selokan mampet di kel. {place}, tiap ujan langsung banjir sebetis',
    'angkot ngetem sembarangan di {where}, bikin macet {time}',
    'udh {n} minggu ngurus KTP di kec. {place} blm jadi2, blangko katanya abis',
    'puskesmas di {place} antrinya dari subuh, dokternya cuma satu',
    'gorong2 di {where} ambrol, bahaya buat anak sekolah',
    'kapan jln ke {place} dibenerin pak? aspalnya udh ancur',
    'keren ya, jalan berlubang di {where} dibiarin jadi kolam ikan 🙄',
    'sekolah di {place} atapnya bocor, murid belajar sambil kehujanan',
  ],
  praise: [
    'mantap pak wali, jalan di {where} udh mulus sekarang',
    'terima kasih DLH, sampah di {place} udh diangkut tadi pagi',
    'salut sama petugas di {where}, sigap bgt',
    'kegiatannya keren, semoga rutin ya min',
    'alhamdulillah lampu jalan di {place} udh nyala lagi, hatur nuhun',
    'Bogor makin rapi, sukses terus pemkot',
  ],
  question: [
    'min, acara ini sampe jam berapa?',
    'ini berlaku buat warga {place} juga gk?',
    'daftarnya dimana ya min?',
    'kalo hari minggu kantor kelurahan buka gk?',
    'lokasinya persis di mana min, deket {where}?',
  ],
  info_request: [
    'min info jadwal posyandu di {place} dong',
    'minta info syarat bikin KK baru dong min',
    'ada nomor wa buat info PBB gk min?',
    'tolong share jadwal vaksin buat lansia di kec. {place}',
  ],
  chatter: [
    'wkwk rame bgt',
    'absen dulu dari {place} ✋',
    'kangen jajan di {where}',
    'semangat semuanya',
    'nyimak aja ah min',
    'aku mah kemarin lewat {where}, rame euy',
  ],
  spam: [
    'mau cuan cepet? main di situs slot gacor, link di bio 🔥🔥',
    'pinjol cair 5 menit tanpa BI checking, wa 08{n}77{n}',
    'judi online terpercaya, deposit 10rb bisa WD jutaan',
    'butuh dana darurat? pinjaman tanpa agunan proses kilat, dm aja',
  ],
  joke: [
    'jalan di {where} bolongnya banyak, bisa buat latihan offroad gratis 😂',
    'macet di {where} mah udh jadi wisata tahunan wkwk',
    'hujan dikit {place} langsung jadi venesia 🤣',
  ],
  political: ['kerjanya cuma pas mau pemilu doang', 'pencitraan terus, rakyat mah gini2 aja', 'tahun depan pilih yg bener makanya'],
};

/** How often each intent is drawn (out of 100): complaints are the biggest share, as on the city's accounts. */
export const INTENT_WEIGHTS: Array<[CitizenIntent, number]> = [
  ['complaint', 34],
  ['praise', 14],
  ['question', 12],
  ['info_request', 8],
  ['chatter', 14],
  ['spam', 8],
  ['joke', 5],
  ['political', 5],
];

/** The account's own answers (skipped by the collector). */
export const OWN_REPLIES = [
  'Terima kasih atas laporannya, sudah kami teruskan ke perangkat daerah terkait.',
  'Baik, mohon kirim lokasi lengkapnya lewat DM ya.',
  'Terima kasih sudah mengikuti kegiatan kami.',
];
