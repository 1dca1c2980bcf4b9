import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { cityConfigFor } from '../classifier/city-config';
import { ComplaintClassifier } from '../classifier/complaint-classifier';
import { defaultModel } from '../classifier/default-model';
import { PlaceMatcher, PlaceUnit } from '../classifier/place-matcher';
import { Router } from '../classifier/router';

interface Built {
  version: string;
  classifier: ComplaintClassifier;
}

/**
 * One {@link ComplaintClassifier} per city (root unit), built from the units table: its kecamatan and
 * kelurahan for places, its OPD for routing. Rebuilt when the unit tree changes (count and last update,
 * read on each call: one cheap query), so a renamed kelurahan or a new OPD counts at once.
 */
@Injectable()
export class ClassifierRegistry {
  private readonly built = new Map<string, Built>();

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async forRoot(rootId: string): Promise<ComplaintClassifier> {
    const [v] = await this.ds.query(`SELECT count(*)::int AS n, max(updated_at) AS m FROM units WHERE path LIKE $1 || '%'`, [`${rootId}/`]);
    const version = `${v.n}|${v.m ? new Date(v.m).toISOString() : ''}`;
    const hit = this.built.get(rootId);
    if (hit && hit.version === version) return hit.classifier;
    const rows: Array<{ id: string; code: string | null; name: string; kind: string; parent_id: string | null; path: string }> = await this.ds.query(
      `SELECT id, code, name, kind, parent_id, path FROM units WHERE path LIKE $1 || '%' AND kind IN ('kota', 'kabupaten', 'kecamatan', 'kelurahan', 'desa', 'opd')`,
      [`${rootId}/`],
    );
    const root = rows.find((r) => r.id === rootId);
    const city = cityConfigFor(root?.code);
    const places: PlaceUnit[] = rows
      .filter((r) => r.kind === 'kecamatan' || r.kind === 'kelurahan' || r.kind === 'desa')
      .map((r) => ({ id: r.id, code: r.code, name: r.name, kind: r.kind === 'kecamatan' ? 'kecamatan' : 'kelurahan', parentId: r.parent_id }));
    const agencies = rows.filter((r) => r.kind === 'opd').map((r) => ({ id: r.id, code: r.code, name: r.name }));
    const classifier = new ComplaintClassifier(defaultModel(), city, new PlaceMatcher(places, city.places), new Router(city.routing, agencies));
    this.built.set(rootId, { version, classifier });
    return classifier;
  }

  /** The root unit of a caller: that of their first membership, else the first root of the tree. */
  async rootOf(unitPaths: string[]): Promise<string | null> {
    const fromPath = unitPaths.map((p) => p.split('/')[0]).find(Boolean);
    if (fromPath) return fromPath;
    const [row] = await this.ds.query(`SELECT id FROM units WHERE parent_id IS NULL ORDER BY created_at, id LIMIT 1`);
    return row?.id ?? null;
  }
}
