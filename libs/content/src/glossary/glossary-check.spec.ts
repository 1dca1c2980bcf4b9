import { checkGlossary, GlossaryTerm } from './glossary-check';

const terms: GlossaryTerm[] = [
  { termId: 'Kebun Raya Bogor', termEn: 'Bogor Botanical Gardens', idAliases: ['KRB', 'Kebun Raya'], enAvoid: ['Bogor Great Garden'], keepIdInEn: false },
  { termId: 'Museum Zoologi Bogor', termEn: 'Bogor Zoology Museum', idAliases: [], enAvoid: ['Bogor Zoological Museum'], keepIdInEn: false },
  { termId: 'Jalan Suryakencana', termEn: "Jalan Suryakencana (Bogor's Chinatown)", idAliases: ['Surken'], enAvoid: [], keepIdInEn: true },
];

describe('checkGlossary', () => {
  it('warns on an untranslated Indonesian name, with the approved rendering', () => {
    const w = checkGlossary('Visit Kebun Raya Bogor this weekend.', terms);
    expect(w).toEqual([{ field: 'variants.en', code: 'content.glossary.untranslated', params: { name: 'Kebun Raya Bogor', en: 'Bogor Botanical Gardens' } }]);
  });

  it('warns on an avoided rendering', () => {
    const w = checkGlossary('The Bogor Zoological Museum opens at 08:00.', terms);
    expect(w.map((x) => x.code)).toEqual(['content.glossary.avoid']);
    expect(w[0].params).toEqual({ avoid: 'Bogor Zoological Museum', en: 'Bogor Zoology Museum' });
  });

  it('is quiet for approved renderings and names kept in English', () => {
    expect(checkGlossary('Bogor Botanical Gardens and Jalan Suryakencana are close.', terms)).toEqual([]);
  });

  it('matches whole words only', () => {
    expect(checkGlossary('KRBX is not a name.', terms)).toEqual([]);
    expect(checkGlossary('Meet us at KRB.', terms)[0].params).toEqual({ name: 'KRB', en: 'Bogor Botanical Gardens' });
  });
});
