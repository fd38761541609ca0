import { describe, expect, it } from 'vitest';
import { epochDay, MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from '../../../sim/calendar/civil-time.js';
import { isValidTimeZone, localToUtcMs, sequentialLocalToUtc, zoneOffsetMs } from '../../../sim/calendar/zoned-time.js';

/** Local wall time written as if UTC, the form localToUtcMs takes. */
function local(y: number, mo: number, d: number, h: number, mi = 0): number {
  return epochDay(y, mo, d) * MS_PER_DAY + h * MS_PER_HOUR + mi * MS_PER_MINUTE;
}

describe('zone offsets', () => {
  it('gives Berlin +1 h in winter and +2 h in summer, Manila +8 h and New York -5 h in January', () => {
    expect(zoneOffsetMs('Europe/Berlin', Date.UTC(2027, 0, 15, 12))).toBe(1 * MS_PER_HOUR);
    expect(zoneOffsetMs('Europe/Berlin', Date.UTC(2027, 6, 15, 12))).toBe(2 * MS_PER_HOUR);
    expect(zoneOffsetMs('Asia/Manila', Date.UTC(2027, 0, 4))).toBe(8 * MS_PER_HOUR);
    expect(zoneOffsetMs('America/New_York', Date.UTC(2027, 0, 4))).toBe(-5 * MS_PER_HOUR);
    expect(zoneOffsetMs('UTC', Date.UTC(2027, 0, 4, 13, 45, 12, 999))).toBe(0);
  });

  it('recognises IANA zone names and rejects unknown ones', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});

describe('localToUtcMs', () => {
  it('converts ordinary local times by the offset in force', () => {
    // 09:00 in Manila (UTC+8) is 01:00 UTC.
    expect(localToUtcMs('Asia/Manila', local(2027, 1, 4, 9))).toBe(Date.UTC(2027, 0, 4, 1));
    // 09:00 EST (UTC-5) is 14:00 UTC.
    expect(localToUtcMs('America/New_York', local(2027, 1, 4, 9))).toBe(Date.UTC(2027, 0, 4, 14));
  });

  it('maps a local time skipped by spring-forward to the first instant after the gap', () => {
    // Berlin 2027-03-28: 02:00 CET jumps to 03:00 CEST at 01:00 UTC, so 02:30 does not exist.
    expect(localToUtcMs('Europe/Berlin', local(2027, 3, 28, 2, 30))).toBe(Date.UTC(2027, 2, 28, 1));
    // New York 2027-03-14: 02:00 EST jumps to 03:00 EDT at 07:00 UTC.
    expect(localToUtcMs('America/New_York', local(2027, 3, 14, 2, 30))).toBe(Date.UTC(2027, 2, 14, 7));
    // Lord Howe 2027-10-03: 02:00 (UTC+10:30) jumps to 02:30 (UTC+11) at 15:30 UTC the day before.
    expect(localToUtcMs('Australia/Lord_Howe', local(2027, 10, 3, 2, 15))).toBe(Date.UTC(2027, 9, 2, 15, 30));
    // Santiago 2027-09-05: midnight (UTC-4) jumps to 01:00 (UTC-3) at 04:00 UTC, so the day starts at 01:00.
    expect(localToUtcMs('America/Santiago', local(2027, 9, 5, 0))).toBe(Date.UTC(2027, 8, 5, 4));
  });

  it('maps a local time that occurs twice at fall-back to the earlier occurrence', () => {
    // Berlin 2027-10-31: 02:30 happens first in CEST (UTC+2) at 00:30 UTC, again in CET at 01:30 UTC.
    expect(localToUtcMs('Europe/Berlin', local(2027, 10, 31, 2, 30))).toBe(Date.UTC(2027, 9, 31, 0, 30));
    // New York 2027-11-07: 01:30 happens first in EDT (UTC-4) at 05:30 UTC, again in EST at 06:30 UTC.
    expect(localToUtcMs('America/New_York', local(2027, 11, 7, 1, 30))).toBe(Date.UTC(2027, 10, 7, 5, 30));
    // Lord Howe 2027-04-04: 01:45 happens first at UTC+11 (14:45 UTC the day before), again at UTC+10:30.
    expect(localToUtcMs('Australia/Lord_Howe', local(2027, 4, 4, 1, 45))).toBe(Date.UTC(2027, 3, 3, 14, 45));
  });

  it('agrees with the sequential converter on every tested local time of 2027 in six zones', () => {
    // Zone -> number of offset changes in 2027 (two for each daylight-saving zone).
    const zones: Record<string, number> = {
      UTC: 0, 'Europe/Berlin': 2, 'America/New_York': 2, 'Australia/Lord_Howe': 2, 'America/Santiago': 2, 'Asia/Manila': 0,
    };
    for (const [zone, changeCount] of Object.entries(zones)) {
      const convert = sequentialLocalToUtc(zone);
      const first = epochDay(2027, 1, 1);
      const last = epochDay(2027, 12, 31);
      // Days near an offset change are walked in 15-minute steps, others in 6-hour steps.
      const changes = new Set<number>();
      for (let day = first; day <= last; day++) {
        if (zoneOffsetMs(zone, day * MS_PER_DAY) !== zoneOffsetMs(zone, (day + 1) * MS_PER_DAY)) changes.add(day);
      }
      expect(changes.size, zone).toBe(changeCount);
      for (let day = first; day <= last; day++) {
        const near = changes.has(day - 1) || changes.has(day) || changes.has(day + 1);
        const step = near ? 15 * MS_PER_MINUTE : 6 * MS_PER_HOUR;
        for (let t = day * MS_PER_DAY; t < (day + 1) * MS_PER_DAY; t += step) {
          expect(convert(t), `${zone} ${new Date(t).toISOString()}`).toBe(localToUtcMs(zone, t));
        }
      }
    }
  });
});
