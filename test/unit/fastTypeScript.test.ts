// The `typescript` module handed to the engine by the CLI: its type tests and enums as plain constants.
import * as assert from "node:assert/strict";
import typescript = require("typescript");
import { withFastMembers } from "../../src/core";

describe("withFastMembers", () => {
  const ts = withFastMembers(typescript);
  const own = Object.getOwnPropertyNames(ts);

  it("holds the type tests, the enums and the walkers as read-only data, each the module's own value", () => {
    for (const name of ["isIdentifier", "isCallExpression", "isParenthesizedExpression", "SyntaxKind", "NodeFlags", "forEachChild", "getModifiers"]) assert.ok(own.includes(name), name);
    for (const name of own) {
      const d = Object.getOwnPropertyDescriptor(ts, name)!;
      assert.equal(d.get, undefined, name);
      assert.equal(d.writable, false, name);
      assert.equal(d.value, (typescript as unknown as Record<string, unknown>)[name], name);
    }
    // The module itself answers through getters: what the copy saves.
    assert.equal(typeof Object.getOwnPropertyDescriptor(typescript, "isIdentifier")!.get, "function");
  });

  it("stays under V8's limit of fast properties (1,020 descriptors) and reads every other member from the module", () => {
    assert.ok(own.length > 600 && own.length < 1020, `${own.length} own members`);
    assert.ok(!own.includes("createSourceFile") && !own.includes("sys"));
    assert.equal(ts.createSourceFile, typescript.createSourceFile);
    assert.equal(ts.version, typescript.version);
    const file = ts.createSourceFile("a.ts", "f((x as any)!)", ts.ScriptTarget.Latest, true);
    const call = (file.statements[0] as typescript.ExpressionStatement).expression;
    assert.ok(ts.isCallExpression(call) && ts.isNonNullExpression(call.arguments[0]!));
  });
});
