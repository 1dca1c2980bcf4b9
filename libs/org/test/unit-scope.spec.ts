import { UnitScope } from '../src/access/unit-scope';

describe('UnitScope: the one filter by the caller’s units', () => {
  it('keeps only the top paths, binds them as LIKE patterns and knows their ancestors', () => {
    const s = UnitScope.of(['a/b/c/', 'a/b/', 'a/x/', 'a/b/']);
    expect(s.paths).toEqual(['a/b/', 'a/x/']);
    expect(s.patterns).toEqual(['a/b/%', 'a/x/%']);
    expect(s.lineage).toEqual(['a/', 'a/b/', 'a/x/']);
    expect(s.covers('a/b/c/d/')).toBe(true);
    expect(s.covers('a/')).toBe(false);
    expect(s.coversOrAbove('a/')).toBe(true);
    expect(s.coversOrAbove('a/y/')).toBe(false);
  });

  it('writes one condition for a path column and one for a unit id column', () => {
    const s = UnitScope.subtree('a/b/');
    expect(s.pathIn('u.path', '$4')).toBe('u.path LIKE ANY(CAST($4 AS text[]))');
    expect(s.unitIn('p.unit_id', ':scope')).toBe('p.unit_id IN (SELECT su.id FROM units su WHERE su.path LIKE ANY(CAST(:scope AS text[])))');
    expect(UnitScope.of([]).isEmpty).toBe(true);
  });
});
