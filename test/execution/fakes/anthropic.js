// Fake of `@anthropic-ai/sdk`: messages.create({model, max_tokens, system, messages}).
import { sendToHost, textsOf, fakeId } from "./runtime.js";

class Messages {
  async create(params) {
    if (typeof params.max_tokens !== "number") throw new Error("fake Anthropic: max_tokens is required");
    // As the API answers 400: a conversation starts with a user turn (a trimmed history must too).
    if (params.messages?.[0]?.role !== "user") throw new Error('fake Anthropic: 400 messages: first message must use the "user" role');
    const reply = await sendToHost({
      sdk: "@anthropic-ai/sdk",
      api: "messages.create",
      model: params.model,
      prompt: [...textsOf(params.system), ...textsOf(params.messages)],
      maxTokens: params.max_tokens,
    });
    return {
      id: fakeId("msg"),
      type: "message",
      role: "assistant",
      model: params.model,
      content: [{ type: "text", text: reply.text }],
      stop_reason: reply.truncated ? "max_tokens" : "end_turn",
      stop_sequence: null,
      usage: { input_tokens: reply.inputTokens, output_tokens: reply.outputTokens },
    };
  }
}

// Managed Agents (0.120.0 `beta.agents.create`, `beta.sessions.create`, `beta.sessions.events.send`): the server keeps
// a session's events and runs its agent's turn on all of them whenever an event is sent. The fake agent, made with
// tools, uses one on each of its first TURN_TOOL_USES requests (the model's reply is the tool use; TOOL_RESULT, run
// on the server, joins the session after it), then answers: TURN_TOOL_USES + 1 requests a turn. Without tools it
// answers at once.
export const TURN_TOOL_USES = 2;
export const TOOL_RESULT = "The sandbox ran the command and printed the working directory path.";

class ManagedAgents {
  constructor(registry) {
    this.registry = registry;
  }
  async create(params) {
    const agent = { id: fakeId("agent"), model: params.model, tools: params.tools ?? [] };
    this.registry.set(agent.id, agent);
    return agent;
  }
}

class SessionEvents {
  constructor(agents, sessions) {
    this.agents = agents;
    this.sessions = sessions;
  }
  async send(sessionId, params) {
    const session = this.sessions.get(sessionId);
    if (!session) throw new Error(`fake Anthropic: no session ${sessionId}`);
    const agent = this.agents.get(session.agent);
    session.texts.push(...textsOf(params.events));
    const toolUses = agent.tools.length ? TURN_TOOL_USES : 0;
    for (let request = 0; request <= toolUses; request++) {
      const reply = await sendToHost({ sdk: "@anthropic-ai/sdk", api: "beta.sessions.events.send", model: agent.model, prompt: session.texts.slice() });
      session.texts.push(reply.text);
      if (request < toolUses) session.texts.push(TOOL_RESULT);
    }
    return { data: [] };
  }
}

class Sessions {
  constructor(agents) {
    this.store = new Map();
    this.events = new SessionEvents(agents, this.store);
  }
  async create(params) {
    const session = { id: fakeId("sesn"), agent: params.agent, texts: [] };
    this.store.set(session.id, session);
    return { id: session.id };
  }
}

export class Anthropic {
  constructor(options = {}) {
    this.apiKey = options.apiKey ?? "sk-ant-fake";
    this.messages = new Messages();
    const agents = new Map();
    this.beta = { agents: new ManagedAgents(agents), sessions: new Sessions(agents) };
  }
}

export default Anthropic;
