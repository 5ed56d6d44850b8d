// The analysis's syntax tree: parents set by its own walk, JSDoc left unparsed.
import * as assert from "node:assert/strict";
import ts = require("typescript");
import { parseForAnalysis } from "../../src/core/analysis/syntaxTree";

const TEXT = `/** Asks. @param q {string} the question */
export async function ask(q: string) {
  const xs = [1, 2, { a: (y: number) => y + 1 }];
  for (const x of xs) if (x) await fetch(\`/\${q}\`, { method: "POST" });
  return class { m() { return q?.length ?? 0; } };
}
`;

/** Every node's parent, walked from the root, and the nodes counted. */
function parentsOf(root: ts.Node): { nodes: number; wrong: number } {
  let nodes = 0;
  let wrong = 0;
  const visit = (parent: ts.Node) => (child: ts.Node): void => {
    nodes++;
    if (child.parent !== parent) wrong++;
    ts.forEachChild(child, visit(child));
  };
  ts.forEachChild(root, visit(root));
  return { nodes, wrong };
}

describe("parseForAnalysis", () => {
  it("sets every node's parent as createSourceFile(setParentNodes) does", () => {
    const tree = parseForAnalysis(ts, "a.ts", TEXT, ts.ScriptKind.TS);
    const reference = parentsOf(ts.createSourceFile("a.ts", TEXT, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS));
    assert.deepEqual(parentsOf(tree), { nodes: reference.nodes, wrong: 0 });
    assert.equal(reference.wrong, 0);
    assert.ok(reference.nodes > 60, `${reference.nodes} nodes`);
  });

  it("does not parse JSDoc comments (the analysis reads none)", () => {
    const withDocs = ts.createSourceFile("a.ts", TEXT, ts.ScriptTarget.Latest, true);
    assert.equal((withDocs.statements[0] as unknown as { jsDoc?: unknown[] }).jsDoc?.length, 1);
    const tree = parseForAnalysis(ts, "a.ts", TEXT);
    assert.equal((tree.statements[0] as unknown as { jsDoc?: unknown[] }).jsDoc, undefined);
    assert.equal(tree.text, TEXT);
  });
});
