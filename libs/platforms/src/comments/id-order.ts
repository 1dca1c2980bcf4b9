/** The larger of two numeric ids (snowflakes are longer than JavaScript's safe integers). */
export function maxId(a: string | null | undefined, b: string | null | undefined): string | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return BigInt(a) >= BigInt(b) ? a : b;
}
