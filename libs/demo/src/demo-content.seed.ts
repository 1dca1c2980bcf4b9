import { randomUUID } from 'crypto';
import { DataSource, EntityManager } from 'typeorm';
import { seedContent as content } from '@kabar/config';

interface SeedPost {
  key: string;
  unit_code: string;
  pillar: string;
  program: string | null;
  id: string;
  en?: string | null;
}

/** How many of the 60 demo posts become drafts (one per pillar first, then in file order). */
const DEMO_POSTS = 10;

/**
 * The Kota Bogor planning demo: pillar descriptions, demo priority programs, the glossary, the city's
 * hashtag sets, and a handful of the demo posts as drafts of their units. Idempotent: a second run adds nothing.
 */
export async function seedDemoContent(ds: DataSource): Promise<{ programs: number; glossary: number; hashtagSets: number; posts: number }> {
  return ds.transaction(async (em) => {
    const [root] = await em.query(`SELECT id FROM units WHERE parent_id IS NULL ORDER BY created_at LIMIT 1`);
    if (!root) return { programs: 0, glossary: 0, hashtagSets: 0, posts: 0 };
    for (const [i, p] of content.pillars.items.entries()) {
      await em.query(
        `INSERT INTO pillars (key, name_id, name_en, description_id, description_en, position) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (key) DO UPDATE SET description_id = coalesce(pillars.description_id, EXCLUDED.description_id), description_en = coalesce(pillars.description_en, EXCLUDED.description_en)`,
        [p.key, p.id, p.en, p.description_id, p.description_en, i + 1],
      );
    }
    let programs = 0;
    for (const p of content.programs.items) {
      const res = await em.query(
        `INSERT INTO programs (unit_id, key, name_id, name_en, description_id, description_en, hashtag) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (key) DO NOTHING RETURNING id`,
        [root.id, p.key, p.id, p.en, p.description_id, p.description_en, p.hashtag],
      );
      programs += res.length;
    }
    let glossary = 0;
    for (const g of content.glossary as Array<{
      id: string;
      en: string;
      kind?: string;
      note?: string;
      id_aliases?: string[];
      en_avoid?: string[];
      keep_id_in_en?: boolean;
    }>) {
      const res = await em.query(
        `INSERT INTO glossary_terms (term_id, term_en, kind, id_aliases, en_avoid, keep_id_in_en, note) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (term_id) DO NOTHING RETURNING id`,
        [g.id, g.en, g.kind ?? null, g.id_aliases ?? [], g.en_avoid ?? [], g.keep_id_in_en ?? false, g.note ?? null],
      );
      glossary += res.length;
    }
    let hashtagSets = 0;
    for (const s of content.hashtag_sets.sets) {
      const res = await em.query(
        `INSERT INTO hashtag_sets (unit_id, key, name, tags) VALUES ($1, $2, $3, $4) ON CONFLICT (unit_id, key) DO NOTHING RETURNING id`,
        [root.id, s.key, s.name_id, s.tags.map((t: string) => t.replace(/^#/, ''))],
      );
      hashtagSets += res.length;
    }
    const [{ n }] = await em.query(`SELECT count(*)::int AS n FROM posts`);
    const posts = n > 0 ? 0 : await seedPosts(em);
    return { programs, glossary, hashtagSets, posts };
  });
}

async function seedPosts(em: EntityManager): Promise<number> {
  const all = content.posts as SeedPost[];
  const firstOfPillar = [...new Map(all.map((p) => [p.pillar, p])).values()];
  const chosen = [...new Set([...firstOfPillar, ...all])];
  let made = 0;
  for (const p of chosen) {
    if (made >= DEMO_POSTS) break;
    const [unit] = await em.query(`SELECT id, time_zone FROM units WHERE code = $1`, [p.unit_code]);
    if (!unit) continue;
    const [program] = p.program ? await em.query(`SELECT id FROM programs WHERE key = $1`, [p.program]) : [];
    const id = randomUUID();
    await em.query(`INSERT INTO posts (id, unit_id, pillar, program_id, status, time_zone, excerpt) VALUES ($1, $2, $3, $4, 'draft', $5, $6)`, [
      id,
      unit.id,
      p.pillar,
      program?.id ?? null,
      unit.time_zone,
      p.id.slice(0, 160),
    ]);
    await em.query(`INSERT INTO post_variants (post_id, language, text) VALUES ($1, 'id', $2)`, [id, p.id]);
    if (p.en) await em.query(`INSERT INTO post_variants (post_id, language, text) VALUES ($1, 'en', $2)`, [id, p.en]);
    await em.query(`INSERT INTO post_history (post_id, action, to_status, details) VALUES ($1, 'create', 'draft', $2)`, [id, JSON.stringify({ seed: p.key })]);
    made++;
  }
  return made;
}
