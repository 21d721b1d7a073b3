/** How a sample compares with its metric's baseline. */
export interface BaselineScore {
  /** The short-term level's distance from the baseline mean, in baseline standard deviations. */
  readonly z: number;
  /** The short-term level (a fast moving average of the samples). */
  readonly level: number;
  readonly mean: number;
  readonly deviation: number;
  /** Consecutive samples, this one included, scored beyond the threshold on this side. */
  readonly streak: number;
}

/** Slow weight: the baseline's memory is about 50 samples (25 minutes at 30 s). */
const BASELINE_WEIGHT = 0.02;
/** Fast weight: the short-term level averages about the last 5 samples. */
const LEVEL_WEIGHT = 0.3;
/** Samples that fold into an anomalous baseline at a tenth of the weight. */
const ANOMALY_DAMPING = 0.1;
/** Once warm, a sample moves the baseline as if at most this many deviations away. */
const CLIP = 2.5;
/** No score before this many samples. */
const WARM_UP_SAMPLES = 10;

/**
 * An exponentially weighted mean and variance of one metric, and the score of each new
 * sample against it. The short-term level is scored rather than the raw sample, so one
 * noisy sample in a few hundred does not look like an anomaly while a sustained shift does.
 * Anomalous samples move the baseline ten times more slowly, and no sample moves it as if
 * more than three deviations away, so an incident (or one wild sample) is not absorbed into
 * "normal" within minutes and does not blow up the deviation either.
 */
export class EwmaBaseline {
  private mean = 0;
  private variance = 0;
  private level = 0;
  private count = 0;
  private streak = 0;

  /** Scores `value` against the baseline so far (undefined while warming up), then learns it. */
  update(value: number, anomalyThreshold: number): BaselineScore | undefined {
    if (this.count === 0) {
      this.mean = this.level = value;
      this.count = 1;
      return undefined;
    }
    this.level += LEVEL_WEIGHT * (value - this.level);
    // A floor of 1 % of the mean keeps a near-constant metric from scoring every wobble.
    const deviation = Math.max(Math.sqrt(this.variance), Math.abs(this.mean) * 0.01, 1e-9);
    const z = (this.level - this.mean) / deviation;
    const ready = this.count >= WARM_UP_SAMPLES;
    const beyond = ready && Math.abs(z) >= anomalyThreshold;
    this.streak =
      beyond && Math.sign(z) === Math.sign(this.streak)
        ? this.streak + Math.sign(z)
        : beyond
          ? Math.sign(z)
          : 0;
    const streak = Math.abs(this.streak);
    const score = ready ? { z, level: this.level, mean: this.mean, deviation, streak } : undefined;
    let weight = Math.max(BASELINE_WEIGHT, 1 / (this.count + 1));
    if (beyond) weight *= ANOMALY_DAMPING;
    const limit = ready ? CLIP * deviation : Infinity;
    const delta = Math.min(limit, Math.max(-limit, value - this.mean));
    this.mean += weight * delta;
    this.variance = (1 - weight) * (this.variance + weight * delta * delta);
    this.count++;
    return score;
  }
}
