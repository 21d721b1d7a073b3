import { describeSource, mergeLayers } from '../../../lib/nest/options/deep-merge.js';
import { locateJsonError } from '../../../lib/nest/options/json-error-location.js';
import type { OptionLayer } from '../../../lib/nest/options/option-layer.js';

const layer = (source: OptionLayer['source'], values: Record<string, unknown>): OptionLayer => ({
  source,
  label: source,
  values,
});

class RedisClientLike {
  constructor(readonly host: string) {}
}

describe('mergeLayers', () => {
  it('merges plain objects key by key and records each leaf source', () => {
    const merged = mergeLayers([
      layer('default', { a: { x: 1, y: 2 } }),
      layer('code', { a: { y: 3 }, b: true }),
    ]);
    expect(merged.values).toEqual({ a: { x: 1, y: 3 }, b: true });
    expect(Object.fromEntries(merged.sources)).toEqual({
      'a.x': 'default',
      'a.y': 'code',
      b: 'code',
    });
  });

  it('replaces arrays, functions, class instances and null instead of merging them', () => {
    const first = () => 1;
    const second = () => 2;
    const client = new RedisClientLike('b');
    const merged = mergeLayers([
      layer('default', {
        list: [1, 2, 3],
        fn: first,
        client: new RedisClientLike('a'),
        nested: { k: 1 },
      }),
      layer('file', { list: [9], fn: second, client, nested: null }),
    ]);
    expect(merged.values.list).toEqual([9]);
    expect(merged.values.fn).toBe(second);
    expect(merged.values.client).toBe(client);
    expect(merged.values.nested).toBeNull();
    expect(merged.sources.get('nested.k')).toBeUndefined();
    expect(merged.sources.get('nested')).toBe('file');
  });

  it('leaves a value alone when a later layer gives undefined', () => {
    const merged = mergeLayers([
      layer('file', { a: 0, b: false }),
      layer('code', { a: undefined, b: undefined }),
    ]);
    expect(merged.values).toEqual({ a: 0, b: false });
    expect(merged.sources.get('a')).toBe('file');
  });

  it('replaces an object whose type changes, forgetting the old fields and their sources', () => {
    const merged = mergeLayers([
      layer('file', { store: { type: 'redis', url: 'redis://x', keyPrefix: 'p:' } }),
      layer('code', { store: { type: 'memory' } }),
    ]);
    expect(merged.values.store).toEqual({ type: 'memory' });
    expect([...merged.sources.keys()]).toEqual(['store.type']);
  });

  it('does not copy input objects by reference, so resolution never mutates user options', () => {
    const code = { a: { b: 1 } };
    const merged = mergeLayers([layer('code', code), layer('environment', { a: { b: 2 } })]);
    expect(code.a.b).toBe(1);
    expect(merged.values.a).toEqual({ b: 2 });
  });

  it('keeps a __proto__ key from JSON as an ordinary key, never as a prototype', () => {
    const merged = mergeLayers([
      layer('file', JSON.parse('{ "__proto__": { "polluted": true } }')),
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(merged.values)).toEqual(['__proto__']);
  });

  it('names a group by the sources of its values, defaults only when nothing else set one', () => {
    const merged = mergeLayers([
      layer('default', { store: { type: 'memory', timeout: 1 } }),
      layer('code', { store: { type: 'redis' } }),
      layer('environment', { store: { url: 'redis://x' } }),
    ]);
    expect(describeSource('store', merged)).toBe('code, environment');
    expect(describeSource('store.url', merged)).toBe('environment');
    expect(describeSource('store.client', merged)).toBe('code, environment');
  });
});

describe('locateJsonError', () => {
  const locate = (text: string) => {
    try {
      JSON.parse(text);
    } catch (error) {
      return locateJsonError(text, error);
    }
    throw new Error('expected invalid JSON');
  };

  it.each([
    ['{\n  "a": }', { line: 2, column: 8 }],
    ['{\n  "a": 1,\n}', { line: 3, column: 1 }],
    ['{\n  "a": tru\n}', { line: 2, column: 11 }],
    ['{\n  "a": 1', { line: 2, column: 9 }],
    ['', { line: 1, column: 1 }],
    ['{\n\n  "a": 01}', { line: 3, column: 9 }],
  ])('locates the mistake in %j', (text, expected) => {
    expect(locate(text)).toEqual(expected);
  });
});
