import { createHash } from 'crypto';
import { featureKey } from '../classifier/feature-ids';
import { FeatureExtractor, FeatureOptions } from '../classifier/features';
import { DEFAULT_SGD, SgdOptions, SparseVector, trainLogistic, trainSoftmax } from '../classifier/linear-model';
import { AduanModelFile, MODEL_FORMAT } from '../classifier/model';
import { normaliseText } from '../classifier/normalise';
import { LabelledComment } from './labelled-comment';

export interface TrainOptions {
  categories: string[];
  /** Category words per category (the city's `keywords`), turned into `lex:` features. */
  lexicon: Record<string, string[]>;
  threshold?: number;
  /** A feature enters the vocabulary when it occurs in at least this many training comments. */
  minDocs?: number;
  sgd?: Partial<SgdOptions>;
  charMin?: number;
  charMax?: number;
  /** How many of the examples are people's corrections (recorded in the file). */
  corrections?: number;
}

const round = (x: number) => Math.round(x * 10000) / 10000;
const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Trains detection on every example and the category on the complaints; returns the model file. */
export function trainModel(examples: LabelledComment[], opts: TrainOptions): AduanModelFile {
  const features: FeatureOptions = { charMin: opts.charMin ?? 3, charMax: opts.charMax ?? 5, lexicon: opts.lexicon };
  const sgd: SgdOptions = { ...DEFAULT_SGD, ...opts.sgd };
  const extractor = new FeatureExtractor(features);
  const sets = examples.map((e) => extractor.extract(normaliseText(e.text)));
  const docs = new Map<number, number>();
  for (const s of sets) for (const id of new Set(s.ids)) if (id >= 0) docs.set(id, (docs.get(id) ?? 0) + 1);
  const minDocs = opts.minDocs ?? 2;
  // signals and category words always, other features when they occur in `minDocs` comments; sorted by key
  const vocabulary = [...docs.entries()]
    .map(([id, n]) => ({ key: featureKey(id), id, n }))
    .filter(({ key, n }) => n >= minDocs || key.startsWith('s:') || key.startsWith('lex:'))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const index = new Map(vocabulary.map((v, i) => [v.id, i]));
  const vectors: SparseVector[] = sets.map((s) => {
    const v: SparseVector = { idx: [], val: [] };
    s.ids.forEach((id, i) => {
      const j = index.get(id);
      if (j !== undefined) {
        v.idx.push(j);
        v.val.push(s.values[i]);
      }
    });
    return v;
  });
  const dim = vocabulary.length;
  const detection = trainLogistic(
    vectors,
    examples.map((e) => e.complaint),
    dim,
    sgd,
  );
  const complaints = examples.map((e, i) => ({ e, i })).filter(({ e }) => e.complaint && e.category && opts.categories.includes(e.category));
  const K = opts.categories.length;
  const cat = trainSoftmax(
    complaints.map(({ i }) => vectors[i]),
    complaints.map(({ e }) => opts.categories.indexOf(e.category!)),
    K,
    dim,
    sgd,
  );
  // category weights dense per class (almost every feature has some weight for some class), 3 decimals
  const category: number[][] = [];
  for (let c = 0; c < K; c++) category.push(Array.from(cat.subarray(c * dim, (c + 1) * dim), round3));
  const digest = createHash('sha256')
    .update(JSON.stringify(examples.map((e) => [e.id, e.text, e.complaint, e.category])))
    .digest('hex')
    .slice(0, 16);
  return {
    format: MODEL_FORMAT,
    categories: [...opts.categories],
    threshold: opts.threshold ?? 0.5,
    features,
    vocabulary: vocabulary.map((v) => v.key),
    detection: Array.from(detection, round),
    category,
    trainedOn: { examples: examples.length, corrections: opts.corrections ?? 0, digest },
    heldOut: null,
  };
}
