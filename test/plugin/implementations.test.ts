// The plugin's project searches the program's root files for an interface's implementations: a
// class in a file no request has read yet (never opened) answers for the interface's calls.
import * as assert from "node:assert/strict";
import * as ts from "typescript";
import init = require("../../src/plugin/index");
import { pluginInfo } from "./inMemoryService";

const FILES = new Map([
  ["/p/llm.ts", `export interface Llm {\n  ask(prompt: string): Promise<string>;\n}\n`],
  [
    "/p/openaiLlm.ts",
    `import OpenAI from "openai";
import type { Llm } from "./llm";
const client = new OpenAI();
export class OpenAiLlm implements Llm {
  async ask(prompt: string) {
    const r = await client.responses.create({ model: "gpt-4.1", max_output_tokens: 200, input: prompt });
    return r.output_text;
  }
}
`,
  ],
  [
    "/p/loop.ts",
    `import type { Llm } from "./llm";
export async function chat(llm: Llm, questions: string[]) {
  const history: string[] = [];
  for (const q of questions) {
    history.push(q);
    history.push(await llm.ask(history.join("\\n")));
  }
}
`,
  ],
]);

function multiFileService(): ts.LanguageService {
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => ({ strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, noLib: true, types: [] }),
    getScriptFileNames: () => [...FILES.keys()],
    getScriptVersion: () => "1",
    getScriptSnapshot: (f) => (FILES.has(f) ? ts.ScriptSnapshot.fromString(FILES.get(f)!) : undefined),
    getCurrentDirectory: () => "/p",
    getDefaultLibFileName: () => "lib.d.ts",
    fileExists: (f) => FILES.has(f),
    readFile: (f) => FILES.get(f),
  };
  return ts.createLanguageService(host);
}

describe("tsserver plugin: implementations among the program's root files", () => {
  it("a history re-sent through an interface whose only implementation is in a file never asked about: the growing-history diagnostic at the call", () => {
    const decorated = init({ typescript: ts as never }).create(pluginInfo(multiFileService()));
    const ours = decorated.getSemanticDiagnostics("/p/loop.ts").filter((d) => d.source === "aalp");
    const text = FILES.get("/p/loop.ts")!;
    assert.deepEqual(ours.map((d) => [d.code, d.start, d.length]), [[91001, text.indexOf("llm.ask("), "llm.ask(history.join(\"\\n\"))".length]]);
  });
});
