import type { BenchError, ContenderRun, GroupRun } from './types.js';

/** Pools the rounds of several processes that ran the same group. */
export function mergeRuns(runs: readonly GroupRun[]): GroupRun {
  const [first] = runs;
  const contenders: Record<string, ContenderRun> = {};
  for (const run of runs) {
    for (const [name, contender] of Object.entries(run.contenders)) {
      const known = contenders[name];
      contenders[name] = known
        ? {
            ...known,
            rounds: [...known.rounds, ...contender.rounds],
            settings: mergeSettings(known.settings, contender.settings),
          }
        : contender;
    }
  }
  return {
    ...first,
    settings: { ...first.settings, processes: runs.length },
    contenders,
    errors: uniqueErrors(runs.flatMap((run) => run.errors)),
  };
}

function mergeSettings(
  a: ContenderRun['settings'],
  b: ContenderRun['settings'],
): ContenderRun['settings'] {
  if (!a || !b) return a ?? b;
  const merged: Record<string, number | string> = { ...a };
  for (const [key, value] of Object.entries(b)) {
    if (merged[key] !== value) merged[key] = `${merged[key]} / ${value}`;
  }
  return merged;
}

function uniqueErrors(errors: readonly BenchError[]): BenchError[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    const id = `${error.group}|${error.contender ?? ''}|${error.message}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
