// The CLI's report limits how far V8 grows the heap past the live data (peak RSS on big repositories).
import * as assert from "node:assert/strict";
import { HEAP_GROWING_PERCENT, limitHeapGrowth } from "../../src/cli/heapGrowth";

describe("limitHeapGrowth", () => {
  it("sets V8's heap growing factor to 1.25 of the live heap", () => {
    const flags: string[] = [];
    limitHeapGrowth({ setFlagsFromString: (f: string) => void flags.push(f) });
    assert.deepEqual(flags, ["--heap-growing-percent=25"]);
    assert.equal(HEAP_GROWING_PERCENT, 25);
  });
});
