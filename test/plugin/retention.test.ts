// The plugin holds no program that tsserver has let go of: after an edit, the previous program, its
// checker and the analysis made from it can be collected before the next request type-checks.
import * as assert from "node:assert/strict";
import * as ts from "typescript";
import init = require("../../src/plugin/index");
import { collectUntil } from "../support/collectGarbage";

const FILE = "/p/agent.ts";
const AGENT = (n: number): string => `import OpenAI from "openai";
const client = new OpenAI();
// version ${n}
export async function chat(questions: string[]): Promise<void> {
  const messages: { role: "user"; content: string }[] = [];
  for (const q of questions) {
    messages.push({ role: "user", content: q });
    await client.chat.completions.create({ model: "gpt-4o", max_tokens: 300, messages });
  }
}
`;

/** A language service over one in-memory file, as tsserver's project would give the plugin. */
function service(): { languageService: ts.LanguageService; edit(): void } {
  let version = 1;
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => ({ strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, noLib: true, types: [] }),
    getScriptFileNames: () => [FILE],
    getScriptVersion: () => String(version),
    getScriptSnapshot: (f) => (f === FILE ? ts.ScriptSnapshot.fromString(AGENT(version)) : undefined),
    getCurrentDirectory: () => "/p",
    getDefaultLibFileName: () => "lib.d.ts",
    fileExists: (f) => f === FILE,
    readFile: (f) => (f === FILE ? AGENT(version) : undefined),
  };
  return { languageService: ts.createLanguageService(host), edit: () => version++ };
}

describe("tsserver plugin memory", () => {
  it("lets the previous program go after an edit, before the next request", async () => {
    const { languageService: original, edit } = service();
    const logger = { info: () => undefined, hasLevel: () => false };
    const info = { languageService: original, config: {}, project: { projectService: { logger }, getProjectName: () => "/p/tsconfig.json", refreshDiagnostics: () => undefined } };
    const decorated = init({ typescript: ts as never }).create(info as never);
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
