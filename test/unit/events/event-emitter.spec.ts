import { TypedEventEmitter } from '../../../lib/core/events/index.js';

interface Events {
  success: { n: number };
  failure: { n: number };
}

describe('TypedEventEmitter', () => {
  it('answers whether anyone listens as listeners come and go, however often it was asked', () => {
    const events = new TypedEventEmitter<Events>();
    const listener = (): void => undefined;
    expect(events.hasListeners('success')).toBe(false);
    events.on('failure', listener);
    expect(events.hasListeners('success')).toBe(false);
    expect(events.hasListeners('success')).toBe(false);
    const stop = events.on('success', listener);
    expect(events.hasListeners('success')).toBe(true);
    expect(events.hasListeners('success')).toBe(true);
    stop();
    expect(events.hasListeners('success')).toBe(false);
    expect(events.hasListeners('failure')).toBe(true);
    events.removeAllListeners();
    expect(events.hasListeners('failure')).toBe(false);
  });

  it('delivers to a listener added after the event was emitted to nobody', () => {
    const events = new TypedEventEmitter<Events>();
    events.on('failure', () => undefined);
    events.emit('success', { n: 1 });
    const received: number[] = [];
    events.on('success', ({ n }) => received.push(n));
    events.emit('success', { n: 2 });
    expect(received).toEqual([2]);
  });

  it('finishes an emit whose listener unsubscribes another, and the next emit skips it', () => {
    const events = new TypedEventEmitter<Events>();
    const received: string[] = [];
    let stopSecond = (): void => undefined;
    events.on('success', () => {
      received.push('first');
      stopSecond();
    });
    stopSecond = events.on('success', () => received.push('second'));
    events.on('success', () => received.push('third'));
    events.emit('success', { n: 1 });
    events.emit('success', { n: 2 });
    expect(received).toEqual(['first', 'second', 'third', 'first', 'third']);
  });

  it('changes its version on every subscription change, removing them all included', () => {
    const events = new TypedEventEmitter<Events>();
    const versions = [events.version];
    const stop = events.on('success', () => undefined);
    versions.push(events.version);
    stop();
    versions.push(events.version);
    events.removeAllListeners();
    versions.push(events.version);
    expect(new Set(versions).size).toBe(versions.length);
  });
});
