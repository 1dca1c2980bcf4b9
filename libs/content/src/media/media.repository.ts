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

  insert(row: Partial<MediaEntity>): Promise<MediaEntity> {
    const repo = this.ds.getRepository(MediaEntity);
    return repo.save(repo.create(row));
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
