import type { StoreUnderTest } from './store-under-test.js';

/** Values with a TTL: the same behaviour from every store. */
export function valueCases(get: () => StoreUnderTest): void {
  it('stores, reads, lists and deletes values by namespace', async () => {
    const { values } = get().store;
    await values.set('checkpoint', 'job-1', '{"step":3}', 60_000);
    await values.set('checkpoint', 'job-2', 'two', 60_000);
    await values.set('other', 'job-1', 'elsewhere', 60_000);
    expect(await values.get('checkpoint', 'job-1')).toBe('{"step":3}');
    expect(await values.get('checkpoint', 'missing')).toBeUndefined();
    expect((await values.keys('checkpoint')).sort()).toEqual(['job-1', 'job-2']);
    expect(await values.delete('checkpoint', 'job-1')).toBe(true);
    expect(await values.delete('checkpoint', 'job-1')).toBe(false);
    expect(await values.keys('checkpoint')).toEqual(['job-2']);
    expect(await values.get('other', 'job-1')).toBe('elsewhere');
  });

  it('forgets a value after its TTL', async () => {
    const { store, elapse } = get();
    await store.values.set('checkpoint', 'short', 'x', 100);
    await store.values.set('checkpoint', 'long', 'y', 60_000);
    await elapse(150);
    expect(await store.values.get('checkpoint', 'short')).toBeUndefined();
    expect(await store.values.keys('checkpoint')).toEqual(['long']);
    expect(await store.values.delete('checkpoint', 'short')).toBe(false);
  });

  it('treats pattern characters in names as plain text', async () => {
    const { values } = get().store;
    await values.set('a*', 'k?', '1', 60_000);
    await values.set('ab', 'k1', '2', 60_000);
    expect(await values.keys('a*')).toEqual(['k?']);
    expect(await values.keys('a')).toEqual([]);
  });
}
