import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessPolicy } from '../access/access-policy.service';
import { Principal } from '../access/principal';
import { AuditService } from '../audit/audit.service';
import { runWilayahImport } from './wilayah-import-run';
import { nationalSize, wilayahRegions } from './wilayah-regions';
import { ImportWilayahDto, WilayahImportResultDto, WilayahRegionsDto } from './wilayah.dto';

/** The console's import of Kemendagri wilayah codes: the installation's admins only (it may change the tree's top). */
@Injectable()
export class WilayahService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly policy: AccessPolicy,
    private readonly audit: AuditService,
  ) {}

  async regions(p: Principal, province?: string): Promise<WilayahRegionsDto> {
    this.policy.requireCityAdmin(p);
    const regions = wilayahRegions(province);
    // units of each region already in the tree (wilayah codes are digits and dots; agencies' codes are not)
    const rows: Array<{ prefix: string; n: number }> = await this.ds.query(
      `SELECT left(code, $1::int) AS prefix, count(*)::int AS n FROM units
        WHERE code ~ '^[0-9][0-9.]*$' AND ($2::text IS NULL OR code LIKE $2 || '.%')
        GROUP BY 1`,
      [province ? 5 : 2, province ?? null],
    );
    const [{ n: country }] = await this.ds.query(`SELECT count(*)::int AS n FROM units WHERE code ~ '^[0-9][0-9.]*$'`);
    const inTree = new Map(rows.map((r) => [r.prefix, r.n]));
    return {
      country: { ...nationalSize(), inTree: country },
      regions: regions.map((r) => ({ ...r, inTree: inTree.get(r.code) ?? 0 })),
    };
  }

  async import(p: Principal, dto: ImportWilayahDto): Promise<WilayahImportResultDto> {
    this.policy.requireCityAdmin(p);
    return runWilayahImport(this.ds, { code: dto.code, dryRun: dto.dryRun, agencies: dto.agencies }, (em, r) =>
      this.audit.record(
        {
          action: 'units.import',
          objectType: 'unit',
          objectId: r.root.id,
          unitId: r.root.id,
          details: {
            code: r.code,
            created: r.created,
            updated: r.updated,
            moved: r.moved,
            agenciesCreated: r.agenciesCreated,
            rootChanged: r.rootChanged,
            previousRoot: r.previousRoot?.code ?? null,
            adminsCarried: r.adminsCarried,
          },
        },
        em,
      ),
    );
  }
}
