import type { Type } from '@nestjs/common';
import type { ModuleRef } from '@nestjs/core';

/**
 * Looks a provider up anywhere in the app, once; `undefined` when the app has none, so a
 * capability that is absent (or switched off) is simply not used.
 */
export function optionalProvider<T>(moduleRef: ModuleRef, type: Type<T>): () => T | undefined {
  let found: T | null | undefined;
  return () => {
    if (found === undefined) {
      try {
        found = moduleRef.get(type, { strict: false });
      } catch {
        found = null;
      }
    }
    return found ?? undefined;
  };
}
