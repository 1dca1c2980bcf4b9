import {
  AduanModel,
  evaluateModel,
  readModelFile,
  isHeldOut,
  KOTA_BOGOR,
  LabelledComment,
  loadLabelledSet,
  retrain,
  splitLabelled,
  trainModel,
  trainOptionsFor,
} from '@kabar/aduan';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../../..');
const opts = trainOptionsFor(KOTA_BOGOR);
const all = loadLabelledSet(
  ROOT,
  KOTA_BOGOR.categories.map((c) => c.key),
);
const { train, heldOut } = splitLabelled(all);

describe('aduan: training and the replace-only-if-not-worse rule', () => {
  it('keeps a fixed held-out part (by id), about a fifth, with every category', () => {
    expect(heldOut.length / all.length).toBeGreaterThan(0.15);
    expect(heldOut.length / all.length).toBeLessThan(0.25);
    expect(heldOut.every((c) => isHeldOut(c.id))).toBe(true);
    expect(new Set(heldOut.filter((c) => c.complaint).map((c) => c.category))).toEqual(new Set(opts.categories));
    expect(all.length).toBeGreaterThanOrEqual(800);
  });

  it('trains deterministically: the same comments give the same file', () => {
    const a = trainModel(train, opts);
    const b = trainModel([...train], opts);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  }, 30_000);

  let current: ReturnType<typeof retrain>['candidate'];

  it('replaces when there is no current model, and records the held-out score in the file', () => {
    const r = retrain(all, [], null, opts);
    expect(r).toMatchObject({ replaced: true, decision: 'no_current', currentScore: null, usedCorrections: 0 });
    expect(r.candidate.heldOut).toEqual(r.candidateScore);
    expect(r.candidateScore.examples).toBe(heldOut.length);
    current = r.candidate;
  }, 30_000);

  it('replaces when the retrained model scores the same (not worse)', () => {
    const r = retrain(all, [], current, opts);
    expect(r.decision).toBe('not_worse');
    expect(r.replaced).toBe(true);
    expect(r.candidateScore.combined).toBe(r.currentScore!.combined);
  }, 30_000);

  it('keeps the current model when corrections make the retrained one worse', () => {
    // a careless "correction" run: every training complaint relabelled as not a complaint
    const wrong: LabelledComment[] = train.filter((c) => c.complaint).map((c, i) => ({ id: `bad-${i}`, text: c.text, complaint: false, category: null }));
    const r = retrain(all, wrong, current, opts);
    expect(r.usedCorrections).toBe(wrong.length);
    expect(r.candidateScore.combined).toBeLessThan(r.currentScore!.combined);
    expect(r).toMatchObject({ replaced: false, decision: 'worse' });
  }, 30_000);

  it('lets the latest correction of a text win, and never trains on held-out comments', () => {
    const text = 'lampu jalan di gang kami kedip2 terus tiap malam';
    const leaked = heldOut[0];
    const r = retrain(
      all,
      [
        { id: 'c1', text, complaint: false, category: null },
        { id: 'c2', text, complaint: true, category: 'penerangan_jalan' },
        { id: 'c3', text: leaked.text, complaint: !leaked.complaint, category: leaked.complaint ? null : 'lainnya' },
      ],
      current,
      opts,
    );
    expect(r.usedCorrections).toBe(1);
    expect(r.candidate.trainedOn).toMatchObject({ examples: train.length + 1, corrections: 1 });
    const p = AduanModel.fromFile(r.candidate).predict(text, { reasons: false });
    expect(p.isComplaint).toBe(true);
    expect(p.category).toBe('penerangan_jalan');
  }, 30_000);

  it('scores the committed model on the held-out part as the file says', () => {
    const committed = AduanModel.fromFile(readModelFile(path.join(ROOT, 'config/aduan/model.json')));
    const e = evaluateModel(committed, heldOut);
    expect(committed.file.heldOut?.combined).toBeCloseTo(e.combined, 4);
    expect(e.detection.f1).toBeGreaterThan(0.88);
    expect(e.categoryAccuracy).toBeGreaterThan(0.82);
  });
});
