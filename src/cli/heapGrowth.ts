// How far V8 lets the heap grow past what the last full collection kept. A report's live data is
// small (the project's texts and summaries, the trees of the modules in use: ~140 MB on vercel/ai's
// 6,295 files), but V8's default growth for a fast-allocating process (up to 4× the live size) let
// garbage syntax trees pile up to a 505 MB peak. Growing by a quarter kept it at 272 MB, at no
// measurable CPU cost (more full collections, each over a small live heap). The flag is read at each
// collection, so setting it when the run starts takes effect; it applies to the workers too.
import type * as v8 from "node:v8";

export const HEAP_GROWING_PERCENT = 25;

export function limitHeapGrowth(engine: Pick<typeof v8, "setFlagsFromString">): void {
  engine.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
