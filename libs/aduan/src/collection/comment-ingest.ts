import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CitizenComment } from '@kabar/platforms';
import { ClassifierRegistry } from '../http/classifier-registry';

/** A collected item; `context` is the text of the post it answers, when known (the classifier's context). */
export type IngestItem = CitizenComment & { context?: string };

/**
 * Where collected comments enter Kabar: the new ones (not yet stored for the account) are classified in-process
 * with the account's city classifier and inserted already classified, linked to Kabar's post target when the
 * post is one of ours. `INSERT … ON CONFLICT DO NOTHING`: two collectors storing the same item store it once,
 * and only the one that inserted it gets its id back.
 */
@Injectable()
export class CommentIngest {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly classifiers: ClassifierRegistry,
  ) {}

  /** Stores the account's items; returns the ids of the rows this call inserted (new comments), in item order. */
  async store(accountId: string, items: IngestItem[]): Promise<string[]> {
    const unique = [...new Map(items.map((i) => [i.externalId, i])).values()];
    if (!unique.length) return [];
    const seen: Array<{ external_id: string }> = await this.ds.query(
      `SELECT external_id FROM aduan_comments WHERE account_id = $1 AND external_id = ANY($2::varchar[])`,
      [accountId, unique.map((i) => i.externalId)],
    );
    const known = new Set(seen.map((r) => r.external_id));
    const fresh = unique.filter((i) => !known.has(i.externalId));
    if (!fresh.length) return [];
    const [account] = await this.ds.query(
      `SELECT a.platform, split_part(u.path, '/', 1) AS root FROM social_accounts a JOIN units u ON u.id = a.unit_id WHERE a.id = $1`,
      [accountId],
    );
    if (!account) return [];
    const classifier = await this.classifiers.forRoot(account.root);
    const results = classifier.classify(fresh.map((i) => ({ text: i.text, platform: account.platform, context: i.context })));
    const version = classifier.model.file.trainedOn.digest.slice(0, 12);
    const rows = fresh.map((i, k) => {
      const r = results[k];
      return {
        external_id: i.externalId,
        kind: i.kind,
        post_external_id: i.postExternalId ?? null,
        parent_external_id: i.parentExternalId ?? null,
        author_handle: i.authorHandle.slice(0, 200),
        author_name: i.authorName?.slice(0, 200) ?? null,
        author_external_id: i.authorExternalId ?? null,
        text: i.text,
        url: i.url ?? null,
        written_at: i.writtenAt.toISOString(),
        is_complaint: r.isComplaint,
        score: r.score,
        category: r.category,
        agency_unit_id: r.agency?.unitId ?? null,
        place_unit_id: r.place?.unitId ?? null,
        reasons: r.reasons,
      };
    });
    const inserted: Array<{ id: string; external_id: string }> = await this.ds.query(
      `INSERT INTO aduan_comments (account_id, platform, external_id, kind, post_external_id, post_target_id, parent_external_id,
         author_handle, author_name, author_external_id, text, url, written_at, is_complaint, score, category, agency_unit_id,
         place_unit_id, reasons, model_version, classified_at)
       SELECT $1, $2, r.external_id, r.kind, r.post_external_id,
         (SELECT t.id FROM post_targets t WHERE t.account_id = $1 AND t.external_id = r.post_external_id LIMIT 1),
         r.parent_external_id, r.author_handle, r.author_name, r.author_external_id, r.text, r.url, r.written_at, r.is_complaint,
         r.score, r.category, r.agency_unit_id, r.place_unit_id, r.reasons, $4, now()
       FROM jsonb_to_recordset($3::jsonb) AS r(external_id varchar, kind varchar, post_external_id varchar, parent_external_id varchar,
         author_handle varchar, author_name varchar, author_external_id varchar, text text, url text, written_at timestamptz,
         is_complaint boolean, score real, category varchar, agency_unit_id uuid, place_unit_id uuid, reasons jsonb)
       ON CONFLICT (account_id, external_id) DO NOTHING
       RETURNING id, external_id`,
      [accountId, account.platform, JSON.stringify(rows), version],
    );
    const ids = new Map(inserted.map((r) => [r.external_id, r.id]));
    return fresh.map((i) => ids.get(i.externalId)).filter((id): id is string => !!id);
  }
}
