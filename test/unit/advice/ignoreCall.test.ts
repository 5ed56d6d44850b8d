// "Ignore this call": the exact comment line it writes, and that the analysis then silences the call.
import * as assert from "node:assert/strict";
import * as ts from "typescript";
import { analyzeFile } from "../../../src/core";
import { applyEdits, ignoreCallEdit } from "../../../src/core/advice";
import { applyAnnotations, parseAnnotations } from "../../../src/core/annotations";
import { adviceFor, fixture } from "./harness";

describe("ignore this call", () => {
  it("writes `// @aalp ignore` above the line the call starts on, indented like it, and the call is silenced", () => {
    const text = fixture("debug-naive.ts");
    const advice = adviceFor("debug-naive.ts", text).find((a) => a.finding.line === 12)!;
    const edit = ignoreCallEdit(ts, "debug-naive.ts", text, advice.start)!;
    const after = applyEdits(text, [edit]);
    assert.equal(after.split("\n").slice(10, 14).join("\n"), [
      '    conversation.push({ role: "user", content: `Current version of the program:\\n\\n${program}` });',
      "    // @aalp ignore",
      "    const qa = await openai.chat.completions.create({",
      '      model: "gpt-4o-mini",',
    ].join("\n"));
    // Annotations apply after the analysis (as in the plugin, the extension and the CLI).
    const { findings } = analyzeFile(ts, "debug-naive.ts", after);
    assert.deepEqual(findings.map((f) => f.line), [13, 21]);
    assert.deepEqual(applyAnnotations(findings, parseAnnotations(ts, after)).findings.map((f) => f.line), [21]);
  });

  it("keeps a file's CRLF line ends", () => {
    const text = fixture("per-item.ts").replace(/\n/g, "\r\n");
    const advice = adviceFor("per-item.ts", text)[0]!;
    const edit = ignoreCallEdit(ts, "per-item.ts", text, advice.start)!;
    assert.deepEqual(edit, { start: text.indexOf("    const completion"), end: text.indexOf("    const completion"), newText: "    // @aalp ignore\r\n" });
  });

  it("offers nothing where the call's line starts inside a template (the comment would be text)", () => {
    const text = `import OpenAI from "openai";
const openai = new OpenAI();
export async function report(items: string[]): Promise<string> {
  let out = "";
  for (const item of items) {
    out += \`Item:
\${(await openai.chat.completions.create({ model: "gpt-4o", max_tokens: 50, messages: [{ role: "user", content: out + item }] })).choices[0].message.content}\`;
  }
  return out;
}
`;
    const advice = adviceFor("template.ts", text);
    assert.equal(advice.length > 0, true);
    assert.equal(ignoreCallEdit(ts, "template.ts", text, advice[0]!.start), undefined);
  });
});
