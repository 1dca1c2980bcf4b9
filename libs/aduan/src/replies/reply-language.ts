import type { ReplyLanguage } from './reply-templates';

// Frequent function words of each language (and everyday Indonesian slang), enough to tell a comment's language.
const ID_WORDS = new Set(
  (
    'yang dan di ke dari ini itu tidak gak gk ga nggak enggak udah udh sudah belum blm tolong dong mohon pak bu bapak ibu kak min ' +
    'ada apa kapan kenapa gimana bagaimana jalan jln macet sampah banget bgt sama kok juga lagi lg tiap aja saja nya kami kita ' +
    'saya aku warga mau bisa harus sangat masih terus kalau kalo karena krn atau tapi tp dengan dgn untuk utk pada oleh'
  ).split(' '),
);
const EN_WORDS = new Set(
  (
    'the and is are was were of to in on at for with this that it its not no please why when how what where there here ' +
    'road street traffic trash garbage very been has have had will would could should i we you they my our your their ' +
    'a an be by from as but or if so than then too again still any some every'
  ).split(' '),
);

/**
 * The citizen's language, from the words of the comment: English when clearly more English function words than
 * Indonesian ones (Indonesian by default: most comments are, and an unclear one is answered in Indonesian).
 */
export function detectLanguage(text: string): ReplyLanguage {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  let id = 0;
  let en = 0;
  for (const w of words) {
    if (ID_WORDS.has(w)) id++;
    if (EN_WORDS.has(w)) en++;
  }
  return en >= 2 && en > id * 1.5 ? 'en' : 'id';
}
