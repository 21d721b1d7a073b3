import { calibratedProbability, type BetaPrior } from './calibration.js';

/**
 * One prediction, from the moment its condition first held until it is settled. A
 * condition that keeps holding extends the episode rather than starting new ones, so a
 * prediction repeated at every sample counts once.
 */
export interface Episode {
  readonly key: string;
  /** The precursors (or the metric) the episode is about. */
  readonly members: readonly string[];
  readonly startedAt: number;
  /** The predicted event must happen by then; the latest `predictedAt` published. */
  deadline: number;
  /** The last time the condition held. */
  touchedAt: number;
  /** What happened during the episode (services that failed, `'hit'`). */
  readonly outcomes: Set<string>;
}

/** Settled episodes of one key and how many of them saw each outcome. */
export interface Tally {
  readonly members: readonly string[];
  seen: number;
  readonly cameTrue: Map<string, number>;
}

const MAX_OUTCOMES_PER_KEY = 100;

/**
 * Open predictions and the tallies of settled ones, per key (a metric, or a set of
 * precursors). Confidence is the calibrated probability from the settled tallies only, so
 * an open episode's own fate never flatters it. An episode settles when its deadline has
 * passed, or, once its event happened, as soon as its condition stops holding. At most
 * `maxKeys` tallies are kept: the least recently settled one that never came true goes first.
 */
export class EpisodeLedger {
  private readonly open = new Map<string, Episode>();
  private readonly tallies = new Map<string, Tally>();

  constructor(
    private readonly prior: BetaPrior,
    private readonly maxKeys: number,
  ) {}

  /** Opens the episode of `key`, or extends the open one to `deadline`. */
  touch(key: string, at: number, deadline: number, members: readonly string[] = [key]): Episode {
    let episode = this.open.get(key);
    if (episode === undefined) {
      episode = { key, members, startedAt: at, deadline, touchedAt: at, outcomes: new Set() };
      this.open.set(key, episode);
    } else {
      episode.deadline = Math.max(episode.deadline, deadline);
      episode.touchedAt = at;
    }
    return episode;
  }

  find(key: string): Episode | undefined {
    return this.open.get(key);
  }

  /**
   * Records `outcome` on every open episode (that `applies` accepts) made before `at` and due
   * no earlier than `since`: an event seen at `at` that may have happened as early as
   * `since` (a crossing between two samples) counts for predictions made before it was seen.
   */
  occurred(
    outcome: string,
    at: number,
    applies: (episode: Episode) => boolean = () => true,
    since = at,
  ): void {
    for (const episode of this.open.values()) {
      if (episode.startedAt < at && since <= episode.deadline && applies(episode)) {
        episode.outcomes.add(outcome);
      }
    }
  }

  /** Settles the episodes that are over as of `now` into their tallies. */
  settle(now: number): void {
    for (const episode of this.open.values()) {
      const fulfilled = episode.outcomes.size > 0 && episode.touchedAt < now;
      if (episode.deadline >= now && !fulfilled) continue;
      this.open.delete(episode.key);
      this.count(episode);
    }
  }

  /** The calibrated probability that an episode of `key` sees `outcome`, with its evidence. */
  confidence(key: string, outcome: string): { confidence: number; seen: number; cameTrue: number } {
    const tally = this.tallies.get(key);
    const seen = tally?.seen ?? 0;
    const cameTrue = tally?.cameTrue.get(outcome) ?? 0;
    return { confidence: calibratedProbability(cameTrue, seen, this.prior), seen, cameTrue };
  }

  tally(key: string): Tally | undefined {
    return this.tallies.get(key);
  }

  /** Every tally, least recently settled first. */
  allTallies(): IterableIterator<[string, Tally]> {
    return this.tallies.entries();
  }

  /** Forgets the tallies `drop` selects; returns how many. */
  forget(drop: (tally: Tally) => boolean): number {
    let forgotten = 0;
    for (const [key, tally] of this.tallies) {
      if (!drop(tally)) continue;
      this.tallies.delete(key);
      forgotten++;
    }
    return forgotten;
  }

  private count(episode: Episode): void {
    const tally = this.tallies.get(episode.key) ?? this.newTally(episode);
    // Re-inserting keeps the Map in order of last settlement, for eviction.
    this.tallies.delete(episode.key);
    this.tallies.set(episode.key, tally);
    tally.seen++;
    for (const outcome of episode.outcomes) {
      const known = tally.cameTrue.get(outcome);
      if (known === undefined && tally.cameTrue.size >= MAX_OUTCOMES_PER_KEY) continue;
      tally.cameTrue.set(outcome, (known ?? 0) + 1);
    }
  }

  private newTally(episode: Episode): Tally {
    if (this.tallies.size >= this.maxKeys) this.evictOne();
    return { members: episode.members, seen: 0, cameTrue: new Map() };
  }

  private evictOne(): void {
    for (const [key, tally] of this.tallies) {
      if (tally.cameTrue.size === 0) return void this.tallies.delete(key);
    }
    const oldest = this.tallies.keys().next();
    if (!oldest.done) this.tallies.delete(oldest.value);
  }
}
