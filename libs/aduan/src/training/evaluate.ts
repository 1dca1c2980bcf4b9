import { AduanModel, HeldOutScore } from '../classifier/model';
import { LabelledComment } from './labelled-comment';

export interface Confusion {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export function prf(c: Confusion): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

export interface Evaluation extends HeldOutScore {
  confusion: Confusion;
  /** Per category: held-out complaints of it and how many got it right. */
  perCategory: Record<string, { total: number; correct: number }>;
  /** The comments it got wrong (for reading, not for scores). */
  mistakes: Array<{ id: string; text: string; expected: string; got: string }>;
}

const label = (complaint: boolean, category: string | null) => (complaint ? `aduan/${category}` : 'bukan_aduan');

/** Scores a model on labelled comments: detection P/R/F1 and, over the true complaints, category accuracy. */
export function evaluateModel(model: AduanModel, comments: LabelledComment[]): Evaluation {
  const confusion: Confusion = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const perCategory: Evaluation['perCategory'] = {};
  const mistakes: Evaluation['mistakes'] = [];
  let catTotal = 0;
  let catCorrect = 0;
  for (const c of comments) {
    const p = model.predict(c.text, { reasons: false });
    if (p.isComplaint && c.complaint) confusion.tp++;
    else if (p.isComplaint) confusion.fp++;
    else if (c.complaint) confusion.fn++;
    else confusion.tn++;
    if (c.complaint && c.category) {
      const slot = (perCategory[c.category] ??= { total: 0, correct: 0 });
      slot.total++;
      catTotal++;
      if (p.category === c.category) {
        slot.correct++;
        catCorrect++;
      }
    }
    if (p.isComplaint !== c.complaint || (c.complaint && p.category !== c.category)) {
      mistakes.push({ id: c.id, text: c.text, expected: label(c.complaint, c.category), got: label(p.isComplaint, p.category) });
    }
  }
  const detection = prf(confusion);
  const categoryAccuracy = catTotal ? catCorrect / catTotal : 0;
  return {
    examples: comments.length,
    detection,
    categoryAccuracy,
    combined: (detection.f1 + categoryAccuracy) / 2,
    confusion,
    perCategory,
    mistakes,
  };
}

/** The part of an evaluation stored in a model file (rounded). */
export function heldOutScore(e: Evaluation): HeldOutScore {
  const r = (x: number) => Math.round(x * 10000) / 10000;
  return {
    examples: e.examples,
    detection: { precision: r(e.detection.precision), recall: r(e.detection.recall), f1: r(e.detection.f1) },
    categoryAccuracy: r(e.categoryAccuracy),
    combined: r(e.combined),
  };
}
