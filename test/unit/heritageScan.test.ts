// The text scan the project's implementations index is built from (src/core/project/heritageScan.ts).
import * as assert from "node:assert/strict";
import { heritageNames } from "../../src/core/project/heritageScan";

describe("heritage scan", () => {
  it("names after implements and extends, and the interfaces and abstract classes declared", () => {
    const text = `import * as t from "./types";
export interface Llm extends Base<{ a: string }> { ask(p: string): Promise<string> }
export abstract class BaseAgent { abstract run(): void }
class A extends BaseAgent implements t.Llm, Store<Map<string, number>>, Other {}
export default class implements Named {}
const classy = 1; // a word containing class, and "abstractclass X" are not declarations
type X<T extends string> = T;
`;
    assert.deepEqual(heritageNames(text), {
      implemented: ["Llm", "Store", "Other", "Named"],
      extended: ["Base", "BaseAgent", "string"],
      interfaces: ["Llm"],
      abstractClasses: ["BaseAgent"],
    });
  });

  it("hostile text: a keyword repeated, unclosed type arguments, a keyword at the end", () => {
    const repeated = "implements ".repeat(50_000);
    assert.deepEqual(heritageNames(repeated).implemented, ["implements"]);
    assert.deepEqual(heritageNames(`class A implements B<${"<".repeat(10_000)}`).implemented, ["B"]);
    assert.deepEqual(heritageNames("x extends"), { implemented: [], extended: [], interfaces: [], abstractClasses: [] });
    assert.deepEqual(heritageNames("abstract   class"), { implemented: [], extended: [], interfaces: [], abstractClasses: [] });
  });
});
