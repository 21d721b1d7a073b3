/** What a group measures; the JSON names the medians after it (`medianNsPerOp` ...). */
export type Metric = 'nsPerOp' | 'reqPerSec' | 'bytesPerBreaker' | 'bytesPerKey';

/** One contender's figure in one round, with its ratio to the baseline of the same round. */
export interface RoundSample {
  value: number;
  ratio: number | null;
  extra?: Record<string, number>;
}

export interface ContenderRun {
  description: string;
  rounds: RoundSample[];
  /** Per-contender settings worth reporting, e.g. the ops per sample. */
  settings?: Record<string, number | string>;
}

export interface BenchError {
  group: string;
  contender?: string;
  message: string;
}

/** What a group's child process sends back to the orchestrator. */
export interface GroupRun {
  name: string;
  description: string;
  metric: Metric;
  baseline: string;
  /** How to read `ratioToBaseline`. */
  ratioMeaning: string;
  settings: Record<string, number | string>;
  contenders: Record<string, ContenderRun>;
  errors: BenchError[];
}

/** A contender as written to `latest.json`. */
export interface ContenderJson {
  description: string;
  ratioToBaseline: number | null;
  rounds: Record<string, number | null>[];
  [figure: string]: unknown;
}

export interface GroupJson {
  description: string;
  metric: Metric;
  baseline: string;
  ratioMeaning: string;
  settings: Record<string, number | string>;
  contenders: Record<string, ContenderJson>;
}

export interface ResultsJson {
  date: string;
  quick: boolean;
  node: string;
  platform: string;
  cpu: { model: string; count: number };
  /** 1-minute load average before and after: other work on the machine skews every figure. */
  loadAverage: { start: number; end: number };
  packages: Record<string, string>;
  groups: Record<string, GroupJson>;
  errors: BenchError[];
}
