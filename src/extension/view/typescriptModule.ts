// The `typescript` module as a plain object. Bundled, `import * as ts` reads every `ts.x` through a
// getter, and the engine calls `ts.isX` on every node it visits: one copy of the properties made
// the lens analysis of a 3,000-line file about 15% faster.
import * as tsNamespace from "typescript";

export const ts: typeof tsNamespace = { ...tsNamespace };
