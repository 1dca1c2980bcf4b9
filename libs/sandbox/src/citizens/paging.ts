/** Opaque cursors over a list (the item's id in base64url), as Graph-style APIs give them. */
export const cursorOf = (id: string) => Buffer.from(id).toString('base64url');

/** The items after the cursor (undefined: from the start); null when the cursor is not one of the list's. */
export function afterCursor<T extends { id: string }>(list: T[], after: unknown): T[] | null {
  if (after === undefined || after === '') return list;
  const i = list.findIndex((c) => cursorOf(c.id) === String(after));
  return i < 0 ? null : list.slice(i + 1);
}
