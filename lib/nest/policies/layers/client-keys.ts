/** Most clients whose keys one limiter keeps; past it they are forgotten and built again. */
const KEPT_CLIENTS = 1_024;

/**
 * The bucket key `<client address>:<limiter>` of each client, built once. Built per request
 * it is a new string that the bucket lookup flattens and hashes again (about 100 ns a
 * request); the address string a connection keeps has its hash already.
 */
export class ClientKeys {
  private readonly keys = new Map<string, string>();

  constructor(readonly limiterName: string) {}

  of(address: string): string {
    let key = this.keys.get(address);
    if (key === undefined) {
      if (this.keys.size >= KEPT_CLIENTS) this.keys.clear();
      key = `${address}:${this.limiterName}`;
      this.keys.set(address, key);
    }
    return key;
  }
}
