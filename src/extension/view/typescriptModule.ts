// The `typescript` module with the members the engine reads on every node as plain constants (the
// CLI's reporter does the same): bundled, `import * as ts` reads every `ts.x` through a getter on an
// object too large for fast properties, and the engine calls `ts.isX` on every node it visits. A
// plain copy of all 2,000-odd members is itself too large; `withFastMembers` copies the type tests,
// enums and walkers only (eighth pass, docs/performance.md).
import * as tsNamespace from "typescript";
import { withFastMembers } from "../../core";

export const ts: typeof tsNamespace = withFastMembers(tsNamespace);
