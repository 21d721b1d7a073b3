import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './paths.js';

/** Every package whose code is measured, plus the frameworks around them. */
const measuredPackages = [
  'opossum',
  'cockatiel',
  'nestjs-resilience',
  'rate-limiter-flexible',
  '@nestjs/throttler',
  '@nestjs/core',
  '@nestjs/common',
  '@nestjs/platform-express',
  'express',
  'rxjs',
  'autocannon',
];

export interface Environment {
  node: string;
  platform: string;
  cpu: { model: string; count: number };
  packages: Record<string, string>;
}

export function describeEnvironment(): Environment {
  const cores = cpus();
  const packages: Record<string, string> = { 'nestjs-bulwark': readVersion(repoRoot) };
  for (const name of measuredPackages) {
    packages[name] = readVersion(join(repoRoot, 'node_modules', name));
  }
  return {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpu: { model: cores[0]?.model.trim() ?? 'unknown', count: cores.length },
    packages,
  };
}

// Read from disk: ESM-only packages do not always export their package.json.
function readVersion(packageDir: string): string {
  try {
    const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
      version?: string;
    };
    return manifest.version ?? 'unknown';
  } catch {
    return 'not installed';
  }
}
