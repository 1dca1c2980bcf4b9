/** The rows of an UPDATE … RETURNING: TypeORM's postgres driver answers `[rows, affected]` for an UPDATE, rows for the rest. */
export function returnedRows<T = any>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}
