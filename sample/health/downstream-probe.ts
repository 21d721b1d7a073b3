import type { FlakyDownstream } from '../downstream/flaky-downstream.service.js';

/** One health probe of the simulated downstream: fails at its configured failure rate. */
export function downstreamAnswers(downstream: FlakyDownstream): boolean {
  return Math.random() >= downstream.current().failureRate;
}
