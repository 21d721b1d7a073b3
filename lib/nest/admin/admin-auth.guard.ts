import {
  Inject,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { ResolvedResilienceOptions } from '../options/index.js';
import { RESILIENCE_OPTIONS } from '../resilience.constants.js';

/**
 * The one authorization of the admin and mutating routes: the configured API key (sent
 * as `x-api-key` or `Authorization: Bearer`, compared in constant time) or the user's own
 * guard. With neither configured no request can be authorized: every one gets 401
 * (DESIGN §6), and start-up says how to enable the routes.
 */
@Injectable()
export class AdminAuthGuard implements CanActivate {
  constructor(
    @Inject(RESILIENCE_OPTIONS) private readonly options: ResolvedResilienceOptions,
    private readonly moduleRef: ModuleRef,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const admin = this.options.admin;
    if (admin && 'guard' in admin && admin.guard) {
      const guard = await this.moduleRef.create(admin.guard);
      if (await guard.canActivate(context)) return true;
      throw new UnauthorizedException();
    }
    const apiKey = admin && 'apiKey' in admin ? admin.apiKey : undefined;
    if (!apiKey) throw new UnauthorizedException('Admin authorization is not configured');
    const request = context
      .switchToHttp()
      .getRequest<{ headers: Record<string, string | string[] | undefined> }>();
    if (sameSecret(presentedKey(request.headers), apiKey)) return true;
    throw new UnauthorizedException('A valid API key is required');
  }
}

function presentedKey(headers: Record<string, string | string[] | undefined>): string {
  const direct = headers['x-api-key'];
  if (typeof direct === 'string') return direct;
  const authorization = headers['authorization'];
  const match = typeof authorization === 'string' ? /^Bearer\s+(.+)$/i.exec(authorization) : null;
  return match ? match[1] : '';
}

/** Hashing first gives equal-length buffers, so the comparison time says nothing about the key. */
function sameSecret(presented: string, expected: string): boolean {
  const digest = (value: string): Buffer => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}
