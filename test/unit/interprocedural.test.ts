// Following LLM cost through functions, files, classes and recursion.
import * as assert from "node:assert/strict";
import { estimate } from "../../src/core";
import { costClass } from "../../src/core/report/costClass";
import { memoryProject, sitesOf } from "./project";
import { analyze } from "./analyze";

const LLM = `import OpenAI from "openai";
const client = new OpenAI();
export async function ask(messages: OpenAI.ChatCompletionMessageParam[]): Promise<string> {
  const r = await client.chat.completions.create({ model: "gpt-4o", max_tokens: 200, messages });
  return r.choices[0].message.content ?? "";
}
export default ask;
`;

describe("function summaries across files", () => {
  it("a wrapper in another file called with a growing history: the lens is at the call in the loop", () => {
    const { project } = memoryProject({
      "/p/llm.ts": LLM,
      "/p/agent.ts": `import { ask } from "./llm";
export async function chat(questions: string[]) {
  const history: { role: "user" | "assistant"; content: string }[] = [];
  for (const q of questions) {
    history.push({ role: "user", content: q });
    const answer = await ask(history);
    history.push({ role: "assistant", content: answer });
  }
}
`,
    });
    assert.deepEqual(sitesOf(project, "/p/agent.ts", ["api", "model", "calls", "input", "growth"]), [
      { line: 6, api: "openai ask() → chat.completions.create", model: "gpt-4o", calls: "Θ(|questions|)", input: "Θ(|questions|²·|q|)", growth: "output" },
    ]);
    // The wrapper's own SDK call keeps its per-call finding, in terms of its parameter.
    assert.deepEqual(sitesOf(project, "/p/llm.ts", ["input"]), [{ line: 4, input: "Θ(|messages|·|messages[]|)" }]);
  });

  it("a wrapper's parameter bound to an argument of the same name says whose is whose", () => {
    const { project } = memoryProject({
      "/p/agent.ts": `import OpenAI from "openai";
const client = new OpenAI();
async function ask(q: string): Promise<string> {
  const r = await client.chat.completions.create({ model: "gpt-4o", max_tokens: 200, messages: [{ role: "user", content: q }] });
  return r.choices[0].message.content ?? "";
}
export async function run(questions: string[], q: string) {
  for (const x of questions) await ask(q + x);
}
`,
    });
    const site = project.analyze("/p/agent.ts").findings.find((f) => f.line === 8)!;
    assert.ok(site.explanation.includes("here ask()'s |q| = |q| + |x|"), site.explanation.join("\n"));
  });

  it("default exports, index re-exports, CommonJS, tsconfig paths; a call outside loops has no lens of its own", () => {
    const { project } = memoryProject(
      {
        "/p/src/lib/llm.ts": LLM,
        "/p/src/lib/index.ts": `export * from "./llm";\nexport { default as askDefault } from "./llm";\n`,
        "/p/src/cjs.js": `const OpenAI = require("openai");\nconst c = new OpenAI();\nasync function complete(prompt) { return c.completions.create({ model: "gpt-3.5-turbo-instruct", prompt, max_tokens: 5 }); }\nmodule.exports = { complete };\n`,
        "/p/src/main.ts": `import ask from "./lib/llm";
import { askDefault } from "./lib";
import { ask as viaAlias } from "@lib/index";
const { complete } = require("./cjs");
export async function run(items: string[]) {
  for (const it of items) await ask([{ role: "user", content: it }]);
  for (const it of items) await askDefault([{ role: "user", content: it }]);
  for (const it of items) await viaAlias([{ role: "user", content: it }]);
  for (const it of items) await complete(it);
  await ask([{ role: "user", content: "once" }]);
}
`,
      },
      { baseUrl: "/p/src", paths: { "@lib/*": ["lib/*"] } },
    );
    assert.deepEqual(sitesOf(project, "/p/src/main.ts", ["calls", "input"]), [
      { line: 6, calls: "Θ(|items|)", input: "Θ(|items|·|it|)" },
      { line: 7, calls: "Θ(|items|)", input: "Θ(|items|·|it|)" },
      { line: 8, calls: "Θ(|items|)", input: "Θ(|items|·|it|)" },
      { line: 9, calls: "Θ(|items|)", input: "Θ(|items|·|it|)" },
    ]);
  });

  it("import cycles terminate", () => {
    const { project } = memoryProject({
      "/p/a.ts": `import { b } from "./b";\nimport OpenAI from "openai";\nconst c = new OpenAI();\nexport async function a(n: number, q: string) { for (let i = 0; i < n; i++) await b(q); return c.responses.create({ model: "gpt-4.1", input: q }); }\n`,
      "/p/b.ts": `import { a } from "./a";\nexport async function b(q: string) { return a(1, q); }\n`,
    });
    const r = project.analyze("/p/a.ts");
    assert.equal(r.skipped, undefined);
    // a's own SDK call keeps its exact per-call bound; b's summary is asked for while a's is being
    // made, so b does not add a's cost again (mutual recursion across files is not solved).
    assert.deepEqual(sitesOf(project, "/p/a.ts", ["api", "calls", "input"]).find((f) => f.api === "openai responses.create"), { line: 4, api: "openai responses.create", calls: "Θ(1)", input: "Θ(|q|)" });
    assert.deepEqual(project.analyze("/p/b.ts").findings, []);
  });

  it("does not parse a module that reaches an LLM only through a constant it imports, to find where an importer's names are declared", () => {
    const { project } = memoryProject({
      "/p/llm.ts": `import OpenAI from "openai";\nconst c = new OpenAI();\nexport const MODEL = "gpt-4.1";\nexport const ask = (q: string) => c.responses.create({ model: MODEL, input: q });\n`,
      "/p/format.ts": `import { MODEL } from "./llm";\nexport function label(q: string) { return MODEL + ": " + q; }\nexport class Box { open() { return label("x"); } }\n`,
      "/p/ui.ts": `import { label, Box } from "./format";\nexport function show(qs: string[]) { for (const q of qs) console.log(label(q), new Box().open()); }\n`,
      "/p/agent.ts": `import { label } from "./format";\nimport { ask } from "./llm";\nexport async function run(qs: string[]) { for (const q of qs) await ask(label(q)); }\n`,
    });
    // format.ts reaches llm.ts by the import graph, but takes only a constant from it: ui.ts's names
    // (a function, a class) cannot make LLM calls, and neither ui.ts nor format.ts is parsed.
    assert.deepEqual(project.analyze("/p/ui.ts"), { file: "/p/ui.ts", findings: [] });
    assert.deepEqual({ parsed: project.stats.parsed, analyzed: project.stats.analyzed }, { parsed: 1, analyzed: 0 });
    assert.deepEqual(sitesOf(project, "/p/agent.ts", ["api", "calls"]), [{ line: 3, api: "openai ask() → responses.create", calls: "Θ(|qs|)" }]);
    // agent.ts's analysis asks where label is declared (a client?): format.ts is parsed then.
    assert.deepEqual({ parsed: project.stats.parsed, analyzed: project.stats.analyzed }, { parsed: 3, analyzed: 1 });
  });

  it("re-analyses a changed file and its dependents only", () => {
    const { project, files } = memoryProject({
      "/p/llm.ts": LLM,
      "/p/agent.ts": `import { ask } from "./llm";\nexport async function f(xs: string[]) { for (const x of xs) await ask([{ role: "user", content: x }]); }\n`,
      "/p/other.ts": `import OpenAI from "openai";\nconst c = new OpenAI();\nexport const g = (q: string) => c.responses.create({ model: "gpt-4.1", input: q });\n`,
    });
    for (const f of ["/p/llm.ts", "/p/agent.ts", "/p/other.ts"]) project.analyze(f);
    const before = { ...project.stats };
    files["/p/llm.ts"] = LLM.replace("max_tokens: 200, ", "");
    project.invalidate("/p/llm.ts");
    for (const f of ["/p/llm.ts", "/p/agent.ts", "/p/other.ts"]) project.analyze(f);
    assert.deepEqual({ parsed: project.stats.parsed - before.parsed, analyzed: project.stats.analyzed - before.analyzed }, { parsed: 1, analyzed: 2 });
    assert.deepEqual(sitesOf(project, "/p/agent.ts", ["output"]), [{ line: 2, output: "Θ(|xs|·out[gpt-4o])" }]);
  });
});

describe("state that grows across calls", () => {
  it("a class whose method accumulates this.history, called in a loop", () => {
    const { project } = memoryProject({
      "/p/assistant.ts": `import Anthropic from "@anthropic-ai/sdk";
const client = new Anthropic();
export class Assistant {
  private history: Anthropic.MessageParam[] = [];
  async ask(step: string): Promise<string> {
    this.history.push({ role: "user", content: step });
    const r = await client.messages.create({ model: "claude-sonnet-4-5", max_tokens: 300, messages: this.history });
    const text = r.content[0]?.type === "text" ? r.content[0].text : "";
    this.history.push({ role: "assistant", content: text });
    return text;
  }
}
`,
      "/p/run.ts": `import { Assistant } from "./assistant";
export async function plan(steps: string[]) {
  const assistant = new Assistant();
  for (const step of steps) await assistant.ask(step);
  for (const step of steps) await new Assistant().ask(step);
}
`,
    });
    assert.deepEqual(sitesOf(project, "/p/assistant.ts", ["input"]), [{ line: 7, input: "O(calls[Assistant]·|step|)" }]);
    assert.deepEqual(sitesOf(project, "/p/run.ts", ["calls", "input", "growth"]), [
      { line: 4, calls: "Θ(|steps|)", input: "O(|steps|²·|step|)", growth: "output" },
      { line: 5, calls: "Θ(|steps|)", input: "O(|steps|·|step|)", growth: "output" },
    ]);
  });

  it("a closure over an outer accumulator", () => {
    const { project } = memoryProject({
      "/p/chat.ts": `import OpenAI from "openai";
const client = new OpenAI();
const transcript: string[] = [];
async function say(line: string) {
  transcript.push(line);
  return client.responses.create({ model: "gpt-4.1", input: transcript.join("\\n"), max_output_tokens: 50 });
}
export async function run(lines: string[]) {
  for (const l of lines) await say(l);
}
`,
    });
    assert.deepEqual(sitesOf(project, "/p/chat.ts", ["input"]), [
      { line: 6, input: "O(calls[say]·|line|)" },
      { line: 9, input: "O(|lines|²·|l|)" },
    ]);
  });
});

describe("recursion", () => {
  it("a recursion no rule solves leaves its own request unknown, not one call (review: two self-calls, one per branch, or both)", () => {
    const sites = analyze(`import OpenAI from "openai";
const client = new OpenAI();
export async function f(q: string): Promise<void> {
  const r = await client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: q }] });
  if (r.choices[0].message.content === "again") await f(q);
  else if (r.choices[0].message.content === "twice") await f(q);
}
export async function g(q: string): Promise<void> {
  await client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: q }] });
  await g(q);
  await g(q);
}
`);
    assert.deepEqual(sites.map((s) => [s.line, s.calls.kind, costClass(s)]), [[4, "unknown", "unknown"], [9, "unknown", "unknown"]]);
    assert.ok(sites[0]!.explanation.some((l) => l.startsWith("the call recurs: ")), sites[0]!.explanation.join("\n"));
  });

  it("a recursive halving summarizer: Θ(n) input (master theorem, leaves of bounded size)", () => {
    const { project } = memoryProject({
      "/p/sum.ts": `import OpenAI from "openai";
const client = new OpenAI();
export async function summarize(text: string): Promise<string> {
  if (text.length <= 4000) {
    const r = await client.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 300, messages: [{ role: "user", content: text }] });
    return r.choices[0].message.content ?? "";
  }
  const mid = Math.floor(text.length / 2);
  const left = await summarize(text.slice(0, mid));
  const right = await summarize(text.slice(mid));
  const r = await client.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 300, messages: [{ role: "user", content: left + right }] });
  return r.choices[0].message.content ?? "";
}
export async function all(docs: string[]) {
  for (const d of docs) await summarize(d);
}
`,
    });
    // The recursive function's own sites are counted over the recursion: the leaf call at each of
    // L leaves, the merge at each of the L − 1 inner nodes.
    assert.deepEqual(sitesOf(project, "/p/sum.ts", ["calls", "input"]), [
      { line: 5, calls: "Θ(|text|)", input: "Θ(|text|)" },
      { line: 11, calls: "Θ(|text|)", input: "Θ(|text|)" },
      { line: 15, calls: "Θ(|docs|·|d|)", input: "Θ(|docs|·|d|)" },
    ]);
    // 2,000 tokens are 8,000 characters: two leaves of 4,000 and one merge of two 300-token answers.
    const r = project.analyze("/p/sum.ts");
    const at = (line: number) => estimate(r.findings.find((f) => f.line === line)!, { "|text|": 2000 });
    assert.deepEqual([at(5).calls, at(5).inputTokens, at(5).exact], [2, 2000, true]);
    assert.deepEqual([at(11).calls, at(11).inputTokens, at(11).exact], [1, 600, true]);
    assert.match(r.findings.find((f) => f.line === 11)!.explanation.join("\n"), /recursion: T\(\|text\|\) = 2·T\(\|text\|\/2\).*4 characters a token.*this call runs at each of the L − 1 merges/);
  });

  it("a wrapper called inside a recursive function is a site, counted by the recursion", () => {
    const { project } = memoryProject({
      "/p/sum.ts": `import OpenAI from "openai";
const client = new OpenAI();
async function llm(text: string): Promise<string> {
  const r = await client.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 100, messages: [{ role: "user", content: text }] });
  return r.choices[0].message.content ?? "";
}
export async function summarize(text: string): Promise<string> {
  if (text.length <= 1000) return llm(text);
  const left = await summarize(text.slice(0, text.length / 2));
  const right = await summarize(text.slice(text.length / 2));
  return llm(left + right);
}
`,
    });
    assert.deepEqual(sitesOf(project, "/p/sum.ts", ["api", "calls"]), [
      { line: 4, api: "openai chat.completions.create", calls: "Θ(1)" },
      { line: 8, api: "openai llm() → chat.completions.create", calls: "Θ(|text|)" },
      { line: 11, api: "openai llm() → chat.completions.create", calls: "Θ(|text|)" },
    ]);
    // 1,000 tokens: 4,000 characters in 4 leaves of 1,000; 3 merges, each of two 100-token answers
    // (what summarize returns is one of its two calls' answers, not both).
    const r = project.analyze("/p/sum.ts");
    const at = (line: number) => estimate(r.findings.find((f) => f.line === line)!, { "|text|": 1000 });
    assert.deepEqual([at(8).calls, at(8).inputTokens, at(8).outputTokens], [4, 1000, 400]);
    assert.deepEqual([at(11).calls, at(11).inputTokens, at(11).outputTokens], [3, 600, 300]);
  });

  it("linear recursion over the rest of a list: T(n) = T(n−1) + f(n)", () => {
    const { project } = memoryProject({
      "/p/rec.ts": `import OpenAI from "openai";
const client = new OpenAI();
export async function label(items: string[]): Promise<string[]> {
  if (items.length === 0) return [];
  const [head, ...rest] = items;
  const r = await client.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 5, messages: [{ role: "user", content: head }] });
  return [r.choices[0].message.content ?? "", ...(await label(rest))];
}
export async function go(xs: string[]) {
  for (let i = 0; i < 3; i++) await label(xs);
}
`,
    });
    // The levels, |items|, are a count (printed first) that assumptions reach.
    assert.deepEqual(sitesOf(project, "/p/rec.ts", ["calls", "input"]), [
      { line: 6, calls: "Θ(|items|)", input: "Θ(|items|·|head|)" },
      { line: 10, calls: "Θ(|xs|)", input: "Θ(|xs|·|head|)" },
    ]);
    const own = project.analyze("/p/rec.ts").findings.find((f) => f.line === 6)!;
    assert.equal(own.symbols.find((s) => s.name === "|items|")?.kind, "count");
    const e = estimate(own, { "|items|": 5, "|head|": 10 });
    assert.deepEqual([e.calls, e.inputTokens, e.outputTokens, e.exact], [5, 50, 25, true]);
  });

  it("a recursion of no recognised shape is an honest unknown", () => {
    const { project } = memoryProject({
      "/p/odd.ts": `import OpenAI from "openai";
const client = new OpenAI();
export async function walk(node: { children: any[]; text: string }): Promise<void> {
  await client.responses.create({ model: "gpt-4.1", input: node.text, max_output_tokens: 20 });
  for (const c of node.children) await walk(c);
}
export async function start(roots: any[]) { for (const r of roots) await walk(r); }
`,
    });
    const r = project.analyze("/p/odd.ts");
    const loopSite = r.findings.find((f) => f.line === 7)!;
    assert.equal(loopSite.inputTokens.kind, "unknown");
    assert.match(loopSite.explanation.join("\n"), /calls itself inside a loop/);
  });

  it("a function calling itself at most once an invocation, with no counter and nothing smaller handed on (a retry after the user's approval): rounds[f] invocations, unbounded, saying why", () => {
    const program = (again: string): string => `import OpenAI from "openai";
const client = new OpenAI();
export async function ask(q: string, approve: (q: string) => Promise<boolean>): Promise<string> {
  const r = await client.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 20, messages: [{ role: "user", content: q }] });
  const text = r.choices[0].message.content ?? "";
  if (text.startsWith("EXPAND") && (await approve(q))) ${again};
  return text;
}
export async function all(qs: string[], approve: (q: string) => Promise<boolean>) {
  for (const q of qs) await ask(q, approve);
}
`;
    const once = "ask calls itself at line 6, at most once an invocation (no loop or callback around the call), testing no counter";
    const why = `${once} and handing on its own parameters: data decides how many rounds run`;
    // The same question again, or a fixed one: each round is priced at the first's sizes.
    for (const again of ["return await ask(q, approve)", "return ask(\"Go on.\", approve)"]) {
      const { project } = memoryProject({ "/p/ask.ts": program(again) });
      assert.deepEqual(sitesOf(project, "/p/ask.ts", ["calls", "input"]), [
        { line: 4, calls: "O(rounds[ask])", input: "O(rounds[ask]·|q|)" },
        { line: 10, calls: "O(|qs|·rounds[ask])", input: "O(|qs|·rounds[ask]·|q|)" },
      ], again);
      const [own, loop] = project.analyze("/p/ask.ts").findings;
      assert.deepEqual([costClass(own!), costClass(loop!)], ["unbounded", "unbounded"]);
      const rounds = loop!.symbols.find((s) => s.name === "rounds[ask]")!;
      assert.deepEqual([rounds.kind, rounds.unbounded, rounds.line, rounds.origin], ["count", true, 3, `the invocations of ask in one call from outside, not bounded in the code: ${why}`]);
    }
    // A grown question priced by its size may be larger each round (q + q doubles it): no count of equal rounds.
    for (const again of ["return ask(q + \" (expanded)\", approve)", "return ask(q + q, approve)"]) {
      const { project } = memoryProject({ "/p/ask.ts": program(again) });
      const loop = project.analyze("/p/ask.ts").findings.find((f) => f.line === 10)!;
      assert.deepEqual(loop.calls, { kind: "unknown", reason: `${once}, but hands on another value than its parameter q, whose size the cost reads (it may be larger each round), so no round's sizes bound the next's` }, again);
    }
    // A history the class keeps grows by one question a round: each round re-sends it, quadratic in the rounds too.
    const { project: chat } = memoryProject({
      "/p/chat.ts": `import OpenAI from "openai";
const client = new OpenAI();
export class Chat {
  private readonly history: { role: "user" | "assistant"; content: string }[] = [];
  constructor(private readonly approve: () => Promise<boolean>) {}
  async ask(q: string): Promise<string> {
    this.history.push({ role: "user", content: q });
    const r = await client.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 20, messages: this.history });
    const text = r.choices[0].message.content ?? "";
    if (text.startsWith("EXPAND") && (await this.approve())) return this.ask(q);
    return text;
  }
}
export async function all(chat: Chat, qs: string[]) {
  for (const q of qs) await chat.ask(q);
}
`,
    });
    assert.deepEqual(sitesOf(chat, "/p/chat.ts", ["calls", "input"]), [
      { line: 8, calls: "O(rounds[Chat.ask])", input: "O(rounds[Chat.ask]²·calls[Chat]·|q|)" },
      { line: 15, calls: "O(|qs|·rounds[Chat.ask])", input: "O(|qs|²·rounds[Chat.ask]²·|q|)" },
    ]);
    // The call inside a callback (a timer or a handler may run it again), or two calls an invocation: no chain.
    for (const again of ["setTimeout(() => ask(q, approve), 10)", "return (await ask(q, approve)) + (await ask(q, approve))"]) {
      const { project } = memoryProject({ "/p/ask.ts": program(again) });
      const loop = project.analyze("/p/ask.ts").findings.find((f) => f.line === 10)!;
      assert.deepEqual(loop.calls, { kind: "unknown", reason: "the recursive calls do not shrink one parameter by halves or by one element" }, again);
    }
  });
});

describe("calls through callbacks, higher-order helpers and parameters", () => {
  const HEAD = `import OpenAI from "openai";
import pLimit from "p-limit";
import pMap from "p-map";
const client = new OpenAI();
async function ask(q: string): Promise<string> {
  const r = await client.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 20, messages: [{ role: "user", content: q }] });
  return r.choices[0].message.content ?? "";
}
async function withRetry<T>(f: () => Promise<T>, tries = 3): Promise<T> {
  for (let i = 0; ; i++) { try { return await f(); } catch (e) { if (i + 1 >= tries) throw e; } }
}
`;
  it("a function passed to map, a higher-order helper, p-limit and p-map (span, not cost)", () => {
    const { project } = memoryProject({
      "/p/a.ts": `${HEAD}export async function run(xs: string[]) {
  await Promise.all(xs.map(ask));
  for (const x of xs) await withRetry(() => client.chat.completions.create({ model: "gpt-4o", max_tokens: 5, messages: [{ role: "user", content: x }] }));
  const limit = pLimit(4);
  await Promise.all(xs.map((x) => limit(() => ask(x))));
  await pMap(xs, (x) => ask(x), { concurrency: 8 });
  await pMap(xs, (x) => ask(x));
}
`,
    });
    assert.deepEqual(sitesOf(project, "/p/a.ts", ["api", "calls", "input", "span"]), [
      { line: 6, api: "openai chat.completions.create", calls: "Θ(1)", input: "Θ(|q|)", span: "Θ(1)" },
      { line: 13, api: "openai ask() → chat.completions.create", calls: "Θ(|xs|)", input: "Θ(|xs|·|xs[]|)", span: "Θ(1)" },
      { line: 14, api: "openai chat.completions.create", calls: "Θ(|xs|)", input: "Θ(|xs|·|x|)", span: "Θ(|xs|)" },
      { line: 16, api: "openai ask() → chat.completions.create", calls: "Θ(|xs|)", input: "Θ(|xs|·|x|)", span: "Θ(|xs|)" },
      { line: 17, api: "openai ask() → chat.completions.create", calls: "Θ(|xs|)", input: "Θ(|xs|·|x|)", span: "Θ(|xs|)" },
      { line: 18, api: "openai ask() → chat.completions.create", calls: "Θ(|xs|)", input: "Θ(|xs|·|x|)", span: "Θ(1)" },
    ]);
  });

  it("default parameters, rest arguments and nested wrappers", () => {
    const { project } = memoryProject({
      "/p/b.ts": `${HEAD}async function debate(topic: string, rounds = 6) {
  let transcript = topic;
  for (let i = 0; i < rounds; i++) transcript += await ask(transcript);
  return transcript;
}
async function askAll(...parts: string[]) { return ask(parts.join("\\n")); }
export async function main(topics: string[], n: number) {
  for (const t of topics) await debate(t);
  for (const t of topics) await debate(t, n);
  for (const t of topics) await askAll(t, t, t);
}
`,
    });
    const lines = sitesOf(project, "/p/b.ts", ["calls", "input"]);
    assert.deepEqual(lines.map((l) => l.line), [6, 14, 19, 20, 21]);
    assert.deepEqual(lines.slice(2), [
      { line: 19, calls: "Θ(|topics|)", input: "Θ(|topics|·|t|)" },
      { line: 20, calls: "Θ(|topics|·n)", input: "Θ(n²·|topics| + |topics|·n·|t|)" },
      { line: 21, calls: "Θ(|topics|)", input: "Θ(|topics|·|t|)" },
    ]);
  });
});

describe("async generators", () => {
  it("an async generator that yield*s itself on the rest of its input is linear recursion", () => {
    const { project } = memoryProject({
      "/p/gen.ts": `import OpenAI from "openai";
const client = new OpenAI();
export async function* translate(text: string): AsyncGenerator<string> {
  if (text.length === 0) return;
  const r = await client.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 200, messages: [{ role: "user", content: text.slice(0, 2000) }] });
  yield r.choices[0].message.content ?? "";
  yield* translate(text.slice(2000));
}
export async function run(books: string[]) {
  for (const b of books) for await (const part of translate(b)) console.log(part);
}
`,
    });
    assert.deepEqual(sitesOf(project, "/p/gen.ts", ["calls", "input"]), [
      // The call in the generator runs once per level of its recursion: |text| levels.
      { line: 5, calls: "Θ(|text|)", input: "Θ(|text|)" },
      { line: 10, calls: "Θ(|books|·|b|)", input: "Θ(|books|·|b|)" },
    ]);
  });
});

describe("constants imported from the project's modules", () => {
  it("a loop count, a model and a cap exported by a settings module (also through a barrel) are their literals, and follow its edits", () => {
    const { project, files } = memoryProject({
      "/p/settings.ts": `export const MAX_TURNS = 6;\nexport const MODEL = "gpt-4o-mini";\nexport const CAP = MAX_TURNS * 10;\n`,
      "/p/index.ts": `export { MAX_TURNS as TURNS } from "./settings";\n`,
      "/p/agent.ts": `import OpenAI from "openai";
import { MAX_TURNS, MODEL, CAP } from "./settings";
import { TURNS } from "./index";
const client = new OpenAI();
export async function chat(q: string) {
  for (let i = 0; i < MAX_TURNS; i++) await client.chat.completions.create({ model: MODEL, max_tokens: CAP, messages: [{ role: "user", content: q }] });
  for (let i = 0; i < TURNS; i++) await client.chat.completions.create({ model: MODEL, max_tokens: 5, messages: [{ role: "user", content: q }] });
}
`,
    });
    const at = () => project.analyze("/p/agent.ts").findings.map((f) => [f.line, f.model, estimate(f, { "|q|": 10 }).calls, estimate(f, { "|q|": 10 }).outputTokens]);
    assert.deepEqual(at(), [[6, "gpt-4o-mini", 6, 360], [7, "gpt-4o-mini", 6, 30]]);
    files["/p/settings.ts"] = files["/p/settings.ts"]!.replace("MAX_TURNS = 6", "MAX_TURNS = 3");
    project.invalidate("/p/settings.ts");
    assert.deepEqual(at(), [[6, "gpt-4o-mini", 3, 90], [7, "gpt-4o-mini", 3, 15]]);
  });

  it("constants made from each other across modules end without a value", () => {
    const { project } = memoryProject({
      "/p/a.ts": `import { B } from "./b";\nexport const A = B + 1;\n`,
      "/p/b.ts": `import { A } from "./a";\nexport const B = A + 1;\n`,
      "/p/agent.ts": `import OpenAI from "openai";\nimport { A } from "./a";\nconst client = new OpenAI();\nexport async function go(q: string) {\n  for (let i = 0; i < A; i++) await client.responses.create({ model: "gpt-4.1", input: q, max_output_tokens: 5 });\n}\n`,
    });
    assert.deepEqual(sitesOf(project, "/p/agent.ts", ["calls"]), [{ line: 5, calls: "Θ(A)" }]);
  });
});

describe("invalidation", () => {
  it("a file that reached no LLM is decided again when a module it imports starts calling one", () => {
    const { project, files } = memoryProject({
      "/p/a.ts": `import { f } from "./b";\nexport async function run(xs: string[]) { for (const x of xs) await f(x); }\n`,
      "/p/b.ts": `export async function f(x: string) { return x.length; }\n`,
    });
    assert.equal(project.analyze("/p/a.ts").findings.length, 0);
    files["/p/b.ts"] = `import OpenAI from "openai";\nconst c = new OpenAI();\nexport async function f(x: string) { return c.responses.create({ model: "gpt-4.1", input: x }); }\n`;
    project.invalidate("/p/b.ts");
    assert.deepEqual(sitesOf(project, "/p/a.ts", ["calls"]), [{ line: 2, calls: "Θ(|xs|)" }]);
  });
});

describe("objects passed by reference", () => {
  it("a history array grown by the function it is passed to accumulates across the caller's loop", () => {
    const { project } = memoryProject({
      "/p/step.ts": `import OpenAI from "openai";
const client = new OpenAI();
type Msg = { role: "user" | "assistant"; content: string };
export async function step(history: Msg[], question: string): Promise<string> {
  history.push({ role: "user", content: question });
  const r = await client.chat.completions.create({ model: "gpt-4o", max_tokens: 100, messages: history });
  const answer = r.choices[0].message.content ?? "";
  history.push({ role: "assistant", content: answer });
  return answer;
}
`,
      "/p/loop.ts": `import { step } from "./step";
export async function run(questions: string[]) {
  const history: { role: "user" | "assistant"; content: string }[] = [];
  for (const q of questions) await step(history, q);
  for (const q of questions) await step([], q);
}
`,
    });
    assert.deepEqual(sitesOf(project, "/p/loop.ts", ["calls", "input"]), [
      { line: 4, calls: "Θ(|questions|)", input: "Θ(|questions|²·|q|)" },
      { line: 5, calls: "Θ(|questions|)", input: "Θ(|questions|·|q|)" },
    ]);
  });
});

describe("chunked recursion", () => {
  it("a summarizer that splits its input into fixed-size chunks and recurses on each: Θ(n) leaves", () => {
    const { project } = memoryProject({
      "/p/chunks.ts": `import OpenAI from "openai";
const client = new OpenAI();
const SIZE = 8000;
function chunk(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}
export async function summarize(text: string): Promise<string> {
  if (text.length <= SIZE) {
    const r = await client.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 200, messages: [{ role: "user", content: text }] });
    return r.choices[0].message.content ?? "";
  }
  const parts = await Promise.all(chunk(text, SIZE).map((part) => summarize(part)));
  const r = await client.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 200, messages: [{ role: "user", content: parts.join("\\n") }] });
  return r.choices[0].message.content ?? "";
}
export async function run(books: string[]) {
  for (const b of books) await summarize(b);
}
`,
    });
    const [site] = sitesOf(project, "/p/chunks.ts", ["calls", "input"]).filter((s) => s.line === 19);
    // The combining call reads one summary per chunk: their number stays a symbol of its own.
    assert.deepEqual(site, { line: 19, calls: "O(|books|·|b|)", input: "O(|books|·|b| + |books|·|parts|)" });
  });
});

describe("LlamaIndex chat engines keep their memory", () => {
  it("a chat engine's chat() in a loop is stateful", () => {
    const { project } = memoryProject({
      "/p/li.ts": `import { SimpleChatEngine } from "llamaindex";
export async function talk(questions: string[]) {
  const engine = new SimpleChatEngine();
  for (const q of questions) await engine.chat({ message: q });
}
`,
    });
    // The memory re-sends the history cut to its token limit (eighth reader): the quadratic input is an upper bound.
    assert.deepEqual(sitesOf(project, "/p/li.ts", ["calls", "input", "growth"]), [{ line: 4, calls: "Θ(|questions|)", input: "O(|questions|²·|q| + |questions|²·out)", growth: "stateful" }]);
  });
});

describe("order independence", () => {
  it("findings do not depend on the order files are analysed in, through import cycles", () => {
    const files = {
      "/p/c.ts": `import OpenAI from "openai";\nconst c = new OpenAI();\nexport async function ask(q: string) { return c.responses.create({ model: "gpt-4.1", input: q, max_output_tokens: 10 }); }\n`,
      "/p/a.ts": `import { helper } from "./b";\nimport { ask } from "./c";\nexport async function wrap(q: string) { return ask(q); }\nexport const again = helper;\n`,
      "/p/b.ts": `import { wrap } from "./a";\nexport async function helper(xs: string[]) { for (const x of xs) await wrap(x); }\n`,
      "/p/d.ts": `import { helper } from "./b";\nexport async function top(groups: string[][]) { for (const g of groups) await helper(g); }\n`,
    };
    const counts = (order: string[]): Record<string, number> => {
      const { project } = memoryProject({ ...files });
      return Object.fromEntries(order.map((f) => [f, project.analyze(f).findings.length]));
    };
    const sorted = (r: Record<string, number>): string => JSON.stringify(Object.keys(r).sort().map((k) => [k, r[k]]));
    const orders = [["/p/d.ts", "/p/b.ts", "/p/a.ts"], ["/p/a.ts", "/p/b.ts", "/p/d.ts"], ["/p/b.ts", "/p/d.ts", "/p/a.ts"]];
    const results = orders.map((o) => sorted(counts(o)));
    assert.deepEqual(results, [results[0], results[0], results[0]]);
    assert.deepEqual(JSON.parse(results[0]!), [["/p/a.ts", 0], ["/p/b.ts", 1], ["/p/d.ts", 1]]);
  });

  it("creating a module re-analyses the files whose import of it did not resolve", () => {
    const { project, files } = memoryProject({
      "/p/f.ts": `import OpenAI from "openai";\nimport { ask } from "./llm";\nconst c = new OpenAI();\nexport async function f(xs: string[]) { await c.responses.create({ model: "gpt-4.1", input: "x" }); for (const x of xs) await ask(x); }\n`,
    });
    assert.equal(project.analyze("/p/f.ts").findings.length, 1);
    files["/p/llm.ts"] = `import OpenAI from "openai";\nconst c = new OpenAI();\nexport async function ask(q: string) { return c.responses.create({ model: "gpt-4.1", input: q }); }\n`;
    project.invalidate("/p/llm.ts");
    assert.equal(project.analyze("/p/f.ts").findings.length, 2);
  });
});
