import { DataSource, EntityManager } from 'typeorm';
import { importWilayah, WilayahImportOptions, WilayahImportResult } from './wilayah-import';

class RolledBack extends Error {
  constructor(readonly result: WilayahImportResult) {
    super('dry run');
  }
}

/**
 * Runs an import in one transaction; `dryRun` runs it all and rolls back (the counts say what a real run
 * would change). `record` writes the audit entry in the same transaction.
 */
export async function runWilayahImport(
  ds: DataSource,
  opts: WilayahImportOptions & { dryRun?: boolean },
  record?: (em: EntityManager, result: WilayahImportResult) => Promise<void>,
): Promise<WilayahImportResult & { dryRun: boolean }> {
  try {
    const result = await ds.transaction(async (em) => {
      const r = await importWilayah(em, opts);
      if (opts.dryRun) throw new RolledBack(r);
      await record?.(em, r);
      return r;
    });
    return { ...result, dryRun: false };
  } catch (e) {
    if (e instanceof RolledBack) return { ...e.result, dryRun: true };
    throw e;
  }
}
