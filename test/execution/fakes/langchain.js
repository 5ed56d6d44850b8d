// Fake of `langchain`'s createAgent({ model, tools, systemPrompt, middleware }) (and of
// `@langchain/langgraph/prebuilt`'s createReactAgent({ llm, tools, prompt })): an agent without
// tools answers in one model call, sent the system prompt and the messages; it answers the
// messages with the reply appended (invoke), or streams that run's events (streamEvents).
// Its tools are its own and its middleware's (langchain 1.5.5 joins them: createMiddleware({ tools }),
// todoListMiddleware's write_todos). With tools, the graph's loop as LangGraph runs it: the model node and the tools node alternate,
// each a superstep, and a run that needs more than `recursionLimit` supersteps (25 by default)
// throws GraphRecursionError. The fake model always calls the first tool (its reply is the call),
// so a run lasts until a limit stops it (`withConfig` sets the calls' default config); `modelCallLimitMiddleware({ runLimit })` ends the run
// before a model call once runLimit calls were made in it (`context.runLimit` replaces it). A checkpointer (`new MemorySaver()`)
// keeps each configurable.thread_id's messages between runs.
import { AIMessage, ToolMessage } from "./langchain-messages.js";
import { ChatOpenAI, chatTexts } from "./langchain-openai.js";
import { sendToHost, textsOf } from "./runtime.js";

export class GraphRecursionError extends Error {}

export function modelCallLimitMiddleware(options) {
  return { name: "ModelCallLimitMiddleware", runLimit: options?.runLimit, exitBehavior: options?.exitBehavior ?? "end" };
}

/** A structured answer asked for as a tool call; a failed parse goes back to the model node unless handleError is false. */
export function toolStrategy(schema, options) {
  return { strategy: "tool", schema, handleError: options?.handleError };
}

/**
 * langchain 1.5.5 `agents/middleware/llmToolSelector.ts`: before each model call that offers tools, the agent's model (here) is
 * asked which tools to offer, sent the selector's system prompt (and maxTools' note) and the last user message.
 */
export function llmToolSelectorMiddleware(options = {}) {
  const note = options.maxTools === undefined ? "" : `\nIMPORTANT: List the tool names in order of relevance, with the most relevant first. If you exceed the maximum number of tools, only the first ${options.maxTools} will be used.`;
  return { name: "LLMToolSelector", selectionPrompt: (options.systemPrompt ?? "Your goal is to select the most relevant tools for answering the user's query.") + note };
}

export function tool(fn, fields) {
  return { name: fields?.name, invoke: fn };
}

/** `@langchain/langgraph`'s in-memory checkpointer: a thread's state, by configurable.thread_id. */
export class MemorySaver {
  threads = new Map();
}

function agent(model, tools, system, middleware = [], defaults = {}, responseFormat, checkpointer) {
  const modelId = typeof model === "string" ? model.slice(model.indexOf(":") + 1) : model.model;
  const maxTokens = typeof model === "string" ? undefined : model.maxTokens;
  const limit = middleware.find((m) => m?.name === "ModelCallLimitMiddleware");
  const selector = middleware.find((m) => m?.name === "LLMToolSelector");
  // With a checkpointer, a run on a thread continues its messages (the messages reducer appends the new ones) and keeps them.
  const run = async (input, api, config = {}) => {
    const thread = checkpointer && config.configurable?.thread_id;
    const state = thread === undefined ? input : { ...input, messages: [...(checkpointer.threads.get(thread) ?? []), ...input.messages] };
    const out = await runOn(state, api, config);
    if (thread !== undefined) checkpointer.threads.set(thread, out.messages);
    return out;
  };
  const runOn = async (state, api, config) => {
    const messages = [...state.messages];
    const lastUser = () => [...messages].reverse().find((m) => !(m instanceof AIMessage) && !(m instanceof ToolMessage));
    const ask = async () => {
      if (selector && tools?.length) await sendToHost({ sdk: "@langchain", api, model: modelId, prompt: [selector.selectionPrompt, ...chatTexts([lastUser()])] });
      return sendToHost({ sdk: "@langchain", api, model: modelId, prompt: [...textsOf(system), ...chatTexts(messages)], maxTokens });
    };
    const recursionLimit = config.recursionLimit ?? 25;
    // langchain 1.5.5 AgentNode: the fake model's answer is the structured call, parsed by the schema; a failure is
    // answered with a ToolMessage of the error and a Command back to the model node (a superstep each).
    if (responseFormat?.strategy === "tool" && !tools?.length) {
      for (let supersteps = 1; ; supersteps++) {
        if (supersteps > recursionLimit) throw new GraphRecursionError(`Recursion limit of ${recursionLimit} reached without hitting a stop condition.`);
        const answer = (await ask()).text;
        messages.push(new AIMessage(answer));
        try {
          return { ...state, messages, structuredResponse: responseFormat.schema.parse(answer) };
        } catch (err) {
          if (responseFormat.handleError === false) throw err;
          messages.push(new ToolMessage(String(err.message)));
        }
      }
    }
    if (!tools?.length) {
      messages.push(new AIMessage((await ask()).text));
      return { ...state, messages };
    }
    const runLimit = config.context?.runLimit ?? limit?.runLimit;
    let supersteps = 0;
    let calls = 0;
    const superstep = () => {
      if (++supersteps > recursionLimit) throw new GraphRecursionError(`Recursion limit of ${recursionLimit} reached without hitting a stop condition.`);
    };
    for (;;) {
      if (runLimit !== undefined && calls >= runLimit) {
        if (limit?.exitBehavior === "error") throw new Error(`Model call limits exceeded: run limit (${runLimit})`);
        return { ...state, messages };
      }
      superstep();
      calls++;
      messages.push(new AIMessage((await ask()).text));
      superstep();
      messages.push(new ToolMessage(String((await tools[0].invoke({ query: messages[messages.length - 1].content })) ?? "")));
    }
  };
  // langchain's mergeConfigs: a key the call gives (not undefined) wins over withConfig's.
  const merged = (config = {}) => ({ ...defaults, ...Object.fromEntries(Object.entries(config).filter(([, v]) => v !== undefined)) });
  return {
    invoke: (state, config) => run(state, "invoke", merged(config)),
    // A new agent whose config is the default of each call's (langchain 1.5.5 ReactAgent.withConfig).
    withConfig: (config) => agent(model, tools, system, middleware, merged(config), responseFormat, checkpointer),
    // The same run, as a stream of events: one "on_chat_model_end" event carrying the reply, then the output.
    async streamEvents(state, config) {
      const out = await run(state, "streamEvents", merged(config));
      const reply = out.messages[out.messages.length - 1];
      return (async function* () {
        yield { event: "on_chat_model_end", data: { output: reply } };
        yield { event: "on_chain_end", data: { output: out } };
      })();
    },
  };
}

export function createAgent(config) {
  const tools = [...(config.tools ?? []), ...(config.middleware ?? []).flatMap((m) => m?.tools ?? [])];
  return agent(config.model, tools, config.systemPrompt, config.middleware, {}, config.responseFormat, config.checkpointer);
}

export function createMiddleware(config) {
  return config;
}

/** Its write_todos tool records the plan and returns nothing for the model to read. */
export function todoListMiddleware() {
  return { name: "todoListMiddleware", tools: [tool(async () => "", { name: "write_todos" })] };
}

export function createReactAgent(config) {
  return agent(config.llm, config.tools, config.prompt ?? config.stateModifier ?? config.messageModifier, [], {}, undefined, config.checkpointer ?? config.checkpointSaver);
}

export { ChatOpenAI };
