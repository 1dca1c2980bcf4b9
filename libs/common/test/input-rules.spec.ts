import { refuseDeepJson } from '../src/http/json-depth';
import { badStrings, unsafeIntegers } from '../src/http/string-rules';

describe('input rules', () => {
  const verify = refuseDeepJson(3);
  const check = (text: string) => () => verify(undefined, undefined, Buffer.from(text));

  it('refuses JSON nested deeper than the limit before it is parsed, counting no bracket inside a string', () => {
    expect(check('{"a":[{"b":1}]}')).not.toThrow();
    expect(check('{"a":"[[[[[[{{{{\\"[[[["}')).not.toThrow();
    expect(check('[[[[1]]]]')).toThrow(expect.objectContaining({ status: 400, type: 'entity.too.deep' }));
    expect(check('{"a":{"b":{"c":{"d":1}}}}')).toThrow(/nested deeper than 3/);
  });

  it('names every field holding a NUL character or a lone surrogate', () => {
    expect(badStrings({ name: 'Batu Tulis', tags: ['ok', 'a\u0000b'], nested: { text: 'x\uD800' }, emoji: '🇮🇩' }, '')).toEqual([
      { field: 'tags[1]', code: 'validation.nulCharacter' },
      { field: 'nested.text', code: 'validation.invalidUnicode' },
    ]);
    expect(badStrings('a\u0000', 'id')).toEqual([{ field: 'id', code: 'validation.nulCharacter' }]);
    expect(badStrings(Buffer.from([0, 1, 2]), '')).toEqual([]);
  });

  it('names whole numbers beyond 2^53', () => {
    expect(unsafeIntegers({ page: 1e20, limit: 25, ratio: 0.5, list: [2 ** 60] }, '')).toEqual([
      { field: 'page', code: 'validation.numberTooLarge' },
      { field: 'list[0]', code: 'validation.numberTooLarge' },
    ]);
  });
});
