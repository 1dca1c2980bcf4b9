import { CityConfig, lexiconOf } from '../classifier/city-config';
import { TrainOptions } from './train-model';

/** The training options of a city: its categories, their words, its threshold, and the fixed hyper-parameters. */
export function trainOptionsFor(city: CityConfig): TrainOptions {
  return {
    categories: city.categories.map((c) => c.key),
    lexicon: lexiconOf(city),
    threshold: city.threshold,
    minDocs: 2,
    charMin: 4,
    charMax: 4,
    sgd: { l2: 1e-3 },
  };
}
