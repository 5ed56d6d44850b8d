// Seeded, deterministic generator of small agent programs for the soundness check
// (soundness.test.ts): one to three modules whose entry `run(items, n, q)` sends requests from
// loops, recursions and fan-outs built of the shapes the loop-bound rules read (counted loops,
// guarded while loops with every kind of step, reset, skip and re-declaration, guards in helpers
// and in another module, recursions with a depth budget), around history pushes, windows, copies
// and resets, through the SDK shapes the fakes support. Every call site has its own model name
// (s1, s2, …), which is how a run's requests are matched with the report's sites.
//
// Termination: a loop the analyser may not bound still ends when run, because the fake's replies
// are scripted per site: "GO" and "AGAIN" alternate (the words the programs' conditional steps,
// resets and skips test), and from the site's `doneAfter`-th request on the reply is "DONE", which
// every loop and recursion that is not a plain counted one tests to stop.
import { int, pick, rng, type Rng } from "../fuzz/generators";

export interface GeneratedProgram {
  readonly seed: number;
  readonly index: number;
  /** Module name (main.ts, llm.ts, guard.ts, config.ts) → source. */
  readonly files: Record<string, string>;
  /** The entry's arguments: items, n, q (strings of `size` tokens are made by the test). */
  readonly itemCount: number;
  readonly n: number;
  readonly size: number;
  /** Requests of one site after which its replies say DONE. */
  readonly doneAfter: number;
  /** Reply size in tokens (every request caps its output at it). */
  readonly reply: number;
  /** Ingredient labels, for coverage figures. */
  readonly ingredients: string[];
}

/**
 * Ingredients of engine defects found by this check and not fixed yet (docs/estimates.md, "Checked
 * by execution on generated programs"): an unsound or inexact site in a program using one is
 * listed as known, not failed, unless SOUND_STRICT=1.
 */
export const OPEN_DEFECTS: ReadonlyMap<string, string> = new Map<string, string>();

/** The assumptions that tell the analyser the run's sizes. */
export function assumptionsOf(p: GeneratedProgram): Record<string, number> {
  // |n|: the magnitude of n where a recursion's budget is read as a size.
  return { n: p.n, "|n|": p.n, "|items|": p.itemCount, "|item|": p.size, "|items[]|": p.size, "|q|": p.size };
}

interface Ctx {
  readonly r: Rng;
  readonly ingredients: string[];
  sites: number;
  /** Declarations before `run` in main.ts (helpers, classes, consts). */
  readonly top: string[];
  readonly imports: Set<string>;
  /** Exports of llm.ts and guard.ts, when used. */
  readonly llm: string[];
  readonly guard: string[];
  readonly config: string[];
  readonly consts: Map<string, number>;
  fresh: number;
}

const MSG = `{ role: "user" | "assistant"; content: string }`;

function use(c: Ctx, label: string): void {
  if (!c.ingredients.includes(label)) c.ingredients.push(label);
}

function name(c: Ctx, base: string): string {
  return `${base}${++c.fresh}`;
}

/** A loop bound: the parameter n, a local, module or imported const, a literal, or items.length. Returns [code before the loop, expression]. */
function bound(c: Ctx): [string[], string] {
  const v = 2 + int(c.r, 3);
  switch (int(c.r, 6)) {
    case 0:
      use(c, "bound: parameter");
      return [[], "n"];
    case 1: {
      use(c, "bound: local const");
      const k = name(c, "MAX");
      return [[`const ${k} = ${v};`], k];
    }
    case 2: {
      use(c, "bound: module const");
      const k = name(c, "LIMIT");
      c.top.push(`const ${k} = ${v};`);
      return [[], k];
    }
    case 3: {
      use(c, "bound: imported const");
      const k = name(c, "CAP");
      c.config.push(`export const ${k} = ${v};`);
      c.imports.add(`import { ${k} } from "./config";`);
      return [[], k];
    }
    case 4:
      use(c, "bound: literal");
      return [[], String(v)];
    default:
      use(c, "bound: items.length");
      return [[], "items.length"];
  }
}

/**
 * One call site: the statements that send a request and leave the reply's text in `text`.
 * `hist` is the block's history array (declared before the loop by the caller) or undefined.
 */
function callSite(c: Ctx, prompt: string, hist: string | undefined, reply: number): { before: string[]; call: string[] } {
  const model = `s${++c.sites}`;
  const before: string[] = [];
  const call: string[] = [];
  // What the request sends.
  let messages: string;
  if (hist) {
    call.push(`${hist}.push({ role: "user", content: ${prompt} });`);
    const shape = int(c.r, 7);
    if (shape === 1) {
      // Odd: a window that starts with the user's message (Anthropic's rule).
      const k = 1 + 2 * int(c.r, 3);
      use(c, "history: window slice(-k)");
      messages = `${hist}.slice(-${k})`;
    } else if (shape === 2) {
      use(c, "history: mapped copy");
      messages = `${hist}.map((m) => ({ role: m.role, content: m.content }))`;
    } else if (shape === 3) {
      use(c, "history: spread copy");
      messages = `[...${hist}]`;
    } else if (shape === 4) {
      use(c, "history: joined into one message");
      messages = `[{ role: "user" as const, content: ${hist}.map((m) => m.content).join("\\n") }]`;
    } else {
      use(c, "history: re-sent whole");
      messages = hist;
    }
  } else {
    messages = `[{ role: "user" as const, content: ${prompt} }]`;
  }
  const sdk = int(c.r, 8);
  let request: string;
  let textOf = "";
  if (sdk <= 2 || (sdk === 5 && !hist)) {
    use(c, "sdk: openai chat");
    c.imports.add(`import OpenAI from "openai";`);
    if (!c.top.includes("const client = new OpenAI();")) c.top.unshift("const client = new OpenAI();");
    request = `client.chat.completions.create({ model: "${model}", max_tokens: ${reply}, messages: MSGS })`;
    textOf = `r.choices[0].message.content ?? ""`;
  } else if (sdk === 3) {
    use(c, "sdk: anthropic");
    c.imports.add(`import Anthropic from "@anthropic-ai/sdk";`);
    if (!c.top.includes("const anthropic = new Anthropic();")) c.top.unshift("const anthropic = new Anthropic();");
    request = `anthropic.messages.create({ model: "${model}", max_tokens: ${reply}, messages: MSGS })`;
    textOf = `r.content[0].type === "text" ? r.content[0].text : ""`;
  } else if (sdk === 4 || sdk === 5) {
    use(c, "sdk: ai generateText");
    c.imports.add(`import { generateText, stepCountIs, tool, jsonSchema } from "ai";`);
    c.imports.add(`import { openai } from "@ai-sdk/openai";`);
    if (int(c.r, 2) === 0) {
      use(c, "sdk: ai generateText tools + stopWhen");
      const steps = 2 + int(c.r, 2);
      request = `generateText({ model: openai("${model}"), maxOutputTokens: ${reply}, messages: MSGS, tools: { lookup: tool({ description: "look up", inputSchema: jsonSchema({ type: "object", properties: { query: { type: "string" } } }), execute: async ({ query }: { query: string }) => query }) }, stopWhen: stepCountIs(${steps}) })`;
      // A step that called a tool has no text: the last reply is the last tool call's input.
      textOf = `String(r.steps[r.steps.length - 1]?.toolCalls[0]?.input?.query ?? r.text)`;
    } else {
      request = `generateText({ model: openai("${model}"), maxOutputTokens: ${reply}, messages: MSGS })`;
      textOf = `r.text`;
    }
  } else {
    // The Responses API: the conversation is kept server-side through previous_response_id.
    use(c, "sdk: openai responses + previous_response_id");
    c.imports.add(`import OpenAI from "openai";`);
    if (!c.top.includes("const client = new OpenAI();")) c.top.unshift("const client = new OpenAI();");
    const prev = name(c, "prev");
    // Module-level, so that a recursion's own function sees it too.
    c.top.push(`let ${prev}: string | undefined;`);
    call.length = 0;
    request = `client.responses.create({ model: "${model}", max_output_tokens: ${reply}, input: ${prompt}, previous_response_id: ${prev} })`;
    const rr = name(c, "rr");
    call.push(`const ${rr} = await ${request};`, `${prev} = ${rr}.id;`, `const text = ${rr}.output_text;`);
    return { before, call };
  }
  call.push(...wrap(c, request, textOf, messages));
  if (hist) {
    call.push(`${hist}.push({ role: "assistant", content: text });`);
  }
  return { before, call };
}

/**
 * The statements that send the request and leave the reply's text in `text`: in place, through a
 * local helper, or through a helper of llm.ts (which takes the messages).
 */
function wrap(c: Ctx, request: string, textOf: string, messages: string): string[] {
  const how = int(c.r, 4);
  if (how <= 1) {
    const r = name(c, "r");
    // Every other site called in place is wrapped in an async function called where it is written
    // (chosen by the site's number, so the seed's other draws are unchanged).
    if (how === 1 && c.sites % 2 === 0) {
      use(c, "call in an async function called in place");
      return [`const ${r} = await (async () => await ${request.replace("MSGS", messages)})();`, `const text = ${textOf.replace(/\br\b/g, r)};`];
    }
    use(c, "call in place");
    return [`const ${r} = await ${request.replace("MSGS", messages)};`, `const text = ${textOf.replace(/\br\b/g, r)};`];
  }
  const fn = name(c, "ask");
  const body = `async function ${fn}(msgs: ${MSG}[]): Promise<string> {\n  const r = await ${request.replace("MSGS", "msgs")};\n  return ${textOf};\n}`;
  if (how === 2) {
    use(c, "helper wraps the call");
    c.top.push(body);
    return [`const text = await ${fn}(${messages});`];
  }
  use(c, "helper in another module wraps the call");
  const header = [...c.imports].filter((i) => /openai"|anthropic-ai|"ai"|ai-sdk/.test(i));
  c.llm.push(...header.filter((h) => !c.llm.includes(h)));
  if (request.startsWith("client.") && !c.llm.includes("const client = new OpenAI();")) c.llm.push("const client = new OpenAI();");
  if (request.startsWith("anthropic.") && !c.llm.includes("const anthropic = new Anthropic();")) c.llm.push("const anthropic = new Anthropic();");
  c.llm.push(`export ${body}`);
  c.imports.add(`import { ${fn} } from "./llm";`);
  return [`const text = await ${fn}(${messages});`];
}

/** The statements of one round: the call, the DONE exit (when the shape needs one) and extras. */
function roundBody(site: { call: string[] }, exit: "break" | "return" | "none"): string[] {
  const out = [...site.call];
  if (exit !== "none") out.push(`if (text.includes("DONE")) ${exit};`);
  return out;
}

const indent = (lines: string[], by = "  "): string[] => lines.map((l) => by + l);

/** One block of `run`: a loop, a recursion or a fan-out around one call site. */
function block(c: Ctx, reply: number, outerItem: string | undefined): string[] {
  const hist = int(c.r, 3) === 0 ? undefined : name(c, "history");
  const kind = int(c.r, 100);
  const recursive = kind >= 28 && kind < 38;
  const prompt = outerItem && !recursive ? outerItem : pick(c.r, ["q", "items[0]"]);
  const decl = hist ? [`const ${hist}: ${MSG}[] = [];`] : [];
  const out: string[] = [];
  const site = callSite(c, prompt, hist, reply);
  out.push(...decl, ...site.before);
  const [pre, B] = bound(c);
  out.push(...pre);
  const i = name(c, "i");
  const histReset = hist && int(c.r, 6) === 0 ? (int(c.r, 2) ? `${hist}.length = 0;` : `${hist}.splice(0);`) : undefined;
  if (histReset) use(c, "history reset");
  const resetLine = histReset ? [`if (text.includes("AGAIN")) ${histReset}`] : [];
  if (kind < 14) {
    // Counted for loops.
    const op = pick(c.r, ["<", "<="]);
    use(c, `for ${op}`);
    const stepKind = int(c.r, 5);
    let step = `${i}++`;
    let extra: string[] = [];
    let exit: "break" | "none" = int(c.r, 3) === 0 ? "break" : "none";
    if (exit === "break") use(c, "early break");
    if (stepKind === 1) {
      const k = 2 + int(c.r, 2);
      use(c, "for: += k");
      step = `${i} += ${k}`;
    } else if (stepKind === 2) {
      use(c, "for: counter reset in the body");
      extra = [`if (text.includes("AGAIN")) ${i} = 0;`];
      exit = "break";
    } else if (stepKind === 3) {
      use(c, "for: counter stepped back in the body");
      extra = [`if (text.includes("AGAIN")) ${i}--;`];
      exit = "break";
    }
    out.push(`for (let ${i} = 0; ${i} ${op} ${B}; ${step}) {`, ...indent([...roundBody(site, exit), ...resetLine, ...extra]), `}`);
    return out;
  }
  if (kind < 22) {
    // for … of over items (with an inner counted loop sometimes).
    use(c, "for of items");
    const exit = int(c.r, 3) === 0 ? "break" : "none";
    if (exit === "break") use(c, "early break");
    out.push(`for (const item of items) {`, ...indent([...roundBody(site, exit).map((l) => l.replace(/\bq\b|items\[0\]/, "item")), ...resetLine]), `}`);
    return out;
  }
  if (kind < 28) {
    use(c, "Promise.all fan-out");
    const body = site.call.map((l) => l.replace(/\bq\b|items\[0\]/, "item"));
    out.push(`await Promise.all(items.map(async (item) => {`, ...indent(body), `}));`);
    return out;
  }
  if (recursive) {
    return [...out, ...recursion(c, site, B, hist)];
  }
  // Guarded while loops.
  const counterInObject = int(c.r, 4) === 0;
  const st = name(c, "st");
  const ctr = counterInObject ? `${st}.turn` : name(c, "c");
  const declCounter = counterInObject ? `${int(c.r, 3) === 0 ? "let" : "const"} ${st} = { turn: 0 };` : `let ${ctr} = 0;`;
  if (counterInObject) use(c, "while: counter in an object field");
  const stepOf = (): string[] => {
    switch (int(c.r, 8)) {
      case 0:
        use(c, "while: += k");
        return [`${ctr} += ${2 + int(c.r, 2)};`];
      case 1:
        use(c, "while: conditional step");
        return [`if (text.includes("GO")) ${ctr}++;`];
      case 2:
        use(c, "while: reset");
        return [`${ctr}++;`, `if (text.includes("AGAIN")) ${ctr} = 0;`];
      case 3:
        use(c, "while: continue before the step");
        return [`if (text.includes("AGAIN")) continue;`, `${ctr}++;`];
      case 4:
        if (counterInObject && declCounter.startsWith("let")) {
          use(c, "while: object replaced in the loop");
          return [`${ctr}++;`, `if (text.includes("AGAIN")) ${st} = { turn: 0 };`];
        }
        use(c, "while: net-zero step");
        return [`${ctr}++;`, `if (text.includes("AGAIN")) ${ctr} -= 1;`];
      default:
        use(c, "while: ++");
        return [`${ctr}++;`];
    }
  };
  const guardForm = int(c.r, 8);
  const body = roundBody(site, "break");
  if (guardForm <= 2) {
    // while (c < B): the guard in the condition.
    use(c, "while (c < B)");
    let limitDecl: string[] = [];
    let limit = B;
    let extra: string[] = [];
    if (int(c.r, 5) === 0) {
      use(c, "while: bound written in the loop");
      limit = name(c, "limit");
      limitDecl = [`let ${limit} = ${B};`];
      extra = [`if (text.includes("AGAIN")) ${limit}++;`];
    }
    out.push(declCounter, ...limitDecl, `while (${ctr} < ${limit}) {`, ...indent([...body, ...resetLine, ...stepOf(), ...extra]), `}`);
    return out;
  }
  if (guardForm === 3) {
    use(c, "do … while");
    out.push(declCounter, `do {`, ...indent([...body, ...resetLine, ...stepOf()]), `} while (${ctr} < ${B});`);
    return out;
  }
  if (guardForm === 4) {
    // let made in the loop.
    use(c, "while: let made in the loop");
    const t = name(c, "t");
    out.push(`while (true) {`, ...indent([`let ${t} = 0;`, ...body, `${t}++;`, `if (${t} >= ${B}) break;`]), `}`);
    return out;
  }
  // while (true) with a guard in the body: in place, in a local helper, in another module, or kept in a const.
  const where = int(c.r, 4);
  let test: string;
  let verdictBefore: string[] = [];
  if (where === 0) {
    use(c, "while (true): guard in place");
    test = `${ctr} >= ${B}`;
  } else if (where === 1 || where === 2) {
    const g = name(c, "exhausted");
    const fnText = `function ${g}(s: { turn: number }, max: number): boolean {\n  return s.turn >= max;\n}`;
    if (where === 1) {
      use(c, "while (true): guard in a helper");
      c.top.push(fnText);
    } else {
      use(c, "while (true): guard in another module");
      c.guard.push(`export ${fnText}`);
      c.imports.add(`import { ${g} } from "./guard";`);
    }
    if (!counterInObject) {
      // The helpers take an object: wrap the counter.
      return [...out, ...whileTrueObject(c, body, resetLine, B, g)];
    }
    test = `${g}(${st}, ${B})`;
  } else {
    use(c, "while (true): verdict in a const");
    const v = name(c, "over");
    verdictBefore = [`const ${v} = ${ctr} >= ${B};`];
    test = v;
  }
  out.push(declCounter, `while (true) {`, ...indent([...verdictBefore, ...body, ...resetLine, ...stepOf(), `if (${test}) break;`]), `}`);
  return out;
}

function whileTrueObject(c: Ctx, body: string[], resetLine: string[], B: string, g: string): string[] {
  const st = name(c, "state");
  const steps = int(c.r, 3);
  const step = steps === 0 ? [`if (text.includes("AGAIN")) continue;`, `${st}.turn++;`] : steps === 1 ? [`${st}.turn++;`, `if (text.includes("AGAIN")) ${st}.turn = 0;`] : [`${st}.turn++;`];
  if (steps === 0) use(c, "while: continue before the step");
  if (steps === 1) use(c, "while: reset");
  return [`const ${st} = { turn: 0 };`, `while (true) {`, ...indent([...body, ...resetLine, ...step, `if (${g}(${st}, ${B})) break;`]), `}`];
}

/** A recursion with a depth budget: direct, mutual, or a method; the step on the budget sound or not. */
function recursion(c: Ctx, site: { call: string[] }, B: string, hist: string | undefined): string[] {
  const f = name(c, "step");
  const histParam = hist ? `, ${hist}: ${MSG}[]` : "";
  const histArg = hist ? `, ${hist}` : "";
  const body = roundBody(site, "return");
  if (site.call.some((l) => l.includes("previous_response_id"))) use(c, "recursion: responses chain");
  const dec = int(c.r, 4);
  const next = dec === 0 ? `text.includes("AGAIN") ? depth : depth - 1` : dec === 1 ? `depth - (text.includes("GO") ? 1 : 0)` : "depth - 1";
  if (dec === 0) use(c, "recursion: budget kept on some rounds");
  if (dec === 1) use(c, "recursion: budget stepped only sometimes");
  const shape = int(c.r, 3);
  if (shape === 0) {
    use(c, "recursion: direct");
    c.top.push(`async function ${f}(depth: number, q: string, items: string[]${histParam}): Promise<void> {\n  if (depth <= 0) return;\n${indent(body).join("\n")}\n  await ${f}(${next}, q, items${histArg});\n}`);
    return [`await ${f}(${B}, q, items${histArg});`];
  }
  if (shape === 1) {
    use(c, "recursion: mutual");
    const g = name(c, "relay");
    c.top.push(`async function ${f}(depth: number, q: string, items: string[]${histParam}): Promise<void> {\n  if (depth <= 0) return;\n${indent(body).join("\n")}\n  await ${g}(${next}, q, items${histArg});\n}`);
    c.top.push(`async function ${g}(depth: number, q: string, items: string[]${histParam}): Promise<void> {\n  await ${f}(depth, q, items${histArg});\n}`);
    return [`await ${f}(${B}, q, items${histArg});`];
  }
  use(c, "recursion: method");
  const cls = name(c, "Agent");
  c.top.push(`class ${cls} {\n  constructor(private readonly q: string, private readonly items: string[]${hist ? `, private readonly ${hist}: ${MSG}[]` : ""}) {}\n  async ${f}(depth: number): Promise<void> {\n    if (depth <= 0) return;\n    const { q, items${hist ? `, ${hist}` : ""} } = this;\n${indent(body, "    ").join("\n")}\n    await this.${f}(${next});\n  }\n}`);
  return [`await new ${cls}(q, items${histArg}).${f}(${B});`];
}

export function generateProgram(seed: number, index: number): GeneratedProgram {
  const r = rng((seed * 1_000_003 + index * 7919) >>> 0);
  const c: Ctx = { r, ingredients: [], sites: 0, top: [], imports: new Set(), llm: [], guard: [], config: [], consts: new Map(), fresh: 0 };
  const reply = 6 + int(r, 5);
  const lines: string[] = [];
  const blocks = 1 + int(r, 2);
  for (let b = 0; b < blocks; b++) {
    if (int(r, 5) === 0) {
      // A block nested in a counted loop over the items.
      use(c, "nested in for of items");
      lines.push(`for (const item of items) {`, ...indent(block(c, reply, "item")), `}`);
    } else lines.push(...block(c, reply, undefined));
  }
  const main = [...c.imports, "", ...c.top, "", `export async function run(items: string[], n: number, q: string): Promise<void> {`, ...indent(lines), `}`, ""].join("\n");
  const files: Record<string, string> = { "main.ts": main };
  if (c.llm.length) files["llm.ts"] = c.llm.join("\n") + "\n";
  if (c.guard.length) files["guard.ts"] = c.guard.join("\n") + "\n";
  if (c.config.length) files["config.ts"] = c.config.join("\n") + "\n";
  return { seed, index, files, itemCount: 2 + int(r, 3), n: 2 + int(r, 3), size: 8 + int(r, 16), doneAfter: 14 + int(r, 6), reply, ingredients: c.ingredients };
}
