import { progress } from '../harness/progress.js';
import { type TimedContender, runTimedContenders } from '../harness/timed-contenders.js';
import type { BenchError } from '../harness/types.js';
import type { BenchGroup } from './group.js';

/** The groups sized by `{ rounds, warmupMs, sampleMs }` in `BenchConfig`. */
type CalibratedGroupName = 'overhead' | 'metrics' | 'decorated';

/** What a group of per-call timings says about itself; how it runs is the same for all. */
export interface CalibratedGroupSpec {
  name: CalibratedGroupName;
  description: string;
  /** The contender every other one is divided by, round by round. */
  baseline: string;
  ratioMeaning: string;
  contenders: TimedContender[];
}

/**
 * A group that times sequential awaited calls, in samples calibrated to last `sampleMs`
 * after `warmupMs` of warm-up, contenders alternating round by round.
 */
export function calibratedGroup(spec: CalibratedGroupSpec): BenchGroup {
  const { name, description, baseline, ratioMeaning, contenders } = spec;
  return {
    name,
    async run(config) {
      const errors: BenchError[] = [];
      const { rounds, warmupMs, sampleMs } = config[name];
      const results = await runTimedContenders(
        contenders,
        {
          group: name,
          baseline,
          rounds,
          sampleSize: { kind: 'calibrated', warmupMs, targetMs: sampleMs },
          onRound: (round) => progress(name, `round ${round}/${rounds}`),
        },
        errors,
      );
      return {
        name,
        description,
        metric: 'nsPerOp',
        baseline,
        ratioMeaning,
        settings: { rounds, warmupMs, targetSampleMs: sampleMs },
        contenders: results,
        errors,
      };
    },
  };
}
