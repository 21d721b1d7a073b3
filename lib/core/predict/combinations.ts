/** Every non-empty combination of up to `maxSize` items, keeping the items' order. */
export function* combinations<T>(items: readonly T[], maxSize: number): Generator<T[]> {
  const chosen: T[] = [];
  function* extend(from: number): Generator<T[]> {
    for (let i = from; i < items.length; i++) {
      chosen.push(items[i]);
      yield [...chosen];
      if (chosen.length < maxSize) yield* extend(i + 1);
      chosen.pop();
    }
  }
  yield* extend(0);
}
