/** What a city adds to its unit tree for place matching (config/aduan/<city>/places.json). */
export interface PlaceGazetteer {
  /** Unit code → other ways of writing it (older spellings, partial names that still fall in one unit). */
  aliases: Record<string, string[]>;
  /** Names that are also everyday words: matched only with place context. */
  ambiguous: Array<{
    code: string;
    word: string;
    /** `strong`: only after kel./kec./daerah/wilayah/warga/RW…; `locative`: also after di/ke/dari/jalan/dekat… */
    rule: 'strong' | 'locative';
    /** Words within two of the name that mean the everyday word (genteng: atap, bocor…). */
    notWith: string[];
    note?: string;
  }>;
  /** Landmarks known to lie in one kelurahan (station, market, park…). */
  landmarks: Array<{ names: string[]; code: string; note?: string }>;
  /** Names containing a unit's name that do not locate anything (Taman Kencana, Universitas Pakuan…). */
  blockers: string[];
  elsewhere: {
    /** Places outside the city whose names contain or equal one of its names. */
    names: string[];
    /** Regions that, written right after a name, put it outside the city ("Cibadak Sukabumi"). */
    regions: string[];
  };
}

export const EMPTY_GAZETTEER: PlaceGazetteer = { aliases: {}, ambiguous: [], landmarks: [], blockers: [], elsewhere: { names: [], regions: [] } };
