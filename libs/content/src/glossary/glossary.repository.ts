import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { GlossaryTermEntity } from '../entities/planner.entities';

/** The glossary of approved English renderings; small (about a hundred rows), read whole. */
@Injectable()
export class GlossaryRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  all(): Promise<GlossaryTermEntity[]> {
    return this.ds.getRepository(GlossaryTermEntity).find({ order: { termId: 'ASC' } });
  }

  findById(id: string): Promise<GlossaryTermEntity | null> {
    return this.ds.getRepository(GlossaryTermEntity).findOne({ where: { id } });
  }

  findByTerm(termId: string): Promise<GlossaryTermEntity | null> {
    return this.ds.getRepository(GlossaryTermEntity).findOne({ where: { termId } });
  }

  save(row: Partial<GlossaryTermEntity>): Promise<GlossaryTermEntity> {
    const repo = this.ds.getRepository(GlossaryTermEntity);
    return repo.save(repo.create(row));
  }

  async remove(id: string): Promise<void> {
    await this.ds.getRepository(GlossaryTermEntity).delete({ id });
  }
}
