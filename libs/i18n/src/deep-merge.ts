export type Tree = Record<string, unknown>;

/** Catalogue files may share a top-level key (e.g. `common`): merge deeply so no file hides another's strings. Used by the API and the console. */
export function deepMerge(into: Tree, from: Tree): Tree {
  for (const [k, v] of Object.entries(from)) {
    const cur = into[k];
    into[k] = cur && typeof cur === 'object' && v && typeof v === 'object' ? deepMerge(cur as Tree, v as Tree) : v;
  }
  return into;
}
