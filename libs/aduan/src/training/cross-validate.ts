import { AduanModel } from '../classifier/model';
import { evaluateModel, Evaluation } from './evaluate';
import { fnv1a, LabelledComment } from './labelled-comment';
import { trainModel, TrainOptions } from './train-model';

/** k-fold cross-validation with folds fixed by the hash of each id: every comment is scored once, by a model that never saw it. */
export function crossValidate(all: LabelledComment[], opts: TrainOptions, k = 5): { folds: Evaluation[]; pooled: Evaluation } {
  const folds: Evaluation[] = [];
  const fold = (c: LabelledComment) => (fnv1a(c.id + '#cv') >>> 0) % k;
  for (let f = 0; f < k; f++) {
    const model = AduanModel.fromFile(
      trainModel(
        all.filter((c) => fold(c) !== f),
        opts,
      ),
    );
    folds.push(
      evaluateModel(
        model,
        all.filter((c) => fold(c) === f),
      ),
    );
  }
  return { folds, pooled: pool(folds) };
}

/** Sums the folds' counts into one evaluation. */
export function pool(folds: Evaluation[]): Evaluation {
  const confusion = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const perCategory: Evaluation['perCategory'] = {};
  const mistakes: Evaluation['mistakes'] = [];
  let examples = 0;
  for (const e of folds) {
    examples += e.examples;
    for (const k of ['tp', 'fp', 'fn', 'tn'] as const) confusion[k] += e.confusion[k];
    for (const [c, v] of Object.entries(e.perCategory)) {
      const slot = (perCategory[c] ??= { total: 0, correct: 0 });
      slot.total += v.total;
      slot.correct += v.correct;
    }
    mistakes.push(...e.mistakes);
  }
  const precision = confusion.tp + confusion.fp ? confusion.tp / (confusion.tp + confusion.fp) : 0;
  const recall = confusion.tp + confusion.fn ? confusion.tp / (confusion.tp + confusion.fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const total = Object.values(perCategory).reduce((a, v) => a + v.total, 0);
  const correct = Object.values(perCategory).reduce((a, v) => a + v.correct, 0);
  const categoryAccuracy = total ? correct / total : 0;
  return { examples, detection: { precision, recall, f1 }, categoryAccuracy, combined: (f1 + categoryAccuracy) / 2, confusion, perCategory, mistakes };
}
