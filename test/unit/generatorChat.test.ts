// gemini-cli's chat shape (issue 17): the request is sent from a closure handed to a retry helper,
// inside an async generator the chat method returns (`stream.call(this)`), and the history lives in
// a small class of its own whose `push` grows it and whose `get()` returns it. Written from that
// description: five modules and a client whose turn loop must see the history grow.
import * as assert from "node:assert/strict";
import { costClass } from "../../src/core/report/costClass";
import { CONTENT_GENERATOR, configModule } from "./fixtures/geminiGenerator";
import { memoryProject, sitesOf } from "./project";

const FILES: Record<string, string> = {
  "/p/contentGenerator.ts": CONTENT_GENERATOR,
  "/p/config.ts": configModule("./contentGenerator"),
  "/p/retry.ts": `export async function retryWithBackoff<T>(fn: () => Promise<T>, maxAttempts: number): Promise<T> {
  let lastError: unknown;
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    try {
      return await fn();
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}
`,
  "/p/turns.ts": `import type { Content } from "@google/genai";
export class ChatTurns {
  private turns: Content[] = [];
  push(turn: Content) {
    this.turns.push(turn);
  }
  get(): readonly Content[] {
    return this.turns;
  }
}
`,
  "/p/chat.ts": `import type { Content } from "@google/genai";
import type { Config } from "./config";
import { retryWithBackoff } from "./retry";
import { ChatTurns } from "./turns";
export class Chat {
  private readonly turns = new ChatTurns();
  constructor(readonly config: Config) {}
  async sendMessageStream(message: string): Promise<AsyncGenerator<string>> {
    this.turns.push({ role: "user", parts: [{ text: message }] });
    const requestContents = this.getHistory();
    const withRetries = async function* (this: Chat): AsyncGenerator<string> {
      const stream = await this.makeApiCall(requestContents);
      for await (const chunk of stream) yield chunk;
    };
    return withRetries.call(this);
  }
  getHistory(): Content[] {
    return [...this.turns.get()];
  }
  private async makeApiCall(contents: Content[]): Promise<AsyncGenerator<string>> {
    const apiCall = async () => this.config.getContentGenerator().generateContentStream({ model: "gemini-2.5-flash", contents });
    const response = await retryWithBackoff(apiCall, 3);
    return this.collect(response);
  }
  private async *collect(response: AsyncGenerator<{ text: string }>): AsyncGenerator<string> {
    let text = "";
    for await (const chunk of response) {
      text += chunk.text;
      yield chunk.text;
    }
    this.turns.push({ role: "model", parts: [{ text }] });
  }
}
`,
  "/p/client.ts": `import { Config } from "./config";
import { Chat } from "./chat";
export class Client {
  private readonly chat: Chat;
  constructor(apiKey: string) {
    this.chat = new Chat(new Config(apiKey));
  }
  async *sendMessageStream(message: string): AsyncGenerator<string> {
    const stream = await this.chat.sendMessageStream(message);
    yield* stream;
  }
}
export async function runNonInteractive(client: Client, questions: string[]) {
  const answers: string[] = [];
  for (const q of questions) {
    let answer = "";
    for await (const text of client.sendMessageStream(q)) answer += text;
    answers.push(answer);
  }
  return answers;
}
`,
};

describe("gemini-cli's chat shape: a closure passed to a retry helper, an async generator, a history class", () => {
  it("the client's turn loop sees the history the chat keeps grow: quadratic in the questions", () => {
    const { project } = memoryProject(FILES);
    assert.deepEqual(sitesOf(project, "/p/client.ts", ["api", "model", "calls", "input", "growth"]), [
      {
        line: 17,
        api: "@google/genai client.sendMessageStream() → this.chat.sendMessageStream() → withRetries.call() → this.makeApiCall() → apiCall() → models.generateContentStream",
        model: "gemini-2.5-flash",
        calls: "Θ(|questions|)",
        input: "O(|questions|²·|response|·|chunk.text| + |questions|²·|q|)",
        growth: "constant",
      },
    ]);
    const [site] = project.analyze("/p/client.ts").findings;
    assert.equal(costClass(site!), "quadratic");
    const why = site!.explanation.join("\n");
    // Each earlier call of the client's method made one of the chat's: calls[Client] of them.
    assert.ok(why.includes("here |message| = |q|, calls[Client] = |questions|"), why);
  });

  it("the chat's method counts the closure's request once, and says the helper runs it", () => {
    const { project } = memoryProject(FILES);
    // Only the SDK call itself is a site in chat.ts (no loop there); the summary of makeApiCall holds the closure's request.
    assert.deepEqual(sitesOf(project, "/p/chat.ts", ["calls", "input"]), [{ line: 21, calls: "Θ(1)", input: "Θ(|contents|·|contents[]|)" }]);
    const loop = `import { Chat } from "./chat";\nexport async function each(chat: Chat, qs: string[]) {\n  for (const q of qs) await chat.sendMessageStream(q);\n}\n`;
    const { project: p2 } = memoryProject({ ...FILES, "/p/each.ts": loop });
    const [site] = p2.analyze("/p/each.ts").findings;
    assert.ok(site, "a loop over the chat's method is a site");
    const why = site!.explanation.join("\n");
    assert.ok(why.includes("apiCall is passed to retryWithBackoff(), which runs it: counted once (it runs at least once; a retry may run it again)"), why);
    assert.deepEqual(sitesOf(p2, "/p/each.ts", ["api", "calls", "input"]), [
      { line: 3, api: "@google/genai chat.sendMessageStream() → withRetries.call() → this.makeApiCall() → apiCall() → models.generateContentStream", calls: "Θ(|qs|)", input: "O(|qs|²·|response|·|chunk.text| + |qs|²·|q|)" },
    ]);
  });

  it("f.call(this, …) runs f when f declares this first or takes nothing; a closure passed to a project function runs once there, with its own parameters", () => {
    const { project } = memoryProject({
      "/p/bot.ts": `import OpenAI from "openai";
const client = new OpenAI();
async function ask(q: string) {
  return client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: q }] });
}
const askThis = async function (this: Bot, q: string) {
  return client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: this.prefix + q }] });
};
export class Bot {
  prefix = "Answer briefly: ";
  async each(qs: string[]) {
    for (const q of qs) await askThis.call(this, q);
    for (const q of qs) await ask.call(undefined, q);
  }
  async retried(qs: string[], report: (f: unknown) => void) {
    for (const q of qs) {
      const attempt = async (n: number) => client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: q.repeat(n) }] });
      await retry(attempt);
      report(attempt);
    }
  }
}
async function retry(f: (n: number) => Promise<unknown>) {
  return f(1);
}
`,
    });
    assert.deepEqual(sitesOf(project, "/p/bot.ts", ["api", "calls", "input"]), [
      { line: 4, api: "openai chat.completions.create", calls: "Θ(1)", input: "Θ(|q|)" },
      { line: 7, api: "openai chat.completions.create", calls: "Θ(1)", input: "Θ(|prefix| + |q|)" },
      // askThis declares \`this\` first: its q is the call's second argument. ask.call(undefined, q) (line 13) is not followed.
      { line: 12, api: "openai askThis.call() → chat.completions.create", calls: "Θ(|qs|)", input: "Θ(|qs|·|prefix| + |qs|·|q|)" },
      { line: 17, api: "openai chat.completions.create", calls: "Θ(1)", input: "Θ(|q.repeat()|)" },
      // attempt is handed to retry, a function of the project: once per iteration, its n left to retry.
      // Handed to report, a parameter (no function of the project), it is not taken to run.
      { line: 18, api: "openai attempt() → chat.completions.create", calls: "Θ(|qs|)", input: "Θ(|qs|·|q.repeat()|)" },
    ]);
  });
});


describe("a history passed through another module's function that returns a copy of it (gemini-cli's extractCuratedHistory)", () => {
  it("filter, a spread and structuredClone of a parameter carry its size to the caller's request: quadratic in the turns", () => {
    const { project } = memoryProject({
      "/p/history.ts": `export type Turn = { role: "user" | "assistant"; content: string };
export function curated(history: Turn[]): Turn[] {
  return history.filter((t) => t.content.length > 0);
}
export const spread = (history: Turn[]) => [...history];
export function cloned(history: Turn[]) {
  const copy = structuredClone(history);
  return copy;
}
`,
      "/p/chat.ts": `import OpenAI from "openai";
import { curated, spread, cloned, type Turn } from "./history";
const client = new OpenAI();
export async function chat(questions: string[]) {
  const history: Turn[] = [];
  for (const q of questions) {
    history.push({ role: "user", content: q });
    await client.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 20, messages: curated(history) });
    await client.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 20, messages: spread(history) });
    await client.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 20, messages: cloned(history) });
  }
}
`,
    });
    assert.deepEqual(sitesOf(project, "/p/chat.ts", ["input", "growth"]), [
      { line: 8, input: "O(|questions|²·|q|)", growth: "constant" },
      { line: 9, input: "O(|questions|²·|q|)", growth: "constant" },
      { line: 10, input: "O(|questions|²·|q|)", growth: "constant" },
    ]);
  });
});
