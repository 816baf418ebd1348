import { describe, expect, it } from 'vitest';
import { businessDate, isValidTimeZone } from './dates.js';

describe('businessDate: the calendar date of an instant in the deployment zone', () => {
  it('20:59Z on 7 December is 8 December in Shanghai (04:59 Beijing time)', () => {
    expect(businessDate('2026-12-07T20:59:00Z', 'Asia/Shanghai')).toBe('2026-12-08');
    expect(businessDate(new Date('2026-12-07T20:59:00Z'), 'Asia/Shanghai')).toBe('2026-12-08');
  });
  it('the same instant is still 7 December in UTC', () => expect(businessDate('2026-12-07T20:59:00Z', 'UTC')).toBe('2026-12-07'));
  it('15:59Z is the same day in Shanghai, 16:00Z the next', () => {
    expect(businessDate('2026-12-07T15:59:59.999Z', 'Asia/Shanghai')).toBe('2026-12-07');
    expect(businessDate('2026-12-07T16:00:00.000Z', 'Asia/Shanghai')).toBe('2026-12-08');
  });
  it('an instant without an offset (as SQLite writes it) is UTC', () => expect(businessDate('2026-12-07 20:59:00', 'Asia/Shanghai')).toBe('2026-12-08'));
  it('an instant with an offset keeps it', () => expect(businessDate('2026-12-08T04:59:00+08:00', 'UTC')).toBe('2026-12-07'));
  it('a bare date is already a business date', () => expect(businessDate('2026-12-07', 'America/New_York')).toBe('2026-12-07'));
  describe('zones with daylight saving time', () => {
    it('New York in summer is UTC−4: 04:30Z on 1 July is 00:30 on 1 July', () =>
      expect(businessDate('2026-07-01T04:30:00Z', 'America/New_York')).toBe('2026-07-01'));
    it('New York in winter is UTC−5: 04:30Z on 1 January is 23:30 on 31 December', () =>
      expect(businessDate('2026-01-01T04:30:00Z', 'America/New_York')).toBe('2025-12-31'));
    it('London in summer is UTC+1: 23:30Z on 30 June is 1 July', () => expect(businessDate('2026-06-30T23:30:00Z', 'Europe/London')).toBe('2026-07-01'));
    it('London in winter is UTC: 23:30Z on 30 December is 30 December', () => expect(businessDate('2026-12-30T23:30:00Z', 'Europe/London')).toBe('2026-12-30'));
    it('Sydney in January is UTC+11: 13:30Z on 31 December is 1 January', () =>
      expect(businessDate('2026-12-31T13:30:00Z', 'Australia/Sydney')).toBe('2027-01-01'));
  });
  it('refuses an invalid instant or zone', () => {
    expect(() => businessDate('yesterday', 'Asia/Shanghai')).toThrow(RangeError);
    expect(() => businessDate(new Date(Number.NaN), 'Asia/Shanghai')).toThrow(RangeError);
    expect(() => businessDate('2026-12-07T20:59:00Z', 'Mars/Olympus')).toThrow(RangeError);
  });
  it('knows zone names', () => {
    expect(isValidTimeZone('Asia/Shanghai')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Asia/Beijing')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});
