/** The one time-zone helper (src/schema/time-zone.ts) behind the schema, importer, scaffolder and pages. */
import { describe, expect, it } from 'vitest';
import { formatOffset, isTimeZone, zoneOffsetMinutes } from '../../src/schema/time-zone.ts';

describe('time zones', () => {
  it('knows IANA zones and refuses others', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });

  it('gives the offset at the instant, daylight saving included', () => {
    expect(zoneOffsetMinutes('Asia/Shanghai', Date.parse('2024-07-31T00:00:00Z'))).toBe(480);
    expect(zoneOffsetMinutes('America/New_York', Date.parse('2024-01-15T12:00:00Z'))).toBe(-300);
    expect(zoneOffsetMinutes('America/New_York', Date.parse('2024-07-15T12:00:00Z'))).toBe(-240);
    expect(zoneOffsetMinutes('Asia/Kolkata', Date.parse('2024-07-15T12:00:00Z'))).toBe(330);
    expect(zoneOffsetMinutes('UTC', Date.parse('2024-07-15T12:00:00Z'))).toBe(0);
  });

  it('writes offsets as ISO 8601 does, zero as the caller asks', () => {
    expect(formatOffset(480)).toBe('+08:00');
    expect(formatOffset(-210)).toBe('-03:30');
    expect(formatOffset(0)).toBe('+00:00');
    expect(formatOffset(0, 'Z')).toBe('Z');
  });
});
