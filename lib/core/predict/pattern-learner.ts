import type { Anomaly } from './anomaly-detector.js';
import { calibratedProbability, type BetaPrior } from './calibration.js';
import { combinations } from './combinations.js';
import { EpisodeLedger } from './episode-ledger.js';
import type { LearnedPattern } from './prediction.js';

/** A learned pattern whose precursors are present now. */
export interface PatternMatch extends LearnedPattern {
  readonly predictedAt: number;
}

const SEPARATOR = ' & ';

/**
 * Learns which anomalies precede each service's failures. Every combination of up to
 * `maxPrecursors` recent anomalies is an episode ("these precursors are present"); a
 * failure recorded for a service while an episode is open counts for that service. A
 * pattern's confidence is the calibrated share of its settled episodes followed by the
 * service's failure, so precursors that also show up without failures earn little, and the
 * combination that best separates failures from noise wins.
 */
export class PatternLearner {
  private readonly ledger: EpisodeLedger;

  constructor(
    private readonly prior: BetaPrior,
    private readonly maxPrecursors: number,
    maxPatterns: number,
  ) {
    this.ledger = new EpisodeLedger(prior, maxPatterns);
  }

  /** Opens or extends the episode of each combination of the recent anomalies. */
  observe(recent: readonly Anomaly[], at: number, windowMs: number): void {
    for (const combination of combinations(recent, this.maxPrecursors)) {
      const keys = combination.map((anomaly) => anomaly.key);
      const deadline = Math.min(...combination.map((anomaly) => anomaly.at)) + windowMs;
      this.ledger.touch(keys.join(SEPARATOR), at, deadline, keys);
    }
  }

  /** Credits the failure of `services` at `at` to every episode open then. */
  failure(services: readonly string[], at: number): void {
    for (const service of services) this.ledger.occurred(service, at);
  }

  settle(now: number): void {
    this.ledger.settle(now);
  }

  /** Per service, the best learned pattern whose precursors are all recent and not yet followed. */
  matches(recent: readonly Anomaly[], at: number, windowMs: number): PatternMatch[] {
    const best = new Map<string, PatternMatch>();
    for (const combination of combinations(recent, this.maxPrecursors)) {
      const key = combination.map((anomaly) => anomaly.key).join(SEPARATOR);
      const tally = this.ledger.tally(key);
      if (tally === undefined || tally.cameTrue.size === 0) continue;
      const episode = this.ledger.find(key);
      const predictedAt =
        episode?.deadline ?? Math.min(...combination.map((anomaly) => anomaly.at)) + windowMs;
      if (predictedAt < at) continue;
      for (const [service, followedByFailure] of tally.cameTrue) {
        if (episode?.outcomes.has(service)) continue;
        const confidence = calibratedProbability(followedByFailure, tally.seen, this.prior);
        if (!outranks(confidence, tally.members, best.get(service))) continue;
        const precursors = tally.members;
        best.set(service, {
          service,
          precursors,
          seen: tally.seen,
          followedByFailure,
          confidence,
          predictedAt,
        });
      }
    }
    return [...best.values()];
  }

  /** Every learned pattern: precursors that were followed by a failure at least once. */
  patterns(): LearnedPattern[] {
    const learned: LearnedPattern[] = [];
    for (const [, tally] of this.ledger.allTallies()) {
      for (const [service, followedByFailure] of tally.cameTrue) {
        const confidence = calibratedProbability(followedByFailure, tally.seen, this.prior);
        learned.push({
          service,
          precursors: tally.members,
          seen: tally.seen,
          followedByFailure,
          confidence,
        });
      }
    }
    return learned.sort((a, b) => b.confidence - a.confidence);
  }

  /** Forgets combinations never followed by a failure; returns how many. */
  forgetUnfollowed(): number {
    return this.ledger.forget((tally) => tally.cameTrue.size === 0);
  }
}

/** Higher confidence wins; on a tie, the more specific set of precursors. */
function outranks(confidence: number, precursors: readonly string[], best?: PatternMatch): boolean {
  if (best === undefined || confidence > best.confidence) return true;
  return confidence === best.confidence && precursors.length > best.precursors.length;
}
