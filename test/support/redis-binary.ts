import { spawnSync } from 'node:child_process';

/** True when `command --version` runs (the binary is installed and on PATH). */
function runs(command: string): boolean {
  return spawnSync(command, ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Whether this machine can run the Redis suites (server and, for the cluster, redis-cli). */
export const redisBinaries = {
  server: runs('redis-server'),
  cli: runs('redis-cli'),
};

/**
 * Registers `body` as a describe block when the binaries are installed. Without them the
 * block is one test that says loudly it could not run: it passes locally (with a warning)
 * and fails in CI (`CI=true`), where a missing binary is a broken setup, not a skip.
 */
export function describeWithRedis(
  name: string,
  body: () => void,
  needs: readonly (keyof typeof redisBinaries)[] = ['server'],
): void {
  const missing = needs.filter((binary) => !redisBinaries[binary]);
  if (missing.length === 0) {
    describe(name, body);
    return;
  }
  describe(name, () => {
    it(`needs redis-${missing.join(' and redis-')} (npm test installs it)`, () => {
      const message =
        `[redis] "${name}" did not run: redis-${missing.join(', redis-')} not found on PATH. ` +
        'Install the Debian package redis-server, or run `npm test`, which installs it.';
      console.warn(message);
      if (process.env.CI === 'true') throw new Error(message);
    });
  });
}
