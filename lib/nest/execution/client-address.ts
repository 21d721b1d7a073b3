/** What the layers read of an HTTP request (Express's or Fastify's). */
export interface HttpRequestLike {
  readonly ip?: string;
  readonly url?: string;
  /** Express: the app, whose `trust proxy` setting decides what `ip` answers. */
  readonly app?: { readonly settings?: Readonly<Record<string, unknown>> };
  readonly socket?: { readonly remoteAddress?: string };
}

/**
 * The client's address, as `request.ip` answers it. When Express trusts no proxy (its
 * default) that is the socket's address, read here directly: Express's `ip` getter would
 * parse `X-Forwarded-For` on every request only to ignore it, about 1 µs a request.
 */
export function clientAddressOf(request: HttpRequestLike): string | undefined {
  if (request.app?.settings?.['trust proxy'] === false) return request.socket?.remoteAddress;
  return request.ip;
}
