// gemini-cli's message bus dispatches by the message's type (issue 17, place 16): `publish` asks the
// policy engine (whose safety checker sends a request) only for a confirmation request; the
// scheduler's state updates publish another type and reach no request. Written from the shape of
// `message-bus.ts:104` and `state-manager.ts:253`: a test of the parameter's `type` against an enum's
// member, a call handing an object literal whose `type` is another member.
import * as assert from "node:assert/strict";
import { memoryProject, sitesOf } from "./project";

const TYPES = `export enum BusType {
  CONFIRMATION_REQUEST = "confirmation-request",
  CALLS_UPDATE = "calls-update",
}
export type Message = { type: BusType.CONFIRMATION_REQUEST; call: string } | { type: BusType.CALLS_UPDATE; calls: string[] };
`;

const POLICY = `import { GoogleGenAI } from "@google/genai";
const safety = new GoogleGenAI({ apiKey: "k" }).models;
export class PolicyEngine {
  async check(call: string): Promise<string> {
    const r = await safety.generateContent({ model: "gemini-2.5-flash", contents: [call] });
    return r.text ?? "deny";
  }
}
`;

const BUS = `import { PolicyEngine } from "./policy";
import { BusType, type Message } from "./types";
export class MessageBus {
  constructor(private readonly policyEngine: PolicyEngine) {}
  async publish(message: Message): Promise<void> {
    if (message.type === BusType.CONFIRMATION_REQUEST) {
      await this.policyEngine.check(message.call);
    } else {
      this.emit(message);
    }
  }
  private emit(message: Message): void {
    console.log(message.type);
  }
}
`;

const STATE = `import { MessageBus } from "./bus";
import { BusType } from "./types";
export class StateManager {
  private readonly calls: string[] = [];
  constructor(private readonly messageBus: MessageBus) {}
  updateStatus(call: string): void {
    this.calls.push(call);
    this.emitUpdate();
  }
  private emitUpdate(): void {
    void this.messageBus.publish({ type: BusType.CALLS_UPDATE, calls: [...this.calls] });
  }
}
`;

const SCHEDULER = `import { MessageBus } from "./bus";
import { StateManager } from "./state";
import { BusType, type Message } from "./types";
export class Scheduler {
  constructor(private readonly state: StateManager, private readonly messageBus: MessageBus) {}
  async schedule(calls: string[]): Promise<void> {
    for (const call of calls) {
      await this.messageBus.publish({ type: BusType.CONFIRMATION_REQUEST, call });
      this.state.updateStatus(call);
    }
  }
  async forward(messages: Message[]): Promise<void> {
    for (const m of messages) await this.messageBus.publish(m);
  }
}
`;

const FILES: Record<string, string> = { "/p/types.ts": TYPES, "/p/policy.ts": POLICY, "/p/bus.ts": BUS, "/p/state.ts": STATE, "/p/scheduler.ts": SCHEDULER };
const CHECK = "@google/genai this.messageBus.publish() → this.policyEngine.check() → models.generateContent";
const CONFIRMED = { line: 8, api: CHECK, calls: "O(|calls|)", input: "O(|calls|·|message.call|)" };
const FORWARDED = { line: 13, api: CHECK, calls: "O(|messages|)", input: "O(|messages|·|message.call|)" };

describe("gemini-cli's message bus: a publish reaches the policy check only for the type it tests", () => {
  it("a state update publishing another type of message makes no request; the confirmation request and a message not read keep theirs", () => {
    const { project } = memoryProject(FILES);
    assert.deepEqual(sitesOf(project, "/p/scheduler.ts", ["api", "calls", "input"]), [CONFIRMED, FORWARDED]);
  });

  it("an early return on another type guards what follows it, as the branch does", () => {
    const early = BUS.replace("if (message.type === BusType.CONFIRMATION_REQUEST) {\n      await this.policyEngine.check(message.call);\n    } else {\n      this.emit(message);\n    }", "if (BusType.CONFIRMATION_REQUEST !== message.type) return this.emit(message);\n    await this.policyEngine.check(message.call);");
    assert.notEqual(early, BUS);
    const { project } = memoryProject({ ...FILES, "/p/bus.ts": early });
    assert.deepEqual(sitesOf(project, "/p/scheduler.ts", ["api"]), [{ line: 8, api: CHECK }, { line: 13, api: CHECK }]);
  });

  it("a type that cannot be read keeps the request: a spread after it, a variable, a bus that rewrites the type, a check outside the test", () => {
    const update = { line: 9, api: "@google/genai this.state.updateStatus() → this.emitUpdate() → this.messageBus.publish() → this.policyEngine.check() → models.generateContent", calls: "O(|calls|)", input: "O(|calls|·|message.call|)" };
    const variants: [string, Record<string, string>][] = [
      ["a spread after the type", { "/p/state.ts": STATE.replace("calls: [...this.calls] }", "...this.last }").replace("private readonly calls", "private last: Message = { type: BusType.CONFIRMATION_REQUEST, call: \"\" };\n  private readonly calls").replace('import { BusType } from "./types";', 'import { BusType, type Message } from "./types";') }],
      ["a variable", { "/p/state.ts": STATE.replace("void this.messageBus.publish({ type: BusType.CALLS_UPDATE, calls: [...this.calls] });", "const update: Message = { type: BusType.CALLS_UPDATE, calls: [...this.calls] };\n    void this.messageBus.publish(update);").replace('import { BusType } from "./types";', 'import { BusType, type Message } from "./types";') }],
      ["a rewritten type", { "/p/bus.ts": BUS.replace("async publish(message: Message): Promise<void> {", "async publish(message: Message): Promise<void> {\n    if (!message.type) message.type = BusType.CONFIRMATION_REQUEST;") }],
      ["a check outside the test", { "/p/bus.ts": BUS.replace("      this.emit(message);", "      this.emit(message);\n      await this.policyEngine.check(\"update\");") }],
    ];
    for (const [what, files] of variants) {
      const { project } = memoryProject({ ...FILES, ...files });
      const api = what === "a check outside the test" ? update.api.replace("this.policyEngine.check() → models.generateContent", "2 LLM call sites") : update.api;
      assert.deepEqual(sitesOf(project, "/p/scheduler.ts", ["api", "calls", "input"])[1], { ...update, api }, what);
    }
  });

  it("a bus that may change the type before the test keeps the request: an alias, a helper, Object.assign, a for-of head, a loose ==, a handler that rewrites it and publishes again", () => {
    const update = { line: 9, api: "@google/genai this.state.updateStatus() → this.emitUpdate() → this.messageBus.publish() → this.policyEngine.check() → models.generateContent", calls: "O(|calls|)", input: "O(|calls|·|message.call|)" };
    const publish = "async publish(message: Message): Promise<void> {";
    const helper = "\nfunction normalize(m: Message): void { m.type = BusType.CONFIRMATION_REQUEST; }\n";
    const variants: [string, string][] = [
      ["an alias", BUS.replace(publish, `${publish}\n    const m = message;\n    m.type = BusType.CONFIRMATION_REQUEST;`)],
      ["a helper", BUS.replace(publish, `${publish}\n    normalize(message);`) + helper],
      ["Object.assign", BUS.replace(publish, `${publish}\n    Object.assign(message, { type: BusType.CONFIRMATION_REQUEST });`)],
      ["a for-of head", BUS.replace(publish, `${publish}\n    for (message of [message, { type: BusType.CONFIRMATION_REQUEST, call: "" } as Message]) {`).replace("      this.emit(message);\n    }", "      this.emit(message);\n    }\n    }")],
      ["a loose ==", BUS.replace("message.type === BusType", "message.type == BusType")],
      ["a handler that rewrites it and publishes again", BUS.replace("console.log(message.type);", "message.type = BusType.CONFIRMATION_REQUEST;\n    void this.publish(message);")],
    ];
    for (const [what, bus] of variants) {
      assert.notEqual(bus, BUS, what);
      const { project } = memoryProject({ ...FILES, "/p/bus.ts": bus });
      // The handler publishing again is a recursion not read: unknown, with both of the bus's sites.
      const kept = what.startsWith("a handler") ? { ...update, api: update.api.replace("this.policyEngine.check() → models.generateContent", "2 LLM call sites"), calls: "unknown", input: "unknown" } : update;
      assert.deepEqual(sitesOf(project, "/p/scheduler.ts", ["api", "calls", "input"])[1], kept, what);
    }
  });
});
