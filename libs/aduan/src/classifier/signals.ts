import { NormalisedText } from './normalise';

/**
 * Hand features ("signals"): patterns a linear model over words finds hard to learn from a few hundred
 * comments, each a named feature the model still weighs itself. Names are stable: the inbox can show them
 * (`reasons`) and translate them.
 */
export const SIGNALS = [
  'question',
  'question_word_first',
  'ask_info',
  'greeting_first',
  'praise',
  'thanks',
  'fixed',
  'please',
  'duration',
  'neglect',
  'frustration',
  'laugh',
  'spam_gambling',
  'spam_loan',
  'spam_promo',
  'link',
  'phone_number',
  'political',
  'praise_with_problem',
  'exclamation',
  'shouting',
  'short',
  'problem_word',
  'negated_function',
] as const;
export type Signal = (typeof SIGNALS)[number];

const QUESTION_WORDS = new Set(['apa', 'apakah', 'kapan', 'bagaimana', 'berapa', 'di', 'mana', 'siapa', 'kenapa', 'mengapa', 'boleh', 'bisakah', 'adakah']);
const ASK_INFO = [
  ['mau', 'tanya'],
  ['izin', 'tanya'],
  ['ijin', 'tanya'],
  ['numpang', 'tanya'],
  ['mau', 'nanya'],
  ['info', 'dong'],
  ['minta', 'info'],
  ['tanya', 'admin'],
  ['info', 'jadwal'],
  ['cara', 'daftar'],
  ['syarat'],
  ['jadwal'],
  ['info'],
];
const GREETINGS = new Set(['assalamualaikum', 'sampurasun', 'halo', 'permisi', 'selamat', 'salam', 'pagi', 'siang', 'malam', 'sore', 'admin', 'punten']);
const PRAISE = new Set([
  'mantap',
  'keren',
  'salut',
  'bagus',
  'hebat',
  'sukses',
  'top',
  'apresiasi',
  'terbaik',
  'luar',
  'cantik',
  'indah',
  'rapi',
  'asri',
  'bangga',
  'semangat',
  'amin',
  'alhamdulillah',
  'emo_suka',
  'gercep',
  'sigap',
  'cepat',
  'bersih',
  'mulus',
  'lancar',
  'nyaman',
]);
const THANKS = new Set(['terima', 'kasih', 'hatur', 'nuhun']);
const FIXED_AFTER = new Set([
  'baik',
  'perbaik',
  'bersih',
  'nyala',
  'terang',
  'mulus',
  'lancar',
  'angkut',
  'beres',
  'benar',
  'tertib',
  'rapi',
  'aspal',
  'tambal',
  'ganti',
  'normal',
  'surut',
  'kering',
  'tangan',
  'lebar',
  'selesai',
  'jadi',
  'bagus',
  'aman',
]);
const DURATION_UNITS = new Set(['hari', 'minggu', 'bulan', 'tahun', 'jam', 'pekan']);
const NEGLECT = [
  ['tidak', 'ada', 'tindak'],
  ['tidak', 'pernah'],
  ['biar'],
  ['tidak', 'direspon'],
  ['tidak', 'respon'],
  ['tidak', 'ditanggap'],
  ['tidak', 'digubris'],
  ['kok', 'tidak'],
  ['sampai', 'kapan'],
  ['lapor'],
  ['percuma'],
  ['tidak', 'ada', 'perubahan'],
  ['masih', 'saja'],
  ['tetap', 'saja'],
  ['tidak', 'kunjung'],
  ['belum', 'juga'],
];
const FRUSTRATION = new Set([
  'aduh',
  'astaga',
  'ckck',
  'capek',
  'pusing',
  'kesal',
  'kecewa',
  'parah',
  'emo_marah',
  'emo_sedih',
  'emo_sinis',
  'emo_jijik',
  'resah',
  'ganggu',
  'bahaya',
  'jengkel',
  'miris',
  'malu',
  'sedih',
  'takut',
  'ngeri',
]);
const GAMBLING = new Set([
  'slot',
  'gacor',
  'maxwin',
  'scatter',
  'depo',
  'deposit',
  'wd',
  'withdraw',
  'togel',
  'judi',
  'bet',
  'rtp',
  'jackpot',
  'jp',
  'zeus',
  'olympus',
  'mahjong',
  'pragmatic',
  'casino',
  'kasino',
  'toto',
  'bandar',
  'spin',
  'freebet',
  'emo_uang',
]);
const LOAN = new Set([
  'pinjol',
  'pinjaman',
  'pinjam',
  'cair',
  'dana',
  'limit',
  'tenor',
  'bunga',
  'jaminan',
  'checking',
  'agunan',
  'kta',
  'modal',
  'lunas',
  'utang',
  'hutang',
]);
const PROMO = new Set([
  'promo',
  'diskon',
  'gratis',
  'bonus',
  'klik',
  'daftar',
  'order',
  'follow',
  'followers',
  'cek',
  'bio',
  'dm',
  'whatsapp',
  'hubungi',
  'minat',
  'jual',
  'murah',
  'reseller',
  'open',
  'ready',
  'endorse',
  'giveaway',
  'investasi',
  'cuan',
  'profit',
  'untung',
  'link',
]);
const POLITICAL = new Set([
  'pilkada',
  'pilwalkot',
  'paslon',
  'coblos',
  'kampanye',
  'partai',
  'pemilu',
  'pencitraan',
  'rezim',
  'janji',
  'dprd',
  'caleg',
  'periode',
  'jabatan',
  'oposisi',
  'pendukung',
  'buzzer',
  'dinasti',
  'incumbent',
  'petahana',
  'capres',
  'pilpres',
  'golput',
  'kader',
  'lengser',
  'mundur',
]);
const PROBLEM = new Set([
  'macet',
  'sampah',
  'rusak',
  'lubang',
  'bolong',
  'banjir',
  'genang',
  'mampet',
  'mati',
  'gelap',
  'bau',
  'kotor',
  'liar',
  'pkl',
  'parkir',
  'hancur',
  'ngetem',
  'antre',
  'lambat',
  'pungli',
  'sumbat',
  'tumpuk',
  'bocor',
  'longsor',
  'retak',
  'amblas',
  'padat',
  'semrawut',
  'kumuh',
  'rebut',
  'galak',
  'jutek',
  'telat',
  'mogok',
  'tutup',
  'sakit',
]);
const NEGATION = new Set(['tidak', 'belum', 'bukan']);
const FUNCTION_WORDS = new Set([
  'nyala',
  'jalan',
  'angkut',
  'urus',
  'datang',
  'layan',
  'respon',
  'jadi',
  'bisa',
  'buka',
  'jalan',
  'berfungsi',
  'fungsi',
  'ada',
  'benar',
  'baik',
  'bersih',
  'tanggap',
  'kunjung',
  'sempat',
  'diangkut',
]);

function hasSeq(stems: string[], norms: string[], seq: string[]): boolean {
  outer: for (let i = 0; i + seq.length <= stems.length; i++) {
    for (let j = 0; j < seq.length; j++) if (stems[i + j] !== seq[j] && norms[i + j] !== seq[j]) continue outer;
    return true;
  }
  return false;
}

/** The signals that hold for one normalised comment. */
export function signalsOf(n: NormalisedText): Signal[] {
  const out = new Set<Signal>();
  const stems = n.tokens.map((t) => t.stem);
  const norms = n.tokens.map((t) => t.norm);
  const has = (set: Set<string>) => stems.some((s, i) => set.has(s) || set.has(norms[i]));
  const count = (set: Set<string>) => stems.reduce((c, s, i) => c + (set.has(s) || set.has(norms[i]) ? 1 : 0), 0);

  if (n.marks.questionMarks > 0) out.add('question');
  const firstWords = norms.filter((w) => !GREETINGS.has(w) && w !== 'bapak' && w !== 'ibu' && w !== 'kakak' && w !== 'mentiontoken').slice(0, 2);
  if (firstWords.some((w) => QUESTION_WORDS.has(w)) && !(firstWords[0] === 'di' && firstWords[1] !== 'mana')) out.add('question_word_first');
  if (ASK_INFO.some((seq) => hasSeq(stems, norms, seq))) out.add('ask_info');
  if (norms.slice(0, 3).some((w) => GREETINGS.has(w))) out.add('greeting_first');
  const praise = has(PRAISE);
  if (praise) out.add('praise');
  if (has(THANKS)) out.add('thanks');
  for (let i = 0; i < stems.length - 1; i++) {
    if ((norms[i] === 'sudah' || norms[i] === 'akhirnya' || norms[i] === 'sekarang') && FIXED_AFTER.has(stems[i + 1])) out.add('fixed');
    if ((norms[i] === 'sudah' || norms[i] === 'akhirnya') && i + 2 < stems.length && FIXED_AFTER.has(stems[i + 2])) out.add('fixed');
    if (norms[i] === 'num' && DURATION_UNITS.has(stems[i + 1])) out.add('duration');
    if (NEGATION.has(norms[i]) && FUNCTION_WORDS.has(stems[i + 1])) out.add('negated_function');
  }
  if (stems.some((s, i) => DURATION_UNITS.has(s) && i > 0 && (norms[i - 1] === s || ['ber', 'se', 'sudah', 'ber'].includes(norms[i - 1])))) out.add('duration');
  if (norms.some((w) => /^ber(hari|minggu|bulan|tahun)/.test(w))) out.add('duration');
  if (has(new Set(['tolong', 'mohon', 'segera', 'harap', 'minta']))) out.add('please');
  if (NEGLECT.some((seq) => hasSeq(stems, norms, seq))) out.add('neglect');
  if (has(FRUSTRATION) || n.marks.exclamations >= 3) out.add('frustration');
  if (norms.includes('tawa') || norms.includes('emo_tawa')) out.add('laugh');
  const gambling = count(GAMBLING);
  if (gambling >= 2 || (gambling >= 1 && (n.marks.urls > 0 || has(PROMO)))) out.add('spam_gambling');
  if (
    stems.includes('pinjol') ||
    hasSeq(stems, norms, ['pinjam', 'online']) ||
    hasSeq(stems, norms, ['pinjaman', 'online']) ||
    (count(LOAN) >= 2 && (n.marks.urls > 0 || n.marks.phoneNumbers > 0 || has(PROMO)))
  )
    out.add('spam_loan');
  if (count(PROMO) >= 2 || (has(PROMO) && (n.marks.urls > 0 || n.marks.phoneNumbers > 0))) out.add('spam_promo');
  if (n.marks.urls > 0) out.add('link');
  if (n.marks.phoneNumbers > 0) out.add('phone_number');
  if (has(POLITICAL) || hasSeq(stems, norms, ['ganti', 'walikota']) || hasSeq(stems, norms, ['pilih', 'nomor'])) out.add('political');
  const problem = has(PROBLEM);
  if (problem) out.add('problem_word');
  if (praise && problem && !out.has('fixed')) out.add('praise_with_problem');
  if (n.marks.exclamations > 0) out.add('exclamation');
  if (n.marks.shouted >= 2) out.add('shouting');
  if (n.tokens.length <= 4) out.add('short');
  return [...out];
}
