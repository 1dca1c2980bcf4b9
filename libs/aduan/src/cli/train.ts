import * as fs from 'fs';
import * as path from 'path';
import { DataSource } from 'typeorm';
import { loadConfig } from '@kabar/config';
import { dataSourceOptions } from '@kabar/database';
import { KOTA_BOGOR } from '../classifier/city-config';
import { MODEL_PATH } from '../classifier/default-model';
import { AduanModel, AduanModelFile } from '../classifier/model';
import { CorrectionsRepository } from '../corrections/corrections.repository';
import { LabelledComment } from '../training/labelled-comment';
import { loadLabelledSet } from '../training/labelled-set';
import { retrain } from '../training/retrain';
import { trainOptionsFor } from '../training/train-options';
import { projectRootOf } from './project-root';

/**
 * `npm run aduan:train`: trains on the labelled set (training part) plus the corrections kept in
 * `aduan_corrections` (when DATABASE_URL is set), scores the candidate and the committed model on the
 * held-out part, and writes config/aduan/model.json only if the candidate does not score worse.
 * Flags: `--force` writes it anyway; `--no-db` ignores corrections; `--out <file>` writes elsewhere.
 */
async function main() {
  const args = process.argv.slice(2);
  const root = projectRootOf(__dirname);
  const out = path.resolve(root, args.includes('--out') ? args[args.indexOf('--out') + 1] : MODEL_PATH);
  const city = KOTA_BOGOR;
  const labelled = loadLabelledSet(
    root,
    city.categories.map((c) => c.key),
  );
  let corrections: LabelledComment[] = [];
  const { databaseUrl } = loadConfig();
  if (databaseUrl && !args.includes('--no-db')) {
    const ds = new DataSource(dataSourceOptions(databaseUrl));
    await ds.initialize();
    try {
      corrections = await new CorrectionsRepository(ds).asLabelled();
    } finally {
      await ds.destroy();
    }
  }
  const current = fs.existsSync(out) ? (JSON.parse(fs.readFileSync(out, 'utf8')) as AduanModelFile) : null;
  let usable: AduanModelFile | null = null;
  try {
    if (current && current.vocabulary.length > 1) usable = AduanModel.fromFile(current).file;
  } catch (e) {
    process.stdout.write(`the current model cannot be read (${(e as Error).message}): not compared\n`);
  }
  const result = retrain(labelled, corrections, usable, trainOptionsFor(city));
  const fmt = (s: { detection: { f1: number }; categoryAccuracy: number; combined: number } | null) =>
    s ? `F1 ${s.detection.f1.toFixed(3)}, category ${s.categoryAccuracy.toFixed(3)}, combined ${s.combined.toFixed(4)}` : '—';
  process.stdout.write(
    `labelled comments: ${labelled.length}, corrections used: ${result.usedCorrections}\n` +
      `candidate (held-out): ${fmt(result.candidateScore)}\ncurrent   (held-out): ${fmt(result.currentScore)}\n`,
  );
  if (result.replaced || args.includes('--force')) {
    fs.writeFileSync(out, JSON.stringify(result.candidate) + '\n');
    process.stdout.write(`written: ${path.relative(root, out)} (${result.decision}${result.replaced ? '' : ', forced'})\n`);
  } else {
    process.stdout.write(`kept the current model: the candidate scores worse on the held-out part\n`);
  }
}

main().catch((e) => {
  process.stderr.write(`kabar: ${(e as Error).message}\n`);
  process.exit(1);
});
