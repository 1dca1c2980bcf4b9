import { seedUnitsExtra as extraUnits, seedWilayah as wilayah } from '@kabar/config';
import { PlaceUnit } from './place-matcher';
import { AgencyUnit } from './router';

/**
 * Kota Bogor's kecamatan and kelurahan straight from the seed file, with the Kemendagri code as id: for the
 * benchmark, the training script and unit tests, where there is no database. The API uses the units table.
 */
export function seedPlaceUnits(): PlaceUnit[] {
  const out: PlaceUnit[] = [];
  for (const kec of wilayah.kecamatan) {
    out.push({ id: kec.code, code: kec.code, name: kec.name, kind: 'kecamatan', parentId: wilayah.kota.code });
    for (const kel of kec.kelurahan) out.push({ id: kel.code, code: kel.code, name: kel.name, kind: 'kelurahan', parentId: kec.code });
  }
  return out;
}

/** The OPD of the seed (units-extra.json), code as id. */
export function seedAgencyUnits(): AgencyUnit[] {
  return extraUnits.units.filter((u) => u.kind === 'opd').map((u) => ({ id: u.code, code: u.code, name: u.name }));
}
