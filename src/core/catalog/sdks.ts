// The catalog of LLM SDK call shapes, as data. A call is an LLM call only when its callee is
// traced back (through imports, `require`, aliases, destructuring, variables and fields) to an
// entry here; the method name alone never decides. Users extend it with entries of the same shape.
// Sources: the SDKs' own code and docs as summarised in shared/reference/sdk-catalog.md.

/** A request-sending call (or a call that yields another client, such as a chat session). */
export interface ApiSpec {
  /** Member path on the client (`chat.completions.create`) or the exported function's name. */
  readonly api: string;
  /** Argument paths carrying the prompt: `0.messages` is the `messages` key of the first argument, `1` the whole second argument. */
  readonly prompt: readonly string[];
  /** Argument path of the model; when absent, the model given at the client's construction. */
  readonly model?: string;
  /** Argument paths that cap the output tokens. */
  readonly maxTokens?: readonly string[];
  /** When set, the call sends nothing: it yields a client of this kind (a chat session, a model handle). */
  readonly yields?: string;
  /** The client yielded is one registered elsewhere and looked up by name (`mastra.getAgent("x")`): its construction is not known. */
  readonly byName?: true;
  /**
   * The call returns the same client with its first argument as defaults for the options of later calls
   * (`agent.withConfig({ recursionLimit: 50 })`, chained): a later call's own options win, key by key.
   */
  readonly configures?: true;
  /** The SDK loops inside this one call (a multi-step tool loop): how many requests it sends. */
  readonly steps?: StepSpec;
  /**
   * Prompt sent with this request only, never part of the state it chains to (a Responses
   * request's `instructions`). `0@instructions` is the `instructions` option the first argument
   * was made with (`run(agent, …)` with `new Agent({ instructions })`).
   */
  readonly instructions?: readonly string[];
  /** Argument paths that chain this call to state kept on the server (`previous_response_id`). */
  readonly state?: readonly string[];
  /** The derivation's sentence for that state, when the path's name does not say it (a session id passed positionally). */
  readonly stateSource?: string;
  /**
   * The state paths name a thread kept only by what the client was made with (a LangGraph agent's `checkpointer`):
   * without one of these options the id keeps nothing; with one, a fixed id (`thread_id: "user-1"`) is one thread too.
   */
  readonly stateKeptBy?: readonly string[];
  /**
   * State the client keeps in an object the call is handed (AgentKit's network state: every earlier agent result,
   * sent with each run): `paths` find the object (`1.network@state` is the `state` member of the `network` option);
   * it grows only where the code calls `method` on that object (the SDK's own append), by each run's answer and
   * the results of the tools it ran, so only the loops around the call that make such a call re-bill it.
   */
  readonly handedState?: { readonly paths: readonly string[]; readonly method: string; readonly source: string };
  /** The state re-sent is capped to a window of messages: paths in the client's construction (read through `new Memory({…})`), else the SDK's default. */
  readonly stateWindow?: { readonly from: readonly string[]; readonly default?: number; readonly source: string };
  /** The call runs an agent passed as this argument (`createAgentUIStreamResponse({ agent })`): that
   *  client's `api` method's steps, model and caps, else `steps` here. */
  readonly agent?: {
    readonly argument: string;
    readonly api: string;
    /** The argument is a list of what the call serves (`createServer({ networks: [n] })`): the first it resolves is priced, and
     *  the call sends nothing of its own when none is resolved (its other handlers have their own sites). */
    readonly served?: true;
  };
  /** One request per element of the first argument (`model.batch(inputs)`), at most `concurrency`
   *  (an argument path, or `client:` a construction option) at once. */
  readonly batch?: { readonly concurrency: readonly string[] };
}

/**
 * A loop inside the SDK: each step is a request that re-sends the conversation grown by the
 * previous steps. The bound is the first option found, else the SDK's default, else unbounded.
 */
export interface StepSpec {
  /** Argument paths (or, with `client:`, paths in the client's construction) holding the step cap. */
  readonly from: readonly string[];
  /** The SDK's default cap; absent when the SDK sets none (unbounded). */
  readonly default?: number;
  /**
   * The call's options argument (by index) whose keys the argument paths in `from` read: handed in or
   * spread (`invoke(x, config)`), it may set the cap, and the default is then only assumed.
   */
  readonly options?: number;
  /** Argument path that must be present for the loop to run at all (Gemini loops only with tools). */
  readonly when?: string;
  /** `when` must hold callable tools (`mcpToTool(client)`, objects with `callTool`): a list of function declarations, or one declared as the SDK's `Tool[]`, is sent as data and the SDK does not loop. */
  readonly callable?: boolean;
  /** The loop runs only if the object passed as this argument (or the client, `"client"`) was made
   *  with one of these options (`run(agent)`: an agent with no tools and no handoffs answers in one
   *  turn), or by one of the `always` classes (a `SandboxAgent` has its filesystem and shell tools by default). */
  readonly loopsWith?: LoopsWith;
  /**
   * Argument path of the tools whose results the SDK sends back: when they are written in place and none
   * runs on the client (a provider's `anthropic.tools.webSearch_20250305({})` runs on its server, a tool
   * with no `execute` is handed back to the caller), the first step ends the loop whatever the cap.
   */
  readonly clientToolsAt?: string;
  /** Where the default comes from, for the derivation. */
  readonly source: string;
  /**
   * Managed Agents: no loop when the session the call names (`session`, its id: `session.id`) was made here by the SDK's
   * `sessionsCreate` with an agent (`agent`: `agent.id` or `{ id: agent.id }`) made here by `agentsCreate` without `tools`
   * (or with an empty list): that agent answers each event in one request. A session or agent not traced may loop.
   */
  readonly sessionAgent?: { readonly session: string; readonly sessionsCreate: string; readonly agentsCreate: string };
  /** The cap counts tool turns, and one more request answers after the last (Genkit's maxTurns: 5 tool turns, then the answer). */
  readonly answerAfterCap?: true;
  /** No loop when the client is a compiled graph whose builder calls show no cycle (a pipeline runs each node once). */
  readonly unlessAcyclicGraph?: true;
  /**
   * The cap counts LangGraph supersteps, and the agent's model node runs at most every other one
   * (model, tools, model, …): ⌊cap/2⌋ + 1 model requests, for an agent made without a structured
   * answer or middleware that may send the run back to the model node (provenance's modelNodeAlternates).
   */
  readonly alternating?: true;
  /** The steps run no tools (a synthesizer's chunks): only the answers join what the next step is sent. */
  readonly withoutTools?: true;
  /**
   * A middleware in the client's `option` list, made by the SDK's `maker`, whose first argument's `key`
   * caps the model requests of one run, unless the call's `override` object may replace it.
   */
  readonly callLimit?: { readonly option: string; readonly maker: string; readonly key: string; readonly override: string };
  /** Middleware in the client's `option` list, made by functions of `modules`, that repeats the model's request or sends requests of its own (by the maker's name). */
  readonly middlewareRequests?: { readonly option: string; readonly modules: readonly string[]; readonly makers: ReadonlyMap<string, MiddlewareRequests> };
  /**
   * The SDK loops over the elements of this argument path (a chain's documents): one request per
   * element, each with that element and one earlier answer (a running summary), instead of a
   * conversation re-sent whole.
   */
  readonly perElementOf?: string;
  /** An argument of the call that made the client which turns the loop off (`1.type` is `"stuff"`: one request). */
  readonly unless?: {
    readonly path: string;
    readonly equals: string;
    /** Also when the argument is absent (the SDK's default is that value). */
    readonly orAbsent?: boolean;
    /** A function that makes the option from that value (`getResponseSynthesizer("compact")`, through a const). */
    readonly madeBy?: string;
    /**
     * The cap in `from` holds only while the option reads as one of these (refine sends one request per
     * chunk; tree_summarize, or an option not read, may send more: a request per packed chunk per level).
     */
    readonly capOnly?: { readonly values: readonly string[]; readonly source: string };
  };
  /** An option that compacts the conversation (unless `enabled: false`): a step re-sends at most
   *  `threshold` tokens (the option's key; `defaultThreshold` without it), and a summary call
   *  runs each time it is reached. */
  readonly compaction?: { readonly option: string; readonly threshold: string; readonly defaultThreshold: number };
}

/** What a middleware adds to each model step's requests. */
export type MiddlewareRequests =
  /** The model's request again on a failure, up to the option `key` (else `default`) more times. */
  | { readonly kind: "retries"; readonly key: string; readonly default: number }
  /** The model's request again on a failure, once per fallback model (each argument). */
  | { readonly kind: "fallbacks" }
  /** A request of its own before each attempt of the model's (`perAttempt`) or once before each model step, sending at most the
   *  step's messages and its own prompt: the option `promptKey`, else the SDK's default of `promptTokens`. */
  | { readonly kind: "own"; readonly perAttempt: boolean; readonly promptKey: string; readonly promptTokens: number; readonly what: string; /** Tokens the SDK adds to a prompt given. */ readonly addedTokens?: number }
  /** A middleware made in the code (`createMiddleware({ wrapModelCall })`): its hook sends the step's request each time it calls its handler (the hook's second parameter). */
  | { readonly kind: "handler"; readonly hook: string }
  /** Requests no count in the code bounds. */
  | { readonly kind: "unknown"; readonly why: string };

export interface LoopsWith {
  readonly argument: number | "client";
  readonly options: readonly string[];
  readonly always?: readonly string[];
  /** Tools in `tools` that add no turn. */
  readonly hosted?: HostedTools;
  /**
   * A list option whose elements may bring tools of their own (`middleware: [todoListMiddleware()]`): an element made by
   * a function of `modules` other than the `adding` ones, or by `maker` given no `tools`, brings none; any other may.
   */
  readonly toolsFrom?: { readonly option: string; readonly modules: readonly string[]; readonly adding: readonly string[]; readonly maker: string };
  /**
   * An option that sends the run back to the model by itself (a structured answer whose failed parse is retried), so the
   * loop runs without tools: unless made by a function of `modules` named in `once`, or by `maker` given `{ [stop]: false }`
   * as its second argument.
   */
  readonly retrying?: { readonly option: string; readonly modules: readonly string[]; readonly once: readonly string[]; readonly maker: string; readonly stop: string };
}

/**
 * Tools the provider runs inside one response (`webSearchTool()`): an agent whose `tools` list holds
 * only these gets its answer from one request per turn the runner takes, and takes one turn.
 */
export interface HostedTools {
  /** Modules the tool functions are imported from. */
  readonly modules: readonly string[];
  readonly tools: readonly HostedTool[];
}

export interface HostedTool {
  /** The exported function that makes the tool. */
  readonly name: string;
  /** Hosted only while this argument path of its call holds one of `values` (or is absent, with `orAbsent`): else the runner runs it, a turn more. */
  readonly hostedWhile?: { readonly path: string; readonly values: readonly string[]; readonly orAbsent?: boolean };
}

export interface ClientKind {
  /** Unique id, referred to by `yields`. */
  readonly id: string;
  /** Exports that are this client's class (`new X()`); `*` matches any run of characters. */
  readonly classes?: readonly string[];
  /** Exports matched by `classes` that are not clients after all (prompt templates, message types). */
  readonly notClasses?: readonly string[];
  /** Exports that already are a client instance (ollama's default export). */
  readonly instances?: readonly string[];
  /** Paths in the constructor's (or yielding call's) first argument that name the model and cap output. */
  readonly modelFrom?: string;
  readonly maxTokensFrom?: readonly string[];
  /** Paths there that are prompt sent with every request and not kept in a session's history (`config.systemInstruction`). */
  readonly instructionsFrom?: readonly string[];
  /** Paths there whose text goes with every request and stays in the history after it (a context retrieved anew for each message). */
  readonly keptFrom?: readonly string[];
  /**
   * A session that keeps the conversation (client- or server-side): each request re-sends it,
   * unless its `memory` option is one of the `boundedBy` classes (a window or a summary). `trimmed`: what the SDK cuts the
   * re-sent conversation to (a token limit the code does not set): a request sends at most that, so its input is an upper bound.
   */
  readonly stateful?: { readonly source: string; readonly boundedBy?: readonly string[]; readonly trimmed?: string };
  /**
   * The framework's own source files that declare `classes` (path suffixes): inside its monorepo
   * the type is imported by a relative path (`import type { Model } from "../model"`), not by the
   * package's name, and a value declared with it is this client all the same.
   */
  readonly declaredIn?: readonly string[];
  /**
   * A generic runnable of this model: `Runnable<BaseLanguageModelInput, string>` (one of `classes`
   * whose first type argument is one of `input`) is this client.
   */
  readonly runnableOf?: { readonly classes: readonly string[]; readonly input: readonly string[] };
  /** The client runs the chains listed under this key of its construction (`new SimpleSequentialChain({ chains: [a, b] })`), one request per chain that calls a model (made by the binder). */
  readonly sequenceOf?: string;
  readonly methods: readonly ApiSpec[];
}

export interface SdkEntry {
  readonly sdk: string;
  /** Module specifiers; a trailing `/*` matches any sub-path or scoped package under the prefix. */
  readonly modules: readonly string[];
  /** Exported functions that send requests (or yield clients). */
  readonly functions?: readonly ApiSpec[];
  readonly clients?: readonly ClientKind[];
  /**
   * The SDK's own source files that declare `functions` (path suffixes, whole segments): inside its
   * package they are imported by a relative path (`import { generateText } from
   * "../generate-text/generate-text"` in `ai`'s ToolLoopAgent), and a call is the catalog's all the same.
   */
  readonly declaredIn?: readonly { readonly file: string; readonly functions: readonly string[] }[];
  /** Exported functions that run a callback given as a property of their first argument with a
   *  context the SDK fills: each parameter of that callback is a client of kind `client`. */
  readonly callbacks?: readonly { readonly function: string; readonly property: string; readonly client: string }[];
  /** Exported functions (member paths) that run their last argument, a callback, and return what it returns (`Settings.withLLM(llm, () => …)`). */
  readonly passThrough?: readonly string[];
}

/** A raw HTTP endpoint of an LLM API, recognised in `fetch(url, {body})` and `axios.post(url, body)`. */
export interface EndpointSpec {
  readonly sdk: string;
  readonly api: string;
  /** Matched against the URL's static text (string literal, template head, or a const's value). */
  readonly url: RegExp;
  /** Keys of the JSON body that carry the prompt, the model and the output cap. */
  readonly prompt: readonly string[];
  readonly model?: string;
  readonly maxTokens?: readonly string[];
}

const OPENAI_CHAT: ApiSpec = { api: "chat.completions.create", prompt: ["0.messages"], model: "0.model", maxTokens: ["0.max_completion_tokens", "0.max_tokens"] };
const chatLike = (api: string): ApiSpec => ({ ...OPENAI_CHAT, api });
// `instructions` are not carried over to a response chained by previous_response_id (OpenAI's docs).
const OPENAI_RESPONSES = (api: string): ApiSpec => ({ api, prompt: ["0.input"], instructions: ["0.instructions"], model: "0.model", maxTokens: ["0.max_output_tokens"] });
const ANTHROPIC = (api: string): ApiSpec => ({ api, prompt: ["0.messages", "0.system"], model: "0.model", maxTokens: ["0.max_tokens"] });
const AI_SDK = (api: string): ApiSpec => ({ api, prompt: ["0.prompt", "0.messages", "0.system", "0.instructions"], model: "0.model", maxTokens: ["0.maxOutputTokens", "0.maxTokens"] });

/** `createAgentUIStreamResponse({ agent, uiMessages })` (ai 7.0.77, `agent/create-agent-ui-stream.ts`): `agent.stream({ prompt })`, the agent's own steps. */
const AGENT_UI_STREAM = (api: string): ApiSpec => ({ api, prompt: ["0.uiMessages", "0.messages"], agent: { argument: "0.agent", api: "stream" }, steps: { from: [], source: "the agent passed is not known here, nor its step cap" } });
const RUN_TOOLS: StepSpec = { from: ["1.maxChatCompletions"], default: 10, source: "runTools sends at most maxChatCompletions requests, 10 by default" };
/** ai 5–7 `generate-text.ts`: a step follows only while the last one's client tool calls all have outputs (provider-executed calls and
 *  tools without `execute` give none). */
const AI_STEPS: StepSpec = { from: ["0.stopWhen", "0.maxSteps"], default: 1, clientToolsAt: "0.tools", source: "the AI SDK stops after one step unless stopWhen (maxSteps before v5) allows more" };
const AGENT_STEPS: StepSpec = { from: ["0.stopWhen", "client:stopWhen"], default: 20, source: "ToolLoopAgent stops after 20 steps by default" };
const LANGGRAPH_STEPS: StepSpec = { from: ["1.recursionLimit"], options: 1, default: 25, source: "a LangGraph agent stops at recursionLimit, 25 by default", unlessAcyclicGraph: true };
const GEMINI_AFC: StepSpec = { from: ["0.config.automaticFunctionCalling.maximumRemoteCalls"], default: 10, when: "0.config.tools", callable: true, source: "automatic function calling makes at most maximumRemoteCalls requests, 10 by default" };
/** langchain 1.x `agents/middleware/modelCallLimit.ts`: beforeModel ends the run (or throws) once runLimit
 *  model calls were made in it; `runtime.context.runLimit` (the call's `{ context }`) replaces the option. */
const MODEL_CALL_LIMIT = { option: "middleware", maker: "modelCallLimitMiddleware", key: "runLimit", override: "1.context" };
/**
 * An agent made by createAgent / createReactAgent without tools answers in one model call. With tools its
 * graph alternates the model node and the tools node (langchain 1.x `agents/`, @langchain/langgraph
 * `prebuilt/react_agent_executor.ts`), and recursionLimit counts supersteps (`pregel/loop.ts`: a limit of 1
 * stops a graph of two nodes in a row). `langchain` 1.5.5 `agents/ReactAgent.ts` joins its middleware's
 * `tools` to its own: `createMiddleware({ tools })` and `todoListMiddleware()` (its `write_todos`) bring some.
 */
/**
 * langchain 1.5.5 `agents/middleware/`: the built-in middleware that sends model requests. modelRetryMiddleware repeats a failed
 * one up to maxRetries (2, `constants.ts`) more times, modelFallbackMiddleware once per fallback model; llmToolSelectorMiddleware
 * asks its model (the agent's unless given) for the tools before each attempt, sent its system prompt (15 tokens, and maxTools'
 * note of 36 with a two-digit count: 40 allowed) and the last user message; summarizationMiddleware's beforeModel asks for a summary when its trigger is reached, at most
 * once a model step, sent its prompt (313 tokens) and the messages to summarize; toolEmulatorMiddleware asks a model for each
 * emulated tool call, as many as the model's answers hold. The others (context editing, PII, call and tool limits, tool retries,
 * dynamic prompts, prompt caching, human-in-the-loop, the todo list) send none; OpenAI's moderation middleware calls the
 * moderation endpoint, which generates nothing (not counted).
 */
const LANGCHAIN_MIDDLEWARE_REQUESTS = new Map<string, MiddlewareRequests>([
  ["modelRetryMiddleware", { kind: "retries", key: "maxRetries", default: 2 }],
  ["modelFallbackMiddleware", { kind: "fallbacks" }],
  ["llmToolSelectorMiddleware", { kind: "own", perAttempt: true, promptKey: "systemPrompt", promptTokens: 55, addedTokens: 40, what: "a tool selection request before each attempt" }],
  ["summarizationMiddleware", { kind: "own", perAttempt: false, promptKey: "summaryPrompt", promptTokens: 313, what: "at most one summary request before each model step" }],
  // langchain 1.5.5 `agents/middleware/types.ts`: `wrapModelCall(request, handler)`, each `handler(request)` runs the model.
  ["createMiddleware", { kind: "handler", hook: "wrapModelCall" }],
  ["toolEmulatorMiddleware", { kind: "unknown", why: "toolEmulatorMiddleware asks a model for each tool call it emulates, as many as the model's answers hold" }],
]);
const LANGCHAIN_AGENT_STEPS: StepSpec = {
  ...LANGGRAPH_STEPS,
  source: "a LangGraph agent stops at recursionLimit supersteps, 25 by default",
  loopsWith: {
    argument: "client",
    options: ["tools"],
    toolsFrom: { option: "middleware", modules: ["langchain"], adding: ["todoListMiddleware"], maker: "createMiddleware" },
    // langchain 1.5.5 `agents/nodes/AgentNode.ts`: a tool strategy's failed parse (or two structured calls) goes back to
    // the model node (a Command to it, each a superstep, up to recursionLimit) unless `handleError: false` throws instead;
    // `providerStrategy` throws too, and a bare schema is a tool strategy for a model without native structured output.
    // createReactAgent's responseFormat (@langchain/langgraph) is one more request after the loop: read as the loop too.
    retrying: { option: "responseFormat", modules: ["langchain"], once: ["providerStrategy"], maker: "toolStrategy", stop: "handleError" },
  },
  alternating: true,
  callLimit: MODEL_CALL_LIMIT,
  middlewareRequests: { option: "middleware", modules: ["langchain", "langchain/*"], makers: LANGCHAIN_MIDDLEWARE_REQUESTS },
};
/**
 * An agent made with a checkpointer (`createAgent({ checkpointer })`, `createReactAgent({ checkpointSaver })`) keeps each
 * `configurable.thread_id`'s state between runs: a run's new messages join the thread's (the `messages` reducer), and the
 * model is sent them all, the earlier runs' prompts, answers, tool calls and results included.
 */
const LANGCHAIN_THREAD = {
  state: ["1.configurable.thread_id"],
  stateKeptBy: ["checkpointer", "checkpointSaver"],
  stateSource: "the checkpointer keeps the thread's messages (configurable.thread_id) and each run sends them all again",
} as const;
const LANGCHAIN_AGENT_METHODS: readonly ApiSpec[] = [
  { api: "invoke", prompt: ["0"], steps: LANGCHAIN_AGENT_STEPS, ...LANGCHAIN_THREAD },
  { api: "stream", prompt: ["0"], steps: LANGCHAIN_AGENT_STEPS, ...LANGCHAIN_THREAD },
  // @langchain/core 1.2.5 `runnables/base.ts` Runnable.streamEvents, langgraph's Pregel override (v3): the same run, as events.
  { api: "streamEvents", prompt: ["0"], steps: LANGCHAIN_AGENT_STEPS, ...LANGCHAIN_THREAD },
  // langchain 1.5.5 `agents/ReactAgent.ts` withConfig: a new agent whose config is merged under each call's
  // (@langchain/core 1.2.5 `runnables/config.ts` mergeConfigs: a key the call gives, unless undefined, wins).
  { api: "withConfig", prompt: [], yields: "langchain.agent", configures: true },
];
/** A chat session made with callable tools runs the same AFC loop on each message (`chats.ts` passes the session's config to generateContent). */
const GEMINI_CHAT_AFC: StepSpec = { from: ["0.config.automaticFunctionCalling.maximumRemoteCalls", "client:config.automaticFunctionCalling.maximumRemoteCalls"], default: 10, when: "client:config.tools", callable: true, source: GEMINI_AFC.source };
/** Its query, then its answer over the query's result; `returnDirect: true` returns the result without the second request. */
/** The client kind of a chain that assigns model answers to its input before the chain piped after it (see the catalog entry). */
export const ASSIGNED_CHAIN = "langchain.assigned-chain";
/** One request per assigned runnable that calls a model, then the piped chain's with their answers in its input (the default: one assigned). */
export const ASSIGNED_CHAIN_STEPS: StepSpec = { from: [], default: 2, source: "RunnablePassthrough.assign sends its assigned model runnable's request, then the piped chain's with that answer added to its input: 2 requests per invoke" };
const SQL_CHAIN_STEPS: StepSpec = { from: [], default: 2, unless: { path: "0.returnDirect", equals: "true" }, source: "SqlDatabaseChain asks for the SQL query, then for the answer with the query's result (2 requests; 1 with returnDirect)" };
/** `WorkflowAgent.stream` (@ai-sdk/workflow 2.0.7, `stream-text-iterator.ts`): steps go on while the model calls tools; only stopWhen ends them. */
const WORKFLOW_AGENT_STEPS: StepSpec = { from: ["0.stopWhen", "client:stopWhen"], source: "WorkflowAgent loops while the model calls tools, with no step cap unless stopWhen is given" };
/** `HarnessAgent.generate/stream` (@ai-sdk/harness 1.0.85, `agent/internal/run-prompt.ts`): the harness's own agent loop, ended early only by the constructor's stopWhen. */
const HARNESS_AGENT_STEPS: StepSpec = { from: ["client:stopWhen"], source: "a HarnessAgent's harness loops over tool calls until it finishes, with no step cap unless stopWhen is given" };
const DOCS_CHAIN_STEPS: StepSpec = { from: [], perElementOf: "0.input_documents", unless: { path: "1.type", equals: "stuff" }, source: "a map_reduce (the default) or refine summarization chain sends one request per document" };
/** `loadQAChain(llm, { type })` (@langchain/classic 1.0.41, `question_answering/load.ts`): "stuff" unless the type says otherwise. */
const QA_CHAIN_STEPS: StepSpec = { from: [], perElementOf: "0.input_documents", unless: { path: "1.type", equals: "stuff", orAbsent: true }, source: "a map_reduce or refine question-answering chain sends one request per document" };
const REFINE_CHAIN_STEPS: StepSpec = { from: [], perElementOf: "0.input_documents", source: "a refine chain sends one request per document, with the answer so far" };
/** `memory: new Memory({ options: { lastMessages: N } })` sends at most the last N messages of the thread; 10 by default (Mastra's memory docs, "Conversation history"). */
const MASTRA_WINDOW = { from: ["client:memory.options.lastMessages"], default: 10, source: "Mastra's memory sends the thread's last lastMessages messages (10 by default)" };
const GENKIT_STEPS: StepSpec = { from: ["0.maxTurns"], default: 5, answerAfterCap: true, when: "0.tools", source: "Genkit resolves the model's tool requests and asks again, at most maxTurns tool turns (5 by default), then the answer: 6 requests" };
const GENKIT_GENERATE = (api: string): ApiSpec => ({ api, prompt: ["0.prompt", "0.messages", "0.system"], model: "0.model", maxTokens: ["0.config.maxOutputTokens"], steps: GENKIT_STEPS });
/** llamaindex 0.12.1 `indices/dist`: `VectorStoreIndex.fromDocuments(docs)` and the like make an index; `LlamaCloudIndex.fromDocuments`
 *  (llamaindex's `cloud/LlamaCloudIndex.ts`, the class `llama-cloud-services` carries on) uploads them to a managed pipeline. */
const LLAMAINDEX_INDEX_MAKERS = ["VectorStoreIndex.fromDocuments", "VectorStoreIndex.init", "VectorStoreIndex.fromVectorStore", "VectorStoreIndex.fromVectorStores", "SummaryIndex.fromDocuments", "SummaryIndex.init", "KeywordTableIndex.fromDocuments", "KeywordTableIndex.init", "LlamaCloudIndex.fromDocuments"];
/** A query engine made without a synthesizer answers with the compact one (one request); any other synthesizer given, read or not, may
 *  send one per retrieved chunk (refine, tree_summarize): at most `similarityTopK` where the engine was made with it, else unbounded. */
const LLAMAINDEX_QUERY_STEPS = (argument: 0 | 1): StepSpec => ({
  from: argument === 0 ? ["client:similarityTopK"] : [],
  unless: {
    path: argument === 0 ? "0.responseSynthesizer" : "1",
    equals: "compact",
    orAbsent: true,
    madeBy: "getResponseSynthesizer",
    capOnly: { values: ["refine"], source: "a query engine given the tree_summarize synthesizer (or one not read) summarizes the retrieved chunks a level at a time until one answer is left: a request per packed chunk per level, which may be more than similarityTopK" },
  },
  withoutTools: true,
  source: "a query engine given a synthesizer other than the default compact one (refine, tree_summarize) sends one request per retrieved chunk, similarityTopK of them",
});
const LLAMAINDEX_AGENT_STEPS: StepSpec = { from: [], source: "a LlamaIndex agent loops over tool calls with no step cap (only a timeout)" };
/** The function-calling classic agents (@llamaindex/core 0.6.22 `agent/base.ts` `defaultTaskHandler`, `utils.ts` `stepTools`): a step
 *  ends the task when the answer has no tool call, and with no tools (`tools: []`, no `toolRetriever`) none is sent (@llamaindex/openai
 *  0.4.22 `llm.ts` drops an empty list), so the first step is the last. ReActAgent parses calls out of the text and keeps the plain steps. */
const LLAMAINDEX_TOOL_AGENT_STEPS: StepSpec = { ...LLAMAINDEX_AGENT_STEPS, loopsWith: { argument: "client", options: ["tools", "toolRetriever"] } };
/** `run(msg, { state })` of a LlamaIndex agent workflow: the state's memory keeps the earlier runs' messages and sends them again. */
const LLAMAINDEX_STATE_SOURCE = "the state handed to the run keeps every earlier run's messages (prompts, answers, tool calls and results) in its memory, sent again up to its token limit";
/** A Harness session's message runs its mode's agent loop on the session's thread (`@mastra/core/harness`, added in 1.1.0). */
const MASTRA_HARNESS_STEPS: StepSpec = { from: [], source: "a Mastra Harness runs its agent's loop on each message; Mastra's default maxSteps is not documented: unbounded" };
const MASTRA_STEPS: StepSpec = { from: ["1.maxSteps", "client:defaultOptions.maxSteps"], loopsWith: { argument: "client", options: ["tools"] }, source: "Mastra's default maxSteps is not documented: unbounded unless set" };
/** `new Agent({ model, tools, maxSteps })` of @voltagent/core 2.9.1 (`agent/agent.ts`): `maxSteps ?? (workspace ? 100 : 5)`, handed to the AI SDK as
 *  `stepCountIs(maxSteps)` unless a `stopWhen` is given; with no tools, toolkits, sub-agents or workspace the model answers in one step. */
const VOLTAGENT_STEPS: StepSpec = { from: ["1.maxSteps", "1.stopWhen", "client:maxSteps", "client:stopWhen"], default: 5, loopsWith: { argument: "client", options: ["tools", "toolkits", "subAgents", "workspace"] }, source: "a VoltAgent agent stops after maxSteps steps, 5 by default" };
/** `new PlanAgent({ tools, maxSteps })` (2.9.1 `planagent/plan-agent.ts`): an Agent always given its planning (`write_todos`), filesystem and
 *  `task` tools, whose workspace is cleared before `super(…)`, so `maxSteps` still defaults to 5. */
const VOLTAGENT_PLAN_STEPS: StepSpec = { from: VOLTAGENT_STEPS.from, default: 5, source: "a VoltAgent PlanAgent has its planning, filesystem and task tools and stops after maxSteps steps, 5 by default" };
const VOLTAGENT_METHODS = (steps: StepSpec): readonly ApiSpec[] => [
  { api: "generateText", prompt: ["0"], maxTokens: ["1.maxOutputTokens"], steps },
  { api: "streamText", prompt: ["0"], maxTokens: ["1.maxOutputTokens"], steps },
  { api: "generateObject", prompt: ["0"], maxTokens: ["2.maxOutputTokens"] },
  { api: "streamObject", prompt: ["0"], maxTokens: ["2.maxOutputTokens"] },
];
/**
 * `@openai/agents` 0.17.0's hosted tools (agents-openai `tools.ts`, agents-core `tool.ts`): the Responses
 * API runs them inside the response. A hosted MCP tool that asks for approval returns to the runner
 * (`requireApproval` other than "never"), a tool search with `execution: "client"` runs in it, and a
 * shell tool is hosted only in a container environment (a local one, the default, runs in the runner).
 */
const AGENTS_HOSTED_TOOLS: HostedTools = {
  modules: ["@openai/agents", "@openai/agents-openai", "@openai/agents-core"],
  tools: [
    { name: "webSearchTool" },
    { name: "fileSearchTool" },
    { name: "codeInterpreterTool" },
    { name: "imageGenerationTool" },
    { name: "programmaticToolCallingTool" },
    { name: "toolSearchTool", hostedWhile: { path: "0.execution", values: ["server"], orAbsent: true } },
    { name: "hostedMcpTool", hostedWhile: { path: "0.requireApproval", values: ["never"], orAbsent: true } },
    { name: "shellTool", hostedWhile: { path: "0.environment.type", values: ["container_auto", "container_reference"] } },
  ],
};
/** `run(agent)`: the runner's turns, unless the agent has no tools it runs itself, no handoffs and no MCP servers (whose tools it runs). */
const AGENTS_RUN: ApiSpec = { api: "run", prompt: ["1"], instructions: ["0@instructions"], model: "0", steps: { from: ["2.maxTurns"], default: 10, loopsWith: { argument: 0, options: ["tools", "handoffs", "mcpServers"], always: ["SandboxAgent"], hosted: AGENTS_HOSTED_TOOLS }, source: "run() takes at most maxTurns turns, 10 by default" }, state: ["2.previousResponseId", "2.conversationId", "2.session"] };
const RESPONSES_STATE = ["0.previous_response_id", "0.conversation"] as const;
/** Assistants runs (openai 7.5.0 `resources/beta/threads/runs/runs.ts`, `runs.createAndPoll(threadId, { assistant_id })`): the thread keeps every message on the server. */
const ASSISTANTS_RUN = (api: string): ApiSpec => ({ api, prompt: ["1.additional_messages", "1.instructions", "1.additional_instructions"], model: "1.model", maxTokens: ["1.max_completion_tokens"], state: ["0"], stateSource: "the Assistants thread keeps every message on the server, and each run sends the whole thread to the model again" });
/** `beta.threads.createAndRun({ assistant_id, thread })` (7.5.0 `resources/beta/threads/threads.ts`): a new thread each time. */
const ASSISTANTS_NEW_THREAD = (api: string): ApiSpec => ({ api, prompt: ["0.thread.messages", "0.instructions"], model: "0.model", maxTokens: ["0.max_completion_tokens"] });
/** A model called through its interface (the framework's own code, helpers that take any model): one request per call. */
const LANGCHAIN_MODEL_CALL = (api: string): ApiSpec => ({ api, prompt: ["0"] });
/** `generate(prompts)`, `generatePrompt(values)`: one generation per element of the list. */
const LANGCHAIN_MODEL_BATCH = (api: string): ApiSpec => ({ api, prompt: ["0"], batch: { concurrency: [] } });
/** A sequential chain's requests: set by the binder from the chains listed (see `sequenceOf`). */
export const SEQUENCE_STEPS: StepSpec = { from: [], default: 1, source: "a sequential chain runs each of its chains once, in turn" };

export const SDK_CATALOG: readonly SdkEntry[] = [
  {
    sdk: "openai",
    modules: ["openai", "openai/*"],
    clients: [
      {
        id: "openai",
        classes: ["default", "OpenAI", "AzureOpenAI"],
        methods: [
          OPENAI_CHAT,
          chatLike("chat.completions.parse"),
          chatLike("chat.completions.stream"),
          { ...chatLike("chat.completions.runTools"), steps: RUN_TOOLS },
          chatLike("beta.chat.completions.parse"),
          chatLike("beta.chat.completions.stream"),
          { ...chatLike("beta.chat.completions.runTools"), steps: RUN_TOOLS },
          { ...OPENAI_RESPONSES("responses.create"), state: RESPONSES_STATE },
          { ...OPENAI_RESPONSES("responses.parse"), state: RESPONSES_STATE },
          { ...OPENAI_RESPONSES("responses.stream"), state: RESPONSES_STATE },
          // 7.5.0 `resources/beta/responses/responses.ts`: the beta Responses API (`multi_agent`, `betas`), one request.
          { ...OPENAI_RESPONSES("beta.responses.create"), state: RESPONSES_STATE },
          { api: "completions.create", prompt: ["0.prompt"], model: "0.model", maxTokens: ["0.max_tokens"] },
          ASSISTANTS_RUN("beta.threads.runs.create"),
          ASSISTANTS_RUN("beta.threads.runs.createAndPoll"),
          ASSISTANTS_RUN("beta.threads.runs.createAndStream"),
          ASSISTANTS_RUN("beta.threads.runs.stream"),
          ASSISTANTS_NEW_THREAD("beta.threads.createAndRun"),
          ASSISTANTS_NEW_THREAD("beta.threads.createAndRunPoll"),
          ASSISTANTS_NEW_THREAD("beta.threads.createAndRunStream"),
        ],
      },
      {
        // `new ResponsesWS(client)` from "openai/resources/responses/ws": each `send({ type: "response.create", … })` is a request.
        id: "openai.responses-ws",
        classes: ["ResponsesWS"],
        methods: [{ ...OPENAI_RESPONSES("send"), state: ["0.previous_response_id"] }],
      },
    ],
  },
  {
    sdk: "@anthropic-ai/sdk",
    modules: ["@anthropic-ai/sdk", "@anthropic-ai/bedrock-sdk", "@anthropic-ai/vertex-sdk", "@anthropic-ai/google-cloud-sdk", "@anthropic-ai/aws-sdk", "@anthropic-ai/foundry-sdk"],
    clients: [
      {
        id: "anthropic",
        classes: ["default", "Anthropic", "AnthropicBedrock", "AnthropicBedrockMantle", "AnthropicVertex", "AnthropicGoogleCloud", "AnthropicAws", "AnthropicFoundry"],
        methods: [
          ANTHROPIC("messages.create"),
          ANTHROPIC("messages.stream"),
          ANTHROPIC("messages.parse"),
          ANTHROPIC("beta.messages.create"),
          ANTHROPIC("beta.messages.stream"),
          ANTHROPIC("beta.messages.parse"),
          { ...ANTHROPIC("beta.messages.toolRunner"), steps: { from: ["0.max_iterations"], source: "toolRunner has no iteration cap unless max_iterations is set", compaction: { option: "0.compactionControl", threshold: "contextTokenThreshold", defaultThreshold: 100_000 } } },
          // Managed Agents (0.120.0, `resources/beta/sessions/events.ts` `send(sessionID, { events })`): a session made by
          // `beta.sessions.create({ agent })` keeps its events on the server; each `user.message` sent runs the agent on all of them.
          // The turn that event starts runs on the server: a model request, its tool uses (run there, or by a worker or
          // `events.toolRunner` that sends their results back), another request, … until the model ends the turn
          // (`session.status_idle`, `end_turn`); no option caps the requests (a session's `budget` caps list cost only).
          {
            api: "beta.sessions.events.send",
            prompt: ["1.events"],
            state: ["0"],
            stateSource: "the Managed Agents session keeps every event on the server, and each event sent runs the agent on the whole session again",
            steps: {
              from: [],
              source: "the event starts the session agent's turn on the server, a model request per tool use until the model ends it; the client sets no cap (a session's budget caps cost, not requests)",
              sessionAgent: { session: "0", sessionsCreate: "beta.sessions.create", agentsCreate: "beta.agents.create" },
            },
          },
        ],
      },
    ],
  },
  {
    sdk: "ai",
    modules: ["ai"],
    functions: [
      { ...AI_SDK("generateText"), steps: AI_STEPS },
      { ...AI_SDK("streamText"), steps: AI_STEPS },
      AI_SDK("generateObject"),
      AI_SDK("streamObject"),
      AGENT_UI_STREAM("createAgentUIStreamResponse"),
      AGENT_UI_STREAM("createAgentUIStream"),
      AGENT_UI_STREAM("pipeAgentUIStreamToResponse"),
    ],
    // ai 7.0.77 `packages/ai/src/…`: where the package itself declares them (ToolLoopAgent calls generateText/streamText).
    declaredIn: [
      { file: "ai/src/generate-text/generate-text.ts", functions: ["generateText"] },
      { file: "ai/src/generate-text/stream-text.ts", functions: ["streamText"] },
      { file: "ai/src/generate-object/generate-object.ts", functions: ["generateObject"] },
      { file: "ai/src/generate-object/stream-object.ts", functions: ["streamObject"] },
    ],
    clients: [
      {
        id: "ai.agent",
        classes: ["ToolLoopAgent", "Experimental_Agent"],
        modelFrom: "model",
        instructionsFrom: ["instructions", "system"],
        maxTokensFrom: ["maxOutputTokens"],
        methods: [
          { api: "generate", prompt: ["0.prompt", "0.messages"], steps: AGENT_STEPS },
          { api: "stream", prompt: ["0.prompt", "0.messages"], steps: AGENT_STEPS },
        ],
      },
    ],
  },
  {
    // @ai-sdk/provider 4.0.7 `language-model/v4/language-model-v4.ts` (and v2, v3): the interface every provider's
    // model implements; `generateText`'s step loop calls `stepModel.doGenerate(…)` once per step.
    sdk: "@ai-sdk/provider",
    modules: ["@ai-sdk/provider"],
    clients: [
      {
        id: "ai.language-model",
        classes: ["LanguageModelV2", "LanguageModelV3", "LanguageModelV4"],
        declaredIn: ["provider/src/language-model/v2/language-model-v2.ts", "provider/src/language-model/v3/language-model-v3.ts", "provider/src/language-model/v4/language-model-v4.ts"],
        methods: [
          { api: "doGenerate", prompt: ["0.prompt"], maxTokens: ["0.maxOutputTokens"] },
          { api: "doStream", prompt: ["0.prompt"], maxTokens: ["0.maxOutputTokens"] },
        ],
      },
    ],
  },
  {
    // The AI SDK's agent packages: `new WorkflowAgent({ model, tools, stopWhen })` (`generate` only throws) and
    // `new HarnessAgent({ harness, stopWhen })`, whose turns run in a session that keeps the conversation.
    sdk: "ai",
    modules: ["@ai-sdk/workflow", "@ai-sdk/harness", "@ai-sdk/harness/*"],
    clients: [
      {
        id: "ai.workflow-agent",
        classes: ["WorkflowAgent"],
        modelFrom: "model",
        maxTokensFrom: ["maxOutputTokens"],
        methods: [{ api: "stream", prompt: ["0.prompt", "0.messages", "0.instructions", "0.system"], maxTokens: ["0.maxOutputTokens"], steps: WORKFLOW_AGENT_STEPS }],
      },
      {
        id: "ai.harness-agent",
        classes: ["HarnessAgent"],
        methods: [
          { api: "generate", prompt: ["0.prompt", "0.messages"], steps: HARNESS_AGENT_STEPS, state: ["0.session"] },
          { api: "stream", prompt: ["0.prompt", "0.messages"], steps: HARNESS_AGENT_STEPS, state: ["0.session"] },
          // `continueStream/continueGenerate({ session, toolResultContinuations })` (1.0.85 `agent/harness-agent.ts`): the same
          // `_startTurn` on the session, with the client's tool results or approvals in place of a prompt.
          { api: "continueStream", prompt: ["0.toolResultContinuations", "0.toolApprovalContinuations"], steps: HARNESS_AGENT_STEPS, state: ["0.session"] },
          { api: "continueGenerate", prompt: ["0.toolResultContinuations", "0.toolApprovalContinuations"], steps: HARNESS_AGENT_STEPS, state: ["0.session"] },
        ],
      },
    ],
  },
  {
    sdk: "@langchain",
    modules: ["@langchain/*", "langchain", "langchain/*"],
    functions: [
      { api: "initChatModel", prompt: [], yields: "langchain.chat" },
      { api: "createAgent", prompt: [], yields: "langchain.agent" },
      { api: "createReactAgent", prompt: [], yields: "langchain.react-agent" },
      { api: "loadSummarizationChain", prompt: [], yields: "langchain.docs-chain" },
      { api: "loadQARefineChain", prompt: [], yields: "langchain.refine-chain" },
      // @langchain/classic 1.0.41 `chains/question_answering/load.ts`: a StuffDocumentsChain (one request with every
      // document), a MapReduceDocumentsChain (one per document, then the combination), loadQAChain by its type.
      { api: "loadQAStuffChain", prompt: [], yields: "langchain.stuff-chain" },
      { api: "loadQAMapReduceChain", prompt: [], yields: "langchain.docs-chain" },
      { api: "loadQAChain", prompt: [], yields: "langchain.qa-chain" },
      // `combine_documents/stuff.ts`: the prompt with every document, piped into the model.
      { api: "createStuffDocumentsChain", prompt: [], yields: "langchain.stuff-chain" },
      { api: "createSqlQueryChain", prompt: [], yields: "langchain.sql-query-chain" },
    ],
    clients: [
      // createAgent({ model, systemPrompt }) of langchain; createReactAgent({ llm, prompt }) of @langchain/langgraph/prebuilt
      // (stateModifier, messageModifier before prompt): the same agent loop, the model under another key.
      { id: "langchain.agent", modelFrom: "model", instructionsFrom: ["systemPrompt"], methods: LANGCHAIN_AGENT_METHODS },
      { id: "langchain.react-agent", modelFrom: "llm", instructionsFrom: ["prompt", "stateModifier", "messageModifier"], methods: LANGCHAIN_AGENT_METHODS },
      {
        // A compiled graph: its nodes decide the calls, up to recursionLimit supersteps.
        id: "langgraph.compiled",
        methods: [
          { api: "invoke", prompt: ["0"], steps: LANGGRAPH_STEPS },
          { api: "stream", prompt: ["0"], steps: LANGGRAPH_STEPS },
          { api: "streamEvents", prompt: ["0"], steps: LANGGRAPH_STEPS },
          // @langchain/langgraph-core 1.4.12 `pregel/index.ts` Pregel.withConfig: the config merged under each call's.
          { api: "withConfig", prompt: [], yields: "langgraph.compiled", configures: true },
        ],
      },
      {
        id: "langchain.executor",
        classes: ["AgentExecutor"],
        methods: [{ api: "invoke", prompt: ["0"], steps: { from: ["client:maxIterations"], default: 15, source: "AgentExecutor stops at maxIterations, 15 by default" } }],
      },
      {
        id: "langchain.memory-chain",
        classes: ["ConversationChain"],
        stateful: { source: "ConversationChain keeps its memory (BufferMemory) and re-sends it on every call", boundedBy: ["BufferWindowMemory", "ConversationSummaryMemory", "ConversationSummaryBufferMemory", "ConversationTokenBufferMemory"] },
        methods: [
          { api: "invoke", prompt: ["0"] },
          { api: "call", prompt: ["0"] },
          { api: "predict", prompt: ["0"] },
        ],
      },
      {
        // `new SqlDatabaseChain({ llm, database })` (@langchain/classic 1.0.41, `chains/sql_db/sql_db_chain.ts` `_call`):
        // one request writes the SQL query, a second answers with the question, the query and its result.
        id: "langchain.sql-chain",
        classes: ["SqlDatabaseChain"],
        modelFrom: "llm",
        methods: [
          { api: "run", prompt: ["0"], steps: SQL_CHAIN_STEPS },
          { api: "call", prompt: ["0"], steps: SQL_CHAIN_STEPS },
          { api: "invoke", prompt: ["0"], steps: SQL_CHAIN_STEPS },
        ],
      },
      {
        // `await createSqlQueryChain({ llm, db, dialect })` (@langchain/classic 1.0.41, `chains/sql_db/sql_db_chain.ts`):
        // a prompt piped into the model; `invoke({ question })` asks it for one query.
        id: "langchain.sql-query-chain",
        modelFrom: "llm",
        methods: [{ api: "invoke", prompt: ["0"] }],
      },
      {
        // `RunnablePassthrough.assign({ tables: chainA }).pipe(chainB)` and `RunnableSequence.from([RunnablePassthrough.assign(…),
        // prompt, model])` (@langchain/core 1.2.5, `runnables/base.ts` RunnableAssign): each assigned runnable is invoked on
        // the input and its answer added to it, then the piped chain runs on the whole. Made by the binder, never by a class.
        id: ASSIGNED_CHAIN,
        methods: [
          { api: "invoke", prompt: ["0"], steps: ASSIGNED_CHAIN_STEPS },
          { api: "stream", prompt: ["0"], steps: ASSIGNED_CHAIN_STEPS },
        ],
      },
      {
        id: "langchain.llm-chain",
        classes: ["LLMChain"],
        // @langchain/classic 1.0.41: its own chains import it as "./llm_chain.js".
        declaredIn: ["langchain-classic/src/chains/llm_chain.ts"],
        modelFrom: "llm",
        methods: [
          { api: "call", prompt: ["0"] },
          { api: "predict", prompt: ["0"] },
          { api: "invoke", prompt: ["0"] },
          { api: "run", prompt: ["0"] },
          // `apply(inputs)` (`chains/base.ts`): the chain once per input (MapReduceDocumentsChain's map step).
          { api: "apply", prompt: ["0"], batch: { concurrency: [] } },
        ],
      },
      {
        // @langchain/classic 1.0.41 `chains/sequential_chain.ts`: `_call` runs each chain of `chains` in turn, on the
        // previous one's outputs (SimpleSequentialChain: its one output is the next one's input).
        id: "langchain.sequential-chain",
        classes: ["SimpleSequentialChain", "SequentialChain"],
        sequenceOf: "chains",
        methods: [
          { api: "run", prompt: ["0"], steps: SEQUENCE_STEPS },
          { api: "call", prompt: ["0"], steps: SEQUENCE_STEPS },
          { api: "invoke", prompt: ["0"], steps: SEQUENCE_STEPS },
        ],
      },
      {
        id: "langchain.docs-chain",
        methods: [
          { api: "call", prompt: ["0.input_documents"], steps: DOCS_CHAIN_STEPS },
          { api: "invoke", prompt: ["0.input_documents"], steps: DOCS_CHAIN_STEPS },
        ],
      },
      {
        id: "langchain.stuff-chain",
        modelFrom: "llm",
        methods: [
          { api: "call", prompt: ["0"] },
          { api: "invoke", prompt: ["0"] },
        ],
      },
      {
        id: "langchain.qa-chain",
        methods: [
          { api: "call", prompt: ["0.input_documents"], steps: QA_CHAIN_STEPS },
          { api: "invoke", prompt: ["0.input_documents"], steps: QA_CHAIN_STEPS },
        ],
      },
      {
        id: "langchain.refine-chain",
        methods: [
          { api: "call", prompt: ["0.input_documents"], steps: REFINE_CHAIN_STEPS },
          { api: "invoke", prompt: ["0.input_documents"], steps: REFINE_CHAIN_STEPS },
        ],
      },
      {
        // Completion models (`OpenAI` from @langchain/openai): a string in, a string out.
        id: "langchain.llm",
        classes: ["OpenAI", "AzureOpenAI", "Ollama", "Cohere"],
        modelFrom: "model",
        maxTokensFrom: ["maxTokens"],
        methods: [
          { api: "invoke", prompt: ["0"] },
          { api: "stream", prompt: ["0"] },
          { api: "streamEvents", prompt: ["0"] },
          { api: "batch", prompt: ["0"] },
          { api: "call", prompt: ["0"] },
          { api: "predict", prompt: ["0"] },
          { api: "withFallbacks", prompt: [], yields: "langchain.llm" },
          { api: "withConfig", prompt: [], yields: "langchain.llm" },
          { api: "withRetry", prompt: [], yields: "langchain.llm" },
        ],
      },
      {
        id: "langgraph.graph",
        classes: ["StateGraph", "MessageGraph"],
        methods: [
          { api: "addNode", prompt: [], yields: "langgraph.graph" },
          { api: "addEdge", prompt: [], yields: "langgraph.graph" },
          { api: "addConditionalEdges", prompt: [], yields: "langgraph.graph" },
          { api: "addSequence", prompt: [], yields: "langgraph.graph" },
          { api: "compile", prompt: [], yields: "langgraph.compiled" },
        ],
      },
      {
        // @langchain/core 1.2.5 `language_models/base.ts` (BaseLanguageModelInterface, BaseLanguageModel), `chat_models.ts`
        // (BaseChatModel), `llms.ts` (BaseLLM): a model typed by its interface or base class, as the framework's chains and
        // agents (`this.llm.invoke`) and helpers that take any model hold it.
        id: "langchain.model",
        classes: ["BaseLanguageModelInterface", "BaseLanguageModel", "BaseChatModel", "BaseLLM"],
        declaredIn: ["langchain-core/src/language_models/base.ts", "langchain-core/src/language_models/chat_models.ts", "langchain-core/src/language_models/llms.ts"],
        runnableOf: { classes: ["Runnable", "RunnableInterface"], input: ["BaseLanguageModelInput"] },
        modelFrom: "model",
        methods: [
          LANGCHAIN_MODEL_CALL("invoke"),
          LANGCHAIN_MODEL_CALL("stream"),
          LANGCHAIN_MODEL_CALL("streamEvents"),
          LANGCHAIN_MODEL_CALL("call"),
          LANGCHAIN_MODEL_CALL("predict"),
          LANGCHAIN_MODEL_CALL("predictMessages"),
          { api: "batch", prompt: ["0"], batch: { concurrency: ["1.maxConcurrency"] } },
          LANGCHAIN_MODEL_BATCH("generate"),
          LANGCHAIN_MODEL_BATCH("generatePrompt"),
          { api: "bindTools", prompt: [], yields: "langchain.model" },
          { api: "withStructuredOutput", prompt: [], yields: "langchain.model" },
          { api: "withConfig", prompt: [], yields: "langchain.model" },
          { api: "withRetry", prompt: [], yields: "langchain.model" },
          { api: "withFallbacks", prompt: [], yields: "langchain.model" },
        ],
      },
      {
        id: "langchain.chat",
        classes: ["Chat*", "AzureChatOpenAI"],
        notClasses: ["*Template", "*History", "*Message", "*MessageChunk", "*Prompt*"],
        modelFrom: "model",
        maxTokensFrom: ["maxTokens", "maxOutputTokens", "numPredict"],
        methods: [
          { api: "invoke", prompt: ["0"] },
          { api: "stream", prompt: ["0"] },
          { api: "streamEvents", prompt: ["0"] },
          { api: "batch", prompt: ["0"], batch: { concurrency: ["1.maxConcurrency", "client:maxConcurrency"] } },
          { api: "bindTools", prompt: [], yields: "langchain.chat" },
          { api: "withStructuredOutput", prompt: [], yields: "langchain.chat" },
          { api: "withConfig", prompt: [], yields: "langchain.chat" },
          { api: "withRetry", prompt: [], yields: "langchain.chat" },
          // `model.withFallbacks([other])` (@langchain/core Runnable): the first model's request; the others only if it throws.
          { api: "withFallbacks", prompt: [], yields: "langchain.chat" },
        ],
      },
    ],
  },
  {
    sdk: "@google/genai",
    modules: ["@google/genai"],
    clients: [
      {
        id: "google-genai",
        classes: ["GoogleGenAI"],
        methods: [
          { api: "models.generateContent", prompt: ["0.contents", "0.config.systemInstruction"], model: "0.model", maxTokens: ["0.config.maxOutputTokens"], steps: GEMINI_AFC },
          { api: "models.generateContentStream", prompt: ["0.contents", "0.config.systemInstruction"], model: "0.model", maxTokens: ["0.config.maxOutputTokens"], steps: GEMINI_AFC },
          { api: "interactions.create", prompt: ["0.input"], model: "0.model", state: ["0.previous_interaction_id"] },
          { api: "chats.create", prompt: [], yields: "google-genai.chat" },
        ],
      },
      {
        id: "google-genai.chat",
        classes: ["Chat"],
        stateful: { source: "a chat session keeps its history and sends it whole with every message" },
        modelFrom: "model",
        maxTokensFrom: ["config.maxOutputTokens"],
        instructionsFrom: ["config.systemInstruction"],
        methods: [
          { api: "sendMessage", prompt: ["0.message"], steps: GEMINI_CHAT_AFC },
          { api: "sendMessageStream", prompt: ["0.message"], steps: GEMINI_CHAT_AFC },
        ],
      },
    ],
  },
  {
    sdk: "@google/generative-ai",
    modules: ["@google/generative-ai"],
    clients: [
      {
        id: "google-generative-ai",
        classes: ["GoogleGenerativeAI"],
        methods: [{ api: "getGenerativeModel", prompt: [], yields: "google-generative-ai.model" }],
      },
      {
        id: "google-generative-ai.model",
        classes: ["GenerativeModel"],
        modelFrom: "model",
        maxTokensFrom: ["generationConfig.maxOutputTokens"],
        methods: [
          { api: "generateContent", prompt: ["0"] },
          { api: "generateContentStream", prompt: ["0"] },
          { api: "startChat", prompt: [], yields: "google-generative-ai.chat" },
        ],
      },
      {
        id: "google-generative-ai.chat",
        classes: ["ChatSession"],
        stateful: { source: "a chat session keeps its history and sends it whole with every message" },
        methods: [
          { api: "sendMessage", prompt: ["0"] },
          { api: "sendMessageStream", prompt: ["0"] },
        ],
      },
    ],
  },
  {
    sdk: "ollama",
    modules: ["ollama", "ollama/browser"],
    clients: [
      {
        id: "ollama",
        classes: ["Ollama"],
        instances: ["default"],
        methods: [
          { api: "chat", prompt: ["0.messages"], model: "0.model", maxTokens: ["0.options.num_predict"] },
          { api: "generate", prompt: ["0.prompt", "0.system"], model: "0.model", maxTokens: ["0.options.num_predict"], state: ["0.context"], stateSource: "context hands back the tokens of the conversation so far (ollama-js `src/interfaces.ts`, GenerateRequest.context), which the model reads again every time" },
        ],
      },
    ],
  },
  {
    sdk: "@mistralai/mistralai",
    modules: ["@mistralai/mistralai"],
    clients: [
      {
        id: "mistral",
        classes: ["Mistral"],
        methods: [
          { api: "chat.complete", prompt: ["0.messages"], model: "0.model", maxTokens: ["0.maxTokens"] },
          { api: "chat.stream", prompt: ["0.messages"], model: "0.model", maxTokens: ["0.maxTokens"] },
          { api: "agents.complete", prompt: ["0.messages"], maxTokens: ["0.maxTokens"] },
          { api: "fim.complete", prompt: ["0.prompt", "0.suffix"], model: "0.model", maxTokens: ["0.maxTokens"] },
          { api: "beta.conversations.start", prompt: ["0.inputs", "0.instructions"], model: "0.model" },
          { api: "beta.conversations.append", prompt: ["0.conversationAppendRequest.inputs"], state: ["0.conversationId"] },
        ],
      },
    ],
  },
  {
    sdk: "groq-sdk",
    modules: ["groq-sdk"],
    clients: [{ id: "groq", classes: ["default", "Groq"], methods: [OPENAI_CHAT] }],
  },
  {
    sdk: "cohere-ai",
    modules: ["cohere-ai"],
    clients: [
      {
        id: "cohere",
        classes: ["CohereClientV2", "CohereClient"],
        methods: [
          { api: "chat", prompt: ["0.messages", "0.message", "0.chatHistory", "0.preamble"], model: "0.model", maxTokens: ["0.maxTokens"], state: ["0.conversationId"] },
          { api: "chatStream", prompt: ["0.messages", "0.message", "0.chatHistory", "0.preamble"], model: "0.model", maxTokens: ["0.maxTokens"] },
          { api: "generate", prompt: ["0.prompt"], model: "0.model", maxTokens: ["0.maxTokens"] },
        ],
      },
    ],
  },
  {
    sdk: "@openai/agents",
    modules: ["@openai/agents", "@openai/agents-core"],
    functions: [AGENTS_RUN],
    clients: [
      { id: "openai-agents.runner", classes: ["Runner"], methods: [AGENTS_RUN] },
      {
        // agents-core 0.17.0 `model.ts`: `interface Model`, what the runner calls once per turn (`runner/modelRetry.ts`
        // `model.getResponse(request)`) and the providers implement (`OpenAIResponsesModel`).
        id: "openai-agents.model",
        classes: ["Model"],
        methods: [
          { api: "getResponse", prompt: ["0.input", "0.systemInstructions"], maxTokens: ["0.modelSettings.maxTokens"] },
          { api: "getStreamedResponse", prompt: ["0.input", "0.systemInstructions"], maxTokens: ["0.modelSettings.maxTokens"] },
        ],
      },
    ],
  },
  {
    sdk: "llamaindex",
    modules: ["llamaindex", "@llamaindex/*", "llama-cloud-services"],
    // `Settings.withLLM(llm, fn)` (llamaindex 0.5.x `Settings.ts`, the docs' "custom model per request"): runs fn with
    // the setting in place and returns what fn returns (a chat engine made inside it is that engine).
    passThrough: ["Settings.withLLM", "Settings.withEmbedModel", "Settings.withCallbackManager"],
    functions: [
      { api: "openai", prompt: [], yields: "llamaindex.llm" },
      { api: "anthropic", prompt: [], yields: "llamaindex.llm" },
      { api: "ollama", prompt: [], yields: "llamaindex.llm" },
      { api: "gemini", prompt: [], yields: "llamaindex.llm" },
      // @llamaindex/openai 0.4.22, @llamaindex/huggingface 0.1.32, @llamaindex/vercel 0.1.24: factories of the LLM classes below.
      { api: "openaiResponses", prompt: [], yields: "llamaindex.llm" },
      { api: "huggingface", prompt: [], yields: "llamaindex.llm" },
      { api: "vercel", prompt: [], yields: "llamaindex.llm" },
      // `perplexity({ model })` (@llamaindex/perplexity), `xai({ model })` (@llamaindex/xai): LlamaIndexTS docs and examples/models.
      { api: "perplexity", prompt: [], yields: "llamaindex.llm" },
      { api: "xai", prompt: [], yields: "llamaindex.llm" },
      // llamaindex 0.12.1 `indices/dist`: the static makers of an index (the index itself sends nothing; it embeds).
      ...LLAMAINDEX_INDEX_MAKERS.map((api) => ({ api, prompt: [], yields: "llamaindex.index" })),
      { api: "agent", prompt: [], yields: "llamaindex.agent-workflow" },
      { api: "multiAgent", prompt: [], yields: "llamaindex.agent-workflow" },
    ],
    clients: [
      {
        // `agent({ llm, tools }).run(msg)` (@llamaindex/workflow): a tool loop with no step cap. `run(msg, { state })`
        // (LlamaIndexTS `packages/workflow/src/agent/agent-workflow.ts` `runStream`: `params?.state ??
        // this.createInitialState()`) continues from a state whose memory holds every earlier message: the prompts,
        // answers, tool calls and results, sent again (`memory.getLLM`, cut to its token limit, 30000 by default).
        id: "llamaindex.agent-workflow",
        methods: [
          { api: "run", prompt: ["0"], steps: LLAMAINDEX_AGENT_STEPS, state: ["1.state"], stateSource: LLAMAINDEX_STATE_SOURCE },
          { api: "runStream", prompt: ["0"], steps: LLAMAINDEX_AGENT_STEPS, state: ["1.state"], stateSource: LLAMAINDEX_STATE_SOURCE },
        ],
      },
      {
        // The classic agents keep their chat history and loop over tool calls on every `chat`. The deprecated context-aware
        // agents (llamaindex `agent/openai.ts`, `agent/anthropic.ts`, `withContextAwareness` of `agent/contextAwareMixin.ts`,
        // read in a stored copy of the source: gone from the 0.12.1 checkout) are these agents whose `chat` first retrieves
        // (`contextRetriever.retrieve`, an embedding, no LLM request) and prepends the text to the system message, then `super.chat`.
        id: "llamaindex.agent",
        classes: ["OpenAIAgent", "AnthropicAgent", "LLMAgent", "OpenAIContextAwareAgent", "AnthropicContextAwareAgent"],
        // The system prompt and the history it was made with go with every request (@llamaindex/core 0.6.22 `agent/base.ts`).
        instructionsFrom: ["systemPrompt", "chatHistory"],
        // A context-aware agent's `chat` prepends the text it retrieves to the system message, kept there: each message's context
        // is sent with it and with every later one, as a prompt in the history is. The retriever stands for the text's size.
        keptFrom: ["contextRetriever"],
        stateful: { source: "a LlamaIndex agent keeps its chat history and sends it with every message" },
        // `chat({ message, chatHistory })`: a history given at the call is sent in place of the agent's.
        methods: [{ api: "chat", prompt: ["0.message", "0.chatHistory"], steps: LLAMAINDEX_TOOL_AGENT_STEPS }],
      },
      {
        // ReActAgent reads its tool calls out of the answer's text: the model may name one whatever the tools, so it may loop.
        id: "llamaindex.react-agent",
        classes: ["ReActAgent"],
        stateful: { source: "a LlamaIndex agent keeps its chat history and sends it with every message" },
        methods: [{ api: "chat", prompt: ["0.message"], steps: LLAMAINDEX_AGENT_STEPS }],
      },
      {
        // llamaindex 0.12.1: `asQueryEngine()` is a RetrieverQueryEngine, `asChatEngine()` a ContextChatEngine over the index's retriever.
        // A LlamaCloudIndex (a managed index: retrieval on LlamaCloud, the answer from the local LLM) answers its
        // `asQueryEngine(params)` with `new RetrieverQueryEngine(retriever, params?.responseSynthesizer, …)`, the same engine.
        id: "llamaindex.index",
        classes: ["VectorStoreIndex", "SummaryIndex", "KeywordTableIndex", "LlamaCloudIndex"],
        methods: [
          { api: "asQueryEngine", prompt: [], yields: "llamaindex.query-engine" },
          { api: "queryEngine", prompt: [], yields: "llamaindex.query-engine" },
          { api: "asChatEngine", prompt: [], yields: "llamaindex.chat-engine" },
        ],
      },
      {
        // @llamaindex/core 0.6.22 `query-engine`: `query({ query })` retrieves (similarityTopK, 2 by default) and answers with the
        // "compact" synthesizer, which packs the retrieved text into as few prompts as fit: one request unless it overflows the context.
        // Another synthesizer (refine, tree_summarize, or one not read) sends a request per retrieved chunk: steps below.
        id: "llamaindex.query-engine",
        methods: [{ api: "query", prompt: ["0.query"], steps: LLAMAINDEX_QUERY_STEPS(0) }],
      },
      {
        // `new RetrieverQueryEngine(retriever, responseSynthesizer)`: the synthesizer is the second argument.
        id: "llamaindex.retriever-query-engine",
        classes: ["RetrieverQueryEngine"],
        methods: [{ api: "query", prompt: ["0.query"], steps: LLAMAINDEX_QUERY_STEPS(1) }],
      },
      {
        id: "llamaindex.chat-engine",
        classes: ["SimpleChatEngine", "ContextChatEngine", "CondenseQuestionChatEngine"],
        // @llamaindex/core 0.6.22 `memory.ts` `getLLM(llm)`: the history is cut to ¾ of the model's context window (else the
        // memory's tokenLimit, 30000 by default), the newest kept; the chat engines send `chatHistory.getLLM(this.llm)`.
        stateful: {
          source: "a chat engine keeps its chat history in memory and sends it with every message",
          trimmed: "cut to the memory's token limit (¾ of the model's context window, else 30000 tokens), so each request sends at most that: an upper bound",
        },
        methods: [{ api: "chat", prompt: ["0.message"] }],
      },
      {
        id: "llamaindex.llm",
        // OpenAIResponses (@llamaindex/openai 0.4.22), HuggingFaceLLM (a local model) and HuggingFaceInferenceAPI
        // (@llamaindex/huggingface 0.1.32), VercelLLM (@llamaindex/vercel 0.1.24, an AI SDK model behind LlamaIndex's LLM).
        // LLM, BaseLLM, ToolCallLLM (@llamaindex/core 0.6.22 `llms`): the interface and base classes every one implements,
        // as a value typed by them (`let llm: LLM = Settings.llm`) holds. The provider classes after VercelLLM are read from
        // LlamaIndexTS's docs (`framework/modules/models/llms/*.mdx`) and examples/models (versions not read).
        classes: [
          ...["OpenAI", "Anthropic", "Ollama", "Gemini", "Groq", "MistralAI", "OpenAIResponses", "HuggingFaceLLM", "HuggingFaceInferenceAPI", "VercelLLM"],
          ...["AzureOpenAI", "Bedrock", "DeepInfra", "DeepSeekLLM", "FireworksLLM", "TogetherLLM", "OVHcloudLLM", "Portkey", "ReplicateLLM", "LlamaDeuce", "VLLM"],
          ...["LLM", "BaseLLM", "ToolCallLLM"],
        ],
        modelFrom: "model",
        maxTokensFrom: ["maxTokens"],
        methods: [
          { api: "chat", prompt: ["0.messages"] },
          { api: "complete", prompt: ["0.prompt"] },
          { api: "exec", prompt: ["0.messages"] },
        ],
      },
    ],
  },
  {
    sdk: "@mastra/core",
    modules: ["@mastra/core", "@mastra/core/*"],
    clients: [
      {
        id: "mastra.agent",
        classes: ["Agent"],
        modelFrom: "model",
        instructionsFrom: ["instructions"],
        methods: [
          { api: "generate", prompt: ["0"], maxTokens: ["1.modelSettings.maxOutputTokens"], steps: MASTRA_STEPS, state: ["1.memory", "1.threadId"], stateWindow: MASTRA_WINDOW },
          { api: "stream", prompt: ["0"], maxTokens: ["1.modelSettings.maxOutputTokens"], steps: MASTRA_STEPS, state: ["1.memory", "1.threadId"], stateWindow: MASTRA_WINDOW },
        ],
      },
      {
        // The context a workflow step's or a tool's `execute` is called with (`@mastra/core` 1.x
        // `workflows/step.ts` ExecuteFunctionParams: `mastra: Mastra`; a tool's second parameter, the first before 1.0).
        id: "mastra.context",
        methods: [
          { api: "mastra.getAgent", prompt: [], yields: "mastra.agent", byName: true },
          { api: "mastra.getAgentById", prompt: [], yields: "mastra.agent", byName: true },
        ],
      },
      {
        // `new Harness({ agent, modes })` (`@mastra/core/harness`, since 1.1.0; mastra.ai's Harness class reference):
        // `sendMessage({ content })` runs the active mode's agent on the thread, `createSession()` gives one conversation's session.
        id: "mastra.harness",
        classes: ["Harness"],
        methods: [
          { api: "sendMessage", prompt: ["0"], steps: MASTRA_HARNESS_STEPS },
          { api: "createSession", prompt: [], yields: "mastra.harness" },
        ],
      },
      {
        // `mastra.getAgent("weather")`: an agent registered with the Mastra instance.
        id: "mastra",
        classes: ["Mastra"],
        methods: [
          { api: "getAgent", prompt: [], yields: "mastra.agent", byName: true },
          { api: "getAgentById", prompt: [], yields: "mastra.agent", byName: true },
        ],
      },
    ],
    callbacks: [
      { function: "createStep", property: "execute", client: "mastra.context" },
      { function: "createTool", property: "execute", client: "mastra.context" },
    ],
  },
  {
    sdk: "@voltagent/core",
    modules: ["@voltagent/core"],
    clients: [
      {
        // `generateObject(input, schema, options)` and `streamObject`: one request, no tools.
        id: "voltagent.agent",
        classes: ["Agent"],
        modelFrom: "model",
        instructionsFrom: ["instructions"],
        maxTokensFrom: ["maxOutputTokens"],
        methods: VOLTAGENT_METHODS(VOLTAGENT_STEPS),
      },
      {
        id: "voltagent.plan-agent",
        classes: ["PlanAgent"],
        modelFrom: "model",
        instructionsFrom: ["systemPrompt"],
        maxTokensFrom: ["maxOutputTokens"],
        methods: VOLTAGENT_METHODS(VOLTAGENT_PLAN_STEPS),
      },
    ],
  },
  {
    sdk: "@inngest/agent-kit",
    modules: ["@inngest/agent-kit", "@inngest/agent-kit/server"],
    functions: [
      { api: "createAgent", prompt: [], yields: "agentkit.agent" },
      // 0.13.2 `agent.ts`: `createRoutingAgent(opts)` is `new RoutingAgent(opts)`, an `Agent` whose run is the same one inference.
      { api: "createRoutingAgent", prompt: [], yields: "agentkit.agent" },
      { api: "createNetwork", prompt: [], yields: "agentkit.network" },
      // 0.13.2 `server.ts`: an Inngest function per network that runs `network.run(event.data.input)` on each event.
      { api: "createServer", prompt: [], agent: { argument: "0.networks", api: "run", served: true } },
    ],
    clients: [
      {
        id: "agentkit.agent",
        classes: ["Agent", "RoutingAgent"],
        declaredIn: ["agent-kit/src/agent.ts"],
        modelFrom: "model",
        instructionsFrom: ["system"],
        // 0.13.2 `agent.ts` `run`: the state is `state || network?.state`, and the request sends `prompt.concat(s.formatHistory())`,
        // the state's messages and every result in it (`state.ts`: each result's output and tool calls); `NetworkRun.execute`
        // adds each agent's result by `this.state.appendResult(call)`.
        methods: [{ api: "run", prompt: ["0"], handedState: { paths: ["1.state", "1.network@state"], method: "appendResult", source: "the network state's history (every result appendResult added: its answer and the results of its tools) goes with each agent run" } }],
      },
      {
        id: "agentkit.network",
        classes: ["Network"],
        modelFrom: "defaultModel",
        methods: [{ api: "run", prompt: ["0"], steps: { from: ["client:maxIter"], source: "a network runs agents until its router stops or maxIter is reached; maxIter has no default" } }],
      },
    ],
  },
  {
    // genkit 1.42.0 (`@genkit-ai/ai` 1.42.0 `generate/action.js`): generate resolves the model's tool requests and asks again,
    // unless returnToolRequests; it throws when the model still asks for tools after maxTurns tool turns (5 by default), so
    // a call sends at most maxTurns + 1 requests. `ai = genkit({ plugins })`, then `ai.generate({…})`;
    // `generate({ model, tools, prompt })` of `@genkit-ai/ai` is its 0.x form (1.x takes the registry first).
    sdk: "genkit",
    modules: ["genkit", "genkit/beta", "@genkit-ai/ai"],
    functions: [{ api: "genkit", prompt: [], yields: "genkit.ai" }, GENKIT_GENERATE("generate"), GENKIT_GENERATE("generateStream")],
    clients: [{ id: "genkit.ai", classes: ["Genkit"], methods: [GENKIT_GENERATE("generate"), GENKIT_GENERATE("generateStream")] }],
  },
  {
    // @dexaai/dexter 4.1.1 `ai-function/ai-runner.js`: createAIRunner({ chatModel, functions, maxIterations = 5 }) returns a
    // function; each call runs the model, then the functions it called, until an answer with content or maxIterations.
    sdk: "@dexaai/dexter",
    modules: ["@dexaai/dexter"],
    functions: [{ api: "createAIRunner", prompt: [], yields: "dexter.runner" }],
    clients: [
      {
        id: "dexter.runner",
        modelFrom: "chatModel",
        instructionsFrom: ["systemMessage"],
        // `api: ""`: the runner is itself the function called (`await runner(q)`).
        methods: [{ api: "", prompt: ["0"], steps: { from: ["client:maxIterations"], default: 5, when: "client:functions", source: "a dexter runner calls the model until it answers without a function call, at most maxIterations times (5 by default)" } }],
      },
      { id: "dexter.chat", classes: ["ChatModel"], modelFrom: "params.model", methods: [{ api: "run", prompt: ["0.messages"] }] },
    ],
  },
  {
    sdk: "chatgpt",
    modules: ["chatgpt"],
    clients: [
      {
        id: "chatgpt",
        classes: ["ChatGPTAPI"],
        modelFrom: "completionParams.model",
        maxTokensFrom: ["completionParams.max_tokens"],
        methods: [{ api: "sendMessage", prompt: ["0"], state: ["1.parentMessageId", "1.conversationId"] }],
      },
    ],
  },
];

export const ENDPOINT_CATALOG: readonly EndpointSpec[] = [
  { sdk: "http:openai", api: "POST /v1/chat/completions", url: /\/v1\/chat\/completions\b/, prompt: ["messages"], model: "model", maxTokens: ["max_completion_tokens", "max_tokens"] },
  { sdk: "http:openai", api: "POST /v1/responses", url: /api\.openai\.com\/v1\/responses\b/, prompt: ["input", "instructions"], model: "model", maxTokens: ["max_output_tokens"] },
  { sdk: "http:openai", api: "POST /v1/completions", url: /api\.openai\.com\/v1\/completions\b/, prompt: ["prompt"], model: "model", maxTokens: ["max_tokens"] },
  { sdk: "http:anthropic", api: "POST /v1/messages", url: /api\.anthropic\.com\/v1\/messages\b/, prompt: ["messages", "system"], model: "model", maxTokens: ["max_tokens"] },
  { sdk: "http:gemini", api: "POST :generateContent", url: /generativelanguage\.googleapis\.com\/.*:(stream)?[gG]enerateContent/, prompt: ["contents", "systemInstruction"], maxTokens: ["generationConfig.maxOutputTokens"] },
  { sdk: "http:ollama", api: "POST /api/chat", url: /(localhost|127\.0\.0\.1|\bollama\b)[^/]*:11434\/api\/chat\b/, prompt: ["messages"], model: "model", maxTokens: ["options.num_predict"] },
  { sdk: "http:ollama", api: "POST /api/generate", url: /(localhost|127\.0\.0\.1|\bollama\b)[^/]*:11434\/api\/generate\b/, prompt: ["prompt", "system"], model: "model", maxTokens: ["options.num_predict"] },
];

// Per catalog: every file's analyzer asks, and the plugin makes one per edit.
const calleeNames = new WeakMap<readonly SdkEntry[], ReadonlySet<string>>();

/** Calls whose callee name is one of these may be LLM calls; any other call is skipped cheaply. */
export function catalogCalleeNames(entries: readonly SdkEntry[]): ReadonlySet<string> {
  let names = calleeNames.get(entries);
  if (!names) {
    const all = new Set<string>(["fetch", "post", "axios", "request"]);
    for (const e of entries) {
      for (const f of e.functions ?? []) all.add(f.api.split(".").pop() ?? f.api);
      for (const c of e.clients ?? []) for (const m of c.methods) all.add(m.api.split(".").pop() ?? m.api);
    }
    calleeNames.set(entries, (names = all));
  }
  return names;
}

export function moduleMatches(pattern: string, specifier: string): boolean {
  if (pattern.endsWith("/*")) return specifier.startsWith(pattern.slice(0, -1));
  return pattern === specifier;
}

export function exportMatches(pattern: string, name: string): boolean {
  if (!pattern.includes("*")) return pattern === name;
  const re = new RegExp(`^${pattern.split("*").map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`);
  return re.test(name);
}
