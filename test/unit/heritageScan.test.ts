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
      implementingClasses: ["A"],
      aliases: [],
      defaults: [],
    });
  });

  it("the other names a declaration is written with: aliases of import and export lists, default imports and exports", () => {
    const text = `import Model, { Llm as Chat, type Store as S } from "./llm";
import type M2 from "./m2";
import * as ns from "./ns";
export { Base as Root, type Q as R } from "./base";
export default interface Ask<T> extends Base {}
export default abstract class Agent<T extends X> extends Runner<T> implements Ask<T> {}
class Plain extends Other {}
interface Z {}
export default Z;
export default run(x);
f(a, b as C); const y = { a: b as C };
`;
    assert.deepEqual(heritageNames(text), {
      implemented: ["Ask"],
      extended: ["Base", "X", "Runner", "Other"],
      interfaces: ["Ask", "Z"],
      abstractClasses: ["Agent"],
      implementingClasses: ["Agent"],
      aliases: [["Llm", "Chat"], ["Store", "S"], ["Base", "Root"], ["Q", "R"], ["default", "Model"], ["default", "M2"]],
      defaults: ["Ask", "Agent", "Z"],
    });
  });

  it("hostile text: a keyword repeated, unclosed type arguments, a keyword at the end", () => {
    const repeated = "implements ".repeat(50_000);
    assert.deepEqual(heritageNames(repeated).implemented, ["implements"]);
    assert.deepEqual(heritageNames(`class A implements B<${"<".repeat(10_000)}`).implemented, ["B"]);
    const none = { implemented: [], extended: [], interfaces: [], abstractClasses: [], implementingClasses: [], aliases: [], defaults: [] };
    assert.deepEqual(heritageNames("x extends"), none);
    assert.deepEqual(heritageNames("abstract   class"), none);
    assert.deepEqual(heritageNames("export default"), none);
    assert.deepEqual(heritageNames("{ a as"), none);
    // Many openings and keywords with nothing after them: what each reads stops where the next search starts.
    assert.deepEqual(heritageNames("{ x as ".repeat(100_000)).aliases, []);
    assert.deepEqual(heritageNames("class A<".repeat(100_000)).implementingClasses, []);
    assert.deepEqual(heritageNames("export default ".repeat(100_000)).defaults, []);
    assert.deepEqual(heritageNames("import type ".repeat(100_000)).aliases, []);
  });
});
