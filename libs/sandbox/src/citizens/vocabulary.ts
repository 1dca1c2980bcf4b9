/**
 * Slots of the simulated citizens' comments (sandbox only): places of Kota Bogor, streets, markets, stations,
 * greetings and sign-offs as people write them. Written for the sandbox; not the classifier's training set.
 */
export const KELURAHAN = [
  'Tegallega',
  'Baranangsiang',
  'Sempur',
  'Babakan Pasar',
  'Cibuluh',
  'Tanah Baru',
  'Kedung Badak',
  'Kedung Halang',
  'Ciparigi',
  'Sindang Barang',
  'Bubulak',
  'Cilendek Barat',
  'Mulyaharja',
  'Harjasari',
  'Katulampa',
  'Tajur',
  'Paledang',
  'Pabaton',
  'Kebon Kalapa',
  'Menteng',
];
export const KECAMATAN = ['Bogor Utara', 'Bogor Selatan', 'Bogor Timur', 'Bogor Barat', 'Bogor Tengah', 'Tanah Sareal'];
export const LANDMARKS = [
  'jln Pajajaran',
  'Jl. Suryakencana',
  'jalan Sholeh Iskandar',
  'jln. Dr. Semeredi',
  'Pasar Anyar',
  'Pasar Bogor',
  'Pasar Gunung Batu',
  'stasiun Bogor',
  'Stasiun Batutulis',
  'terminal Baranangsiang',
  'Taman Sempur',
  'Tugu Kujang',
  'jln Merdeka',
  'Jembatan Otista',
];
export const GREETINGS = ['', '', 'Punten, ', 'Assalamualaikum, ', 'Pak wali, ', 'Min, ', 'Halo admin, ', 'Sampurasun, ', 'Permisi min, '];
export const ENDINGS = ['', '', ' 🙏', ' tolong dong', ' hatur nuhun', ' makasih min', '!!', ' 😡', ' ya allah', ' gmn ini'];
export const PEOPLE = [
  'dewi.anggraeni',
  'ujang_bgr',
  'asep.kurnia',
  'neng_siti',
  'rizky.pratama',
  'bu_yayah',
  'mamat_tajur',
  'teh_rina',
  'kang_dadan',
  'fajar.h',
  'lilis_bogor',
  'budi.santoso88',
  'yanti_kdgbadak',
  'arif.ciomas',
  'ikhsan_warga',
  'nurul.a',
];
export const SPAMMERS = ['slot_gacor_88', 'dana.cepat.cair', 'promo_jp_max', 'pinjaman_kilat_id'];
