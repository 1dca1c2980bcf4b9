import { AduanModel, AduanModelFile, HeldOutScore } from '../classifier/model';
import { evaluateModel, heldOutScore } from './evaluate';
import { LabelledComment, splitLabelled } from './labelled-comment';
import { trainModel, TrainOptions } from './train-model';

export interface RetrainOutcome {
  /** True when the candidate should replace the current model. */
  replaced: boolean;
  /** `no_current`: nothing to compare with; `not_worse`: candidate ≥ current; `worse`: kept the current one. */
  decision: 'no_current' | 'not_worse' | 'worse';
  candidate: AduanModelFile;
  candidateScore: HeldOutScore;
  /** The current model scored now, on the same held-out comments. */
  currentScore: HeldOutScore | null;
  usedCorrections: number;
}

const key = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Trains on the training part of the labelled set plus people's corrections (a correction of a comment in
 * the set overrides its label; the latest correction of a text wins; corrections of held-out comments are
 * left out, so the held-out part stays unseen), scores the candidate and the current model on the held-out
 * part, and says whether the candidate may replace the current one: only if its combined score (mean of
 * detection F1 and category accuracy) is not lower.
 */
export function retrain(labelled: LabelledComment[], corrections: LabelledComment[], current: AduanModelFile | null, opts: TrainOptions): RetrainOutcome {
  const { train, heldOut } = splitLabelled(labelled);
  const heldOutTexts = new Set(heldOut.map((c) => key(c.text)));
  const latest = new Map<string, LabelledComment>();
  for (const c of corrections) if (!heldOutTexts.has(key(c.text))) latest.set(key(c.text), c);
  const examples = [...train.filter((c) => !latest.has(key(c.text))), ...latest.values()];
  const candidate = trainModel(examples, { ...opts, corrections: latest.size });
  const candidateScore = heldOutScore(evaluateModel(AduanModel.fromFile(candidate), heldOut));
  candidate.heldOut = candidateScore;
  if (!current) return { replaced: true, decision: 'no_current', candidate, candidateScore, currentScore: null, usedCorrections: latest.size };
  const currentScore = heldOutScore(evaluateModel(AduanModel.fromFile(current), heldOut));
  const replaced = candidateScore.combined >= currentScore.combined;
  return { replaced, decision: replaced ? 'not_worse' : 'worse', candidate, candidateScore, currentScore, usedCorrections: latest.size };
}
