/** A Beta prior over the probability that a kind of prediction comes true. */
export interface BetaPrior {
  readonly alpha: number;
  readonly beta: number;
}

/** Weight of the prior, in pseudo-outcomes: three settled predictions outweigh it. */
const PRIOR_STRENGTH = 3;

/**
 * The prior every new (target, kind, precursors) starts from: a mean of a third, and never
 * more than half of `alertConfidence`, so that a prediction never seen to come true stays
 * below the alert level however large the deviation behind it.
 */
export function priorFor(alertConfidence: number): BetaPrior {
  const mean = Math.min(1 / 3, alertConfidence / 2);
  return { alpha: PRIOR_STRENGTH * mean, beta: PRIOR_STRENGTH * (1 - mean) };
}

/**
 * The posterior mean of the probability of coming true after `cameTrue` of `seen` settled
 * predictions came true. Under the Beta–Binomial model this is calibrated: of predictions
 * made with confidence c, about c come true.
 */
export function calibratedProbability(cameTrue: number, seen: number, prior: BetaPrior): number {
  return (cameTrue + prior.alpha) / (seen + prior.alpha + prior.beta);
}
