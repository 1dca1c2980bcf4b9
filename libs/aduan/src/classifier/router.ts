import { RoutingConfig } from './city-config';
import { PlaceMatch } from './place-matcher';

/** An OPD unit (or, when the tree lacks it, the configured name with `unitId: null`). */
export interface AgencyRef {
  unitId: string | null;
  code: string;
  name: string;
}

export interface Route {
  agency: AgencyRef | null;
  /** The kelurahan of the place, when the place is a kelurahan. */
  kelurahan: { unitId: string; name: string } | null;
}

/** The OPD units of the tree the router may resolve agency codes to. */
export interface AgencyUnit {
  id: string;
  code: string | null;
  name: string;
}

/** Category → responsible OPD (by unit code, resolved in the unit tree), plus the kelurahan of the place. */
export class Router {
  private readonly byCode = new Map<string, AgencyUnit>();
  private readonly names = new Map<string, string>();

  constructor(
    readonly config: RoutingConfig,
    units: AgencyUnit[],
  ) {
    for (const u of units) if (u.code) this.byCode.set(u.code, u);
    for (const a of config.agencies) this.names.set(a.code, a.name);
  }

  agencyFor(category: string | null): AgencyRef | null {
    const code = category ? this.config.rules[category] : undefined;
    if (!code) return null;
    const unit = this.byCode.get(code);
    return unit ? { unitId: unit.id, code, name: unit.name } : { unitId: null, code, name: this.names.get(code) ?? code };
  }

  route(category: string | null, place: PlaceMatch | null): Route {
    return {
      agency: this.agencyFor(category),
      kelurahan: place && place.kind === 'kelurahan' ? { unitId: place.unitId, name: place.name } : null,
    };
  }
}
