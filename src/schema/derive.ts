import type { RecordData } from './record.ts';

/** Durations derived from a record's times, in milliseconds; absent where a time is missing. */
export interface Durations {
  /** started → detected. */
  timeToDetect?: number;
  /** started → mitigated, or resolved when not mitigated first. */
  timeToRecover?: number;
  /** started → resolved (or mitigated). */
  duration?: number;
}

/** Time-to-detect, time-to-recover and duration from a record's `times`. */
export function durations(times: RecordData['times']): Durations {
  const { started, detected, mitigated, resolved } = times;
  const span = (from?: Date, to?: Date) => (from && to ? to.getTime() - from.getTime() : undefined);
  return {
    timeToDetect: span(started, detected),
    timeToRecover: span(started, mitigated ?? resolved),
    duration: span(started, resolved ?? mitigated),
  };
}
