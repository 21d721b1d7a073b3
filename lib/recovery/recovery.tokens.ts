/**
 * The clock of recovery, recovery plans and checkpoints (default: the system clock).
 * Tests override it with a `TestClock`: `.overrideProvider(RECOVERY_CLOCK).useValue(clock)`.
 */
export const RECOVERY_CLOCK = Symbol('RESILIENCE:RECOVERY_CLOCK');

/** The random source (uniform in [0, 1)) of the recovery bandit and jitter; default `Math.random`. */
export const RECOVERY_RANDOM = Symbol('RESILIENCE:RECOVERY_RANDOM');

/**
 * Where failed work goes: compensations that threw, recoveries and recovery plans that
 * failed. Default: logged at warn. The dead-letter queue binds itself here
 * (`{ provide: FAILED_WORK_SINK, useExisting: DeadLetterQueueService }`); your own
 * {@link FailedWorkSink} can too.
 */
export const FAILED_WORK_SINK = Symbol('RESILIENCE:FAILED_WORK_SINK');
