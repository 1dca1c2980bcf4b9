import { seededRandom, shuffleInPlace } from '@kabar/common';

/** A comment as the model sees it: indices into the vocabulary with their values. */
export interface SparseVector {
  idx: number[];
  val: number[];
}

export interface SgdOptions {
  epochs: number;
  /** L2 penalty per update on the weights an example touches. */
  l2: number;
  /** AdaGrad base learning rate. */
  learningRate: number;
  seed: number;
}

export const DEFAULT_SGD: SgdOptions = { epochs: 30, l2: 1e-4, learningRate: 0.3, seed: 20251115 };

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

export function dot(w: ArrayLike<number>, x: SparseVector, offset = 0): number {
  let s = 0;
  for (let i = 0; i < x.idx.length; i++) s += w[offset + x.idx[i]] * x.val[i];
  return s;
}

/**
 * Binary logistic regression, trained by SGD with AdaGrad step sizes, classes weighted to balance,
 * examples visited in a seeded order: the same data gives the same weights, bit for bit.
 */
export function trainLogistic(xs: SparseVector[], ys: boolean[], dim: number, opts: SgdOptions = DEFAULT_SGD): Float64Array {
  const w = new Float64Array(dim);
  const g2 = new Float64Array(dim).fill(1e-8);
  const pos = ys.filter(Boolean).length;
  const neg = ys.length - pos;
  const weightOf = (y: boolean) => (y ? ys.length / (2 * Math.max(1, pos)) : ys.length / (2 * Math.max(1, neg)));
  const order = xs.map((_, i) => i);
  const rand = seededRandom(opts.seed);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    shuffleInPlace(order, rand);
    for (const i of order) {
      const x = xs[i];
      const p = sigmoid(dot(w, x));
      const err = (p - (ys[i] ? 1 : 0)) * weightOf(ys[i]);
      for (let k = 0; k < x.idx.length; k++) {
        const j = x.idx[k];
        const g = err * x.val[k] + opts.l2 * w[j];
        g2[j] += g * g;
        w[j] -= (opts.learningRate / Math.sqrt(g2[j])) * g;
      }
    }
  }
  return w;
}

/** Softmax probabilities of `classes` scores. */
export function softmax(scores: number[]): number[] {
  const max = Math.max(...scores);
  const e = scores.map((s) => Math.exp(s - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/**
 * Multinomial logistic regression (softmax) over `classes` classes; weights are class-major:
 * `w[c * dim + j]`. Same optimiser and determinism as {@link trainLogistic}.
 */
export function trainSoftmax(xs: SparseVector[], ys: number[], classes: number, dim: number, opts: SgdOptions = DEFAULT_SGD): Float64Array {
  const w = new Float64Array(classes * dim);
  const g2 = new Float64Array(classes * dim).fill(1e-8);
  const counts = new Array<number>(classes).fill(0);
  for (const y of ys) counts[y]++;
  const weightOf = (y: number) => Math.min(3, ys.length / (classes * Math.max(1, counts[y])));
  const order = xs.map((_, i) => i);
  const rand = seededRandom(opts.seed);
  const scores = new Array<number>(classes);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    shuffleInPlace(order, rand);
    for (const i of order) {
      const x = xs[i];
      for (let c = 0; c < classes; c++) scores[c] = dot(w, x, c * dim);
      const p = softmax(scores);
      const cw = weightOf(ys[i]);
      for (let c = 0; c < classes; c++) {
        const err = (p[c] - (c === ys[i] ? 1 : 0)) * cw;
        if (Math.abs(err) < 1e-6) continue;
        const off = c * dim;
        for (let k = 0; k < x.idx.length; k++) {
          const j = off + x.idx[k];
          const g = err * x.val[k] + opts.l2 * w[j];
          g2[j] += g * g;
          w[j] -= (opts.learningRate / Math.sqrt(g2[j])) * g;
        }
      }
    }
  }
  return w;
}
