import { createHash } from 'node:crypto';

/** A Lua script and its SHA1, the name EVALSHA calls it by. */
export class LuaScript {
  readonly sha: string;

  constructor(readonly source: string) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }
}

/** Redis answers NOSCRIPT when its script cache lacks the script (restart, failover, flush). */
export function isNoScript(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith('NOSCRIPT');
}
