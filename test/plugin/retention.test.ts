// The plugin holds no program that tsserver has let go of: after an edit, the previous program, its
// checker and the analysis made from it can be collected before the next request type-checks.
import * as assert from "node:assert/strict";
import * as ts from "typescript";
import init = require("../../src/plugin/index");
import { collectUntil } from "../support/collectGarbage";
import { FILE, pluginInfo, service } from "./inMemoryService";

describe("tsserver plugin memory", () => {
  it("lets the previous program go after an edit, before the next request", async () => {
    const { languageService: original, edit } = service();
    const decorated = init({ typescript: ts as never }).create(pluginInfo(original));
    const ours = (): number => decorated.getSemanticDiagnostics(FILE).filter((d) => d.code === 91001).length;
    // The plugin is on and analysed the file: it has seen this program.
    assert.equal(ours(), 1);
    const first = new WeakRef(original.getProgram()!);
    edit();
    // The service makes the next program (as tsserver does on an edit) and drops the first.
    assert.notEqual(original.getProgram(), first.deref());
    await collectUntil(() => first.deref() === undefined);
    assert.equal(first.deref(), undefined, "the plugin still holds the previous program");
    assert.equal(ours(), 1);
  });
});
