import { DataSource } from 'typeorm';
import { seedUnitsExtra as extraUnits, seedWilayah as wilayah } from '@kabar/config';
import { UnitEntity, UnitKind, UnitsRepository } from '@kabar/org';

/** Seeds Kota Bogor's tree (Kemendagri codes) plus Diskominfo and some OPD, BUMD and puskesmas, in one transaction. */
export async function seedDemoUnits(ds: DataSource, timeZone: string): Promise<{ created: number }> {
  const repo = new UnitsRepository(ds.getRepository(UnitEntity));
  if ((await repo.count()) > 0) return { created: 0 };
  let created = 0;
  await ds.transaction(async (em) => {
    const kota = await repo.insert(em, {
      code: wilayah.kota.code,
      name: wilayah.kota.name,
      kind: 'kota',
      parentId: null,
      timeZone: wilayah.kota.timezone ?? timeZone,
    });
    created++;
    for (const kec of wilayah.kecamatan) {
      const k = await repo.insert(em, { code: kec.code, name: kec.name, kind: 'kecamatan', parentId: kota.id, timeZone: kota.timeZone });
      created++;
      for (const kel of kec.kelurahan) {
        await repo.insert(em, { code: kel.code, name: kel.name, kind: kel.kind as UnitKind, parentId: k.id, timeZone: kota.timeZone });
        created++;
      }
    }
    for (const u of extraUnits.units) {
      const reviewRequired = (u as { reviewRequired?: boolean }).reviewRequired ?? true;
      await repo.insert(em, { code: u.code, name: u.name, kind: u.kind as UnitKind, parentId: kota.id, timeZone: kota.timeZone, reviewRequired });
      created++;
    }
  });
  return { created };
}
