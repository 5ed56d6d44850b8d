// gemini-cli's chat history growth (issue 17, places 15 and 16): GeminiChat pushes each message and
// each answer into a history class it keeps in a field, and every request sends that history
// rebuilt through several helpers; the subagent's executor makes the chat before its turn loop and
// hands it, as a parameter, down to the method that sends. Written from that shape (the shared
// fixture): each turn re-sends every earlier one, so the input is quadratic in the turns.
import * as assert from "node:assert/strict";
import { costClass } from "../../src/core/report/costClass";
import { AGENT_CHAT_HISTORY, CONTENT_GENERATOR, HISTORY_HARDENING, clientChatModules, configModule, geminiChatModule, subagentChatModule } from "./fixtures/geminiGenerator";
import { memoryProject, sitesOf } from "./project";

const FILES: Record<string, string> = {
  "/p/contentGenerator.ts": CONTENT_GENERATOR,
  "/p/config.ts": configModule("./contentGenerator"),
  "/p/agentChatHistory.ts": AGENT_CHAT_HISTORY,
  "/p/historyHardening.ts": HISTORY_HARDENING,
  "/p/geminiChat.ts": geminiChatModule("./config"),
  "/p/local-executor.ts": subagentChatModule("./geminiChat", "./config"),
};

const CHAT = "@google/genai this.executeTurn() → this.callModel() → chat.sendMessageStream() → streamWithRetries.call() → this.makeApiCallAndProcessStream() → apiCall() → models.generateContentStream";

describe("gemini-cli's chat history: a field grown in one method, rebuilt and sent in another, the chat handed down as a parameter", () => {
  it("the subagent's turn loop re-sends the chat's history: quadratic in maxTurns (was linear in an opaque |finalContents|)", () => {
    const { project } = memoryProject(FILES);
    assert.deepEqual(sitesOf(project, "/p/local-executor.ts", ["api", "model", "calls", "input"]), [
      {
        line: 20,
        api: CHAT,
        model: "gemini-2.5-flash",
        calls: "O(maxTurns)",
        input: "O(maxTurns²·|response|·|chunk.text| + |apiHistoryOverride|·maxTurns·|apiHistoryOverride[]| + maxTurns²·|task| + maxTurns·|result.modifiedContents| + maxTurns·|scrubHistory()|)",
      },
    ]);
    const [turns] = project.analyze("/p/local-executor.ts").findings;
    assert.equal(costClass(turns!), "quadratic");
    // The message pushed before the request and the answer pushed after the stream (geminiChat.ts's lines).
    assert.deepEqual(turns!.facts, [
      { kind: "grows", symbol: "this.agentHistory", line: 14, loops: [], file: "/p/geminiChat.ts" },
      { kind: "grows", symbol: "this.agentHistory", line: 70, loops: [], file: "/p/geminiChat.ts" },
    ]);
  });

  it("the client's turns, each a new Turn around the chat it keeps in a field: quadratic in the questions (was linear in an opaque |finalContents|)", () => {
    const { turn, client } = clientChatModules("./geminiChat", "./config");
    const { project } = memoryProject({ ...FILES, "/p/turn.ts": turn, "/p/client.ts": client });
    assert.deepEqual(sitesOf(project, "/p/client.ts", ["api", "calls", "input"]), [
      {
        line: 18,
        api: "@google/genai client.sendMessageStream() → turn.run() → this.chat.sendMessageStream() → streamWithRetries.call() → this.makeApiCallAndProcessStream() → apiCall() → models.generateContentStream",
        calls: "Θ(|questions|)",
        input: "O(|questions|²·|response|·|chunk.text| + |apiHistoryOverride|·|questions|·|apiHistoryOverride[]| + |questions|²·|q| + |questions|·|result.modifiedContents| + |questions|·|scrubHistory()|)",
      },
    ]);
    assert.equal(costClass(project.analyze("/p/client.ts").findings[0]!), "quadratic");
  });

  it("a new instance handed another's state (new Turn(this.getChat(), id)) is not fresh: the earlier calls on what it wraps are its caller's to count", () => {
    const { project } = memoryProject({
      "/p/chat.ts": `import OpenAI from "openai";
const client = new OpenAI();
export class Chat {
  private history: { role: "user" | "assistant"; content: string }[] = [];
  async ask(q: string): Promise<string> {
    this.history.push({ role: "user", content: q });
    const r = await client.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 20, messages: this.history });
    return r.choices[0]!.message.content ?? "";
  }
}
export class Turn {
  constructor(private readonly chat: Chat, private readonly id: string) {}
  run(q: string) {
    return this.chat.ask(q);
  }
}
`,
      "/p/use.ts": `import { Chat, Turn } from "./chat";
async function wrapped(chat: Chat, q: string) {
  const turn = new Turn(chat, "t");
  return turn.run(q);
}
async function alone(q: string) {
  const turn = new Turn(new Chat(), "t");
  return turn.run(q);
}
export async function session(qs: string[]) {
  const chat = new Chat();
  for (const q of qs) await wrapped(chat, q);
  for (const q of qs) await alone(q);
}
`,
    });
    // alone's Turn is handed a Chat made in place: fresh, one call on it.
    assert.deepEqual(sitesOf(project, "/p/use.ts", ["calls", "input"]), [
      { line: 12, calls: "Θ(|qs|)", input: "O(|qs|²·|q|)" },
      { line: 13, calls: "Θ(|qs|)", input: "O(|qs|·|q|)" },
    ]);
  });

  it("inside the chat, the request holds calls[GeminiChat] turns of the history, through each rebuild", () => {
    const { project } = memoryProject(FILES);
    assert.deepEqual(sitesOf(project, "/p/geminiChat.ts", ["input"])[0], { line: 19, input: "O(|response|·calls[GeminiChat]·|chunk.text| + |apiHistoryOverride|·|apiHistoryOverride[]| + calls[GeminiChat]·|message| + |result.modifiedContents| + |scrubHistory()|)" });
  });

  it("a method of a history-keeping class called on a parameter: the caller counts the earlier calls on its instance (a fresh one made in the callee starts empty)", () => {
    const { project } = memoryProject({
      "/p/chat.ts": `import OpenAI from "openai";
const client = new OpenAI();
export class Chat {
  private history: { role: "user" | "assistant"; content: string }[] = [];
  async ask(q: string): Promise<string> {
    this.history.push({ role: "user", content: q });
    const r = await client.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 20, messages: this.history });
    return r.choices[0]!.message.content ?? "";
  }
}
`,
      "/p/use.ts": `import { Chat } from "./chat";
async function turn(chat: Chat, q: string) {
  return chat.ask(q);
}
async function once(q: string) {
  const chat = new Chat();
  return chat.ask(q);
}
export async function session(qs: string[]) {
  const chat = new Chat();
  for (const q of qs) await turn(chat, q);
  for (const q of qs) await once(q);
}
`,
    });
    assert.deepEqual(sitesOf(project, "/p/use.ts", ["calls", "input"]), [
      { line: 11, calls: "Θ(|qs|)", input: "O(|qs|²·|q|)" },
      { line: 12, calls: "Θ(|qs|)", input: "O(|qs|·|q|)" },
    ]);
  });

  it("a function declared to return its parameter's array type is a rebuild: its argument and what it adds; another result type is not", () => {
    const { project } = memoryProject({
      "/p/rebuild.ts": `export type Turn = { role: string; text: string };
export function merged(history: readonly Turn[]): Turn[] {
  const out: Turn[] = [];
  for (const t of history) {
    const last = out[out.length - 1];
    if (last && last.role === t.role) out[out.length - 1] = { role: t.role, text: last.text + t.text };
    else out.push({ ...t });
  }
  return out;
}
export function titles(history: readonly Turn[]): string[] {
  const out: string[] = [];
  for (const t of history) out[out.length] = t.text.slice(0, 10);
  return out;
}
`,
      "/p/chat.ts": `import OpenAI from "openai";
import { merged, titles, type Turn } from "./rebuild";
const client = new OpenAI();
async function send(history: Turn[]) {
  await client.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 20, messages: [{ role: "user", content: JSON.stringify(merged(history)) }] });
}
async function sendTitles(history: Turn[]) {
  await client.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 20, messages: [{ role: "user", content: JSON.stringify(titles(history)) }] });
}
export async function chat(questions: string[]) {
  const history: Turn[] = [];
  for (const q of questions) {
    history.push({ role: "user", text: q });
    await send(history);
    await sendTitles(history);
  }
}
`,
    });
    // send's request holds its parameter rebuilt (was |merged()| alone): the caller's growing history reaches it.
    assert.deepEqual(sitesOf(project, "/p/chat.ts", ["input"]), [
      { line: 5, input: "O(|history|·|history[]| + |merged()|)" },
      { line: 8, input: "Θ(|titles()|)" },
      { line: 14, input: "O(|questions|²·|q| + |questions|·|merged()|)" },
      { line: 15, input: "Θ(|questions|·|titles()|)" },
    ]);
    const merged = project.analyze("/p/chat.ts").findings[0]!.symbols.find((x) => x.name === "|merged()|");
    assert.equal(merged?.origin, "what merged(history) adds to the elements it converts");
  });
});
