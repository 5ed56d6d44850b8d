// Issue 17, item 4: a file that reaches the model only through a type it imports (`import type {
// Config }`, the value handed in as a parameter) is analysed when that type leads to an LLM: its
// methods make LLM calls, or one of them (or a field) is typed by a class whose methods do
// (gemini-cli's `config.getClient().ask(q)`).
import * as assert from "node:assert/strict";
import { memoryProject, sitesOf } from "./project";

const CLIENT = `import OpenAI from "openai";
export class Client {
  private openai = new OpenAI();
  async ask(q: string) { return this.openai.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: q }] }); }
}
`;
const CONFIG = (member: string): string => `import { Client } from "./client";
export class Config {
  private c = new Client();
${member}
}
`;
const USE = (call: string): string => `import type { Config } from "./config";
export async function run(config: Config, qs: string[]) {
  for (const q of qs) await ${call};
}
`;
const loops = (files: Record<string, string>): Partial<Record<string, unknown>>[] => sitesOf(memoryProject(files).project, "/p/use.ts", ["loops", "model"]);

describe("a file reaching the model only through a type it imports", () => {
  it("a getter's declared return type (config.getClient(): Client) whose methods ask a model: the file is analysed, a request per element", () => {
    assert.deepEqual(loops({ "/p/client.ts": CLIENT, "/p/config.ts": CONFIG("  getClient(): Client { return this.c; }"), "/p/use.ts": USE("config.getClient().ask(q)") }), [{ line: 3, loops: "for-of@3:|qs|", model: "gpt-4o" }]);
    // A field typed by the class.
    assert.deepEqual(loops({ "/p/client.ts": CLIENT, "/p/config.ts": CONFIG("  readonly client: Client = new Client();"), "/p/use.ts": USE("config.client.ask(q)") }), [{ line: 3, loops: "for-of@3:|qs|", model: "gpt-4o" }]);
  });

  it("a declared type that may be undefined, or an alias of the class, leads there too (review)", () => {
    const at = [{ line: 3, loops: "for-of@3:|qs|", model: "gpt-4o" }];
    assert.deepEqual(loops({ "/p/client.ts": CLIENT, "/p/config.ts": CONFIG("  getClient(): Client | undefined { return this.c; }"), "/p/use.ts": USE("config.getClient()!.ask(q)") }), at);
    assert.deepEqual(loops({ "/p/client.ts": CLIENT, "/p/config.ts": `type Ref = Client;\n${CONFIG("  async getClient(): Promise<(Ref)> { return this.c; }")}`, "/p/use.ts": USE("(await config.getClient()).ask(q)") }), at);
  });

  it("a type that leads to no model leaves the file unanalysed", () => {
    const quiet = `export class Client {\n  async ask(q: string) { return q.length; }\n}\n`;
    const { project } = memoryProject({ "/p/client.ts": quiet, "/p/config.ts": CONFIG("  getClient(): Client { return this.c; }"), "/p/use.ts": USE("config.getClient().ask(q)") });
    assert.equal(project.analyze("/p/use.ts").findings.length, 0);
  });
});
