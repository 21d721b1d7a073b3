import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
/** Inside node_modules, so that the compiled files resolve ioredis like the package would. */
const outRoot = join(repoRoot, 'node_modules', '.cache', 'bulwark-test-lib');

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourcesUnder(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/**
 * Compiles the framework-free part of the package (lib/core, lib/store) to plain ES modules
 * for child processes (jest's TypeScript transform does not reach them). Transpiles only,
 * file by file (tsc does the type checking): about a second, and independent of whether
 * `dist/` is up to date; once per test file. Returns the directory holding `core/` and `store/`.
 */
let compiled = false;

export function compileLibForChildren(): string {
  if (compiled) return outRoot;
  compiled = true;
  // The dead-letter queue's framework-free part, and the JSON check it shares with checkpoints.
  for (const folder of ['core', 'store', 'dlq/queue', 'checkpoints']) {
    for (const file of sourcesUnder(join(repoRoot, 'lib', folder))) {
      const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
        compilerOptions: {
          module: ts.ModuleKind.ES2022,
          target: ts.ScriptTarget.ES2022,
          verbatimModuleSyntax: false,
        },
        fileName: file,
      });
      const out = join(outRoot, relative(join(repoRoot, 'lib'), file)).replace(/\.ts$/, '.js');
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, outputText);
    }
  }
  writeFileSync(join(outRoot, 'package.json'), '{ "type": "module" }\n');
  return outRoot;
}
