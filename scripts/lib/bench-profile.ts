/**
 * Optional CPU profiles for `npm run bench -- --profile <dir>`: the Node
 * worker profiles loading, the query pass and the pasted log with the V8
 * sampling profiler, writes `.cpuprofile` files (open them in Chrome
 * DevTools, Performance panel) and summarises the hottest functions.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { basename } from 'node:path';

/** Sampling interval, microseconds: fine enough for millisecond queries. */
export const SAMPLING_INTERVAL_US = 200;
/** Functions listed per phase in the summary. */
export const TOP_FUNCTIONS = 8;

/** One hot function: self time, share of the phase's samples, where it is. */
export interface HotFunction {
  name: string;
  ms: number;
  share: number;
}

/** A profiled phase: its hottest functions by self time, and the matcher's own functions by inclusive time (its phases). */
export interface PhaseProfile {
  phase: string;
  file: string;
  totalMs: number;
  top: HotFunction[];
  matcher: HotFunction[];
}

interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number };
}
/** A V8 `.cpuprofile`, as the inspector and CDP return it. */
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Profiles `fn` (sync or async) and writes `file`; returns the summary. */
export async function profilePhase(phase: string, file: string, fn: () => unknown): Promise<PhaseProfile> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
    await session.post('Profiler.start');
    await fn();
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    return { phase, file, ...summariseProfile(profile as unknown as CpuProfile) };
  } finally {
    session.disconnect();
  }
}

/** Frames of the matcher's own source (in Node): their inclusive time shows its phases. */
export const MATCHER_SOURCE = '/src/matcher/';

/**
 * Self time per function (by name and source line), hottest first, and the
 * inclusive time of the matcher's own functions; the profiler's idle and
 * inspector frames are left out.
 */
export function summariseProfile(profile: CpuProfile, ownSource = MATCHER_SOURCE): { totalMs: number; top: HotFunction[]; matcher: HotFunction[] } {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const nameOf = (frame: ProfileNode['callFrame']): string =>
    `${frame.functionName || '(anonymous)'}${frame.url ? ` ${basename(frame.url)}:${frame.lineNumber + 1}` : ''}`;
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const frame = nodes.get(id)?.callFrame;
    const us = profile.timeDeltas[i] ?? 0;
    if (!frame || ['(idle)', '(program)'].includes(frame.functionName) || frame.url.startsWith('node:inspector')) return;
    const name = nameOf(frame);
    self.set(name, (self.get(name) ?? 0) + us);
    total += us;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const up = nodes.get(at)!.callFrame;
      if (!up.url.includes(ownSource)) continue;
      const upName = nameOf(up);
      if (seen.has(upName)) continue;
      seen.add(upName);
      inclusive.set(upName, (inclusive.get(upName) ?? 0) + us);
    }
  });
  const rank = (times: Map<string, number>): HotFunction[] => [...times]
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP_FUNCTIONS)
    .map(([name, us]) => ({ name, ms: us / 1000, share: total ? us / total : 0 }));
  return { totalMs: total / 1000, top: rank(self), matcher: rank(inclusive) };
}
