// A history field's starting content set outside the method that sends it (found by the runner3 helper): a
// constructor's `this.steps = [{ role: "user", content: q }]` was left out of what `create({ messages: this.steps })`
// sends, so the input was sized as the answers alone (an under-count). What the field may start with is the
// declaration's value and every assignment of the class (the sending method's own reset too), each sized where it is written.
import * as assert from "node:assert/strict";
import { memoryProject, sitesOf } from "./project";

function chat(start: { field?: string; ctor?: string; init?: string; run?: string }): string {
  return `import OpenAI from "openai";
const client = new OpenAI();
type Message = { role: "user" | "assistant"; content: string };
export class Chat {
  steps: Message[]${start.field ?? ""};
  constructor(q: string) {
    ${start.ctor ?? ""}
  }
  init(sys: string): void {
    ${start.init ?? ""}
  }
  async run(): Promise<void> {
    ${start.run ?? ""}
    for (let i = 0; i < 6; i++) {
      const r = await client.chat.completions.create({ model: "gpt-4o", max_tokens: 30, messages: this.steps });
      this.steps.push({ role: "assistant", content: r.choices[0].message.content ?? "" });
    }
  }
}
`;
}

function input(source: string): unknown {
  const { project } = memoryProject({ "/p/chat.ts": source });
  return sitesOf(project, "/p/chat.ts", ["input"]);
}

describe("a history field's starting content set in the constructor or another method", () => {
  it("the constructor sets the field from its parameter: |q| with each request (was the answers alone, O(calls[Chat]))", () => {
    assert.deepEqual(input(chat({ ctor: `this.steps = [{ role: "user", content: q }];` })), [{ line: 15, input: "O(calls[Chat] + |q|)" }]);
  });

  it("a field initialiser and a constructor assignment: both counted (whichever ran last)", () => {
    assert.deepEqual(input(chat({ field: ` = [{ role: "user", content: "You are a careful reviewer of code." }]`, ctor: `this.steps = [{ role: "user", content: q }];` })), [{ line: 15, input: "O(calls[Chat] + |q|)" }]);
  });

  it("another method sets it (init(sys) before the loop runs): |sys| counted", () => {
    assert.deepEqual(input(chat({ field: " = []", init: `this.steps = [{ role: "user", content: sys }];` })), [{ line: 15, input: "O(calls[Chat] + |sys|)" }]);
  });

  it("a field initialiser alone stays as it was; a reset in the sending method itself is counted (was 0, the start left out)", () => {
    assert.deepEqual(input(chat({ field: " = []" })), [{ line: 15, input: "O(calls[Chat])" }]);
    assert.deepEqual(input(chat({ field: " = []", run: `this.steps = [{ role: "user", content: "Go on." }];` })), [{ line: 15, input: "Θ(1)" }]);
  });
});
