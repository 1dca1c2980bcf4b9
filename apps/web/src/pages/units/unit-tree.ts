import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { Me } from '../../auth/session';
import type { Unit } from './UnitControls';

export interface UnitNode extends Unit {
  timeZone: string;
  zone: 'WIB' | 'WITA' | 'WIT' | null;
  childCount: number;
}

/** Units shown at once before the tree stops opening levels by itself (a city opens whole; a province shows its kabupaten/kota). */
const AUTO_OPEN = 300;

const REGION_KINDS = ['nasional', 'provinsi', 'kabupaten', 'kota'];

/** Who sees the unit editor: the installation's admins, and admins of a region (the server decides per unit). */
export function managesUnits(me: Me): boolean {
  return me.isCityAdmin || me.memberships.some((m) => m.role === 'admin' && REGION_KINDS.includes(m.unitKind));
}

export interface UnitTree {
  tops: UnitNode[];
  children: Map<string, UnitNode[]>;
  open: Set<string>;
  loading: boolean;
  error: string | null;
  toggle(unit: UnitNode): void;
  reload(): void;
}

/**
 * The unit tree one level at a time (GET /v1/units/tree): a province has 6,600 units, the country 92,000. Levels
 * open by themselves while fewer than AUTO_OPEN units are shown; the rest opens on demand.
 */
export function useUnitTree(): UnitTree {
  const [tops, setTops] = useState<UnitNode[]>([]);
  const [children, setChildren] = useState(new Map<string, UnitNode[]>());
  const [open, setOpen] = useState(new Set<string>());
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      const top = await api<UnitNode[]>('/v1/units/tree');
      const kids = new Map<string, UnitNode[]>();
      const opened = new Set<string>();
      let shown = top.length;
      let level = top;
      while (level.length) {
        const next: UnitNode[] = [];
        for (const u of level) {
          if (!u.childCount || shown + u.childCount > AUTO_OPEN) continue;
          const c = await api<UnitNode[]>(`/v1/units/tree?parentId=${u.id}`);
          kids.set(u.id, c);
          opened.add(u.id);
          shown += c.length;
          next.push(...c);
        }
        level = next;
      }
      setTops(top);
      setChildren(kids);
      setOpen(opened);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => void load(), [load]);

  const toggle = useCallback(
    (unit: UnitNode) => {
      if (open.has(unit.id)) {
        setOpen((s) => new Set([...s].filter((id) => id !== unit.id)));
        return;
      }
      const show = () => setOpen((s) => new Set(s).add(unit.id));
      if (children.has(unit.id)) return show();
      api<UnitNode[]>(`/v1/units/tree?parentId=${unit.id}`).then(
        (c) => {
          setChildren((m) => new Map(m).set(unit.id, c));
          show();
        },
        (e: Error) => setError(e.message),
      );
    },
    [open, children],
  );

  return { tops, children, open, loading, error, toggle, reload: () => void load() };
}
