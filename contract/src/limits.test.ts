import { Type } from '@sinclair/typebox';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { LIMITS, MIN_GROUP_SIZE_FLOOR } from './limits';
import { OrgPolicySchema, PreferencesSchema, QuietTimeSchema } from './settings';

const ajv = new Ajv({ strict: false });

describe('LIMITS', () => {
  it.each(Object.entries(LIMITS))('%s: min ≤ max', (_name, [min, max]) => {
    expect(min).toBeLessThanOrEqual(max);
  });

  it('is what the schemas state, one value each', () => {
    const p = PreferencesSchema.properties;
    expect([p.dailyDisconnectTargetMinutes.minimum, p.dailyDisconnectTargetMinutes.maximum]).toEqual(LIMITS.dailyDisconnectTargetMinutes);
    expect([p.minBlockMinutes.minimum, p.minBlockMinutes.maximum]).toEqual(LIMITS.minBlockMinutes);
    expect([p.maxBlockMinutes.minimum, p.maxBlockMinutes.maximum]).toEqual(LIMITS.maxBlockMinutes);
    expect([p.bufferMinutes.minimum, p.bufferMinutes.maximum]).toEqual(LIMITS.bufferMinutes);
    expect([p.blockSubject.minLength, p.blockSubject.maxLength]).toEqual(LIMITS.blockSubjectLength);
    const q = QuietTimeSchema.properties;
    expect([q.eveningBufferMinutes.minimum, q.eveningBufferMinutes.maximum]).toEqual(LIMITS.eveningBufferMinutes);
    expect([q.statusMessage.minLength, q.statusMessage.maxLength]).toEqual(LIMITS.statusMessageLength);
    const o = OrgPolicySchema.properties;
    expect([o.minGroupSize.minimum, o.minGroupSize.maximum]).toEqual(LIMITS.minGroupSize);
    expect([o.presenceRetentionDays.minimum, o.presenceRetentionDays.maximum]).toEqual(LIMITS.presenceRetentionDays);
  });

  it('lets a block title be as long as Graph allows an event subject, and no longer', () => {
    const check = ajv.compile(Type.Partial(PreferencesSchema));
    expect(check({ blockSubject: 'x'.repeat(255) })).toBe(true);
    expect(check({ blockSubject: 'x'.repeat(256) })).toBe(false);
  });

  it('never lets a team aggregate go below five people', () => {
    expect(MIN_GROUP_SIZE_FLOOR).toBe(5);
    expect(LIMITS.minGroupSize[0]).toBe(MIN_GROUP_SIZE_FLOOR);
  });
});
