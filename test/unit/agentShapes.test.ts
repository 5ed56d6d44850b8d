// The agent code people actually write (issue 17): each class of miss as a small program of its shape.
import * as assert from "node:assert/strict";
import { expectSites } from "./analyze";
import { memoryProject, sitesOf } from "./project";

const USE_CLIENT = (from: string, name: string, call: string) => `import ${name} from "${from}";
export async function run(questions: string[]) {
  const history: { role: "user"; content: string }[] = [];
  for (const q of questions) {
    history.push({ role: "user", content: q });
    await ${call}.chat.completions.create({ model: "gpt-4o", max_tokens: 100, messages: history });
  }
}
`;

describe("agent shapes: clients and wrappers made in another module", () => {
  it("export const client = new OpenAI(), export default openai, export function getClient()", () => {
    const { project } = memoryProject({
      "/p/client.ts": `import OpenAI from "openai";\nexport const client = new OpenAI();\n`,
      "/p/openai.ts": `import OpenAI from "openai";\nconst openai = new OpenAI();\nexport default openai;\n`,
      "/p/factory.ts": `import OpenAI from "openai";\nexport function getClient() {\n  return new OpenAI();\n}\n`,
      "/p/a.ts": USE_CLIENT("./client", "{ client }", "client"),
      "/p/b.ts": USE_CLIENT("./openai", "openai", "openai"),
      "/p/c.ts": USE_CLIENT("./factory", "{ getClient }", "getClient()"),
    });
    const want = [{ line: 6, api: "openai chat.completions.create", model: "gpt-4o", calls: "Θ(|questions|)", input: "Θ(|questions|²·|q|)", growth: "constant" }];
    for (const f of ["/p/a.ts", "/p/b.ts", "/p/c.ts"]) assert.deepEqual(sitesOf(project, f, ["api", "model", "calls", "input", "growth"]), want, f);
  });

  it("a client's model and output cap come with it from the module that made it", () => {
    const { project } = memoryProject({
      "/p/llm.ts": `import { ChatOpenAI } from "@langchain/openai";\nexport const model = new ChatOpenAI({ model: "gpt-4o-mini", maxTokens: 50 });\n`,
      "/p/use.ts": `import { model } from "./llm";\nexport async function run(docs: string[]) {\n  for (const d of docs) await model.invoke(d);\n}\n`,
    });
    assert.deepEqual(sitesOf(project, "/p/use.ts", ["api", "model", "calls", "output"]), [{ line: 3, api: "@langchain invoke", model: "gpt-4o-mini", calls: "Θ(|docs|)", output: "Θ(|docs|)" }]);
  });

  it("a local factory function or method that returns a client", () => {
    expectSites(`import OpenAI from "openai";
function makeClient() { return new OpenAI(); }
const fromArrow = () => new OpenAI();
class Bot {
  private client() { return new OpenAI(); }
  async go(xs: string[]) {
    for (const x of xs) await this.client().responses.create({ model: "gpt-4.1", input: x }); // @site
  }
}
export async function run(xs: string[]) {
  const c = makeClient();
  for (const x of xs) await c.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: x }] }); // @site
  await fromArrow().chat.completions.create({ model: "gpt-4o", messages: [] }); // @site
}
`, [{ calls: "Θ(|xs|)" }, { calls: "Θ(|xs|)" }, { calls: "Θ(1)" }]);
  });

  it("a wrapper instance from a factory (Reviewer | null), called with ?. in a loop", () => {
    const REVIEWER = `import OpenAI from "openai";
export class Reviewer {
  private client = new OpenAI();
  async review(p: string) {
    const r = await this.client.chat.completions.create({ model: "gpt-4o", max_tokens: 300, messages: [{ role: "user", content: p }] });
    return r.choices[0].message.content;
  }
}
`;
    const { project } = memoryProject({
      "/p/reviewer.ts": REVIEWER,
      "/p/load.ts": `import { Reviewer } from "./reviewer";\nexport async function load(): Promise<Reviewer | null> {\n  if (!process.env.KEY) return null;\n  return new Reviewer();\n}\n`,
      "/p/main.ts": `import { load } from "./load";
export async function main(patches: string[]) {
  const reviewer = await load();
  for (const p of patches) await reviewer?.review(p);
}
`,
      "/p/local.ts": `import { Reviewer } from "./reviewer";
async function make() { return new Reviewer(); }
export async function main(patches: string[]) {
  const reviewer: Reviewer | null = null;
  const other = await make();
  for (const p of patches) {
    await other.review(p);
    await reviewer?.review(p);
  }
}
`,
    });
    assert.deepEqual(sitesOf(project, "/p/main.ts", ["api", "calls", "input"]), [{ line: 4, api: "openai reviewer?.review() → chat.completions.create", calls: "Θ(|patches|)", input: "Θ(|patches|·|p|)" }]);
    assert.deepEqual(sitesOf(project, "/p/local.ts", ["calls"]).map((s) => s.line), [7, 8]);
  });
});
