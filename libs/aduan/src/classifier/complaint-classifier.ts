import { CityConfig } from './city-config';
import { AduanModel } from './model';
import { PlaceMatch, PlaceMatcher } from './place-matcher';
import { Reason } from './reasons';
import { AgencyRef, Router } from './router';

export interface ClassifyInput {
  text: string;
  /** Where the comment was written (facebook, x…). Kept for the caller; it does not change the decision. */
  platform?: string;
  /** The post the comment answers. Never decides the complaint; a place it names is returned as `contextPlace`. */
  context?: string;
}

export interface PlaceRef {
  unitId: string;
  name: string;
  kind: 'kecamatan' | 'kelurahan';
  code: string | null;
  /** The words that named it, as written. */
  matched: string;
  via: PlaceMatch['via'];
}

export interface ClassifyResult {
  isComplaint: boolean;
  /** Probability that it is a complaint (0–1, 3 decimals). */
  score: number;
  /** The category of a complaint; null for anything else. */
  category: string | null;
  categoryScore: number | null;
  /** The OPD that acts on the category (complaints only). */
  agency: AgencyRef | null;
  /** The kelurahan or kecamatan the text names. */
  place: PlaceRef | null;
  /** The kelurahan to add to the route (the place, when it is a kelurahan; complaints only). */
  kelurahan: { unitId: string; name: string } | null;
  /** Only when the text names no place: a place named by `context` (the post answered), labelled as such. */
  contextPlace: PlaceRef | null;
  /** The words and signals that decided, strongest first. */
  reasons: Reason[];
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

function placeRef(m: PlaceMatch | null): PlaceRef | null {
  return m ? { unitId: m.unitId, name: m.name, kind: m.kind, code: m.code, matched: m.matched, via: m.via } : null;
}

/**
 * The complaint classifier of one city: the trained model (detection and category), the city's categories
 * and threshold, the place matcher over its unit tree and its routing rules. Pure and synchronous; build
 * one per city and unit-tree version and reuse it.
 */
export class ComplaintClassifier {
  private readonly allowed: Set<string>;

  constructor(
    readonly model: AduanModel,
    readonly city: CityConfig,
    readonly places: PlaceMatcher,
    readonly router: Router,
  ) {
    this.allowed = new Set(city.categories.map((c) => c.key));
  }

  classify(items: ClassifyInput[]): ClassifyResult[] {
    return items.map((item) => this.classifyOne(item));
  }

  classifyOne(item: ClassifyInput): ClassifyResult {
    const p = this.model.predict(item.text, { threshold: this.city.threshold });
    const place = this.places.match(item.text);
    // a category the city does not use falls back to "lainnya"
    const category = p.isComplaint ? (this.allowed.has(p.category) ? p.category : 'lainnya') : null;
    const route = this.router.route(category, place);
    return {
      isComplaint: p.isComplaint,
      score: r3(p.score),
      category,
      categoryScore: category ? r3(p.categoryScore) : null,
      agency: p.isComplaint ? route.agency : null,
      place: placeRef(place),
      kelurahan: p.isComplaint ? route.kelurahan : null,
      contextPlace: !place && item.context ? placeRef(this.places.match(item.context)) : null,
      reasons: p.reasons,
    };
  }
}
