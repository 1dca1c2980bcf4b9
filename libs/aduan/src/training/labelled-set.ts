import * as fs from 'fs';
import * as path from 'path';
import { LabelledComment } from './labelled-comment';

/** Where the labelled set lives, relative to the project root. */
export const LABELLED_SET_PATH = 'test/fixtures/aduan/comments.json';

/** Reads and checks the labelled set: unique ids, a category for every complaint and none otherwise. */
export function loadLabelledSet(projectRoot: string, categories: readonly string[], file = LABELLED_SET_PATH): LabelledComment[] {
  const all = JSON.parse(fs.readFileSync(path.join(projectRoot, file), 'utf8')) as LabelledComment[];
  const ids = new Set<string>();
  for (const c of all) {
    if (ids.has(c.id)) throw new Error(`labelled set: duplicate id ${c.id}`);
    ids.add(c.id);
    if (c.complaint && (!c.category || !categories.includes(c.category))) throw new Error(`labelled set: ${c.id} has no valid category`);
    if (!c.complaint && c.category) throw new Error(`labelled set: ${c.id} is not a complaint but has a category`);
  }
  return all;
}
