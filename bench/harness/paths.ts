import { fileURLToPath } from 'node:url';

// This file runs from dist-sample/bench/harness/, three levels below the package root.
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** The compiled bench directory (dist-sample/bench/). */
export const benchDist = fileURLToPath(new URL('../', import.meta.url));

/** Results live in the source tree so that they can be committed. */
export const resultsDir = fileURLToPath(new URL('../../../bench/results/', import.meta.url));
