/**
 * Takes samples for the predictor. The default samples the host (systeminformation), the
 * process and the breakers; provide your own under {@link PREDICTOR_SAMPLER}.
 */
export interface MetricSampler {
  /** One value per metric, now. A metric that cannot be read is left out. */
  sample(): Promise<Record<string, number>>;
  /** Scheduled sampling starts (e.g. enable a monitor only while sampling). */
  start?(): void;
  /** Scheduled sampling stopped, on shutdown. */
  stop?(): void;
}

/** Injection token of the {@link MetricSampler} the predictor samples with. */
export const PREDICTOR_SAMPLER = Symbol('RESILIENCE:PREDICTOR_SAMPLER');
