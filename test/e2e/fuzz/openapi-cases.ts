import { Random } from './random';

/** The parts of an OpenAPI 3 document the fuzzer reads. */
export interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}
interface Operation {
  operationId?: string;
  parameters?: Array<{ name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema?: Schema }>;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
}

export interface FuzzOperation {
  method: string;
  /** OpenAPI path, e.g. /api/v1/units/{id} */
  path: string;
  pathParams: string[];
  query: Array<{ name: string; schema: Schema }>;
  body: Schema | null;
  /** Multipart or other non-JSON body. */
  otherBody: string | null;
}

/** A request to send: raw body text (so malformed and deeply nested JSON can be sent as such). */
export interface FuzzCase {
  op: FuzzOperation;
  label: string;
  url: string;
  body?: string;
  contentType?: string;
}

export function operations(doc: OpenApiDoc): FuzzOperation[] {
  const out: FuzzOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const params = op.parameters ?? [];
      const content = op.requestBody?.content ?? {};
      out.push({
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        query: params.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema ?? {} })),
        body: content['application/json']?.schema ?? null,
        otherBody: Object.keys(content).find((c) => c !== 'application/json') ?? null,
      });
    }
  }
  return out;
}

const NUL = 'a\u0000b';
const UNICODE = ['ẞ𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🇮🇩 مرحبا ‮dlrow‬ e\u0301', '\uD800', '\uFEFF\u200B', '𝕂𝕒𝕓𝕒𝕣'.repeat(50)];
const HUGE_STRING = 'x'.repeat(200_000);
const BAD_IDS = [
  'abc',
  '0',
  '-1',
  '99999999999999999999',
  '00000000-0000-0000-0000-000000000000',
  "1' OR '1'='1",
  '%00',
  '%F0%9F%98%80',
  'a'.repeat(300),
  '..%2F..%2Fetc%2Fpasswd',
  '%ZZ',
];
const BAD_SCALARS: unknown[] = [
  null,
  true,
  0,
  -1,
  1.5,
  1e308,
  -99999999999999999999,
  99999999999999999999,
  '',
  ' ',
  NUL,
  ...UNICODE,
  HUGE_STRING,
  [],
  {},
  [null],
  { $gt: '' },
  '2026-13-45',
  'not-a-date',
];
const QUERY_VALUES = [
  '99999999999999999999',
  '-99999999999999999999',
  '1e400',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '1.5',
  'abc',
  '',
  '%00',
  'a%00b',
  '%F0%9F%98%80%E2%80%AE',
  '%ZZ',
  'x'.repeat(5000),
  '2026-02-30',
  '9999-12-31',
  '0000-01-01',
];

/** JSON nested `depth` deep, as text (JSON.stringify itself would overflow on such a value). */
export function nestedJson(depth: number, open = '{"a":', close = '}'): string {
  return open.repeat(depth) + '1' + close.repeat(depth);
}

function resolve(doc: OpenApiDoc, s: Schema | undefined, seen = new Set<string>()): Schema {
  if (!s) return {};
  if (s.$ref) {
    const name = s.$ref.split('/').pop()!;
    if (seen.has(name)) return {};
    seen.add(name);
    return resolve(doc, doc.components?.schemas?.[name], seen);
  }
  if (s.allOf?.length)
    return s.allOf.reduce<Schema>((acc, part) => {
      const r = resolve(doc, part, seen);
      return { ...acc, ...r, properties: { ...acc.properties, ...r.properties }, required: [...(acc.required ?? []), ...(r.required ?? [])] };
    }, {});
  if (s.oneOf?.length || s.anyOf?.length) return resolve(doc, (s.oneOf ?? s.anyOf)![0], seen);
  return s;
}

/** A value that follows the schema (its example, default, first enum value, or a plain one of its type). */
export function sample(doc: OpenApiDoc, schema: Schema | undefined, ids: string[], depth = 0): unknown {
  const s = resolve(doc, schema);
  if (s.example !== undefined) return s.example;
  if (s.default !== undefined) return s.default;
  if (s.enum?.length) return s.enum[0];
  if (depth > 4) return null;
  switch (s.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, p] of Object.entries(s.properties ?? {})) out[k] = sample(doc, p, ids, depth + 1);
      return out;
    }
    case 'array':
      return [sample(doc, s.items, ids, depth + 1)];
    case 'integer':
    case 'number':
      return s.minimum ?? 1;
    case 'boolean':
      return true;
    case 'string':
      if (s.format === 'uuid') return ids[0];
      if (s.format === 'date-time') return '2099-06-17T10:00:00+07:00';
      if (s.format === 'date') return '2099-06-17';
      if (s.format === 'email') return 'fuzz@kabar.test';
      return 'uji';
    default:
      if (s.properties) return sample(doc, { ...s, type: 'object' }, ids, depth);
      return 'uji';
  }
}

/**
 * The requests for one operation: path ids (real and bad), query values of wrong type and size, and bodies
 * built from the schema with one field at a time (or all at once) set to null, a wrong type, a huge, NUL or
 * odd unicode value; plus bodies that are deeply nested, not JSON, an array, empty.
 */
/** The collection a path parameter names an item of: "/api/v1/units/{id}/x" → "units". */
export function collectionOf(path: string, param: string): string {
  const before = path
    .slice(0, path.indexOf(`{${param}}`))
    .split('/')
    .filter(Boolean);
  return before[before.length - 1] ?? '';
}

export function casesFor(doc: OpenApiDoc, op: FuzzOperation, idsFor: (collection: string) => string[], rnd: Random, perOperation: number): FuzzCase[] {
  const cases: FuzzCase[] = [];
  const fill = (id: (name: string) => string) => op.path.replace(/\{([^}]+)\}/g, (_, name: string) => id(name));
  const realPath = fill((name) => {
    const ids = idsFor(collectionOf(op.path, name));
    return ids[rnd.int(ids.length)];
  });
  const ids = idsFor('units');
  const base = sample(doc, op.body ?? undefined, ids);
  const json = (label: string, body: unknown, url = realPath) => cases.push({ op, label, url, body: JSON.stringify(body), contentType: 'application/json' });
  const raw = (label: string, body: string, contentType = 'application/json', url = realPath) => cases.push({ op, label, url, body, contentType });

  // path ids
  for (const bad of rnd.sample(BAD_IDS, op.pathParams.length ? 6 : 0)) {
    const url = fill(() => bad);
    if (op.body) json(`path=${bad.slice(0, 20)}`, base, url);
    else cases.push({ op, label: `path=${bad.slice(0, 20)}`, url });
  }
  // query values
  for (const q of op.query) {
    for (const value of rnd.sample(QUERY_VALUES, 4)) cases.push({ op, label: `?${q.name}=${value.slice(0, 20)}`, url: `${realPath}?${q.name}=${value}` });
    cases.push({ op, label: `?${q.name}[]`, url: `${realPath}?${q.name}[]=1&${q.name}[x]=2&${q.name}=3` });
  }
  if (!op.path.includes('{') || op.query.length)
    cases.push({ op, label: 'all queries odd', url: `${realPath}?${op.query.map((q) => `${q.name}=%00`).join('&')}&page=99999999999999999999&unknown=1` });
  if (!op.body) {
    if (!op.query.length) cases.push({ op, label: 'plain', url: realPath });
    if (op.method !== 'GET') raw('unexpected nested body', nestedJson(5000));
    return cases.slice(0, perOperation);
  }
  // bodies
  json('sample', base);
  raw('nested 100k', nestedJson(100_000));
  raw('nested arrays 100k', nestedJson(100_000, '[', ']'));
  raw('not json', '{"a":');
  raw('text', 'teks biasa', 'text/plain');
  json('array', [base]);
  json('null', null);
  json('string', 'uji');
  raw('empty', '');
  const s = resolve(doc, op.body);
  const props = Object.keys(s.properties ?? {});
  if (base && typeof base === 'object' && !Array.isArray(base)) {
    const obj = base as Record<string, unknown>;
    for (const prop of props) {
      for (const value of [null, ...rnd.sample(BAD_SCALARS.slice(1), 4)]) json(`${prop}=${JSON.stringify(value)?.slice(0, 20)}`, { ...obj, [prop]: value });
      json(`${prop} nested`, { ...obj, [prop]: JSON.parse(nestedJson(30)) });
    }
    json('every field null', Object.fromEntries(props.map((p) => [p, null])));
    json('every field NUL', Object.fromEntries(props.map((p) => [p, NUL])));
    json('every field huge number', Object.fromEntries(props.map((p) => [p, 99999999999999999999])));
    raw('field nested 100k', `{${props.map((p) => `"${p}":${nestedJson(100_000)}`).join(',')}}`);
  }
  return cases.length > perOperation ? [...cases.slice(0, 12), ...rnd.sample(cases.slice(12), perOperation - 12)] : cases;
}
