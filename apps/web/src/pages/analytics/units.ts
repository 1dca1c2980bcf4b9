import { useMemo } from 'react';
import { useApi } from '../../api/query';
import type { Me } from '../../auth/session';

export interface ScopeUnit {
  id: string;
  name: string;
  kind: string;
  code: string | null;
  parentId: string | null;
  timeZone: string;
}

export interface ScopeUnits {
  units: ScopeUnit[];
  /** The user's top unit: the first unit whose parent is outside what they see (the kota for Diskominfo). */
  top: ScopeUnit | null;
  byId: Map<string, ScopeUnit>;
  error: string | null;
}

/** The units in the caller's scope (GET /v1/units lists exactly their subtrees). */
export function useScopeUnits(): ScopeUnits {
  const q = useApi<ScopeUnit[]>('/v1/units');
  const units = q.data;
  const error = q.error?.message ?? null;
  return useMemo(() => {
    const list = units ?? [];
    const byId = new Map(list.map((u) => [u.id, u]));
    const top = list.find((u) => !u.parentId || !byId.has(u.parentId)) ?? null;
    return { units: list, top, byId, error };
  }, [units, error]);
}

/** The unit and its ancestors that the caller can see, nearest first. */
export function lineage(unitId: string, byId: Map<string, ScopeUnit>): string[] {
  const out: string[] = [];
  for (let u = byId.get(unitId); u; u = u.parentId ? byId.get(u.parentId) : undefined) out.push(u.id);
  return out;
}

/** Targets may be set by city admins and by reviewers covering the unit (the server decides; this only hides the button). */
export function canEditTargets(me: Me, unitId: string, byId: Map<string, ScopeUnit>): boolean {
  if (me.isCityAdmin) return true;
  const up = lineage(unitId, byId);
  return me.memberships.some((m) => m.role === 'reviewer' && up.includes(m.unitId));
}
