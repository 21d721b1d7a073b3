import { TestClock } from 'nestjs-bulwark/testing';
import {
  DegradationState,
  type DegradationLevelChange,
  type DegradationOverrideEvent,
} from '../../../lib/degradation/degradation-state.js';

function setup() {
  const clock = new TestClock(0);
  const changes: DegradationLevelChange[] = [];
  const overrides: DegradationOverrideEvent['action'][] = [];
  const state = new DegradationState(clock, {
    levelChanged: (change) => changes.push(change),
    overrideChanged: (event) => overrides.push(event.action),
  });
  return { clock, state, changes, overrides };
}

describe('DegradationState', () => {
  it('follows the rules, announcing only real changes', () => {
    const { state, changes } = setup();
    state.update({ level: 'MINOR', reasons: ['medium dependency down: cache'] });
    state.update({ level: 'MINOR', reasons: ['medium dependency down: cache'] });
    state.update({ level: 'NORMAL', reasons: [] });
    expect(changes).toEqual([
      { from: 'NORMAL', to: 'MINOR', source: 'rules', reason: 'medium dependency down: cache' },
      { from: 'MINOR', to: 'NORMAL', source: 'rules', reason: 'no failing dependency or breaker' },
    ]);
  });

  it('an override wins over the rules until cleared', () => {
    const { state, changes, overrides } = setup();
    state.update({ level: 'MINOR', reasons: ['x'] });
    state.setOverride('SEVERE', 'maintenance');
    state.update({ level: 'MODERATE', reasons: ['y'] });
    expect(state.level).toBe('SEVERE');
    expect(state.computed.level).toBe('MODERATE');
    expect(state.clearOverride()).toBe(true);
    expect(state.clearOverride()).toBe(false);
    expect(state.level).toBe('MODERATE');
    expect(changes.map(({ from, to, source }) => [from, to, source])).toEqual([
      ['NORMAL', 'MINOR', 'rules'],
      ['MINOR', 'SEVERE', 'override'],
      ['SEVERE', 'MODERATE', 'override_cleared'],
    ]);
    expect(overrides).toEqual(['set', 'cleared']);
  });

  it('expires exactly at expiresInMs on the clock, back to the computed level', async () => {
    const { clock, state, changes, overrides } = setup();
    state.update({ level: 'MINOR', reasons: ['cache down'] });
    const override = state.setOverride('CRITICAL', 'drill', 5_000);
    expect(override).toEqual({ level: 'CRITICAL', reason: 'drill', setAt: 0, expiresAt: 5_000 });
    await clock.advance(4_999);
    expect(state.level).toBe('CRITICAL');
    expect(overrides).toEqual(['set']);
    await clock.advance(1);
    expect(overrides).toEqual(['set', 'expired']);
    expect(state.override).toBeUndefined();
    expect(state.level).toBe('MINOR');
    expect(changes.at(-1)).toEqual({
      from: 'CRITICAL',
      to: 'MINOR',
      source: 'override_expired',
      reason: 'cache down',
    });
    expect(clock.pendingTimers).toBe(0);
  });

  it('an expired override is gone on read even if its timer has not fired', () => {
    const { clock, state, overrides } = setup();
    state.setOverride('SEVERE', 'drill', 1_000);
    clock.set(1_000);
    expect(state.level).toBe('NORMAL');
    expect(overrides).toEqual(['set', 'expired']);
  });

  it('a new override replaces the old one and its timer', async () => {
    const { clock, state } = setup();
    state.setOverride('SEVERE', 'first', 1_000);
    state.setOverride('MINOR', 'second');
    await clock.advance(2_000);
    expect(state.override).toMatchObject({ level: 'MINOR', reason: 'second' });
    expect(clock.pendingTimers).toBe(0);
  });

  it('an override to the computed level changes no level', () => {
    const { state, changes, overrides } = setup();
    state.setOverride('NORMAL', 'pin it');
    expect(changes).toEqual([]);
    expect(overrides).toEqual(['set']);
  });

  it('dispose stops the expiry timer', () => {
    const { clock, state } = setup();
    state.setOverride('SEVERE', 'x', 1_000);
    state.dispose();
    expect(clock.pendingTimers).toBe(0);
  });
});
