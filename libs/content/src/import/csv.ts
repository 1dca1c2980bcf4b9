import { parse } from 'csv-parse/sync';

/**
 * RFC 4180 CSV through csv-parse: quoted fields with "" escapes, separators and line breaks inside quotes, CRLF, LF or both,
 * a UTF-8 BOM dropped. Also reads the semicolon files Excel writes under an Indonesian locale.
 */
export class CsvError extends Error {}

/** `;` when the header line (outside quotes) holds more semicolons than commas, else `,`. */
export function detectDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semis = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semis++;
  }
  return semis > commas ? ';' : ',';
}

export function parseCsv(input: string, delimiter = detectDelimiter(input.replace(/^\uFEFF/, ''))): string[][] {
  try {
    return parse(input, { bom: true, delimiter, record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (e) {
    throw new CsvError(e instanceof Error ? e.message : String(e));
  }
}
