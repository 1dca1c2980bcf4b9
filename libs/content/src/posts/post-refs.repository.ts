import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { MediaEntity } from '../entities/media.entity';
import { CampaignEntity, PillarEntity, ProgramEntity } from '../entities/planner.entities';

export interface AccountRef {
  id: string;
  platform: string;
  handle: string | null;
  unitId: string;
  unitPath: string;
  unitName: string;
  status: string;
}

/** Batched look-ups of what a post refers to: pillar, program, campaign, media, accounts. */
@Injectable()
export class PostRefsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  pillar(key: string): Promise<PillarEntity | null> {
    return this.ds.getRepository(PillarEntity).findOne({ where: { key } });
  }

  pillars(): Promise<PillarEntity[]> {
    return this.ds.getRepository(PillarEntity).find({ order: { position: 'ASC' } });
  }

  program(id: string): Promise<ProgramEntity | null> {
    return this.ds.getRepository(ProgramEntity).findOne({ where: { id } });
  }

  programByKey(key: string): Promise<ProgramEntity | null> {
    return this.ds.getRepository(ProgramEntity).findOne({ where: { key } });
  }

  campaign(id: string): Promise<CampaignEntity | null> {
    return this.ds.getRepository(CampaignEntity).findOne({ where: { id } });
  }

  media(ids: string[]): Promise<MediaEntity[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.ds.getRepository(MediaEntity).find({ where: { id: In(ids) } });
  }

  async accounts(ids: string[]): Promise<AccountRef[]> {
    if (!ids.length) return [];
    return this.ds.query(
      `SELECT a.id, a.platform, a.handle, a.unit_id AS "unitId", u.path AS "unitPath", u.name AS "unitName", a.status
         FROM social_accounts a JOIN units u ON u.id = a.unit_id WHERE a.id = ANY($1::uuid[])`,
      [ids],
    );
  }

  /** Accounts by handle (CSV import), among the given units' subtrees. */
  async accountsByHandle(handles: string[]): Promise<AccountRef[]> {
    if (!handles.length) return [];
    return this.ds.query(
      `SELECT a.id, a.platform, a.handle, a.unit_id AS "unitId", u.path AS "unitPath", u.name AS "unitName", a.status
         FROM social_accounts a JOIN units u ON u.id = a.unit_id WHERE lower(ltrim(a.handle, '@')) = ANY($1::text[])`,
      [handles.map((h) => h.toLowerCase().replace(/^@/, ''))],
    );
  }

  async unitPath(unitId: string): Promise<string | null> {
    const [row] = await this.ds.query(`SELECT path FROM units WHERE id = $1`, [unitId]);
    return row?.path ?? null;
  }
}
