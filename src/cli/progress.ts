// "files done / total" on standard error while a terminal watches; nothing otherwise.

export interface Progress {
  tick(done: number): void;
  done(): void;
}

const SILENT: Progress = { tick: () => undefined, done: () => undefined };
/** At most one redraw per this many milliseconds. */
const INTERVAL_MS = 100;

export function progress(total: number, stream: NodeJS.WriteStream, quiet: boolean): Progress {
  if (quiet || !stream.isTTY || total === 0) return SILENT;
  let last = 0;
  let shown = false;
  const draw = (done: number): void => {
    stream.write(`\raalp: ${done} / ${total} files`);
    shown = true;
  };
  return {
    tick(done) {
      const now = Date.now();
      if (done === total || now - last >= INTERVAL_MS) {
        last = now;
        draw(done);
      }
    },
    done() {
      if (shown) stream.write("\r\x1b[K");
    },
  };
}
