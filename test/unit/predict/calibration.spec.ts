import { seededRandom } from '../../../lib/core/chaos/seeded-random.js';
import { calibratedProbability, priorFor } from '../../../lib/core/predict/index.js';
import { EpisodeLedger } from '../../../lib/core/predict/episode-ledger.js';

describe('calibrated confidence', () => {
  it.each([0.05, 0.3, 0.5, 0.7, 0.9, 1])(
    'starts a prediction never seen below an alertConfidence of %s',
    (alertConfidence) => {
      const prior = priorFor(alertConfidence);
      expect(calibratedProbability(0, 0, prior)).toBeLessThan(alertConfidence);
      expect(calibratedProbability(0, 25, prior)).toBeLessThan(alertConfidence);
    },
  );

  it('is the smoothed share of settled predictions that came true', () => {
    const prior = priorFor(0.7); // Beta(1, 2)
    expect(calibratedProbability(8, 10, prior)).toBeCloseTo(9 / 13, 12);
    expect(calibratedProbability(95, 100, prior)).toBeCloseTo(96 / 103, 12);
  });

  it('matches how often predictions come true: of those made at confidence c, about c do', () => {
    const random = seededRandom(5);
    const ledger = new EpisodeLedger(priorFor(0.7), 100);
    const rates: Record<string, number> = { rare: 0.1, coin: 0.5, likely: 0.8, sure: 0.97 };
    const made: { confidence: number; cameTrue: boolean }[] = [];
    let at = 0;
    for (let round = 0; round < 400; round++) {
      for (const [key, rate] of Object.entries(rates)) {
        const { confidence } = ledger.confidence(key, 'hit');
        ledger.touch(key, at, at + 10);
        const cameTrue = random() < rate;
        if (cameTrue) ledger.occurred('hit', at + 5);
        made.push({ confidence, cameTrue });
        ledger.settle(at + 11);
        at += 20;
      }
    }
    for (const [key, rate] of Object.entries(rates)) {
      expect(Math.abs(ledger.confidence(key, 'hit').confidence - rate)).toBeLessThan(0.05);
    }
    for (const [low, high] of [
      [0, 0.3],
      [0.3, 0.7],
      [0.7, 0.9],
      [0.9, 1],
    ]) {
      const bin = made.slice(200).filter((p) => p.confidence >= low && p.confidence < high);
      const meanConfidence = bin.reduce((sum, p) => sum + p.confidence, 0) / bin.length;
      const share = bin.filter((p) => p.cameTrue).length / bin.length;
      expect(Math.abs(share - meanConfidence)).toBeLessThan(0.06);
    }
  });
});

describe('episodes', () => {
  const prior = priorFor(0.7);

  it('counts a prediction repeated at every sample once', () => {
    const ledger = new EpisodeLedger(prior, 10);
    for (let at = 0; at < 100; at += 10) ledger.touch('m', at, at + 30);
    ledger.settle(200);
    expect(ledger.confidence('m', 'hit')).toMatchObject({ seen: 1, cameTrue: 0 });
  });

  it('settles at its deadline, or as soon as its condition lapses once it came true', () => {
    const ledger = new EpisodeLedger(prior, 10);
    ledger.touch('late', 0, 100);
    ledger.touch('early', 0, 100);
    ledger.occurred('hit', 20, (episode) => episode.key === 'early');
    ledger.touch('late', 30, 100);
    ledger.settle(30);
    expect(ledger.find('early')).toBeUndefined();
    expect(ledger.confidence('early', 'hit')).toMatchObject({ seen: 1, cameTrue: 1 });
    ledger.settle(100);
    expect(ledger.find('late')).toBeDefined();
    ledger.settle(101);
    expect(ledger.confidence('late', 'hit')).toMatchObject({ seen: 1, cameTrue: 0 });
  });

  it('counts only events after the prediction was made and by its deadline', () => {
    const ledger = new EpisodeLedger(prior, 10);
    ledger.touch('m', 50, 100);
    ledger.occurred('hit', 50);
    ledger.occurred('hit', 130, undefined, 120);
    ledger.settle(200);
    expect(ledger.confidence('m', 'hit')).toMatchObject({ seen: 1, cameTrue: 0 });
    ledger.touch('m', 300, 400);
    ledger.occurred('hit', 410, undefined, 390); // seen at 410, may have happened at 390
    ledger.settle(500);
    expect(ledger.confidence('m', 'hit')).toMatchObject({ seen: 2, cameTrue: 1 });
  });

  it('keeps at most maxKeys tallies, dropping one that never came true first', () => {
    const ledger = new EpisodeLedger(prior, 3);
    ledger.touch('kept', 0, 10);
    ledger.occurred('hit', 5);
    for (const key of ['a', 'b', 'c', 'd']) ledger.touch(key, 0, 10);
    ledger.settle(11);
    expect([...ledger.allTallies()].map(([key]) => key)).toEqual(['kept', 'c', 'd']);
  });
});
