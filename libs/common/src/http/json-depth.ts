/** JSON bodies nested deeper than this are refused before they are parsed (validation walks them recursively). */
export const MAX_JSON_DEPTH = 32;

/**
 * body-parser's `verify` hook: counts the nesting of `[` and `{` outside strings in the raw body and refuses a
 * body deeper than `maxDepth` with 400 (type entity.too.deep), before JSON.parse and validation overflow the stack.
 */
export function refuseDeepJson(maxDepth = MAX_JSON_DEPTH) {
  return (_req: unknown, _res: unknown, buf: Buffer): void => {
    let depth = 0;
    let inString = false;
    for (let i = 0; i < buf.length; i++) {
      const c = buf[i];
      if (inString) {
        if (c === 0x5c)
          i++; // backslash: skip the escaped byte
        else if (c === 0x22) inString = false;
      } else if (c === 0x22) inString = true;
      else if (c === 0x5b || c === 0x7b) {
        if (++depth > maxDepth) throw Object.assign(new Error(`JSON nested deeper than ${maxDepth}`), { status: 400, type: 'entity.too.deep' });
      } else if (c === 0x5d || c === 0x7d) depth--;
    }
  };
}
