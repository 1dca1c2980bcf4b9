import { seedContent as content } from '@kabar/config';

/** Short Indonesian posts per pillar for the demo history; `{unit}` is the unit's name ("Kelurahan Empang"). */
export const PILLAR_TEXTS: Record<string, string[]> = {
  cerita_wilayah: [
    'Minggu pagi ini warga {unit} kerja bakti membersihkan saluran air dan gang. Terima kasih atas gotong royongnya! 🙌 #KotaBogor',
    'Posyandu di {unit} hari ini melayani penimbangan balita dan imunisasi. Yuk, bawa buah hati ke posyandu terdekat. #KotaBogor',
    'Bank sampah {unit} kembali buka. Pilah sampah dari rumah, tabung hasilnya. Sampah jadi berkah! ♻️ #KotaBogor',
    'Kenalan dengan kader PKK {unit} yang setiap minggu mengajak warga menanam sayur di pekarangan. #KotaBogor',
    'Senam pagi bersama warga {unit} di lapangan RW. Sehat itu murah, yuk bergerak bersama! #KotaBogor',
  ],
  program_prioritas: [
    'Informasi untuk warga {unit}: Pemkot Bogor terus memperluas layanan angkutan umum terpadu. Cek rute dan jadwal terbaru di kanal resmi. #BogorBeres',
    'Pemeriksaan kesehatan gratis hadir di {unit}. Bawa KTP dan kartu BPJS, ya. #KotaBogor',
    'Pengelolaan sampah dimulai dari rumah. {unit} mendukung gerakan pilah sampah Kota Bogor. #KotaBogor',
    'Beasiswa dan bantuan pendidikan Kota Bogor: cek syarat dan jadwal pendaftarannya di kelurahan atau laman resmi. #KotaBogor',
  ],
  wisata: [
    'Akhir pekan di Bogor? Jalan pagi di sekitar Kebun Raya Bogor lalu sarapan di kawasan Suryakencana. Selamat berlibur! 🌿 #WisataBogor',
    'Kuliner khas Bogor wajib coba: asinan, soto kuning, dan doclang. Mana favoritmu? #WisataBogor',
    'Jelajah kota pusaka: Prasasti Batutulis, Istana Bogor, dan jalur heritage di pusat kota. #KotaPusaka',
  ],
  layanan_publik: [
    'Pelayanan administrasi di kantor {unit} buka Senin–Jumat pukul 08.00–15.00 WIB. Siapkan berkas sebelum datang, ya.',
    'Mengurus surat pengantar kini bisa lebih cepat. Tanyakan syaratnya ke petugas {unit} atau lewat pesan langsung.',
    'Jadwal pengangkutan sampah di wilayah {unit} minggu ini. Mohon sampah dikeluarkan sesuai jadwal. #KotaBogor',
    'Layanan aduan warga tetap buka. Sampaikan keluhan Anda lewat kanal resmi Pemkot Bogor, petugas {unit} siap menindaklanjuti.',
  ],
  tanggap_aduan: [
    'Terima kasih atas laporannya. Lampu penerangan jalan di wilayah {unit} sudah diperbaiki petugas hari ini. 💡',
    'Tindak lanjut aduan warga: tumpukan sampah liar di wilayah {unit} sudah diangkut. Mari jaga bersama, jangan buang sampah sembarangan.',
    'Aduan jalan berlubang sudah kami teruskan ke dinas terkait dan sedang ditangani. Terima kasih atas kesabaran warga {unit}.',
  ],
};

/** English tourism posts (the tourism pillar asks for an English version). */
export const TOURISM_EN: string[] = [
  'Weekend in Bogor? Start with a morning walk around the Bogor Botanical Gardens, then breakfast on Jalan Suryakencana. 🌿 #VisitBogor',
  "Bogor's must-try food: asinan, soto kuning and doclang. Which one is your favourite? #VisitBogor",
  'Explore the heritage city: the Batutulis Inscription, the Bogor Presidential Palace and the old town trail. #VisitBogor',
];

/** The seed file's demo posts by unit code: a unit with posts of its own uses them first. */
export const SEED_POSTS_BY_UNIT: Map<string, Array<{ pillar: string; program: string | null; id: string; en?: string | null }>> = (() => {
  const m = new Map<string, Array<{ pillar: string; program: string | null; id: string; en?: string | null }>>();
  for (const p of content.posts as Array<{ unit_code: string; pillar: string; program: string | null; id: string; en?: string | null }>) {
    m.set(p.unit_code, [...(m.get(p.unit_code) ?? []), p]);
  }
  return m;
})();
