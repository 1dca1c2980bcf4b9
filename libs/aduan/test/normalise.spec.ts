import { normaliseText, signalsOf, squeezeRepeats, stem } from '@kabar/aduan';

const norms = (text: string) => normaliseText(text).tokens.map((t) => t.norm);
const stems = (text: string) => normaliseText(text).tokens.map((t) => t.stem);

describe('aduan: normalising comments as citizens write them', () => {
  it('maps slang and abbreviations to standard Indonesian', () => {
    expect(norms('jln gk bisa dilewatin, udh bolong bgt')).toEqual(['jalan', 'tidak', 'bisa', 'dilewatin', 'sudah', 'bolong', 'banget']);
    expect(norms('kalo sy lwt yg tdk ada lampunya')).toEqual(['kalau', 'saya', 'lewat', 'yang', 'tidak', 'ada', 'lampunya']);
    expect(norms('tolong dong min, ga ada yg ngangkut')).toEqual(['tolong', 'dong', 'admin', 'tidak', 'ada', 'yang', 'mengangkut']);
    expect(norms('mksh ya, gpp kok')).toEqual(['terima', 'kasih', 'ya', 'tidak', 'apa', 'apa', 'kok']);
  });

  it('maps some Sundanese', () => {
    expect(norms('runtah numpuk teu diangkut, bau pisan euy')).toEqual(['sampah', 'menumpuk', 'tidak', 'diangkut', 'bau', 'banget', 'euy']);
    expect(norms('lampu pareum, poek pisan')).toEqual(['lampu', 'mati', 'gelap', 'banget']);
    expect(norms('punten, kumaha ieu solokan mampet')).toEqual(['permisi', 'bagaimana', 'ini', 'selokan', 'mampet']);
    expect(norms('hatur nuhun')).toEqual(['terima', 'kasih']);
  });

  it('squeezes repeated letters, expands reduplication and keeps numbers as one token', () => {
    expect(squeezeRepeats('macettttt')).toBe('macet');
    expect(squeezeRepeats('parahh')).toBe('parah');
    expect(squeezeRepeats('maaf')).toBe('maaf');
    expect(norms('MACETTTT parahhhh bangeeet')).toEqual(['macet', 'parah', 'banget']);
    expect(norms('jalan2 bolong2, udah 3bulan')).toEqual(['jalan', 'jalan', 'bolong', 'bolong', 'sudah', 'num', 'bulan']);
    expect(norms('wkwkwk hahaha ckckck')).toEqual(['tawa', 'tawa', 'ckck']);
  });

  it('turns emoji, links, mentions and phone numbers into tokens and counts them', () => {
    const n = normaliseText('Slot GACOR!! cek www.gacor88.vip wa 0812-3456-7890 @admin_slot #slotgacor 😡🙏');
    expect(n.tokens.map((t) => t.norm)).toEqual([
      'slot',
      'gacor',
      'cek',
      'urltoken',
      'whatsapp',
      'phonetoken',
      'mentiontoken',
      'slotgacor',
      'emo_marah',
      'emo_mohon',
    ]);
    expect(n.marks).toMatchObject({ exclamations: 2, urls: 1, mentions: 1, hashtags: 1, phoneNumbers: 1, emoji: 2, shouted: 1 });
    expect(normaliseText('kapan? kapan?? ').marks.questionMarks).toBe(3);
  });

  it('keeps what was written for the reasons', () => {
    const [t] = normaliseText('Jln.').tokens;
    expect(t).toEqual({ surface: 'jln', norm: 'jalan', stem: 'jalan' });
  });
});

describe('aduan: the light stemmer', () => {
  it.each([
    ['diperbaiki', 'baik'],
    ['perbaikan', 'baik'],
    ['memperbaiki', 'baik'],
    ['kerusakan', 'rusak'],
    ['merusak', 'rusak'],
    ['menumpuk', 'tumpuk'],
    ['penumpukan', 'tumpuk'],
    ['menyumbat', 'sumbat'],
    ['tergenang', 'genang'],
    ['genangan', 'genang'],
    ['kebanjiran', 'banjir'],
    ['berlubang', 'lubang'],
    ['lubangnya', 'lubang'],
    ['menunggu', 'tunggu'],
    ['mengangkut', 'angkut'],
    ['pengangkutan', 'angkut'],
    ['pemerintah', 'perintah'],
    ['ditertibkan', 'tertib'],
    ['penertiban', 'tertib'],
    ['berjualan', 'jual'],
    ['dibenerin', 'bener'],
  ])('%s → %s', (word, root) => expect(stem(word)).toBe(root));

  it('leaves words that only look derived', () => {
    for (const w of [
      'sekolah',
      'masalah',
      'tanya',
      'bertanya',
      'nyala',
      'nyamuk',
      'jalan',
      'dinas',
      'dinkes',
      'kereta',
      'sekarang',
      'menteng',
      'pagi',
      'mati',
      'macet',
    ]) {
      expect(stem(w)).toBe(w);
    }
  });

  it('stems everyday forms to the same root', () => {
    expect(stems('dibenerin')).toEqual(['benar']);
    expect(new Set(['sampahnya', 'sampah'].map(stem)).size).toBe(1);
  });
});

describe('aduan: signals', () => {
  const has = (text: string) => signalsOf(normaliseText(text));
  it('names questions, greetings, praise, fixed problems, spam and politics', () => {
    expect(has('min, kapan jalan ini diperbaiki?')).toEqual(expect.arrayContaining(['question', 'question_word_first']));
    expect(has('assalamualaikum pak, mau lapor sampah numpuk')).toEqual(expect.arrayContaining(['greeting_first', 'neglect', 'problem_word']));
    expect(has('terima kasih, lampu jalan sudah nyala lagi')).toEqual(expect.arrayContaining(['thanks', 'fixed']));
    expect(has('slot gacor maxwin hari ini, link di bio')).toContain('spam_gambling');
    expect(has('butuh dana? pinjaman online cair 5 menit')).toContain('spam_loan');
    expect(has('pilkada besok jangan salah pilih, ganti walikota')).toContain('political');
    expect(has('mantap, jalannya bolong kayak kolam')).toContain('praise_with_problem');
    expect(has('udah 3 bulan lampu mati')).toContain('duration');
    expect(has('lampu jalan tidak nyala')).toContain('negated_function');
  });
});
