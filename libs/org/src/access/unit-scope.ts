/**
 * The units a query may read: the subtrees under `paths` (a role on a unit covers its whole subtree). Built by
 * `AccessPolicy.unitScope()` for a caller, or `UnitScope.subtree()` for one unit already checked. Every SQL that
 * filters rows by the caller's units uses `pathIn()` or `unitIn()` with `patterns` bound to one parameter.
 */
export class UnitScope {
  readonly paths: readonly string[];

  private constructor(paths: readonly string[]) {
    const sorted = [...new Set(paths)].sort();
    // drop paths inside another path: fewer terms in every query
    this.paths = sorted.filter((path) => !sorted.some((other) => other !== path && path.startsWith(other)));
  }

  static of(paths: readonly string[]): UnitScope {
    return new UnitScope(paths);
  }

  /** One unit's subtree. */
  static subtree(path: string): UnitScope {
    return new UnitScope([path]);
  }

  get isEmpty(): boolean {
    return this.paths.length === 0;
  }

  /** The value to bind to the parameter named in `pathIn()`/`unitIn()`: one text[]. */
  get patterns(): string[] {
    return this.paths.map((p) => `${p}%`);
  }

  /** Paths of every unit above or at the scope's top units (catalogues a unit inherits from its ancestors). */
  get lineage(): string[] {
    return [
      ...new Set(
        this.paths.flatMap((path) => {
          const parts = path.split('/').filter(Boolean);
          return parts.map((_, i) => parts.slice(0, i + 1).join('/') + '/');
        }),
      ),
    ];
  }

  covers(path: string): boolean {
    return this.paths.some((p) => path.startsWith(p));
  }

  /** Inside the scope, or a unit above one of its top units. */
  coversOrAbove(path: string): boolean {
    return this.paths.some((p) => path.startsWith(p) || p.startsWith(path));
  }

  /** SQL: the unit path in `pathColumn` lies in the scope; `param` ($1 or :name) is bound to `patterns`. */
  pathIn(pathColumn: string, param: string): string {
    return `${pathColumn} LIKE ANY(CAST(${param} AS text[]))`;
  }

  /** SQL: the unit id in `unitIdColumn` names a unit in the scope; `param` ($1 or :name) is bound to `patterns`. */
  unitIn(unitIdColumn: string, param: string): string {
    return `${unitIdColumn} IN (SELECT su.id FROM units su WHERE ${this.pathIn('su.path', param)})`;
  }
}
