import { describe, expect, it } from 'vitest';
import { formatOrderTime, isEarlierOrder, reasonLabelKey, statusTone } from './order-format';

const NOW = new Date('2026-11-23T05:00:00Z');

describe('formatOrderTime', () => {
  it('shows month, day, weekday and time in Shanghai time (zh-CN)', () => {
    // 06:00 UTC is 14:00 in Shanghai; 28 November 2026 is a Saturday
    expect(formatOrderTime('2026-11-28T06:00:00Z', 'zh-CN', NOW)).toBe('11月28日 周六 14:00');
    expect(formatOrderTime('2026-12-01T01:05:00.000Z', 'zh-CN', NOW)).toBe('12月1日 周二 09:05');
  });
  it('moves to the next day when Shanghai has passed midnight', () => {
    // 17:30 UTC on the 28th is 01:30 on Sunday the 29th in Shanghai
    expect(formatOrderTime('2026-11-28T17:30:00Z', 'zh-CN', NOW)).toBe('11月29日 周日 01:30');
    expect(formatOrderTime('2026-11-28T16:00:00Z', 'zh-CN', NOW)).toBe('11月29日 周日 00:00');
  });
  it('adds the year when it is not this year', () => {
    expect(formatOrderTime('2027-01-02T02:00:00Z', 'zh-CN', NOW)).toBe('2027年1月2日 周六 10:00');
    expect(formatOrderTime('2027-01-02T02:00:00Z', 'en', NOW)).toBe('Sat 2 Jan 2027 10:00');
  });
  it('writes English dates', () => {
    expect(formatOrderTime('2026-11-28T06:00:00Z', 'en', NOW)).toBe('Sat 28 Nov 14:00');
  });
  it('is empty for a missing or broken value', () => {
    expect(formatOrderTime(null, 'zh-CN', NOW)).toBe('');
    expect(formatOrderTime('not a date', 'zh-CN', NOW)).toBe('');
  });
});

describe('statusTone', () => {
  it('gives each status its colour family', () => {
    expect(
      ['REQUESTED', 'ACCEPTED', 'SCHEDULED', 'DELIVERED', 'RATED', 'REJECTED', 'CANCELLED'].map(statusTone),
    ).toEqual(['waiting', 'accepted', 'scheduled', 'delivered', 'rated', 'rejected', 'cancelled']);
  });
  it('treats an unknown status as inactive', () => {
    expect(statusTone('ARCHIVED')).toBe('cancelled');
  });
});

describe('reasons and repeats', () => {
  it('labels the reason of rejected and cancelled orders only', () => {
    expect(reasonLabelKey('REJECTED')).toBe('orderRejectReason');
    expect(reasonLabelKey('CANCELLED')).toBe('orderCancelReason');
    expect(reasonLabelKey('REQUESTED')).toBeNull();
  });
  it('tells an order placed earlier from a new one', () => {
    const submitted = Date.parse('2026-11-23T05:00:00Z');
    expect(isEarlierOrder('2026-11-23T04:59:58Z', submitted)).toBe(false);
    expect(isEarlierOrder('2026-11-23T05:00:20Z', submitted)).toBe(false);
    expect(isEarlierOrder('2026-11-22T09:00:00Z', submitted)).toBe(true);
  });
});
