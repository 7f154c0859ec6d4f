/**
 * A one-line progress bar on a terminal stream; nothing at all when the
 * stream is not a terminal (pipes, CI logs, tests).
 */

/** Fewest items before a bar is worth drawing. */
export const MIN_PROGRESS_ITEMS = 20;
/** Width of the bar in characters. */
export const BAR_WIDTH = 30;

/** A progress reporter: `update(done, total)` as work goes, `stop()` at the end. */
export interface ProgressLine {
  update(done: number, total: number, label?: string): void;
  stop(): void;
}

/** A bar on `stream` when it is a TTY, else a reporter that does nothing. */
export function progressLine(stream: NodeJS.WriteStream, label = 'importing'): ProgressLine {
  if (!stream.isTTY) return { update() {}, stop() {} };
  let drawn = false;
  let last = -1;
  let lastPhase = '';
  return {
    update(done, total, phase = label) {
      if (total < MIN_PROGRESS_ITEMS) return;
      const filled = Math.round((done / total) * BAR_WIDTH);
      if (filled === last && done !== total && phase === lastPhase) return;
      last = filled;
      lastPhase = phase;
      stream.write(`\r\x1b[2K${phase} [${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${done}/${total}`);
      drawn = true;
    },
    stop() {
      if (drawn) stream.write('\r\x1b[2K');
      drawn = false;
    },
  };
}
