import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { LabelledComment } from '../training/labelled-comment';

export interface CorrectionInput {
  text: string;
  isComplaint: boolean;
  /** Required for a complaint, null otherwise. */
  category: string | null;
  correctedBy: string | null;
}

export interface Correction extends CorrectionInput {
  id: string;
  correctedAt: Date;
}

/** `aduan_corrections`: what people said a comment really is. Feeds the next `npm run aduan:train`. */
@Injectable()
export class CorrectionsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async record(c: CorrectionInput, em: EntityManager = this.ds.manager): Promise<Correction> {
    const [row] = await em.query(
      `INSERT INTO aduan_corrections (text, is_complaint, category, corrected_by) VALUES ($1, $2, $3, $4)
       RETURNING id, corrected_at`,
      [c.text, c.isComplaint, c.isComplaint ? c.category : null, c.correctedBy],
    );
    return { ...c, category: c.isComplaint ? c.category : null, id: row.id, correctedAt: row.corrected_at };
  }

  /** Every correction, oldest first (so a later correction of the same text wins when training). */
  async list(): Promise<Correction[]> {
    const rows = await this.ds.query(`SELECT id, text, is_complaint, category, corrected_by, corrected_at FROM aduan_corrections ORDER BY corrected_at, id`);
    return rows.map((r: any) => ({
      id: r.id,
      text: r.text,
      isComplaint: r.is_complaint,
      category: r.category,
      correctedBy: r.corrected_by,
      correctedAt: r.corrected_at,
    }));
  }

  /** The corrections as labelled comments for training. */
  async asLabelled(): Promise<LabelledComment[]> {
    return (await this.list()).map((c) => ({ id: `correction-${c.id}`, text: c.text, complaint: c.isComplaint, category: c.category, tags: ['correction'] }));
  }
}
