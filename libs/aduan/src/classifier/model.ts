import { featureId } from './feature-ids';
import { FeatureExtractor, FeatureOptions, FeatureSet } from './features';
import { sigmoid, softmax } from './linear-model';
import { normaliseText, Token } from './normalise';
import { Reason, topReasons } from './reasons';

export const MODEL_FORMAT = 'kabar-aduan-model/1';

/** Scores of a model on the held-out part of the labelled set. */
export interface HeldOutScore {
  examples: number;
  detection: { precision: number; recall: number; f1: number };
  /** Share of held-out complaints whose category is right (category predicted for every complaint). */
  categoryAccuracy: number;
  /** The one number the replace rule compares: the mean of detection F1 and category accuracy. */
  combined: number;
}

/** The model as committed (config/aduan/model.json): plain JSON, rounded weights. */
export interface AduanModelFile {
  format: typeof MODEL_FORMAT;
  categories: string[];
  threshold: number;
  features: FeatureOptions;
  vocabulary: string[];
  /** Detection weight of each vocabulary entry. */
  detection: number[];
  /** Per category: the weight of each vocabulary entry. */
  category: number[][];
  trainedOn: { examples: number; corrections: number; digest: string };
  heldOut: HeldOutScore | null;
}

export interface ModelPrediction {
  /** Probability that the comment is a complaint. */
  score: number;
  isComplaint: boolean;
  /** The most likely category (computed for every comment; the classifier hides it for non-complaints). */
  category: string;
  categoryScore: number;
  reasons: Reason[];
}

/** A trained linear model: detection (logistic) and category (softmax) over one shared vocabulary. */
export class AduanModel {
  /** Feature id → vocabulary index (-1: not in this model). */
  private readonly index: Int32Array;
  private readonly detection: Float64Array;
  private readonly category: Float64Array;
  /** Mean category weight of each feature (the baseline a category's reasons are measured against). */
  private readonly categoryMean: Float64Array;
  private readonly extractor: FeatureExtractor;
  readonly categories: readonly string[];
  readonly threshold: number;

  private constructor(readonly file: AduanModelFile) {
    if (file.format !== MODEL_FORMAT) throw new Error(`aduan model: unknown format ${String(file.format)}`);
    const dim = file.vocabulary.length;
    const ids = file.vocabulary.map((k) => featureId(k));
    this.index = new Int32Array(ids.reduce((m, id) => Math.max(m, id), 0) + 1).fill(-1);
    ids.forEach((id, i) => (this.index[id] = i));
    this.detection = Float64Array.from(file.detection);
    // feature-major (the K weights of one feature side by side): one comment touches few features
    const K = file.categories.length;
    this.category = new Float64Array(K * dim);
    file.category.forEach((weights, c) => {
      weights.forEach((w, j) => (this.category[j * K + c] = w));
    });
    this.categoryMean = new Float64Array(dim);
    for (let j = 0; j < dim; j++) {
      let sum = 0;
      for (let c = 0; c < K; c++) sum += this.category[j * K + c];
      this.categoryMean[j] = sum / K;
    }
    this.extractor = new FeatureExtractor(file.features);
    this.categories = file.categories;
    this.threshold = file.threshold;
  }

  static fromFile(file: AduanModelFile): AduanModel {
    return new AduanModel(file);
  }

  featuresOf(text: string): { set: FeatureSet; tokens: Token[] } {
    const n = normaliseText(text);
    return { set: this.extractor.extract(n), tokens: n.tokens };
  }

  predict(text: string, opts: { reasons?: boolean; threshold?: number } = {}): ModelPrediction {
    const { set, tokens } = this.featuresOf(text);
    const K = this.categories.length;
    const idx: number[] = [];
    const pos: number[] = [];
    const index = this.index;
    for (let i = 0; i < set.ids.length; i++) {
      const id = set.ids[i];
      const j = id >= 0 && id < index.length ? index[id] : -1;
      if (j >= 0) {
        idx.push(j);
        pos.push(i);
      }
    }
    let z = 0;
    const scores = new Array<number>(K).fill(0);
    const detection = this.detection;
    const category = this.category;
    for (let k = 0; k < idx.length; k++) {
      const v = set.values[pos[k]];
      z += detection[idx[k]] * v;
      const off = idx[k] * K;
      for (let c = 0; c < K; c++) scores[c] += category[off + c] * v;
    }
    const probs = softmax(scores);
    let best = 0;
    for (let c = 1; c < K; c++) if (probs[c] > probs[best]) best = c;
    const score = sigmoid(z);
    const isComplaint = score >= (opts.threshold ?? this.threshold);
    let reasons: Reason[] = [];
    if (opts.reasons !== false) {
      const det = new Float64Array(set.ids.length);
      const cat = new Float64Array(set.ids.length);
      for (let k = 0; k < idx.length; k++) {
        const v = set.values[pos[k]];
        det[pos[k]] = detection[idx[k]] * v;
        cat[pos[k]] = (category[idx[k] * K + best] - this.categoryMean[idx[k]]) * v;
      }
      reasons = topReasons(set, det, tokens, isComplaint ? 1 : -1, isComplaint ? 'complaint' : 'not_complaint', 5);
      if (isComplaint) reasons = reasons.concat(topReasons(set, cat, tokens, 1, 'category', 3));
    }
    return { score, isComplaint, category: this.categories[best], categoryScore: probs[best], reasons };
  }
}
