import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ResilienceConfigError, type ConfigIssue } from '../../../lib/core/errors/index.js';
import {
  resolveResilienceOptions,
  type ResilienceModuleOptions,
  type ResolvedResilienceOptions,
} from '../../../lib/nest/options/index.js';

const created: string[] = [];

/** A fresh empty directory, so no stray resilience.config.json is read. */
export function emptyDirectory(): string {
  const directory = mkdtempSync(join(tmpdir(), 'bulwark-options-'));
  created.push(directory);
  return directory;
}

/** Removes the directories this file's tests made; call it from `afterAll`. */
export function removeTemporaryDirectories(): void {
  for (const directory of created.splice(0)) rmSync(directory, { recursive: true, force: true });
}

/** Writes `content` (an object is written as JSON) to `name` in a fresh directory. */
export function directoryWithFile(content: unknown, name = 'resilience.config.json'): string {
  const directory = emptyDirectory();
  writeFileSync(
    join(directory, name),
    typeof content === 'string' ? content : JSON.stringify(content, null, 2),
  );
  return directory;
}

export function resolveWith(
  code: ResilienceModuleOptions,
  env: Record<string, string | undefined> = {},
  cwd: string = emptyDirectory(),
): ResolvedResilienceOptions {
  return resolveResilienceOptions(code, { env, cwd });
}

/** Resolves options that must be rejected, and returns the one error's issues. */
export function issuesOf(
  code: unknown,
  env: Record<string, string | undefined> = {},
  cwd: string = emptyDirectory(),
): ConfigIssue[] {
  try {
    resolveResilienceOptions(code as ResilienceModuleOptions, { env, cwd });
  } catch (error) {
    expect(error).toBeInstanceOf(ResilienceConfigError);
    return (error as ResilienceConfigError).issues;
  }
  throw new Error('expected a ResilienceConfigError, but the options were accepted');
}

/** The one issue at `path`; fails when there is none or several. */
export function issueAt(issues: ConfigIssue[], path: string): ConfigIssue {
  const found = issues.filter((issue) => issue.path === path);
  if (found.length !== 1) {
    throw new Error(`expected one issue at ${path}, got: ${JSON.stringify(issues, null, 2)}`);
  }
  return found[0];
}
