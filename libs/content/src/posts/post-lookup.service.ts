import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** What other contexts may ask about a post by id (publishing: whose unit it is, before showing its targets). */
@Injectable()
export class PostLookup {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async unitAndStatus(postId: string): Promise<{ unitId: string; status: string } | null> {
    const [row] = await this.ds.query(`SELECT unit_id AS "unitId", status FROM posts WHERE id = $1`, [postId]);
    return row ?? null;
  }
}
