import { describe, expect, it } from 'vitest';
import { describeWorkingHours } from './working-hours';

describe('describeWorkingHours', () => {
  it('says the days, hours and zone in the locale', () => {
    const text = describeWorkingHours({
      workingHours: { daysOfWeek: ['friday', 'monday', 'tuesday'], startTime: '08:00:00', endTime: '17:30:00', timeZone: 'Pacific Standard Time' },
      timeZone: { name: 'America/Los_Angeles', problem: null, offsetMinutes: -420 },
    }, 'en-US');
    expect(text.replace(/\s/g, ' ')).toBe('Mon, Tue, and Fri, 8:00 AM to 5:30 PM (Pacific Time)');
  });
});
