import { ErrorDetail } from '../errors/app-error';

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** How deep the walk looks into a payload (the body parser refuses deeper JSON anyway). */
const MAX_WALK_DEPTH = 40;

/**
 * Text PostgreSQL cannot store or that no client means: NUL characters (refused by PostgreSQL's text types) and
 * lone UTF-16 surrogates (not Unicode at all). Returns one detail per offending field, dotted paths.
 */
export function badStrings(value: unknown, prefix: string, out: ErrorDetail[] = [], depth = 0): ErrorDetail[] {
  if (out.length >= 20 || depth > MAX_WALK_DEPTH || ArrayBuffer.isView(value)) return out;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) out.push({ field: prefix || 'value', code: 'validation.nulCharacter' });
    else if (LONE_SURROGATE.test(value)) out.push({ field: prefix || 'value', code: 'validation.invalidUnicode' });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => badStrings(item, `${prefix}[${i}]`, out, depth + 1));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      badStrings(k, prefix ? `${prefix}.${k}` : k, out, depth + 1);
      badStrings(v, prefix ? `${prefix}.${k}` : k, out, depth + 1);
    }
  }
  return out;
}

/**
 * Whole numbers out of reach of the database's bigint and of JavaScript's exact integers
 * (?page=99999999999999999999 reads as 1e20): one detail per field.
 */
export function unsafeIntegers(value: unknown, prefix: string, out: ErrorDetail[] = [], depth = 0): ErrorDetail[] {
  if (out.length >= 20 || depth > MAX_WALK_DEPTH || ArrayBuffer.isView(value)) return out;
  if (typeof value === 'number') {
    if (Number.isInteger(value) && !Number.isSafeInteger(value)) out.push({ field: prefix || 'value', code: 'validation.numberTooLarge' });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => unsafeIntegers(item, `${prefix}[${i}]`, out, depth + 1));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) unsafeIntegers(v, prefix ? `${prefix}.${k}` : k, out, depth + 1);
  }
  return out;
}
