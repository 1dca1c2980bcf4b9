import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MediaEntity } from '../entities/media.entity';

@Injectable()
export class MediaRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  findById(id: string): Promise<MediaEntity | null> {
    return this.ds.getRepository(MediaEntity).findOne({ where: { id } });
  }

  listForUnit(unitId: string, limit = 200): Promise<MediaEntity[]> {
    return this.ds.getRepository(MediaEntity).find({ where: { unitId }, order: { createdAt: 'DESC' }, take: limit });
  }

  /** Bytes of the unit's media library (its storage quota counts these). */
  async bytesUsed(unitId: string): Promise<number> {
    const [row] = await this.ds.query(`SELECT COALESCE(SUM(bytes), 0)::text AS used FROM media WHERE unit_id = $1`, [unitId]);
    return Number(row.used);
  }

  /**
   * Inserts the row if the unit's library stays within `quotaBytes` (0: no quota), and runs `place` (which
   * moves the file into storage) before the commit. One unit's uploads are serialised here by an advisory
   * lock, so two uploads that each fit cannot together overrun the quota.
   */
  insertWithinQuota(
    row: Partial<MediaEntity> & { unitId: string; bytes: number },
    quotaBytes: number,
    place: () => Promise<void>,
  ): Promise<{ row: MediaEntity } | { usedBytes: number }> {
    return this.ds.transaction(async (em) => {
      await em.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`kabar.media-quota:${row.unitId}`]);
      if (quotaBytes) {
        const [{ used }] = await em.query(`SELECT COALESCE(SUM(bytes), 0)::text AS used FROM media WHERE unit_id = $1`, [row.unitId]);
        if (Number(used) + row.bytes > quotaBytes) return { usedBytes: Number(used) };
      }
      const saved = await em.save(em.create(MediaEntity, row));
      await place();
      return { row: saved };
    });
  }

  async setAltText(id: string, altText: string | null): Promise<void> {
    await this.ds.getRepository(MediaEntity).update({ id }, { altText });
  }

  async isUsed(id: string): Promise<boolean> {
    const [row] = await this.ds.query(`SELECT 1 FROM post_media WHERE media_id = $1 LIMIT 1`, [id]);
    return !!row;
  }

  async remove(id: string): Promise<void> {
    await this.ds.getRepository(MediaEntity).delete({ id });
  }
}
