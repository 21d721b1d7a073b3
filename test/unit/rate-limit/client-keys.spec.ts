import { ClientKeys } from '../../../lib/nest/policies/layers/client-keys.js';

describe('ClientKeys', () => {
  it('names each client’s bucket <address>:<limiter>', () => {
    const keys = new ClientKeys('Orders.create');
    expect(keys.of('10.0.0.7')).toBe('10.0.0.7:Orders.create');
    expect(keys.of('::1')).toBe('::1:Orders.create');
    expect(keys.of('10.0.0.7')).toBe('10.0.0.7:Orders.create');
  });

  it('keeps answering right past the clients it keeps, for new and forgotten ones alike', () => {
    const keys = new ClientKeys('search');
    const addresses = Array.from({ length: 3_000 }, (_, i) => `10.0.${i >> 8}.${i & 255}`);
    for (const address of addresses) keys.of(address);
    const answers = addresses.map((address) => keys.of(address));
    expect(answers).toEqual(addresses.map((address) => `${address}:search`));
  });
});
