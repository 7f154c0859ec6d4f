/**
 * Standard output and error for the `match` command without Node's stream
 * objects: creating `process.stdout` (a socket for a pipe, a tty stream for a
 * terminal) loads the net, stream and tty modules, about 13 ms of a warm call
 * that prints one screen. The text is written with `writeSync`, as Node's own
 * synchronous stdout for files and pipes does.
 */
import { fstatSync, writeSync } from 'node:fs';

/** Whether `fd` is a terminal. A terminal is a character device, so anything else is answered by one `fstat`, without loading `node:tty`. */
export function isTerminal(fd: number): boolean {
  try {
    if (!fstatSync(fd).isCharacterDevice()) return false;
  } catch {
    return false; // Closed.
  }
  return process.getBuiltinModule('node:tty').isatty(fd);
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes all of `text` to `fd`. A reader that has gone (`head`, a closed
 * pager: EPIPE) ends the process quietly, as it would a shell tool; a
 * non-blocking descriptor that is full (EAGAIN) is retried after 1 ms.
 */
export function writeAll(fd: number, text: string): void {
  let bytes = Buffer.from(text);
  while (bytes.length > 0) {
    try {
      bytes = bytes.subarray(writeSync(fd, bytes));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') process.exit(0);
      if (code !== 'EAGAIN') throw error;
      Atomics.wait(pause, 0, 0, 1);
    }
  }
}
