import { aduanCategories as categories, aduanPlaces as places, aduanRouting as routing } from '@kabar/config';
import { PlaceGazetteer } from './place-gazetteer';

export interface CategoryConfig {
  key: string;
  label: { id: string; en: string };
  keywords: string[];
}

export interface RoutingConfig {
  agencies: Array<{ code: string; name: string }>;
  /** Category key → agency code. */
  rules: Record<string, string>;
}

/** Everything city-specific: categories, routing rules and the place gazetteer (config/aduan/<city>/). */
export interface CityConfig {
  /** Code of the city's root unit (Kemendagri: "32.71"). */
  city: string;
  threshold: number;
  categories: CategoryConfig[];
  routing: RoutingConfig;
  places: PlaceGazetteer;
}

export const KOTA_BOGOR: CityConfig = {
  city: categories.city,
  threshold: categories.threshold,
  categories: categories.categories,
  routing,
  places: places as PlaceGazetteer,
};

/** Seeded cities by root unit code. A city not listed uses Kota Bogor's categories and routing. */
export const CITY_CONFIGS: Readonly<Record<string, CityConfig>> = { [KOTA_BOGOR.city]: KOTA_BOGOR };

export function cityConfigFor(rootCode: string | null | undefined): CityConfig {
  return (rootCode && CITY_CONFIGS[rootCode]) || KOTA_BOGOR;
}

/** The category words of a city, as the feature extractor wants them. */
export function lexiconOf(city: CityConfig): Record<string, string[]> {
  return Object.fromEntries(city.categories.map((c) => [c.key, c.keywords]));
}
