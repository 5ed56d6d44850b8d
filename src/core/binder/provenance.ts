// Import provenance: what an expression is, traced back to a catalog module through imports,
// `require`, aliases, destructuring, `new`, variables, class fields and typed parameters.
// Only values that lead to a catalog entry are tracked; anything else resolves to undefined.
import type * as ts from "typescript";
import { ASSIGNED_CHAIN, ASSIGNED_CHAIN_STEPS, exportMatches, moduleMatches, type ApiSpec, type MiddlewareRequests, type ClientKind, type EndpointSpec, type HostedTools, type LoopsWith, type SdkEntry, type StepSpec } from "../catalog/sdks";
import type { Summary } from "../analysis/summary";
import type { Constants } from "./constants";
import { awaitedImport, awaitedImportExport } from "./dynamicImport";
import { compiledGraphIsAcyclic, compiledGraphMakesNoCalls } from "./graphShape";
import type { Scopes, TS } from "./scopes";
import { compactCode } from "../compactCode";

/** Array methods that put new elements in the array they are called on. */
const ARRAY_CHANGES = new Set(["push", "unshift", "splice", "fill"]);

/** langchain 1.x `createMiddleware` options that add no hook around the model (`agents/middleware/types.ts`). */
const MIDDLEWARE_WITHOUT_HOOKS = new Set(["name", "tools", "stateSchema", "contextSchema"]);

export type Value =
  /** An import of a catalog module, and the member path taken from it. */
  | { readonly kind: "module"; readonly entry: SdkEntry; readonly path: readonly string[] }
  /** A client (an instance of a catalog class), the member path taken from it, and how it was made. */
  | { readonly kind: "client"; readonly entry: SdkEntry; readonly client: ClientKind; readonly path: readonly string[]; readonly config?: ts.Expression; readonly parent?: Value; readonly origin?: ts.Node; readonly settings?: ClientSettings; /** Looked up by its name (`mastra.getAgent("x")`): how it was made is not known here. */ readonly byName?: true; /** Options its later calls take by default (`agent.withConfig({ recursionLimit: 50 })`), oldest first. */ readonly defaults?: readonly ts.Expression[] }
  /** A function that returns a client (`getClient()`, `this.client()`): calling it yields `returns`. */
  | { readonly kind: "factory"; readonly returns: Value }
  /**
   * An instance of a project class or interface (`context: AgentLoopContext`), followed through the
   * declared types of its members (`context.config.getContentGenerator()`) until one is a client;
   * `member` is a member taken but not yet read (a property, or a method when it is called).
   */
  | { readonly kind: "typed"; readonly type: TypeRef; readonly member?: string };

/** A declared type: in this module, or a top-level class or interface of another project module. */
export type TypeRef = { readonly decl: ts.ClassLikeDeclaration | ts.InterfaceDeclaration | ts.TypeLiteralNode } | { readonly file: string; readonly name: string };

/** A member of another module's declared type, as that module resolved it: a client, or another declared type. */
export type TypeMember = { readonly client: ExportedClient } | { readonly type: { readonly file: string; readonly name: string } };

/** Declared types of other project modules (the project answers; each answer is kept). */
export interface DeclaredTypes {
  /** The module that declares an imported type, and its name there. */
  at(specifier: string, exportName: string): { file: string; name: string } | undefined;
  /** What member `key` of that type is (`called`: what the method returns). */
  member(file: string, name: string, key: string, called: boolean): TypeMember | undefined;
}

/** A client made in another module, as that module resolved it: its kind and its static settings. */
export interface ExportedClient {
  readonly entry: SdkEntry;
  /** Absent for an SDK function's own declaration (`declared`: `generateText` inside the `ai` package). */
  readonly client?: ClientKind;
  /** The member path taken from the client (`ai.models`). */
  readonly path: readonly string[];
  readonly model?: string;
  readonly maxTokens?: number;
  /** Its construction caps the conversation it keeps to a window of this many messages (a memory's `lastMessages`). */
  readonly window?: number;
  /** The export is a function that returns the client. */
  readonly factory: boolean;
  /** Step caps its construction states (`stopWhen: stepCountIs(8)`), by the catalog's `client:` path, with the text and place they are written at. */
  readonly caps?: readonly StatedCap[];
  /** A compiled LangGraph graph whose builder calls show no cycle (graphShape.ts). */
  readonly acyclicGraph?: true;
  /** Made without the options its methods' loops run with (an agent with no tools): one request a call. */
  readonly loopless?: true;
  /** The text of the instructions it was made with (`new Agent({ instructions: "…" })`), sent with every request, when fixed in the code. */
  readonly instructions?: string;
  /** The `id` it was made with (`new Agent({ id: "review-agent" })`), the name `mastra.getAgentById` looks it up by. */
  readonly id?: string;
  /** Defaults it was given for its calls' options (`withConfig`), as that module read them. */
  readonly defaults?: CallDefaults;
  /** Not a client made there but the framework's own declaration of the catalog class or function of this name (its monorepo imports it by a relative path): the import is that export. */
  readonly declared?: string;
}

/** A step cap read in the module that made a client: its value, and `stopWhen: stepCountIs(8) at agent.ts:7`. */
export interface StatedCap {
  readonly path: string;
  readonly value: number;
  readonly text: string;
}

/**
 * Defaults for a client's call options set where another module made it (`withConfig`): the step caps they
 * state as numbers (by the option's key path), and whether one was not read (it may set any).
 */
export interface CallDefaults {
  readonly caps: readonly StatedCap[];
  readonly open?: true;
}

/**
 * The requests one model step of an agent sends with its middleware: `perStep` of them, each at most the step's input and one
 * of `prompts` (sizes in tokens, or the option given); `unknown` when a middleware's requests have no count in the code.
 */
export type MiddlewareCount = { readonly perStep: number; readonly prompts: readonly (number | ts.Expression)[]; readonly told: string } | { readonly unknown: string };

/** Settings of a client made elsewhere, as literals of their own (the other file's nodes stay there). */
interface ClientSettings {
  readonly model?: ts.Expression;
  readonly maxTokens?: ts.Expression;
  readonly window?: number;
  readonly caps?: readonly StatedCap[];
  readonly acyclicGraph?: true;
  readonly loopless?: true;
  readonly instructions?: ts.Expression;
  readonly id?: string;
  readonly defaults?: CallDefaults;
}

export interface LlmCall {
  readonly node: ts.CallExpression;
  readonly sdk: string;
  readonly api: string;
  /** Expressions whose sizes make up the prompt. */
  readonly prompt: readonly ts.Expression[];
  /** Prompt the session was made with (a chat's `systemInstruction`): sent with every request, not kept in its history. */
  readonly instructions?: readonly ts.Expression[];
  /** What the client was made with that makes text sent with each request and kept in its history after it (`keptFrom`: a context retriever). */
  readonly kept?: readonly ts.Expression[];
  readonly model?: ts.Expression;
  readonly maxTokens?: ts.Expression;
  /** A loop inside the SDK: the spec, and the expression that caps it when one is given. */
  readonly steps?: {
    readonly spec: StepSpec;
    readonly cap?: ts.Expression;
    readonly elements?: ts.Expression;
    readonly compaction?: ts.Expression;
    readonly stated?: StatedCap;
    readonly limit?: ts.Expression;
    readonly alternates?: true;
    /** Options not read here that may set the cap (`invoke(x, config)`): what they are, told; the default is then assumed. */
    readonly open?: string;
    /** Middleware that repeats the model's requests or sends its own: the requests of one model step, told. */
    readonly middleware?: MiddlewareCount;
  };
  /** Conversation state kept between requests: where it starts (a session's creation, the variable chaining response ids). */
  readonly state?: {
    readonly anchor: ts.Node;
    readonly source: string;
    readonly window?: number;
    /** What the SDK cuts the re-sent state to (a token limit): told, and the input is an upper bound. */
    readonly trimmed?: string;
    /** State grown only by the SDK's append in the code (ApiSpec.handedState): the loops around the call that append to it, by answers and tool results, not prompts. */
    readonly appendedIn?: readonly ts.Node[];
    /** That state when it is a field of `this` (`{ network: this }`: `this.state`): a caller's loop calling `method` on it grows it too. */
    readonly field?: { readonly name: string; readonly method: string };
    /** That state when the run's function did not make it empty (`network.state`): the history it already holds goes with each run. */
    readonly history?: string;
    /** The thread a fixed id names (`thread_id: "user-123"`), anchored at the client: two calls share the state only on one thread. */
    readonly thread?: string;
    /** What keeps a thread an id variable names (a checkpointer, by the client made with it): two clients' threads of one id are two conversations. */
    readonly keptBy?: ts.Node;
    /** The state is one branch of a condition (`previous_response_id: n > 100 ? undefined : r1.id`): a request may be sent without it, so what it carries is at most. */
    readonly maybe?: boolean;
  };
  /** A call of a function of the user's that makes LLM calls: its summary. */
  readonly summary?: Summary;
  /** `xs.map(ask)`: the collection whose elements the summarised function is called with. */
  readonly elementOf?: ts.Expression;
  /** The iteration over `elementOf` when it is not the call itself (a LangGraph `Send` fan-out's `map`). */
  readonly iteration?: ts.CallExpression;
  /** A fan-out made by another module's routing function: the collection it maps (as written there) and where. */
  readonly fanOutFrom?: { readonly collection: string; readonly where: string };
  /** A closure of the caller passed by name to this call (`retryWithBackoff(apiCall, …)`): run once here, its parameters not this call's arguments. */
  readonly passed?: ts.Identifier;
  /** `model.batch(inputs)`: one request per element of `of`, `concurrency` at a time when given. */
  readonly batch?: { readonly of: ts.Expression; readonly concurrency?: ts.Expression };
  /** What the summarised function is called with, when not the call's own arguments (a route handler's request: the body `fetch` sends). */
  readonly arguments?: readonly ts.Expression[];
}

/** The AI SDK providers' server-side tools (@ai-sdk/anthropic, openai, google, xai docs: web search and fetch, code execution,
 *  file search, image generation, hosted MCP, tool search, Google's grounding tools, xAI's X search and viewers), by name. */
const PROVIDER_EXECUTED_TOOL = /^(websearch|webfetch|codeexecution|codeinterpreter|filesearch|imagegeneration|mcp|googlesearch|googlemaps|urlcontext|enterprisewebsearch|vertexragstore|xsearch|toolsearch|viewimage|viewxvideo)/;

/** What a stand-in transport makes its answer of. */
const ANSWER_CLASSES = new Set(["Response", "Headers", "Blob", "URL", "Error", "TextEncoder"]);
/** Built-ins that compute and never send: what a stand-in transport may call beside its answer. */
const PURE_GLOBAL_FUNCTIONS = new Set(["String", "Number", "Boolean", "encodeURIComponent", "decodeURIComponent", "parseInt", "parseFloat"]);
const PURE_GLOBAL_OWNERS = new Set(["Math", "Date", "Array", "Object", "Number", "String", "console"]);
/** Method names that send on whatever object has them: never read as a method of the test's data. */
// The methods a value made of literals has (arrays', strings', numbers'): none of them sends.
const BUILT_IN_DATA_METHODS = new Set(["at", "concat", "entries", "every", "filter", "find", "findIndex", "findLast", "findLastIndex", "flat", "flatMap", "forEach", "includes", "indexOf", "join", "keys", "lastIndexOf", "map", "pop", "push", "reduce", "reduceRight", "reverse", "shift", "slice", "some", "sort", "splice", "unshift", "values", "fill", "toString", "toSorted", "toReversed", "charAt", "charCodeAt", "endsWith", "startsWith", "padEnd", "padStart", "repeat", "replace", "replaceAll", "split", "substring", "toLowerCase", "toUpperCase", "trim", "trimStart", "trimEnd", "toFixed", "hasOwnProperty"]);
const SENDING_METHODS = new Set(["fetch", "request", "send", "post", "put", "patch", "delete", "call", "apply", "bind"]);

export class Provenance {
  private readonly memo = new Map<ts.Node, Value | null>();
  private readonly inProgress = new Set<ts.Node>();
  private readonly factories = new Map<ts.Node, Value | null>();
  /** How many answers were cut short by a value still in progress (a cycle): such answers are not kept. */
  private cutShort = 0;

  constructor(
    private readonly ts: TS,
    private readonly scopes: Scopes,
    private readonly constants: Constants,
    private readonly catalog: readonly SdkEntry[],
    private readonly endpoints: readonly EndpointSpec[],
    private readonly calleeNames: ReadonlySet<string>,
    private readonly wrappers: ReadonlySet<string>,
    /** The summary of the user function a call invokes, when it makes LLM calls. */
    private readonly summaryOfCallee: (call: ts.CallExpression) => Summary | undefined,
    /** Type-aware mode: the package and class name of an expression's type. */
    private readonly typeOf?: (e: ts.Expression) => { module: string; name: string } | undefined,
    /** A client exported by another module of the project (`export const client = new OpenAI()`). */
    private readonly importedClient?: (specifier: string, exportName: string) => ExportedClient | undefined,
    private readonly declaredTypes?: DeclaredTypes,
    /** The handler of the app's own route (`fetch("/api/responses", { method: "POST" })`): its summary. */
    private readonly routeHandler?: (path: string, method: string) => Summary | undefined,
    /** The agent the project registers under a name (`new Mastra({ agents: { weatherAgent } })`), for `mastra.getAgent("weatherAgent")`. */
    private readonly registeredAgent?: (name: string, byId: boolean) => ExportedClient | undefined,
    /** Whether an agent another module of the project exports was made with none of the options that loop (`madeWithoutLoops` there). */
    private readonly importedMadeWithout?: (specifier: string, exportName: string, loopsWith: LoopsWith) => boolean | undefined,
  ) {}

  /** The LLM call this call expression makes, if any. */
  classifyCall(call: ts.CallExpression): LlmCall | undefined {
    const t = this.ts;
    const callee = this.constants.skipTrivia(call.expression);
    const name = t.isIdentifier(callee) ? callee.text : t.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    // Method names prefilter cheaply; a plain identifier may be an alias (`generateText as gt`).
    if (name && this.wrappers.has(name)) return this.wrapperCall(call, name);
    const sdk = name && (t.isIdentifier(callee) || this.calleeNames.has(name)) ? this.classifySdkCall(call, callee, name) : undefined;
    const found = sdk ?? this.classifyUserFunctionCall(call);
    return found && this.mockedSdks().has(found.sdk) ? undefined : found;
  }

  /** Whether a call is an SDK's own request (not a function of the user's): it reads what it is handed, it does not write it. */
  isSdkCall(call: ts.CallExpression): boolean {
    const t = this.ts;
    const callee = this.constants.skipTrivia(call.expression);
    const name = t.isIdentifier(callee) ? callee.text : t.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    return !!name && (t.isIdentifier(callee) || this.calleeNames.has(name)) && !!this.classifySdkCall(call, callee, name);
  }

  private mocked: ReadonlySet<string> | undefined;

  /**
   * SDKs the file replaces by a module mock (`jest.mock("openai", () => …)`, `vi.mock("ai")`,
   * hoisted to the top of a test file): its calls, and those of the project's code it runs, reach
   * the test's stand-in, not the API.
   */
  private mockedSdks(): ReadonlySet<string> {
    if (this.mocked) return this.mocked;
    const t = this.ts;
    const sdks = new Set<string>();
    for (const st of this.scopes.sourceFile.statements) {
      const call = t.isExpressionStatement(st) ? this.constants.skipTrivia(st.expression) : undefined;
      if (!call || !t.isCallExpression(call) || !t.isPropertyAccessExpression(call.expression) || !t.isIdentifier(call.expression.expression)) continue;
      const [runner, method] = [call.expression.expression.text, call.expression.name.text];
      const specifier = call.arguments[0];
      if ((runner !== "jest" && runner !== "vi") || !["mock", "doMock", "unstable_mockModule"].includes(method) || !specifier || !t.isStringLiteralLike(specifier)) continue;
      // The package itself, or a sub-path the file takes values from: `vi.mock("@ai-sdk/harness/utils")`
      // beside `import { HarnessAgent } from "@ai-sdk/harness/agent"` leaves the agent real.
      const taken = this.scopes.sourceFile.statements.some((i) => t.isImportDeclaration(i) && !i.importClause?.isTypeOnly && t.isStringLiteralLike(i.moduleSpecifier) && i.moduleSpecifier.text === specifier.text);
      for (const e of this.catalog) if (e.modules.includes(specifier.text) || (taken && e.modules.some((m) => moduleMatches(m, specifier.text)))) sdks.add(e.sdk);
    }
    return (this.mocked = sdks);
  }

  /** A call of one of the user's functions whose summary makes LLM calls. */
  private classifyUserFunctionCall(call: ts.CallExpression): LlmCall | undefined {
    // `run(agent, "hi")` with `agent = new Agent({ model: new ScriptedModel(…) })`: the function's requests go to a test double.
    if (call.arguments.some((a) => this.givesTestDouble(a))) return undefined;
    const summary = this.summaryOfCallee(call);
    return summary ? this.userFunctionCall(call, summary) : undefined;
  }

  /** `xs.map(ask)`: a summarised function passed to an iteration method. */
  callbackCall(call: ts.CallExpression, fn: ts.Expression, summary: Summary): LlmCall {
    const name = compactCode(fn.getText(this.scopes.sourceFile));
    const collection = (call.expression as ts.PropertyAccessExpression).expression;
    return { node: call, sdk: summary.sdk, api: `${name}() → ${summary.api}`, prompt: [], summary, elementOf: collection };
  }

  /**
   * `.addNode("summarize", summarize)` with `summarize` imported, fanned out in this file by
   * `docs.map((doc) => new Send("summarize", …))`: the node's calls once per element of `docs`.
   */
  fannedNodeCall(call: ts.CallExpression, fn: ts.Expression, summary: Summary, fanOut: ts.CallExpression): LlmCall {
    const name = compactCode(fn.getText(this.scopes.sourceFile));
    const collection = (fanOut.expression as ts.PropertyAccessExpression).expression;
    return { node: call, sdk: summary.sdk, api: `${name}() → ${summary.api}`, prompt: [], summary, elementOf: collection, iteration: fanOut };
  }

  /** `.addNode("summarize", summarize)` fanned out by a routing function of another module: once per element of what it maps. */
  foreignFannedNodeCall(call: ts.CallExpression, fn: ts.Expression, summary: Summary, fanOut: { readonly collection: string; readonly where: string }, edges: ts.Expression): LlmCall {
    const name = compactCode(fn.getText(this.scopes.sourceFile));
    return { node: call, sdk: summary.sdk, api: `${name}() → ${summary.api}`, prompt: [], summary, elementOf: edges, fanOutFrom: fanOut };
  }

  /** `retryWithBackoff(apiCall, …)` with `apiCall` a closure of the caller's: what one run of it costs. */
  passedClosureCall(call: ts.CallExpression, closure: ts.Identifier, summary: Summary): LlmCall {
    return { node: call, sdk: summary.sdk, api: `${closure.text}() → ${summary.api}`, prompt: [], summary, passed: closure };
  }

  userFunctionCall(call: ts.CallExpression, summary: Summary): LlmCall {
    const callee = compactCode(call.expression.getText(this.scopes.sourceFile));
    return { node: call, sdk: summary.sdk, api: `${callee}() → ${summary.api}`, prompt: call.arguments.filter((a) => !this.ts.isSpreadElement(a)), summary };
  }

  private classifySdkCall(call: ts.CallExpression, callee: ts.Expression, name: string): LlmCall | undefined {
    const http = this.classifyHttp(call, callee, name);
    if (http) return http;
    const v = this.valueOf(callee);
    if (!v || v.kind === "factory" || v.kind === "typed") return undefined;
    const own = this.apiOf(v);
    if (!own || own.yields) return undefined;
    // `createAgentUIStreamResponse({ agent })`: the agent's own call, with the prompt given here.
    const agentArgument = own.agent && this.argumentAt(call, own.agent.argument);
    const agent = agentArgument ? (own.agent!.served ? this.servedClient(agentArgument, own.agent!.api) : this.valueOf(agentArgument)) : undefined;
    const agentSpec = agent?.kind === "client" ? agent.client.methods.find((m) => m.api === own.agent!.api) : undefined;
    if (own.agent?.served && !agentSpec) return undefined;
    const spec: ApiSpec = agentSpec ? { ...agentSpec, api: own.api, prompt: own.prompt } : own;
    const client = agentSpec ? agent : v.kind === "client" ? v : undefined;
    const steps = spec.steps && this.stepsOf(call, spec.steps, client);
    const state = this.stateOf(call, spec, client);
    const model = (spec.model ? this.argumentAt(call, spec.model) : undefined) ?? (client ? this.clientSetting(client, "model") : undefined);
    if (model && this.isTestDouble(model)) return undefined;
    // A graph whose nodes, written in place, call nothing cannot reach a model (`addNode("test", async () => {})`).
    if (spec.steps?.unlessAcyclicGraph && client?.kind === "client" && client.origin && compiledGraphMakesNoCalls(this.ts, this.scopes, this.constants, client.origin)) return undefined;
    // `new FakeTextStreamModel({})` (a framework's own test models extend its model classes).
    for (let c: Value | undefined = client; c?.kind === "client"; c = c.parent) if ((c.origin && this.ts.isNewExpression(c.origin) && this.isTestDouble(c.origin)) || this.givenStandInFetch(c.config)) return undefined;
    const maxTokens = this.firstArgument(call, spec.maxTokens ?? []) ?? (client ? this.clientSetting(client, "maxTokens") : undefined);
    const kept = client ? this.clientKept(client) : [];
    const instructions = [...(client ? this.clientInstructions(client) : []), ...(spec.instructions ?? []).flatMap((p) => this.instructionsAt(call, p) ?? [])];
    const batch = spec.batch && call.arguments[0] ? { of: call.arguments[0], concurrency: spec.batch.concurrency.map((p) => (p.startsWith("client:") ? client && this.clientConfig(client, p.slice("client:".length)) : this.argumentAt(call, p))).find((e) => e) } : undefined;
    return {
      node: call,
      sdk: v.entry.sdk,
      // A client that is itself the function called (a dexter runner, `api: ""`) is named by its callee.
      api: spec.api || name,
      prompt: this.promptOf(call, spec.prompt),
      ...(kept.length ? { kept } : {}),
      ...(instructions.length ? { instructions } : {}),
      ...(model ? { model } : {}),
      ...(maxTokens ? { maxTokens } : {}),
      ...(steps ? { steps } : {}),
      ...(state ? { state } : {}),
      ...(batch ? { batch } : {}),
    };
  }

  /** The first element of a served list (`networks: [network]`) that is a client with the method `api`. */
  private servedClient(list: ts.Expression, api: string): Value | undefined {
    const x = this.constants.skipTrivia(list);
    if (!this.ts.isArrayLiteralExpression(x)) return undefined;
    for (const el of x.elements) {
      const v = this.ts.isSpreadElement(el) ? undefined : this.valueOf(el);
      if (v?.kind === "client" && v.client.methods.some((m) => m.api === api)) return v;
    }
    return undefined;
  }

  /**
   * A model that is a test double (`model: new MockLanguageModelV3({ doGenerate })` of `ai/test`, a
   * `FakeListChatModel`, `@openai/agents/testing`'s `ScriptedModel`, or a const made so; also an
   * agent made with one, `run(new Agent({ model }))`) answers from the test's own code: no LLM request.
   */
  private isTestDouble(model: ts.Expression, depth = 0): boolean {
    const t = this.ts;
    let e = this.constants.skipTrivia(model);
    if (t.isIdentifier(e)) e = this.constants.skipTrivia(this.constants.initializerOf(e) ?? e);
    if (!t.isNewExpression(e) || !t.isIdentifier(e.expression)) return false;
    if (/^(Mock|Fake|Scripted)[A-Z]/.test(e.expression.text)) return true;
    const inner = depth === 0 ? this.modelOption(e.arguments?.[0]) : undefined;
    return !!inner && this.isTestDouble(inner, depth + 1);
  }

  /**
   * A client given a stand-in transport in its options answers from the test's own function, not the API:
   * `new OpenAI({ fetch: vi.fn(…) })` (also `jest.fn`, kept in a const and given as `{ fetch }`), a
   * function named as a double (`mockFetch`, `fakeFetch`, `stubFetch`, `testFetch`), or one written in
   * the file that only makes an answer (`fetch: () => Promise.resolve(jsonResponse())`). A function that
   * calls anything else (`fetch(url, init)`, `axios.post`, `routes[u](i)`), a spy wrapping one
   * (`vi.fn(globalThis.fetch)`), or one not read here (`fetch: customFetch` imported) may send.
   */
  private givenStandInFetch(options: ts.Expression | undefined): boolean {
    const given = options && this.constants.property(options, ["fetch"]);
    return !!given && this.isStandInFetch(given, 0);
  }

  private isStandInFetch(e: ts.Expression, depth: number): boolean {
    const t = this.ts;
    const x = this.constants.skipTrivia(e);
    if (t.isIdentifier(x)) {
      if (/^(mock|Mock|fake|Fake|stub|Stub|test|Test)[A-Z0-9_]/.test(x.text)) return true;
      const decl = depth < 4 ? this.scopes.resolve(x) : undefined;
      if (decl && t.isFunctionDeclaration(decl)) return !!decl.body && this.onlyAnswers(decl.body, depth + 1);
      // `const fetch = vi.fn(…)` given as `{ fetch }`.
      return !!decl && t.isVariableDeclaration(decl) && !!decl.initializer && this.constants.isConstDeclaration(decl) && this.isStandInFetch(decl.initializer, depth + 1);
    }
    if (t.isCallExpression(x)) {
      // `vi.fn()`, `jest.fn(async () => Response.json(…))`: a spy is a stand-in when what it wraps is one.
      const callee = this.constants.skipTrivia(x.expression);
      const spy = t.isPropertyAccessExpression(callee) && callee.name.text === "fn" && t.isIdentifier(callee.expression) && (callee.expression.text === "vi" || callee.expression.text === "jest");
      return spy && x.arguments.length <= 1 && (x.arguments.length === 0 || this.isStandInFetch(x.arguments[0]!, depth + 1));
    }
    return (t.isArrowFunction(x) || t.isFunctionExpression(x)) && this.onlyAnswers(x.body, depth);
  }

  /** A function of this file (declared, or a const holding one) that only makes an answer: what a stand-in's body may call. */
  private answerOnlyFunction(id: ts.Identifier, depth: number): boolean {
    const t = this.ts;
    const decl = depth < 4 ? this.scopes.resolve(id) : undefined;
    if (decl && t.isFunctionDeclaration(decl)) return !!decl.body && this.onlyAnswers(decl.body, depth + 1);
    if (!decl || !t.isVariableDeclaration(decl) || !decl.initializer || !this.constants.isConstDeclaration(decl)) return false;
    const init = this.constants.skipTrivia(decl.initializer);
    return (t.isArrowFunction(init) || t.isFunctionExpression(init)) && this.onlyAnswers(init.body, depth + 1);
  }

  /**
   * Whether a function's body makes an answer and nothing else: every call is `Promise.resolve`/`reject`,
   * `JSON.*`, `Response.json`/`error`, a pure built-in (`String`, `Math.*`, `Array.isArray`), the test's
   * assertion (`expect(…).toBe(…)`), a method of the request's own values or of the test's data (see
   * `dataMethodCall`), or a function of this file that only makes an answer; every `new` makes a
   * `Response`, `Headers`, `Blob`, `URL` or an `Error`.
   */
  private onlyAnswers(body: ts.Node, depth: number): boolean {
    const t = this.ts;
    const visit = (n: ts.Node): boolean => {
      if (t.isCallExpression(n) && !this.answerCall(n, depth) && !this.assertionCall(n) && !this.dataMethodCall(n, body)) return false;
      if (t.isNewExpression(n) && !(t.isIdentifier(n.expression) && ANSWER_CLASSES.has(n.expression.text))) return false;
      return !t.forEachChild(n, (c) => !visit(c));
    };
    return visit(body);
  }

  private answerCall(call: ts.CallExpression, depth: number): boolean {
    const t = this.ts;
    const callee = this.constants.skipTrivia(call.expression);
    if (t.isIdentifier(callee)) return this.answerOnlyFunction(callee, depth) || (PURE_GLOBAL_FUNCTIONS.has(callee.text) && !this.scopes.resolve(callee));
    if (!t.isPropertyAccessExpression(callee) || !t.isIdentifier(callee.expression)) return false;
    const [owner, name] = [callee.expression.text, callee.name.text];
    if (PURE_GLOBAL_OWNERS.has(owner) && !this.scopes.resolve(callee.expression)) return true;
    return (owner === "Promise" && (name === "resolve" || name === "reject")) || owner === "JSON" || (owner === "Response" && (name === "json" || name === "error"));
  }

  /** The test's assertion: `expect(x)` and what is chained on it (`.not.toBe(y)`, `.rejects.toThrow()`), `expect` a global or imported. */
  private assertionCall(call: ts.CallExpression): boolean {
    const t = this.ts;
    let e: ts.Expression = this.constants.skipTrivia(call.expression);
    while (t.isPropertyAccessExpression(e)) e = this.constants.skipTrivia(e.expression);
    if (t.isCallExpression(e) && e !== call) e = this.constants.skipTrivia(e.expression);
    if (!t.isIdentifier(e) || e.text !== "expect") return false;
    const decl = this.scopes.resolve(e);
    return !decl || t.isImportSpecifier(decl);
  }

  /**
   * A method called on the request's own values (a parameter: `url.toString()`, `init.headers.get(name)`),
   * on a value the stand-in computes from them (`const urlStr = String(url)`), or on the test's data (a
   * variable holding a literal: `requests.push(url)`, `events.slice(1)`, `[a, b].map(f)`). Such a call
   * reaches no transport; a method of anything else (`axios.post`, `const c = clients[0]; c.get(u)`) may.
   */
  private dataMethodCall(call: ts.CallExpression, body: ts.Node): boolean {
    const t = this.ts;
    const callee = this.constants.skipTrivia(call.expression);
    if (!t.isPropertyAccessExpression(callee) || SENDING_METHODS.has(callee.name.text)) return false;
    let root: ts.Expression = this.constants.skipTrivia(callee.expression);
    // Down a chain (`xs.map(f).join("")`): each call on the way is read on its own.
    while (t.isPropertyAccessExpression(root) || t.isElementAccessExpression(root) || t.isNonNullExpression(root) || t.isCallExpression(root)) root = this.constants.skipTrivia(root.expression);
    // The request's own values keep their methods (`init.headers.get(name)`); the test's data, made of
    // literals, has only the built-ins' (`slice`, `map`, `join`): `proxy.forward(u)` or `transports[0].get(u)` may send.
    const ownValue = t.isIdentifier(root) && this.isRequestParameter(root, body);
    if (!ownValue && !BUILT_IN_DATA_METHODS.has(callee.name.text)) return false;
    // What the method is handed is data too (`requests.push(url)`), or a callback whose calls are read with the body.
    const handedData = call.arguments.every((a) => {
      const arg = this.constants.skipTrivia(a);
      return t.isArrowFunction(arg) || t.isFunctionExpression(arg) || this.namesOnlyData(arg, body, 1);
    });
    if (!handedData) return false;
    if (t.isStringLiteralLike(root) || t.isTemplateExpression(root)) return true;
    if (t.isArrayLiteralExpression(root)) return this.namesOnlyData(root, body, 1);
    return t.isIdentifier(root) && this.isData(root, body, 0);
  }

  /** A parameter of the stand-in itself (or of the file's function it calls): the request's own values. */
  private isRequestParameter(id: ts.Identifier, body: ts.Node): boolean {
    let v = this.scopes.resolve(id);
    while (v && (this.ts.isBindingElement(v) || this.ts.isObjectBindingPattern(v) || this.ts.isArrayBindingPattern(v))) v = v.parent;
    return !!v && this.ts.isParameter(v) && v.parent === body.parent;
  }

  /**
   * A value that is the request's or the test's data: a parameter of the stand-in (or of the file's function
   * it calls) or of a callback inside it, a pure built-in, a variable outside holding a literal, or a local
   * whose initializer names only such values. Not a parameter of a function around the stand-in.
   */
  private isData(id: ts.Identifier, body: ts.Node, depth: number): boolean {
    const t = this.ts;
    const decl = this.scopes.resolve(id);
    if (!decl) return id.text === "undefined" || PURE_GLOBAL_FUNCTIONS.has(id.text) || PURE_GLOBAL_OWNERS.has(id.text);
    const inside = decl.pos >= body.pos && decl.end <= body.end;
    let v: ts.Node = decl;
    while (t.isBindingElement(v) || t.isObjectBindingPattern(v) || t.isArrayBindingPattern(v)) v = v.parent;
    if (t.isParameter(v)) return v.parent === body.parent || (inside && depth < 4 && this.callbackOfData(v.parent, body, depth + 1));
    if (!t.isVariableDeclaration(v) || !v.initializer) return false;
    const init = this.constants.skipTrivia(v.initializer);
    if (!inside) return depth < 4 && this.isLiteralData(v, init, body, depth + 1);
    return depth < 4 && this.namesOnlyData(init, body, depth + 1);
  }

  /**
   * A callback's parameter is data only when the callback is handed to a built-in method of data
   * (`events.map((e) => …)`, `init.headers.find(([k]) => …)`): `[http].map((c) => c.get(u))` hands it a client.
   */
  private callbackOfData(fn: ts.Node, body: ts.Node, depth: number): boolean {
    const t = this.ts;
    let call: ts.Node = fn.parent;
    while (t.isParenthesizedExpression(call)) call = call.parent;
    if (!t.isCallExpression(call) || !call.arguments.some((a) => this.constants.skipTrivia(a) === fn)) return false;
    const callee = this.constants.skipTrivia(call.expression);
    if (!t.isPropertyAccessExpression(callee) || !BUILT_IN_DATA_METHODS.has(callee.name.text)) return false;
    let root: ts.Expression = this.constants.skipTrivia(callee.expression);
    while (t.isPropertyAccessExpression(root) || t.isElementAccessExpression(root) || t.isNonNullExpression(root) || t.isCallExpression(root)) root = this.constants.skipTrivia(root.expression);
    if (t.isStringLiteralLike(root) || t.isTemplateExpression(root)) return true;
    if (t.isArrayLiteralExpression(root)) return this.namesOnlyData(root, body, depth);
    return t.isIdentifier(root) && this.isData(root, body, depth);
  }

  /**
   * A variable outside the stand-in is the test's data when it is a `const` of this file, not exported, made
   * of primitive literals (`[]`, `{ id: "msg_1", content: [] }`), and everything the file stores into it
   * (`push`, `unshift`, `splice`, an index or property assignment) is data too. A literal holding a function
   * (`{ forward: (u) => fetch(u) }`) or receiving a client (`transports.push(axios.create())`) may send; so may
   * one handed away (`register(list)`), which another module can fill.
   */
  private isLiteralData(decl: ts.VariableDeclaration, init: ts.Expression, body: ts.Node, depth: number): boolean {
    const t = this.ts;
    if (!this.constants.isConstDeclaration(decl) || !t.isIdentifier(decl.name) || !this.primitiveLeaves(init, body, depth)) return false;
    const statement = decl.parent.parent;
    if (t.isVariableStatement(statement) && statement.modifiers?.some((m) => m.kind === t.SyntaxKind.ExportKeyword)) return false;
    return this.storesOnlyData(decl, decl.name.text, body, depth, 0);
  }

  /**
   * Whether a literal's leaves are all primitive literals (strings, numbers, booleans, null, nested arrays and
   * objects of them) or other data of the same kind (`{ ...MESSAGE, content: [] }`, `{ response }`).
   */
  private primitiveLeaves(e: ts.Expression, body: ts.Node, depth: number): boolean {
    const t = this.ts;
    const x = this.constants.skipTrivia(e);
    const leaves = (y: ts.Expression) => this.primitiveLeaves(y, body, depth);
    if (t.isIdentifier(x)) return this.isData(x, body, depth);
    if (t.isSpreadElement(x)) return leaves(x.expression);
    if (t.isArrayLiteralExpression(x)) return x.elements.every(leaves);
    if (t.isObjectLiteralExpression(x)) {
      return x.properties.every((p) => {
        if (t.isSpreadAssignment(p)) return leaves(p.expression);
        if (t.isShorthandPropertyAssignment(p)) return this.isData(p.name, body, depth);
        return t.isPropertyAssignment(p) && !t.isComputedPropertyName(p.name) && leaves(p.initializer);
      });
    }
    if (t.isPrefixUnaryExpression(x)) return t.isNumericLiteral(x.operand);
    // `[message("a"), refusal("b")]`: answers made by functions of this file from literals.
    if (t.isCallExpression(x)) return t.isIdentifier(x.expression) && this.answerOnlyFunction(x.expression, depth) && x.arguments.every(leaves);
    return t.isStringLiteralLike(x) || t.isNumericLiteral(x) || x.kind === t.SyntaxKind.TrueKeyword || x.kind === t.SyntaxKind.FalseKeyword || x.kind === t.SyntaxKind.NullKeyword;
  }

  /**
   * Whether every use in the file of a data variable (or of a local it is copied into) only reads it, or
   * stores data into it. Reads: a property or element (`events[0]`), a built-in method, `for … of`, a spread
   * copy, `expect(…)`/`JSON.*`/`String(…)`. Anything else (handed to a function, returned) may let it be filled.
   */
  private storesOnlyData(decl: ts.Node, name: string, body: ts.Node, depth: number, aliases: number): boolean {
    const t = this.ts;
    const isData = (e: ts.Expression) => this.namesOnlyData(e, body, depth);
    return this.scopes.referencesTo(decl, name).every((ref) => {
      let top: ts.Node = ref;
      while (t.isPropertyAccessExpression(top.parent) || t.isElementAccessExpression(top.parent) || t.isNonNullExpression(top.parent) || t.isParenthesizedExpression(top.parent) || t.isAsExpression(top.parent)) {
        if ((t.isPropertyAccessExpression(top.parent) || t.isElementAccessExpression(top.parent)) && top.parent.expression !== top) break;
        top = top.parent;
      }
      const p = top.parent;
      if (t.isBinaryExpression(p) && p.left === top && p.operatorToken.kind >= t.SyntaxKind.FirstAssignment && p.operatorToken.kind <= t.SyntaxKind.LastAssignment) return top !== ref && isData(p.right);
      if (t.isCallExpression(p) && p.expression === top) {
        return t.isPropertyAccessExpression(top) && BUILT_IN_DATA_METHODS.has(top.name.text) && p.arguments.every((a) => t.isArrowFunction(a) || t.isFunctionExpression(a) || isData(a));
      }
      if (t.isCallExpression(p)) return this.assertionCall(p) || this.readsOnly(p);
      if (top !== ref) return true;
      if (t.isForOfStatement(p) || t.isSpreadElement(p) || t.isSpreadAssignment(p) || t.isTypeOfExpression(p)) return true;
      // `const shown = cond ? events.slice(1) : events`, `const events = [{ response }]`: the holder's uses are read the same way.
      let up: ts.Node = p;
      let at: ts.Node = ref;
      const holds = (n: ts.Node) => (t.isConditionalExpression(n) && n.condition !== at) || t.isShorthandPropertyAssignment(n) || t.isPropertyAssignment(n) || t.isObjectLiteralExpression(n) || t.isArrayLiteralExpression(n);
      while (holds(up)) [at, up] = [up, up.parent];
      if (t.isVariableDeclaration(up) && up.initializer === at && t.isIdentifier(up.name)) return aliases < 2 && this.storesOnlyData(up, up.name.text, body, depth, aliases + 1);
      const k = t.isBinaryExpression(p) ? p.operatorToken.kind : undefined;
      const S = t.SyntaxKind;
      const compared = k === S.EqualsEqualsEqualsToken || k === S.ExclamationEqualsEqualsToken || k === S.EqualsEqualsToken || k === S.ExclamationEqualsToken || k === S.InstanceOfKeyword;
      return compared || (t.isConditionalExpression(p) && p.condition === ref) || (t.isIfStatement(p) && p.expression === ref) || t.isPrefixUnaryExpression(p);
    });
  }

  /** A call that reads what it is handed and keeps none of it: `JSON.stringify(x)`, `String(x)`, `console.log(x)` (not `Object.assign`). */
  private readsOnly(call: ts.CallExpression): boolean {
    const t = this.ts;
    const callee = this.constants.skipTrivia(call.expression);
    if (t.isIdentifier(callee)) return callee.text === "String" && !this.scopes.resolve(callee);
    return t.isPropertyAccessExpression(callee) && t.isIdentifier(callee.expression) && (callee.expression.text === "JSON" || callee.expression.text === "console") && !this.scopes.resolve(callee.expression);
  }

  /** Whether every value an expression names (not its property names, nor its types) is data (`isData`). */
  private namesOnlyData(e: ts.Node, body: ts.Node, depth: number): boolean {
    const t = this.ts;
    const visit = (n: ts.Node): boolean => {
      if (t.isTypeNode(n)) return true;
      if (t.isIdentifier(n)) {
        const p = n.parent;
        const nameOnly = (t.isPropertyAccessExpression(p) && p.name === n) || (t.isPropertyAssignment(p) && p.name === n) || (t.isParameter(p) && p.name === n);
        // `getHeader(init, "x-api-key")`, `new URL(url).host`: a function of this file that only makes an answer, or an answer's class, handed data.
        const answers = (t.isCallExpression(p) && p.expression === n && this.answerOnlyFunction(n, depth)) || (t.isNewExpression(p) && p.expression === n && ANSWER_CLASSES.has(n.text) && !this.scopes.resolve(n));
        return nameOnly || answers || this.isData(n, body, depth);
      }
      return !t.forEachChild(n, (c) => !visit(c));
    };
    return visit(e);
  }

  /** An argument that is a test double, or an options object whose `model` (or `llm`) is one. */
  private givesTestDouble(arg: ts.Expression): boolean {
    if (this.ts.isSpreadElement(arg)) return false;
    const model = this.ts.isObjectLiteralExpression(this.constants.skipTrivia(arg)) ? this.modelOption(arg) : arg;
    return !!model && this.isTestDouble(model);
  }

  /** The model an options object names: `model` (createAgent, new Agent), or `llm` (createReactAgent, createSupervisor, the chains). */
  private modelOption(options: ts.Expression | undefined): ts.Expression | undefined {
    return this.constants.property(options, ["model"]) ?? this.constants.property(options, ["llm"]);
  }

  private stepsOf(call: ts.CallExpression, spec: StepSpec, client: Value | undefined): LlmCall["steps"] {
    if (spec.unless && client?.kind === "client" && client.origin && (this.ts.isCallExpression(client.origin) || this.ts.isNewExpression(client.origin))) {
      const given = this.argumentAt(client.origin, spec.unless.path);
      // `new RetrieverQueryEngine(retriever, undefined, [post])`: an argument given as undefined takes the default.
      const option = given && this.ts.isIdentifier(this.constants.skipTrivia(given)) && (this.constants.skipTrivia(given) as ts.Identifier).text === "undefined" ? undefined : given;
      const text = option && this.optionText(option, spec.unless.madeBy);
      if (option ? text === spec.unless.equals : spec.unless.orAbsent) return undefined;
      const capOnly = spec.unless.capOnly;
      if (capOnly && !capOnly.values.includes(text ?? "")) spec = { ...spec, from: [], source: capOnly.source };
    }
    if (spec.unlessAcyclicGraph && client?.kind === "client" && this.isAcyclicGraph(client)) return undefined;
    if (spec.clientToolsAt && this.noClientTools(this.argumentAt(call, spec.clientToolsAt))) return undefined;
    if (spec.sessionAgent && client?.kind === "client" && this.sessionAgentWithoutTools(call, spec.sessionAgent, client)) return undefined;
    if (spec.perElementOf) {
      const elements = this.argumentAt(call, spec.perElementOf);
      return elements ? { spec, elements } : undefined;
    }
    const when = spec.when && (spec.when.startsWith("client:") ? client && this.clientConfig(client, spec.when.slice("client:".length)) : this.argumentAt(call, spec.when));
    if (spec.when && (!when || (spec.callable && this.toolsAreData(when, client?.kind === "client" ? client.entry : undefined, 0)))) return undefined;
    const middleware = spec.middlewareRequests && client?.kind === "client" ? this.middlewareRequests(client, spec.middlewareRequests) : undefined;
    if (spec.loopsWith) {
      const { argument, options } = spec.loopsWith;
      // An agent looked up by its name (`mastra.getAgent("reviewer")`, `getAgent(agentId)`): whether it
      // has tools is not known here, so no tool loop is claimed (its one request is counted) unless
      // the call itself caps the steps (`{ maxSteps: 5 }`).
      if (argument === "client" && client?.kind === "client" && client.byName && !spec.from.some((p) => !p.startsWith("client:") && this.argumentAt(call, p))) return undefined;
      // Tools given at the call (`agent.streamText(p, { tools })`, the argument its step options are read from) loop all the same.
      const givenAtCall = argument === "client" && [...new Set(spec.from.filter((p) => !p.startsWith("client:")).map((p) => p.split(".")[0]!))].some((i) => options.some((o) => this.argumentAt(call, `${i}.${o}`)));
      if (argument === "client" ? client?.kind === "client" && !givenAtCall && (!!client.settings?.loopless || this.configWithout(client.config, spec.loopsWith)) : this.madeWithoutLoops(call.arguments[argument], spec.loopsWith)) {
        // One model step, whose middleware may still repeat its request or send its own.
        return middleware ? { spec: { ...spec, from: [], default: 1 }, middleware } : undefined;
      }
    }
    const compactionOption = spec.compaction && this.argumentAt(call, spec.compaction.option);
    const limit = spec.callLimit && client?.kind === "client" ? this.callLimit(call, client, spec.callLimit, spec.middlewareRequests?.makers) : undefined;
    const alternates = spec.alternating && client?.kind === "client" && this.modelNodeAlternates(client, spec);
    const compaction = { ...(compactionOption && this.constants.property(compactionOption, ["enabled"])?.kind !== this.ts.SyntaxKind.FalseKeyword ? { compaction: compactionOption } : {}), ...(limit ? { limit } : {}), ...(alternates ? { alternates: true as const } : {}), ...(middleware ? { middleware } : {}) };
    let open: string | undefined;
    for (const path of spec.from) {
      if (spec.options !== undefined && path.startsWith(`${spec.options}.`)) {
        const option = this.callOption(call, path, client);
        if (option.cap) return { spec, cap: option.cap, ...compaction };
        if (option.stated) return { spec, stated: option.stated, ...compaction };
        open ??= option.open;
        continue;
      }
      // A cap passed on through prepared options (`generate({ ...this.prepareCall(o) })`, ai's ToolLoopAgent) is read through them.
      const cap = path.startsWith("client:") ? (client ? this.clientConfig(client, path.slice("client:".length)) : undefined) : this.argumentAt(call, path, true);
      if (cap) return { spec, cap, ...compaction };
      // A client made in another module: the cap that module read where it made it.
      const stated = path.startsWith("client:") && client?.kind === "client" ? client.settings?.caps?.find((c) => c.path === path.slice("client:".length)) : undefined;
      if (stated) return { spec, stated, ...compaction };
    }
    return { spec, ...compaction, ...(open !== undefined ? { open } : {}) };
  }

  /**
   * An option of the call (`1.recursionLimit`) as the call gives it, else as the client's defaults do (`withConfig`, the
   * latest that gives it: @langchain/core's mergeConfigs keeps a key's last value that is not undefined); `open`, told,
   * when the call's options or a default are not read here and may give it.
   */
  private callOption(call: ts.CallExpression, path: string, client: Value | undefined): { cap?: ts.Expression; stated?: StatedCap; open?: string } {
    const own = this.argumentAt(call, path, true);
    if (own) return { cap: own };
    const [index, ...keys] = path.split(".");
    const sf = call.getSourceFile();
    const told = (e: ts.Expression): string => e.getText(sf).replace(/\s+/g, " ").slice(0, 60);
    const given = call.arguments[Number(index)];
    if (given && !this.settledOptions(given)) return { open: `line ${sf.getLineAndCharacterOfPosition(given.getStart(sf)).line + 1}: the call's options ${told(given)}` };
    if (client?.kind !== "client") return {};
    for (const d of [...(client.defaults ?? [])].reverse()) {
      if (!this.settledOptions(d)) return { open: `line ${sf.getLineAndCharacterOfPosition(d.getStart(sf)).line + 1}: withConfig(${told(d)})` };
      const v = this.constants.property(d, keys);
      if (v) return { cap: v };
    }
    const elsewhere = client.settings?.defaults;
    const stated = elsewhere?.caps.find((c) => c.path === keys.join("."));
    if (stated) return { stated };
    return elsewhere?.open ? { open: "the defaults it was given where it was made (withConfig), not read" } : {};
  }

  /**
   * Options whose every key is read here: an object literal of plain keys (no computed key or accessor, a spread only of
   * such options), or a const made so; `undefined` gives none. A parameter, a spread of one or a call's result may hold any key.
   */
  private settledOptions(e: ts.Expression, depth = 0): boolean {
    const t = this.ts;
    const x = this.constants.skipTrivia(e);
    if (t.isIdentifier(x)) {
      if (x.text === "undefined") return true;
      const decl = this.scopes.resolve(x);
      return depth < 4 && !!decl && this.constants.isConstDeclaration(decl) && !!(decl as ts.VariableDeclaration).initializer && this.settledOptions((decl as ts.VariableDeclaration).initializer!, depth + 1);
    }
    // `{ ...config, streamMode: "values" }`: a spread of options read whole is read whole.
    return t.isObjectLiteralExpression(x) && x.properties.every((p) => (t.isSpreadAssignment(p) ? depth < 4 && this.settledOptions(p.expression, depth + 1) : (t.isPropertyAssignment(p) || t.isShorthandPropertyAssignment(p)) && (t.isIdentifier(p.name) || t.isStringLiteral(p.name))));
  }

  /**
   * The requests of one model step with the client's middleware (`middleware: [modelRetryMiddleware({ maxRetries: 3 }), …]`):
   * a retry or fallback repeats the model's request, a selector or summarizer sends its own. Undefined when none does; unknown
   * when the list, or an element, is not read here (it may be one that does).
   */
  private middlewareRequests(client: Value & { kind: "client" }, spec: NonNullable<StepSpec["middlewareRequests"]>): MiddlewareCount | undefined {
    const t = this.ts;
    const option = this.constants.property(client.config, [spec.option]);
    if (!option) return undefined;
    const listed = this.constants.skipTrivia(option);
    const list = t.isIdentifier(listed) ? this.unchangedConstArray(listed) : listed;
    const sf = option.getSourceFile();
    const told = (e: ts.Node): string => e.getText(sf).replace(/\s+/g, " ").slice(0, 60);
    const notRead = (e: ts.Node): MiddlewareCount => ({ unknown: `line ${sf.getLineAndCharacterOfPosition(e.getStart(sf)).line + 1}: the middleware ${told(e)} is not read here: it may repeat the model's requests or send its own` });
    if (!list || !t.isArrayLiteralExpression(list)) return notRead(option);
    let repeats = 1;
    let perAttempt = 0;
    let perStep = 0;
    const prompts: (number | ts.Expression)[] = [];
    const parts: string[] = [];
    for (const element of list.elements) {
      let x = this.constants.skipTrivia(element);
      if (t.isIdentifier(x)) x = this.constInitializer(x) ?? x;
      const decl = t.isCallExpression(x) && t.isIdentifier(x.expression) ? this.scopes.resolve(x.expression) : undefined;
      const imported = decl && this.importOf(decl);
      if (!imported || !t.isCallExpression(x) || !spec.modules.some((m) => moduleMatches(m, imported.specifier))) return notRead(element);
      const effect: MiddlewareRequests | undefined = spec.makers.get(imported.name);
      if (!effect) continue;
      const options = x.arguments[0];
      if (effect.kind === "unknown") return { unknown: `line ${sf.getLineAndCharacterOfPosition(element.getStart(sf)).line + 1}: ${effect.why}` };
      if (effect.kind === "fallbacks") {
        if (x.arguments.some((a) => t.isSpreadElement(a))) return notRead(element);
        repeats *= 1 + x.arguments.length;
        parts.push(`${imported.name} sends a failed request again to each of its ${x.arguments.length} fallback models`);
      } else if (effect.kind === "retries") {
        if (options && !this.settledOptions(options)) return notRead(element);
        const given = options && this.constants.property(options, [effect.key]);
        const n = given ? this.constants.number(given) : effect.default;
        if (n === undefined || n < 0) return notRead(element);
        repeats *= 1 + n;
        parts.push(`${imported.name} sends a failed request again up to ${n} times (${effect.key}${given ? "" : ", its default"})`);
      } else if (effect.kind === "handler") {
        const calls = options ? this.handlerCalls(options, effect.hook) : 1;
        if (calls === undefined) return notRead(element);
        if (calls > 1) {
          repeats *= calls;
          parts.push(`${imported.name}'s ${effect.hook} calls its handler ${calls} times, each the step's request`);
        }
      } else {
        if (options && !this.settledOptions(options)) return notRead(element);
        if (effect.perAttempt) perAttempt++;
        else perStep++;
        const prompt = options && this.constants.property(options, [effect.promptKey]);
        prompts.push(prompt ?? effect.promptTokens);
        if (prompt && effect.addedTokens) prompts.push(effect.addedTokens);
        parts.push(`${imported.name}: ${effect.what}`);
      }
    }
    const requests = repeats * (1 + perAttempt) + perStep;
    return requests > 1 ? { perStep: requests, prompts, told: `${parts.join("; ")}: at most ${requests} requests a model step, each sending at most what the step sends${prompts.length ? " and its own prompt" : ""}` } : undefined;
  }

  /**
   * How many times a middleware's hook (`wrapModelCall: async (req, handler) => …`) calls its handler: 1 without the hook
   * (or a hook that never calls it: at most the step's one request); undefined when that is not read here (the hook not a
   * function written in the options, the handler passed on, or called in a loop or a nested function).
   */
  private handlerCalls(options: ts.Expression, hook: string): number | undefined {
    const t = this.ts;
    let o = this.constants.skipTrivia(options);
    if (t.isIdentifier(o)) o = this.constInitializer(o) ?? o;
    if (!t.isObjectLiteralExpression(o)) return undefined;
    const member = o.properties.find((p) => p.name && (t.isIdentifier(p.name) || t.isStringLiteral(p.name)) && p.name.text === hook);
    if (!member) return 1;
    const fn = t.isMethodDeclaration(member) ? member : t.isPropertyAssignment(member) ? this.constants.skipTrivia(member.initializer) : undefined;
    if (!fn || !(t.isMethodDeclaration(fn) || t.isArrowFunction(fn) || t.isFunctionExpression(fn)) || !fn.body) return undefined;
    const handler = fn.parameters[1];
    if (!handler) return 1;
    if (!t.isIdentifier(handler.name)) return undefined;
    // A `return` ends the hook: of the calls in return statements, one statement's run; the others' may all run. A return
    // inside a `try` may fail and go on to its `catch` or `finally`, so its calls count with the others'.
    const insideTry = (n: ts.Node): boolean => {
      for (let p = n.parent; p && p !== fn; p = p.parent) if (t.isTryStatement(p)) return true;
      return false;
    };
    let calls = 0;
    let returned = 0;
    let open = false;
    const count = (root: ts.Node): number => {
      let found = 0;
      const visit = (n: ts.Node, nested: boolean): void => {
        if (open) return;
        if (t.isIdentifier(n) && this.scopes.resolve(n) === handler) {
          if (nested || !t.isCallExpression(n.parent) || n.parent.expression !== n) open = true;
          else found++;
          return;
        }
        if (t.isReturnStatement(n) && !nested && !insideTry(n)) {
          returned = Math.max(returned, count(n));
          return;
        }
        t.forEachChild(n, (c) => visit(c, nested || t.isFunctionLike(c) || t.isIterationStatement(c, false)));
      };
      if (t.isReturnStatement(root)) t.forEachChild(root, (c) => visit(c, false));
      else visit(root, false);
      return found;
    };
    if (t.isBlock(fn.body)) calls = count(fn.body);
    else returned = count(fn.body);
    return open ? undefined : Math.max(1, calls + returned);
  }

  /**
   * `send(session.id, …)` with `const session = await client.beta.sessions.create({ agent: agent.id })` and
   * `const agent = await client.beta.agents.create({ name, model })`, both of the call's SDK: an agent made without tools.
   */
  private sessionAgentWithoutTools(call: ts.CallExpression, spec: NonNullable<StepSpec["sessionAgent"]>, client: Value & { kind: "client" }): boolean {
    const t = this.ts;
    // `x.id` or `x`, x a const made by `api` of the call's SDK: the options that call was given.
    const madeBy = (e: ts.Expression | undefined, api: string): ts.Expression | undefined => {
      let x = e && this.constants.skipTrivia(e);
      if (x && t.isPropertyAccessExpression(x) && x.name.text === "id") x = this.constants.skipTrivia(x.expression);
      const made = x && t.isIdentifier(x) ? this.constInitializer(x) : undefined;
      if (!made || !t.isCallExpression(made) || !t.isPropertyAccessExpression(made.expression)) return undefined;
      const names: string[] = [];
      let callee: ts.Expression = made.expression;
      while (t.isPropertyAccessExpression(callee)) {
        names.unshift(callee.name.text);
        callee = this.constants.skipTrivia(callee.expression);
      }
      if (names.join(".") !== api) return undefined;
      const maker = this.valueOf(callee);
      return (maker?.kind === "client" || maker?.kind === "module") && maker.entry === client.entry ? made.arguments[0] : undefined;
    };
    const sessionOptions = madeBy(this.argumentAt(call, spec.session), spec.sessionsCreate);
    const agentOption = sessionOptions && this.constants.property(sessionOptions, ["agent"]);
    const agentRef = agentOption && t.isObjectLiteralExpression(this.constants.skipTrivia(agentOption)) ? this.constants.property(agentOption, ["id"]) : agentOption;
    const agentOptions = madeBy(agentRef, spec.agentsCreate);
    if (!agentOptions || !t.isObjectLiteralExpression(this.constants.skipTrivia(agentOptions))) return false;
    const literal = this.constants.skipTrivia(agentOptions) as ts.ObjectLiteralExpression;
    // Every key read: a spread may bring tools.
    if (!literal.properties.every((p) => t.isPropertyAssignment(p) || t.isShorthandPropertyAssignment(p))) return false;
    const tools = this.constants.property(literal, ["tools"]);
    const list = tools && this.constants.skipTrivia(tools);
    return !tools || (!!list && t.isArrayLiteralExpression(list) && list.elements.length === 0);
  }

  /**
   * Whether the agent's model node runs only every other superstep: made here without a structured
   * answer (`responseFormat`: a tool strategy's failed parse goes back to the model node) and without
   * middleware other than the call limit (a hook may jump back to the model).
   */
  private modelNodeAlternates(client: Value & { kind: "client" }, spec: StepSpec): boolean {
    const t = this.ts;
    const config = client.config && this.constants.skipTrivia(client.config);
    if (!config || !t.isObjectLiteralExpression(config) || !config.properties.every((p) => t.isPropertyAssignment(p) || t.isShorthandPropertyAssignment(p))) return false;
    const retrying = spec.loopsWith?.retrying;
    if (retrying ? this.retries(config, retrying) : this.constants.property(config, ["responseFormat"])) return false;
    return spec.callLimit ? this.onlyCallLimits(client, spec.callLimit, spec.middlewareRequests?.makers) : !this.constants.property(config, ["middleware"]);
  }

  /**
   * The client's middleware, if any, is only the SDK's call-limit middleware, tools, or middleware whose requests are `counted`
   * a model step (a retry inside the model node, a selector's or summarizer's own request): none re-enters the model node.
   */
  private onlyCallLimits(client: Value & { kind: "client" }, limit: NonNullable<StepSpec["callLimit"]>, counted?: ReadonlyMap<string, MiddlewareRequests>): boolean {
    const t = this.ts;
    const option = this.constants.property(client.config, [limit.option]);
    if (!option) return true;
    const listed = this.constants.skipTrivia(option);
    const list = t.isIdentifier(listed) ? this.unchangedConstArray(listed) : listed;
    if (!list || !t.isArrayLiteralExpression(list)) return false;
    return list.elements.every((element) => {
      const el = this.constants.skipTrivia(element);
      const made = t.isIdentifier(el) ? this.constInitializer(el) : el;
      const maker = made && t.isCallExpression(made) ? this.valueOf(made.expression) : undefined;
      if (maker?.kind !== "module" || maker.entry !== client.entry) return false;
      const name = maker.path.join(".");
      const effect = counted?.get(name);
      // (A middleware made here is read below: its hooks may re-enter the model node.)
      if (name === limit.maker || name === "todoListMiddleware" || (effect && effect.kind !== "unknown" && effect.kind !== "handler")) return true;
      // `createMiddleware({ name, tools })`: tools only, no hook around the model.
      const options = name === "createMiddleware" && (made as ts.CallExpression).arguments[0];
      const given = options && this.constants.skipTrivia(options);
      return !!given && t.isObjectLiteralExpression(given) && given.properties.every((p) => (t.isPropertyAssignment(p) || t.isShorthandPropertyAssignment(p)) && t.isIdentifier(p.name) && MIDDLEWARE_WITHOUT_HOOKS.has(p.name.text));
    });
  }

  /**
   * The cap a call-limit middleware sets on one run (`middleware: [modelCallLimitMiddleware({ runLimit: 3 })]`),
   * or the call's own `{ context: { runLimit } }`; none when the call hands a context that may hold another.
   */
  private callLimit(call: ts.CallExpression, client: Value & { kind: "client" }, spec: NonNullable<StepSpec["callLimit"]>, counted?: ReadonlyMap<string, MiddlewareRequests>): ts.Expression | undefined {
    const t = this.ts;
    // The call's options (`invoke(input, config)`, its `context`) may replace the limit: each must be read here.
    const readable = (e: ts.Expression): e is ts.ObjectLiteralExpression => t.isObjectLiteralExpression(e) && e.properties.every((p) => t.isPropertyAssignment(p));
    const [index, key] = spec.override.split(".");
    const given = call.arguments[Number(index)];
    const options = given && this.constants.skipTrivia(given);
    if (options && !readable(options)) return undefined;
    let context = options && this.constants.property(options, [key!]);
    // Else the latest `withConfig` default that gives one (each read here).
    for (const d of [...(client.defaults ?? [])].reverse()) {
      if (context) break;
      const settled = this.constants.skipTrivia(d);
      if (!readable(settled)) return undefined;
      context = this.constants.property(settled, [key!]);
    }
    if (client.settings?.defaults?.open) return undefined;
    if (context && !readable(this.constants.skipTrivia(context))) return undefined;
    const own = context && this.constants.property(context, [spec.key]);
    if (own) return own;
    // A re-entering middleware beside it may run the model node more often than the calls it counts (a retry's requests are counted a step).
    if (!this.onlyCallLimits(client, spec, counted)) return undefined;
    const option = this.constants.property(client.config, [spec.option]);
    const listed = option && this.constants.skipTrivia(option);
    const list = listed && t.isIdentifier(listed) ? this.unchangedConstArray(listed) : listed;
    if (!list || !t.isArrayLiteralExpression(list)) return undefined;
    for (const element of list.elements) {
      const el = this.constants.skipTrivia(element);
      const made = t.isIdentifier(el) ? this.constInitializer(el) : el;
      if (!made || !t.isCallExpression(made)) continue;
      const maker = this.valueOf(made.expression);
      if (maker?.kind === "module" && maker.entry === client.entry && maker.path.join(".") === spec.maker) return this.constants.property(made.arguments[0], [spec.key]);
    }
    return undefined;
  }

  /**
   * Tools the SDK cannot call itself: a list of declarations (object literals without `callTool`,
   * or none), or a value declared with the SDK's `Tool` type (`private tools: Tool[]`), through
   * consts, parameters and fields. Unknown tools may be callable: false.
   */
  private toolsAreData(expr: ts.Expression, entry: SdkEntry | undefined, depth: number): boolean {
    const t = this.ts;
    const e = this.constants.skipTrivia(expr);
    if (depth > 4) return false;
    if (t.isArrayLiteralExpression(e)) return e.elements.every((el) => t.isObjectLiteralExpression(el) && !this.constants.property(el, ["callTool"]) && !el.properties.some(t.isSpreadAssignment));
    let decl: ts.Node | undefined;
    if (t.isIdentifier(e)) decl = this.scopes.resolve(e);
    else if (t.isPropertyAccessExpression(e) && e.expression.kind === t.SyntaxKind.ThisKeyword) decl = this.fieldDeclaration(e, e.name.text);
    if (!decl || !(t.isVariableDeclaration(decl) || t.isParameter(decl) || t.isPropertyDeclaration(decl))) return false;
    if (decl.type) return this.isSdkToolType(decl.type, entry);
    return t.isVariableDeclaration(decl) && !!decl.initializer && this.constants.isConstDeclaration(decl) && this.toolsAreData(decl.initializer, entry, depth + 1);
  }

  /**
   * Tools written in place of which none runs on the client: each a provider's tool (`anthropic.tools.webSearch_20250305({…})`,
   * `openai.tools.webSearch()`, the provider's module imported from `@ai-sdk/…`) or a `tool({…})` of the SDK, given no `execute`.
   * A provider tool given one (`anthropic.tools.bash_20250124({ execute })`) runs here and loops; tools not read may.
   */
  private noClientTools(tools: ts.Expression | undefined): boolean {
    const t = this.ts;
    const x = tools && this.constants.skipTrivia(tools);
    if (!x || !t.isObjectLiteralExpression(x) || x.properties.length === 0) return false;
    return x.properties.every((p) => {
      if (!t.isPropertyAssignment(p)) return false;
      const made = this.constants.skipTrivia(p.initializer);
      if (!t.isCallExpression(made) || made.arguments.length > 1) return false;
      const options = made.arguments[0] && this.constants.skipTrivia(made.arguments[0]);
      if (options && (!t.isObjectLiteralExpression(options) || options.properties.some((o) => t.isSpreadAssignment(o) || (o.name && t.isIdentifier(o.name) && o.name.text === "execute")))) return false;
      return this.isProviderTool(made.expression) || this.isSdkToolMaker(made.expression);
    });
  }

  /**
   * `anthropic.tools.webSearch_20250305`, `google.tools.googleSearch`: a tool the provider runs on its server, a member
   * of `tools` of a value from an `@ai-sdk/` provider module. Its client-side tools (`bash_20250124`, `textEditor_…`,
   * `computer_…`, `localShell`, `applyPatch`, `memory`) run here, given `execute` or the call's `experimental_sandbox`.
   */
  private isProviderTool(callee: ts.Expression): boolean {
    const t = this.ts;
    const c = this.constants.skipTrivia(callee);
    if (!t.isPropertyAccessExpression(c) || !t.isPropertyAccessExpression(c.expression) || c.expression.name.text !== "tools" || !t.isIdentifier(c.expression.expression)) return false;
    if (!PROVIDER_EXECUTED_TOOL.test(c.name.text.toLowerCase())) return false;
    const provider = c.expression.expression;
    const made = this.constants.initializerOf(provider);
    // `const anthropic = createAnthropic({ fetch })`: the provider a maker of the module returns.
    const root = made && t.isCallExpression(this.constants.skipTrivia(made)) ? (this.constants.skipTrivia(made) as ts.CallExpression).expression : provider;
    return t.isIdentifier(root) && (this.importedFrom(root) ?? "").startsWith("@ai-sdk/");
  }

  /** `tool(…)` imported from `ai`. */
  private isSdkToolMaker(callee: ts.Expression): boolean {
    const c = this.constants.skipTrivia(callee);
    return this.ts.isIdentifier(c) && c.text === "tool" && this.importedFrom(c) === "ai";
  }

  /** The module an identifier is imported from (`import { x } from "m"`, a default or namespace import). */
  private importedFrom(id: ts.Identifier): string | undefined {
    const t = this.ts;
    const decl = this.scopes.resolve(id);
    const importDecl = decl && (t.isImportSpecifier(decl) ? decl.parent.parent.parent : t.isImportClause(decl) ? decl.parent : t.isNamespaceImport(decl) ? decl.parent.parent : undefined);
    return importDecl && t.isImportDeclaration(importDecl) ? this.moduleOfImport(importDecl) : undefined;
  }

  /** `Tool[]`, `Array<Tool>`, `Tool` with `Tool` imported from the SDK (its callable tools are another type). */
  private isSdkToolType(type: ts.TypeNode, entry: SdkEntry | undefined): boolean {
    const t = this.ts;
    const el = t.isArrayTypeNode(type) ? type.elementType : t.isTypeReferenceNode(type) && t.isIdentifier(type.typeName) && type.typeName.text === "Array" && type.typeArguments?.length === 1 ? type.typeArguments[0]! : type;
    if (!t.isTypeReferenceNode(el) || !t.isIdentifier(el.typeName)) return false;
    const decl = this.scopes.resolve(el.typeName);
    if (!decl || !t.isImportSpecifier(decl) || (decl.propertyName ?? decl.name).text !== "Tool") return false;
    const specifier = this.moduleOfImport(decl.parent.parent.parent);
    return !!specifier && !!entry?.modules.some((m) => moduleMatches(m, specifier));
  }

  /** The declaration of `this.key` in the enclosing class: a field or a parameter property. */
  private fieldDeclaration(access: ts.Node, key: string): ts.PropertyDeclaration | ts.ParameterDeclaration | undefined {
    const t = this.ts;
    let cls: ts.Node | undefined = access.parent;
    while (cls && !t.isClassLike(cls)) cls = cls.parent;
    if (!cls || !t.isClassLike(cls)) return undefined;
    for (const m of cls.members) {
      if (t.isPropertyDeclaration(m) && m.name && (t.isIdentifier(m.name) || t.isPrivateIdentifier(m.name)) && m.name.text === key) return m;
      if (t.isConstructorDeclaration(m)) for (const p of m.parameters) if (t.isIdentifier(p.name) && p.name.text === key && p.modifiers?.length) return p;
    }
    return undefined;
  }

  /** An option's literal, or the literal its maker was given (`getResponseSynthesizer("compact")`, through a const). */
  private optionText(option: ts.Expression, madeBy: string | undefined): string | undefined {
    const literal = this.literalText(option);
    if (literal !== undefined || !madeBy) return literal;
    let x: ts.Expression | undefined = this.constants.skipTrivia(option);
    if (this.ts.isIdentifier(x)) x = this.constants.initializerOf(x);
    x = x && this.constants.skipTrivia(x);
    return x && this.ts.isCallExpression(x) && this.ts.isIdentifier(x.expression) && x.expression.text === madeBy && x.arguments.length === 1 ? this.literalText(x.arguments[0]) : undefined;
  }

  /** A string's value, or `true`/`false` for a boolean literal (`returnDirect: true`). */
  private literalText(e: ts.Expression | undefined): string | undefined {
    const x = e && this.constants.skipTrivia(e);
    if (x?.kind === this.ts.SyntaxKind.TrueKeyword) return "true";
    if (x?.kind === this.ts.SyntaxKind.FalseKeyword) return "false";
    return this.constants.string(x);
  }

  /**
   * `new Agent({ name, instructions })` (through a const, or exported so by another module of the
   * project): made with none of the options that loop, or only hosted tools. False when unknown.
   */
  madeWithoutLoops(arg: ts.Expression | undefined, loopsWith: LoopsWith): boolean {
    const t = this.ts;
    const { always = [] } = loopsWith;
    let e = arg && this.constants.skipTrivia(arg);
    if (e && t.isIdentifier(e)) {
      const decl = this.scopes.resolve(e);
      const imported = decl && this.importOf(decl);
      if (imported) return !!this.importedMadeWithout?.(imported.specifier, imported.name, loopsWith);
      e = this.constants.initializerOf(e);
    }
    e = e && this.constants.skipTrivia(e);
    // A class that always loops (its default tools): never made without them.
    if (e && t.isNewExpression(e) && t.isIdentifier(e.expression) && always.includes(e.expression.text)) return false;
    return this.configWithout(this.madeWith(arg), loopsWith);
  }

  /** The module and exported name an import binding takes (`import { agent } from "./agent"`, a default import). */
  private importOf(decl: ts.Node): { specifier: string; name: string } | undefined {
    const t = this.ts;
    if (t.isImportSpecifier(decl) && !decl.isTypeOnly && t.isStringLiteralLike(decl.parent.parent.parent.moduleSpecifier)) return { specifier: decl.parent.parent.parent.moduleSpecifier.text, name: (decl.propertyName ?? decl.name).text };
    if (t.isImportClause(decl) && !decl.isTypeOnly && t.isStringLiteralLike(decl.parent.moduleSpecifier)) return { specifier: decl.parent.moduleSpecifier.text, name: "default" };
    return undefined;
  }

  /**
   * A construction's options object with none of `options` (or only an empty array literal for one:
   * `tools: []`; for `tools`, a list of hosted tools only), and whose `toolsFrom` list brings no tools. False when unknown.
   */
  private configWithout(config: ts.Expression | undefined, loopsWith: LoopsWith): boolean {
    const t = this.ts;
    const { options, hosted, toolsFrom } = loopsWith;
    const x = config && this.constants.skipTrivia(config);
    if (!x || !t.isObjectLiteralExpression(x) || x.properties.some((p) => t.isSpreadAssignment(p))) return false;
    return options.every((o) => {
      const list = this.listOption(x, o);
      return list !== undefined && (list === "absent" || list.elements.every((el) => o === "tools" && !!hosted && this.isHostedTool(el, hosted)));
    }) && (!toolsFrom || this.bringsNoTools(x, toolsFrom)) && !(loopsWith.retrying && this.retries(x, loopsWith.retrying));
  }

  /** The construction's `responseFormat` (say) may send the run back to the model: given, and not made by a `once` function nor told to stop. */
  private retries(config: ts.Expression, retrying: NonNullable<LoopsWith["retrying"]>): boolean {
    const t = this.ts;
    const given = this.constants.property(config, [retrying.option]);
    if (!given) return false;
    let x = this.constants.skipTrivia(given);
    if (t.isIdentifier(x)) x = this.constInitializer(x) ?? x;
    if (!t.isCallExpression(x) || !t.isIdentifier(x.expression)) return true;
    const decl = this.scopes.resolve(x.expression);
    const imported = decl && this.importOf(decl);
    if (!imported || !retrying.modules.includes(imported.specifier)) return true;
    if (retrying.once.includes(imported.name)) return false;
    const options = imported.name === retrying.maker ? x.arguments[1] : undefined;
    const stop = options && this.constants.property(options, [retrying.stop]);
    return !(stop && this.constants.skipTrivia(stop).kind === t.SyntaxKind.FalseKeyword);
  }

  /** An option's array literal (or a const one nothing changes), "absent" when the option is not given; undefined when not read. */
  private listOption(config: ts.Expression, option: string): ts.ArrayLiteralExpression | "absent" | undefined {
    const v = this.constants.property(config, [option]);
    const e = v && this.constants.skipTrivia(v);
    if (!e) return "absent";
    const list = this.ts.isIdentifier(e) ? this.unchangedConstArray(e) : e;
    return list && this.ts.isArrayLiteralExpression(list) ? list : undefined;
  }

  /**
   * `middleware: [summarizationMiddleware({ model }), createMiddleware({ wrapModelCall })]`: every element is made by a
   * function of the SDK that adds no tool, or by its maker given none (`tools: []`). An element not read may bring tools.
   */
  private bringsNoTools(config: ts.Expression, toolsFrom: NonNullable<LoopsWith["toolsFrom"]>): boolean {
    const t = this.ts;
    const list = this.listOption(config, toolsFrom.option);
    if (list === "absent") return true;
    return !!list && list.elements.every((el) => {
      let x = this.constants.skipTrivia(el);
      if (t.isIdentifier(x)) x = this.constInitializer(x) ?? x;
      if (!t.isCallExpression(x) || !t.isIdentifier(x.expression)) return false;
      const decl = this.scopes.resolve(x.expression);
      const imported = decl && this.importOf(decl);
      if (!imported || !toolsFrom.modules.includes(imported.specifier) || toolsFrom.adding.includes(imported.name)) return false;
      if (imported.name !== toolsFrom.maker) return true;
      const made = x.arguments[0] && this.constants.skipTrivia(x.arguments[0]);
      if (!made || !t.isObjectLiteralExpression(made) || made.properties.some((p) => t.isSpreadAssignment(p))) return false;
      const tools = this.listOption(made, "tools");
      return tools === "absent" || (tools !== undefined && tools.elements.length === 0);
    });
  }

  /** The value a const is made with (`const tools = [webSearchTool()]`, `const search = webSearchTool()`). */
  private constInitializer(id: ts.Identifier): ts.Expression | undefined {
    const decl = this.scopes.resolve(id);
    const init = decl && this.constants.isConstDeclaration(decl) ? (decl as ts.VariableDeclaration).initializer : undefined;
    return init && this.constants.skipTrivia(init);
  }

  /**
   * A const array's literal when nothing changes the array after: `const tools = []` then
   * `tools.push(search)` or `addTools(tools)` holds more than its literal says.
   */
  private unchangedConstArray(id: ts.Identifier): ts.Expression | undefined {
    const t = this.ts;
    const init = this.constInitializer(id);
    const decl = init && this.scopes.resolve(id);
    if (!decl || !t.isArrayLiteralExpression(init)) return undefined;
    const changed = this.scopes.referencesTo(decl, id.text).some((ref) => {
      const p = ref.parent;
      if (t.isPropertyAccessExpression(p) && p.expression === ref) return ARRAY_CHANGES.has(p.name.text);
      if (t.isElementAccessExpression(p) && p.expression === ref) return t.isBinaryExpression(p.parent) && p.parent.left === p;
      return (t.isCallExpression(p) || t.isNewExpression(p)) && !!p.arguments?.includes(ref);
    });
    return changed ? undefined : init;
  }

  /** `webSearchTool()`, `hostedMcpTool({ serverLabel, serverUrl })` imported from the SDK (also through a const): a tool the provider runs inside the response. */
  private isHostedTool(el: ts.Expression, hosted: HostedTools): boolean {
    const t = this.ts;
    let x = this.constants.skipTrivia(el);
    if (t.isIdentifier(x)) x = this.constInitializer(x) ?? x;
    if (!t.isCallExpression(x) || !t.isIdentifier(x.expression)) return false;
    const decl = this.scopes.resolve(x.expression);
    const imported = decl && this.importOf(decl);
    const tool = imported && hosted.modules.includes(imported.specifier) ? hosted.tools.find((h) => h.name === imported.name) : undefined;
    if (!tool) return false;
    if (!tool.hostedWhile) return true;
    const option = this.argumentAt(x, tool.hostedWhile.path);
    if (!option) return !!tool.hostedWhile.orAbsent;
    const value = this.literalText(option);
    return value !== undefined && tool.hostedWhile.values.includes(value);
  }

  /** The first argument of the `new X({…})` or `f({…})` that made `arg` (through a const). */
  private madeWith(arg: ts.Expression | undefined): ts.Expression | undefined {
    const t = this.ts;
    let e = arg && this.constants.skipTrivia(arg);
    if (e && t.isIdentifier(e)) e = this.constants.initializerOf(e);
    e = e && this.constants.skipTrivia(e);
    return e && (t.isNewExpression(e) || t.isCallExpression(e)) ? e.arguments?.[0] : undefined;
  }

  /** `0.instructions` of the call, or with `0@instructions` what its first argument was made with. */
  private instructionsAt(call: ts.CallExpression, path: string): ts.Expression | undefined {
    const at = path.indexOf("@");
    if (at < 0) return this.argumentAt(call, path);
    const config = this.madeWith(call.arguments[Number(path.slice(0, at))]);
    return config && this.constants.property(config, path.slice(at + 1).split("."));
  }

  /** A chat session reused across requests, or a request chained to server-side state. */
  private stateOf(call: ts.CallExpression, spec: ApiSpec, client: Value | undefined): LlmCall["state"] {
    const state = this.unwindowedState(call, spec, client);
    if (!state || !spec.stateWindow) return state;
    const window = (client && this.configuredWindow(client, spec)) ?? spec.stateWindow.default;
    return window === undefined ? state : { ...state, window, source: spec.stateWindow.source };
  }

  private unwindowedState(call: ts.CallExpression, spec: ApiSpec, client: Value | undefined): LlmCall["state"] {
    if (client?.kind === "client" && client.client.stateful && client.origin && !this.boundedMemory(client)) {

      const { source, trimmed } = client.client.stateful;
      return { anchor: client.origin, source, ...(trimmed ? { trimmed } : {}) };
    }
    // A session the function is handed (`async function note(chat: Chat)`): it keeps the requests sent here, and may
    // already hold a conversation, sent with each of them.
    const session = client?.kind === "client" && client.client.stateful && !client.origin && !this.boundedMemory(client) ? this.handedReceiver(call) : undefined;
    if (session && client?.kind === "client" && client.client.stateful) {
      const { source, trimmed } = client.client.stateful;
      return { anchor: session.decl, source, ...(trimmed ? { trimmed } : {}), history: `${session.name}'s conversation` };
    }
    if (spec.handedState) return this.handedState(call, spec.handedState);
    // A thread kept by what the client was made with (a checkpointer): none, no state; a fixed id, the client's one thread.
    if (spec.stateKeptBy && !(client && spec.stateKeptBy.some((o) => this.clientConfig(client, o)))) return undefined;
    for (const path of spec.state ?? []) {
      let e = this.argumentAt(call, path);
      if (spec.stateKeptBy && e && this.constants.string(e) !== undefined) return { anchor: (client?.kind === "client" ? client.origin : undefined) ?? this.scopes.sourceFile, source: spec.stateSource ?? path, thread: this.constants.string(e)! };
      // `memory: { thread: "t1", resource }` (Mastra): the thread named keeps the conversation, even a fixed one.
      const thread = e && this.ts.isObjectLiteralExpression(this.constants.skipTrivia(e)) ? this.constants.property(e, ["thread"]) ?? this.constants.property(e, ["threadId"]) : undefined;
      if (thread && this.constants.string(thread) !== undefined) return { anchor: (client?.kind === "client" ? client.origin : undefined) ?? this.scopes.sourceFile, source: `${path.split(".").pop()} keeps the thread's messages and sends them with every request`, thread: this.constants.string(thread)! };
      if (thread) e = thread;
      if (!e || this.constants.string(e) !== undefined) continue;
      // One branch of a condition whose other is no state (`c ? undefined : r1.id`): that state, at most.
      const branch = this.stateBranch(e);
      // The chain starts where the id (or session) variable is declared: `let prev; … prev = r.id`.
      let root: ts.Expression = this.constants.skipTrivia(branch ?? e);
      // A condition between two states (`c ? r1.id : r2.id`): anchored at the first, either may be sent (the continued-runs rule reads both).
      const either = branch ? undefined : this.eitherState(root);
      if (either) root = either;
      while (this.ts.isPropertyAccessExpression(root) || this.ts.isElementAccessExpression(root)) root = this.constants.skipTrivia(root.expression);
      const decl = this.ts.isIdentifier(root) ? this.scopes.resolve(root) : undefined;
      // A parameter the function is handed (`previous_response_id: id`, `{ state }`, `session`) may already name a conversation: what it holds goes with each request.
      // Named apart from the parameter's own size (`|id|`, which a caller sets to its argument's): `|id's conversation|`.
      const handed = decl && this.isParameterName(decl) && this.ts.isIdentifier(root) ? `${root.text}'s conversation` : undefined;
      if (decl) return { anchor: decl, source: spec.stateSource ?? `${path.split(".").pop()} chains each request to the conversation kept on the server, which is billed again every time`, ...(spec.stateKeptBy ? { keptBy: (client?.kind === "client" ? client.origin : undefined) ?? call } : {}), ...(branch || either ? { maybe: true } : {}), ...(handed ? { history: handed } : {}) };
    }
    return undefined;
  }

  /** The first branch of a condition between two values (`c ? r1.id : r2.id`, `a ?? b`) that reads a variable, if `e` is one. */
  private eitherState(e: ts.Expression): ts.Expression | undefined {
    const t = this.ts;
    const branches = t.isConditionalExpression(e) ? [e.whenTrue, e.whenFalse] : t.isBinaryExpression(e) && [t.SyntaxKind.BarBarToken, t.SyntaxKind.QuestionQuestionToken].includes(e.operatorToken.kind) ? [e.left, e.right] : [];
    for (const b of branches) {
      let root: ts.Expression = this.constants.skipTrivia(b);
      while (t.isPropertyAccessExpression(root) || t.isElementAccessExpression(root)) root = this.constants.skipTrivia(root.expression);
      if (t.isIdentifier(root) && root.text !== "undefined") return root;
    }
    return undefined;
  }

  /** The one branch of `c ? a : b` that is not a literal (`undefined`, `null`, a string): the state when the condition picks it. */
  private stateBranch(e: ts.Expression): ts.Expression | undefined {
    const t = this.ts;
    const x = this.constants.skipTrivia(e);
    if (!t.isConditionalExpression(x)) return undefined;
    const none = (b: ts.Expression): boolean => {
      const y = this.constants.skipTrivia(b);
      return y.kind === t.SyntaxKind.NullKeyword || (t.isIdentifier(y) && y.text === "undefined") || this.constants.string(y) !== undefined;
    };
    if (none(x.whenTrue) && !none(x.whenFalse)) return x.whenFalse;
    if (none(x.whenFalse) && !none(x.whenTrue)) return x.whenTrue;
    return undefined;
  }

  /** The parameter a method call is made on (`chat.sendMessage(…)` with `chat` a parameter), and its name. */
  private handedReceiver(call: ts.CallExpression): { decl: ts.Node; name: string } | undefined {
    const t = this.ts;
    const callee = this.constants.skipTrivia(call.expression);
    const receiver = t.isPropertyAccessExpression(callee) ? this.constants.skipTrivia(callee.expression) : undefined;
    const decl = receiver && t.isIdentifier(receiver) ? this.scopes.resolve(receiver) : undefined;
    return decl && this.isParameterName(decl) ? { decl, name: receiver!.getText() } : undefined;
  }

  /** A parameter of a function, or a name bound from one (`function go({ state })`). */
  private isParameterName(decl: ts.Node): boolean {
    const t = this.ts;
    let n: ts.Node = decl;
    while (t.isBindingElement(n) || t.isObjectBindingPattern(n) || t.isArrayBindingPattern(n)) n = n.parent;
    return t.isParameter(n);
  }

  /**
   * The state object a call is handed (`{ network: this }`: `this.state`), grown in the loops around the call that
   * call the SDK's append on that same object (`this.state.appendResult(call)`): none, and nothing grows.
   */
  private handedState(call: ts.CallExpression, spec: NonNullable<ApiSpec["handedState"]>): LlmCall["state"] {
    const t = this.ts;
    for (const path of spec.paths) {
      const [at, member] = path.split("@");
      const holder = this.argumentAt(call, at!);
      if (!holder) continue;
      const held = this.constants.skipTrivia(holder);
      const isState = (e: ts.Expression): boolean => {
        const x = this.constants.skipTrivia(e);
        if (!member) return this.sameReference(x, held);
        return t.isPropertyAccessExpression(x) && x.name.text === member && this.sameReference(this.constants.skipTrivia(x.expression), held);
      };
      const appendedIn: ts.Node[] = [];
      for (let n: ts.Node | undefined = call.parent; n && !t.isFunctionLike(n); n = n.parent) {
        if (t.isIterationStatement(n, false) && this.callsOn(n.statement, spec.method, isState)) appendedIn.push(n);
      }
      const field = !member ? (t.isPropertyAccessExpression(held) && held.expression.kind === t.SyntaxKind.ThisKeyword ? held.name.text : undefined) : held.kind === t.SyntaxKind.ThisKeyword ? member : undefined;
      const history = this.madeEmptyHere(call, held, appendedIn, spec.method, isState) ? undefined : `${this.referenceText(held)}${member ? `.${member}` : ""}`;
      return { anchor: call, source: spec.source, appendedIn, ...(field ? { field: { name: field, method: spec.method } } : {}), ...(history ? { history } : {}) };
    }
    return undefined;
  }

  /**
   * Whether the state a run is handed starts empty in the run's own function: a `const` of that function made by the SDK's
   * call or `new` given no history (no `defaultState`, `state`, `messages` or `results` key in its literal arguments, and nothing
   * else), appended to there only in the loops around the run (counted by the caller). Anything else (a parameter, a field,
   * another module's or function's object) may already hold messages and results, which each run sends again.
   */
  private madeEmptyHere(call: ts.CallExpression, held: ts.Expression, appendedIn: readonly ts.Node[], method: string, isState: (e: ts.Expression) => boolean): boolean {
    const t = this.ts;
    if (!t.isIdentifier(held)) return false;
    const decl = this.scopes.resolve(held);
    if (!decl || !t.isVariableDeclaration(decl) || !decl.initializer || !t.isVariableDeclarationList(decl.parent) || !(decl.parent.flags & t.NodeFlags.Const)) return false;
    const home = this.enclosingFunction(call);
    if (!home || this.enclosingFunction(decl) !== home) return false;
    const made = this.constants.skipTrivia(decl.initializer);
    const made2 = t.isAwaitExpression(made) ? this.constants.skipTrivia(made.expression) : made;
    // Made by the SDK (`createNetwork`, `new State`): a function of the code's own may hand back a network that holds a history.
    if ((!t.isCallExpression(made2) && !t.isNewExpression(made2)) || !this.importedFromCatalog(made2.expression)) return false;
    const history = new Set(["defaultState", "state", "messages", "results"]);
    const noHistory = (a: ts.Expression): boolean => {
      const o = this.constants.skipTrivia(a);
      return t.isObjectLiteralExpression(o) && o.properties.every((p) => (t.isPropertyAssignment(p) || t.isShorthandPropertyAssignment(p)) && !history.has(p.name.getText()));
    };
    if (!(made2.arguments ?? []).every(noHistory)) return false;
    return !this.callsOn(home, method, isState, new Set(appendedIn));
  }

  /** A name (or a member of one) imported from a catalog module: `createNetwork`, `State`, `agentkit.createNetwork`. */
  private importedFromCatalog(callee: ts.Expression): boolean {
    const t = this.ts;
    let root = this.constants.skipTrivia(callee);
    while (t.isPropertyAccessExpression(root)) root = this.constants.skipTrivia(root.expression);
    const decl = t.isIdentifier(root) ? this.scopes.resolve(root) : undefined;
    return !!decl && (t.isImportSpecifier(decl) || t.isImportClause(decl) || t.isNamespaceImport(decl)) && !!this.valueOf(callee);
  }

  /** The function (or source file) a node's code runs in. */
  private enclosingFunction(node: ts.Node): ts.Node | undefined {
    let n = node.parent;
    while (n && !this.ts.isFunctionLike(n) && !this.ts.isSourceFile(n)) n = n.parent;
    return n;
  }

  /** A reference written as a name (`network`, `this.network`), or what it stands for when it is not one. */
  private referenceText(e: ts.Expression): string {
    const t = this.ts;
    if (e.kind === t.SyntaxKind.ThisKeyword) return "this";
    if (t.isIdentifier(e)) return e.text;
    if (t.isPropertyAccessExpression(e)) return `${this.referenceText(this.constants.skipTrivia(e.expression))}.${e.name.text}`;
    return "handed";
  }

  /** Whether `body` (not the functions in it, nor the nodes in `skip`) calls `method` on an object `isObject` accepts. */
  private callsOn(body: ts.Node, method: string, isObject: (e: ts.Expression) => boolean, skip?: ReadonlySet<ts.Node>): boolean {
    const t = this.ts;
    const visit = (n: ts.Node): boolean => {
      if (skip?.has(n)) return false;
      if (t.isCallExpression(n) && t.isPropertyAccessExpression(n.expression) && n.expression.name.text === method && isObject(n.expression.expression)) return true;
      return !t.isFunctionLike(n) && !!t.forEachChild(n, (c) => visit(c) || undefined);
    };
    return t.isFunctionLike(body) ? !!t.forEachChild(body, (c) => visit(c) || undefined) : visit(body);
  }

  /** The same object written twice: `this`, one variable, or the same member of such (`this.state`, `net.state`). */
  private sameReference(a: ts.Expression, b: ts.Expression): boolean {
    const t = this.ts;
    if (a.kind === t.SyntaxKind.ThisKeyword || b.kind === t.SyntaxKind.ThisKeyword) return a.kind === b.kind;
    if (t.isIdentifier(a) && t.isIdentifier(b)) {
      const d = this.scopes.resolve(a);
      return !!d && d === this.scopes.resolve(b);
    }
    if (t.isPropertyAccessExpression(a) && t.isPropertyAccessExpression(b)) return a.name.text === b.name.text && this.sameReference(this.constants.skipTrivia(a.expression), this.constants.skipTrivia(b.expression));
    return false;
  }

  /** A call of a user-declared wrapper: every argument is prompt; a `model`/`max_tokens` option is read. */
  private wrapperCall(call: ts.CallExpression, name: string): LlmCall {
    const args = call.arguments.filter((a) => !this.ts.isSpreadElement(a));
    const model = this.constants.property(args[0], ["model"]) ?? this.constants.property(args[1], ["model"]);
    const maxTokens = ["max_tokens", "maxTokens", "maxOutputTokens"].map((k) => this.constants.property(args[args.length - 1], [k])).find((e) => e);
    return { node: call, sdk: "wrapper", api: name, prompt: args, ...(model ? { model } : {}), ...(maxTokens ? { maxTokens } : {}) };
  }

  /** What a callee or receiver expression is, or undefined when it is not from a catalog module. */
  valueOf(expr: ts.Expression): Value | undefined {
    const e = this.constants.skipTrivia(expr);
    const memo = this.memo.get(e);
    if (memo !== undefined) return memo ?? undefined;
    if (this.inProgress.has(e)) {
      this.cutShort++;
      return undefined;
    }
    this.inProgress.add(e);
    const v = this.compute(e);
    this.inProgress.delete(e);
    this.memo.set(e, v ?? null);
    return v;
  }

  private compute(e: ts.Expression): Value | undefined {
    const t = this.ts;
    if (t.isIdentifier(e)) {
      const decl = this.scopes.resolve(e);
      return (decl ? this.valueOfDeclaration(decl) : undefined) ?? this.valueOfCheckedType(e);
    }
    if (t.isPropertyAccessExpression(e) || (t.isElementAccessExpression(e) && t.isStringLiteralLike(e.argumentExpression))) {
      const key = t.isPropertyAccessExpression(e) ? e.name.text : (e.argumentExpression as ts.StringLiteral).text;
      if (e.expression.kind === t.SyntaxKind.ThisKeyword) return this.valueOfField(e, key) ?? this.valueOfCheckedType(e);
      // `(await import("./client")).client`, `mod.client` of `const mod = await import("./client")`: what the module exports.
      const loaded = this.loadedNamespace(e.expression);
      if (loaded !== undefined) return this.importedValue(loaded, key, e);
      const base = this.valueOf(e.expression);
      return base ? this.member(base, key, e) : undefined;
    }
    if (t.isNewExpression(e)) {
      const base = this.valueOf(e.expression);
      return base ? this.construct(base, e.arguments?.[0], e) : undefined;
    }
    if (t.isCallExpression(e)) {
      const required = this.requiredSpecifier(e);
      // `const openai = require("./openai")` (`module.exports = openai`): the module's default client.
      if (required !== undefined) return this.moduleValue(required, []) ?? this.imported(required, "default", e);
      // `await import("openai")`: the module's namespace (a project module's is read by its members, above).
      const loaded = awaitedImport(t, e);
      if (loaded !== undefined) return this.moduleValue(loaded, []);
      // `await import("openai").then((m) => m.default)`
      const loadedExport = awaitedImportExport(t, e);
      if (loadedExport) return this.importedValue(loadedExport.specifier, loadedExport.exportName, e);
      const piped = this.pipedModel(e);
      if (piped) return piped;
      const base = this.valueOf(e.expression);
      if (!base) return this.mapEntry(e) ?? this.valueOfCheckedType(e);
      // `Settings.withLLM(llm, async () => createChatEngine(…))`: the SDK returns what the callback returns.
      if (base.kind === "module" && base.entry.passThrough?.includes(base.path.join("."))) {
        const last = e.arguments[e.arguments.length - 1];
        const fn = last && this.constants.skipTrivia(last);
        const made = fn && (t.isArrowFunction(fn) || t.isFunctionExpression(fn)) ? this.factoryOf(fn) : undefined;
        return made?.kind === "factory" ? made.returns : undefined;
      }
      // `wrapLanguageModel({ model: mockModel, middleware })`: what a factory makes of a test double answers from the test too.
      if (base.kind === "factory") return e.arguments.some((a) => this.givesTestDouble(a)) ? undefined : base.returns;
      if (base.kind === "typed") return base.member !== undefined ? this.typedMember(base.type, base.member, true, e) : undefined;
      const spec = this.apiOf(base);
      // `agent.withConfig({ recursionLimit: 50 })`: the same agent, its later calls' options defaulted.
      if (spec?.configures && base.kind === "client") {
        const given = e.arguments[0];
        return { ...base, path: [], ...(given ? { defaults: [...(base.defaults ?? []), given] } : {}) };
      }
      if (spec?.yields) {
        // `mastra.getAgent("weatherAgent")`: the agent registered under that name, where the project registers one;
        // `mastra.getAgentById("weather-agent")`: the registered agent made with that id.
        const byId = spec.api.endsWith("getAgentById");
        const name = spec.byName && (byId || spec.api.endsWith("getAgent")) ? this.constants.string(e.arguments[0]) : undefined;
        const registered = name !== undefined ? this.registeredAgent?.(name, byId) : undefined;
        if (registered && registered.entry === base.entry) return this.fromExported(registered, e);
        const yielded = this.clientOfKind(base.entry, spec.yields, spec.byName ? undefined : e.arguments[0], base, e);
        return yielded?.kind === "client" && spec.byName ? { ...yielded, byName: true } : yielded;
      }
      return undefined;
    }
    if (t.isBinaryExpression(e) && (e.operatorToken.kind === t.SyntaxKind.QuestionQuestionToken || e.operatorToken.kind === t.SyntaxKind.BarBarToken)) {
      return this.valueOf(e.left) ?? this.valueOf(e.right);
    }
    // `name && this._agents.get(name)`: the right side, or a falsy value no method is called on.
    if (t.isBinaryExpression(e) && e.operatorToken.kind === t.SyntaxKind.AmpersandAmpersandToken) return this.valueOf(e.right);
    if (t.isConditionalExpression(e)) return this.valueOf(e.whenTrue) ?? this.valueOf(e.whenFalse);
    if (t.isArrowFunction(e) || t.isFunctionExpression(e)) return this.factoryOf(e);
    return undefined;
  }

  /**
   * Type-aware mode: when the syntax does not say what a value is (a DI container, an untyped
   * field, a factory), the checker's type does — an instance of a catalog class.
   */
  private valueOfCheckedType(e: ts.Expression): Value | undefined {
    const declared = this.typeOf?.(e);
    if (!declared) return undefined;
    const base = this.moduleValue(declared.module, [declared.name]);
    return base ? this.construct(base, undefined) : undefined;
  }

  private valueOfDeclaration(decl: ts.Node): Value | undefined {
    const t = this.ts;
    if (t.isImportClause(decl)) return this.importedValue(this.moduleOfImport(decl.parent), "default", decl);
    if (t.isNamespaceImport(decl)) return this.moduleValue(this.moduleOfImport(decl.parent.parent), []);
    if (t.isImportSpecifier(decl)) return this.importedValue(this.moduleOfImport(decl.parent.parent.parent), (decl.propertyName ?? decl.name).text, decl);
    if (t.isFunctionDeclaration(decl)) return this.factoryOf(decl);
    // `class Summarizer extends LLMChain {}`: its instances are the catalog class's.
    if (t.isClassDeclaration(decl)) {
      const base = decl.heritageClauses?.find((h) => h.token === t.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
      return base ? this.valueOf(base) : undefined;
    }
    if (t.isImportEqualsDeclaration(decl)) {
      const ref = decl.moduleReference;
      return t.isExternalModuleReference(ref) && t.isStringLiteralLike(ref.expression) ? this.moduleValue(ref.expression.text, []) : undefined;
    }
    if (t.isVariableDeclaration(decl)) {
      // `let session = sessions.get(id); if (!session) session = await harness.createSession()`: a cache's miss made here.
      if (decl.initializer) return this.valueOf(decl.initializer) ?? (decl.parent.flags & t.NodeFlags.Let ? this.assignedValue(decl) : undefined);
      return (decl.type ? this.valueOfType(decl.type) : undefined) ?? this.assignedValue(decl);
    }
    if (t.isBindingElement(decl)) return this.valueOfBindingElement(decl);
    if (t.isParameter(decl)) {
      return (decl.type ? this.valueOfType(decl.type) : undefined) ?? (decl.initializer ? this.valueOf(decl.initializer) : undefined) ?? this.callbackContext(decl);
    }
    if (t.isPropertyDeclaration(decl)) {
      return (decl.initializer ? this.valueOf(decl.initializer) : undefined) ?? (decl.type ? this.valueOfType(decl.type) : undefined);
    }
    if (t.isInterfaceDeclaration(decl)) return this.interfaceClient(decl);
    return undefined;
  }

  /**
   * An interface of the project that stands for one catalog client: in its module, the functions
   * declared to return it (`createContentGenerator(): Promise<ContentGenerator>`) return that client
   * or wrap it (`new LoggingContentGenerator(googleGenAI.models, config)`), and no other client.
   * A value typed by the interface is then that client; its methods take the client's request.
   */
  private interfaceClient(decl: ts.InterfaceDeclaration): Value | undefined {
    if (this.findingInterfaces.has(decl)) {
      // Met again while being found (a factory typed by the interface it makes): nothing yet, and
      // whatever leaned on that is not kept (see factoryOf).
      this.cutShort++;
      return undefined;
    }
    const known = this.interfaces.get(decl);
    if (known !== undefined) return known ?? undefined;
    this.findingInterfaces.add(decl);
    let v: Value | undefined;
    try {
      v = this.findInterfaceClient(decl);
    } finally {
      this.findingInterfaces.delete(decl);
    }
    this.interfaces.set(decl, v ?? null);
    return v;
  }

  /** Interfaces already asked about: their file is walked once. */
  private readonly interfaces = new Map<ts.InterfaceDeclaration, Value | null>();
  private readonly findingInterfaces = new Set<ts.InterfaceDeclaration>();

  private findInterfaceClient(decl: ts.InterfaceDeclaration): Value | undefined {
    const t = this.ts;
    const name = decl.name.text;
    const found = new Map<string, Value>();
    const note = (e: ts.Expression | undefined): void => {
      const v = e && this.valueOf(e);
      if (v?.kind === "client") found.set(`${v.entry.sdk}\0${v.client.id}\0${v.path.join(".")}`, v);
    };
    const collect = (n: ts.Node): void => {
      if (t.isReturnStatement(n)) note(n.expression);
      else if (t.isNewExpression(n)) for (const a of n.arguments ?? []) note(a);
      t.forEachChild(n, collect);
    };
    // A body nested in another one of the list is collected twice: the same clients, kept once by key.
    for (const body of this.bodiesReturning(decl.getSourceFile()).get(name) ?? []) collect(body);
    return found.size === 1 ? [...found.values()][0] : undefined;
  }

  /**
   * The bodies of the file's functions by the name of the type they are declared to return: one
   * walk of the file for every interface asked about (an SDK's type modules declare hundreds, and a
   * walk per interface was a tenth of a report over anthropic-sdk-typescript).
   */
  private bodiesReturning(file: ts.SourceFile): Map<string, ts.Node[]> {
    const index = this.returnedTypeIndex.get(file);
    if (index) return index;
    const t = this.ts;
    const bodies = new Map<string, ts.Node[]>();
    const visit = (n: ts.Node): void => {
      const body = t.isFunctionLike(n) ? (n as { body?: ts.Node }).body : undefined;
      if (body && (n as ts.SignatureDeclaration).type) {
        for (const name of this.typeNames((n as ts.SignatureDeclaration).type!)) {
          const list = bodies.get(name);
          if (list) list.push(body);
          else bodies.set(name, [body]);
        }
      }
      t.forEachChild(n, visit);
    };
    visit(file);
    this.returnedTypeIndex.set(file, bodies);
    return bodies;
  }

  private readonly returnedTypeIndex = new Map<ts.SourceFile, Map<string, ts.Node[]>>();

  /** The names a declared type is: `I`, `I | null`, `Promise<I>` are `I`. */
  private typeNames(type: ts.TypeNode): string[] {
    const t = this.ts;
    if (t.isUnionTypeNode(type)) return type.types.flatMap((x) => this.typeNames(x));
    if (t.isParenthesizedTypeNode(type)) return this.typeNames(type.type);
    if (!t.isTypeReferenceNode(type) || !t.isIdentifier(type.typeName)) return [];
    if (type.typeName.text === "Promise" && type.typeArguments?.length === 1) return this.typeNames(type.typeArguments[0]!);
    return [type.typeName.text];
  }

  /**
   * LangChain's LCEL: `prompt.pipe(model)`, `model.pipe(parser)`, `RunnableSequence.from([prompt,
   * model, parser])` make a runnable whose `invoke` sends one request to the model in it.
   */
  private pipedModel(call: ts.CallExpression): Value | undefined {
    const t = this.ts;
    const callee = this.constants.skipTrivia(call.expression);
    if (!t.isPropertyAccessExpression(callee)) return undefined;
    const method = callee.name.text;
    const isModel = (v: Value | undefined): v is Value => v?.kind === "client" && v.path.length === 0 && v.entry.sdk === "@langchain" && v.client.methods.some((m) => m.api === "invoke");
    if (method === "pipe") {
      const recv = this.valueOf(callee.expression);
      if (isModel(recv)) return recv;
      const piped = (a: ts.Expression): Value | undefined => {
        const x = this.constants.skipTrivia(a);
        // `prompt.pipe({ llm: model })`: a map of runnables (RunnableMap), each run on the input.
        if (!t.isObjectLiteralExpression(x)) return this.valueOf(x);
        return x.properties.map((p) => (t.isPropertyAssignment(p) ? this.valueOf(p.initializer) : t.isShorthandPropertyAssignment(p) ? this.valueOf(p.name) : undefined)).find(isModel);
      };
      const model = call.arguments.map(piped).find(isModel);
      return model && this.afterAssigned(callee.expression, model, call, isModel);
    }
    if (method === "from") {
      const recv = this.valueOf(callee.expression);
      if (recv?.kind !== "module" || recv.path[recv.path.length - 1] !== "RunnableSequence") return undefined;
      const list = call.arguments[0] && this.constants.skipTrivia(call.arguments[0]);
      if (!list || !t.isArrayLiteralExpression(list)) return undefined;
      const at = list.elements.findIndex((el) => isModel(this.valueOf(el)));
      return at < 0 ? undefined : list.elements.slice(0, at).reduce((v, el) => this.afterAssigned(el, v, call, isModel), this.valueOf(list.elements[at]!)!);
    }
    return undefined;
  }

  /**
   * `RunnablePassthrough.assign({ k: chainA })` before `piped`: each assigned runnable that calls a
   * model sends a request, then `piped` runs with their answers in its input. Else `piped` alone.
   */
  private afterAssigned(before: ts.Expression, piped: Value, at: ts.Node, isModel: (v: Value | undefined) => v is Value): Value {
    const t = this.ts;
    let x = this.constants.skipTrivia(before);
    // `assign(…).pipe(prompt).pipe(model)`: through the pipes into runnables that call no model.
    for (let i = 0; i < 16 && t.isCallExpression(x) && t.isPropertyAccessExpression(x.expression) && x.expression.name.text === "pipe" && !x.arguments.some((a) => isModel(this.valueOf(a))); i++) x = this.constants.skipTrivia(x.expression.expression);
    if (!t.isCallExpression(x) || !t.isPropertyAccessExpression(x.expression) || x.expression.name.text !== "assign" || piped.kind !== "client") return piped;
    const owner = this.valueOf(x.expression.expression);
    const mapping = x.arguments[0] && this.constants.skipTrivia(x.arguments[0]);
    if (owner?.kind !== "module" || owner.path[owner.path.length - 1] !== "RunnablePassthrough" || !mapping || !t.isObjectLiteralExpression(mapping)) return piped;
    const assigned = mapping.properties.filter((p) => t.isPropertyAssignment(p) && isModel(this.valueOf(p.initializer))).length;
    const kind = assigned ? piped.entry.clients?.find((c) => c.id === ASSIGNED_CHAIN) : undefined;
    if (!kind) return piped;
    const steps: StepSpec = assigned === 1 ? ASSIGNED_CHAIN_STEPS : { ...ASSIGNED_CHAIN_STEPS, default: assigned + 1, source: `RunnablePassthrough.assign sends the requests of its ${assigned} assigned model runnables, then the piped chain's with their answers added to its input: ${assigned + 1} requests per invoke` };
    return { kind: "client", entry: piped.entry, client: { ...kind, methods: kind.methods.map((m) => ({ ...m, steps })) }, path: [], parent: piped, origin: at };
  }

  /** `require("x")` → "x". */
  private requiredSpecifier(e: ts.Expression): string | undefined {
    const t = this.ts;
    const x = this.constants.skipTrivia(e);
    return t.isCallExpression(x) && t.isIdentifier(x.expression) && x.expression.text === "require" && x.arguments.length === 1 && t.isStringLiteralLike(x.arguments[0]!) ? x.arguments[0].text : undefined;
  }

  /** `await import("x")`, or a variable that holds it: "x", whose members are the module's exports. */
  private loadedNamespace(e: ts.Expression): string | undefined {
    const t = this.ts;
    const x = this.constants.skipTrivia(e);
    if (!t.isIdentifier(x)) return awaitedImport(t, x);
    const decl = this.scopes.resolve(x);
    return decl && t.isVariableDeclaration(decl) && this.constants.isConstDeclaration(decl) && decl.initializer ? awaitedImport(t, this.constants.skipTrivia(decl.initializer)) : undefined;
  }

  /** An imported name: a catalog module's member, else what a project module exports (a path is made only for the catalog's). */
  private importedValue(specifier: string | undefined, name: string, decl: ts.Node): Value | undefined {
    return specifier && this.catalogEntry(specifier) ? this.moduleValue(specifier, [name]) : this.imported(specifier, name, decl);
  }

  /** A client exported by a project module: it starts (for state kept across calls) at the import. */
  private imported(specifier: string | undefined, exportName: string, at: ts.Node): Value | undefined {
    const found = specifier !== undefined && !this.catalogEntry(specifier) ? this.importedClient?.(specifier, exportName) : undefined;
    return found && this.fromExported(found, at);
  }

  /** A client another module made, as a value here: it starts (for state kept across calls) at `at`. */
  private fromExported(found: ExportedClient, at: ts.Node): Value {
    if (found.declared !== undefined || !found.client) return { kind: "module", entry: found.entry, path: [found.declared ?? "default"] };
    const f = this.ts.factory;
    const settings: ClientSettings = {
      ...(found.model !== undefined ? { model: f.createStringLiteral(found.model) } : {}),
      ...(found.maxTokens !== undefined ? { maxTokens: f.createNumericLiteral(found.maxTokens) } : {}),
      ...(found.window !== undefined ? { window: found.window } : {}),
      ...(found.caps?.length ? { caps: found.caps } : {}),
      ...(found.acyclicGraph ? { acyclicGraph: true as const } : {}),
      ...(found.loopless ? { loopless: true as const } : {}),
      ...(found.instructions !== undefined ? { instructions: f.createStringLiteral(found.instructions) } : {}),
      ...(found.id !== undefined ? { id: found.id } : {}),
      ...(found.defaults ? { defaults: found.defaults } : {}),
    };
    const client: Value = { kind: "client", entry: found.entry, client: found.client, path: found.path, origin: at, settings };
    return found.factory ? { kind: "factory", returns: client } : client;
  }

  /**
   * A function whose returned value is a client: `function getClient() { return new OpenAI(); }`.
   * Kept per function (each reference to it asks, and the answer walks its body) unless it met a
   * value still being worked out, which a later question may see whole.
   */
  private factoryOf(fn: ts.SignatureDeclaration): Value | undefined {
    const memo = this.factories.get(fn);
    if (memo !== undefined) return memo ?? undefined;
    const cutBefore = this.cutShort;
    const v = this.findFactory(fn);
    if (this.cutShort === cutBefore) this.factories.set(fn, v ?? null);
    return v;
  }

  private findFactory(fn: ts.SignatureDeclaration): Value | undefined {
    const t = this.ts;
    const body = (fn as { body?: ts.Node }).body;
    if (!body) return undefined;
    if (!t.isBlock(body)) {
      const v = this.valueOf(body as ts.Expression);
      return v?.kind === "client" ? { kind: "factory", returns: v } : undefined;
    }
    let found: Value | undefined;
    const visit = (n: ts.Node): void => {
      if (found || t.isFunctionLike(n) || t.isClassLike(n)) return;
      if (t.isReturnStatement(n) && n.expression) {
        const v = this.valueOf(n.expression);
        if (v?.kind === "client") found = v;
      }
      t.forEachChild(n, visit);
    };
    t.forEachChild(body, visit);
    // `getGenerator(): ContentGenerator { return this.config.getGenerator(); }`: its declared type says.
    found ??= fn.type ? this.valueOfType(fn.type) : undefined;
    return found?.kind === "client" ? { kind: "factory", returns: found } : undefined;
  }

  /** The client a declaration of the project exports (a value, or a function returning one). */
  exportedClient(target: ts.Node): Value | undefined {
    const t = this.ts;
    if (t.isFunctionDeclaration(target) || t.isMethodDeclaration(target)) return this.factoryOf(target);
    if (t.isInterfaceDeclaration(target)) return this.interfaceClient(target);
    if (t.isVariableDeclaration(target) || t.isImportClause(target) || t.isImportSpecifier(target)) return this.valueOfDeclaration(target);
    return t.isExpression(target) ? this.valueOf(target) : undefined;
  }

  /** What another module needs of a client: its kind and static settings. */
  portable(v: Value | undefined, modelOf: (e: ts.Expression | undefined) => string | null): ExportedClient | undefined {
    const client = v?.kind === "factory" ? v.returns : v;
    if (client?.kind !== "client") return undefined;
    const model = modelOf(this.clientSetting(client, "model"));
    const maxTokens = this.constants.number(this.clientSetting(client, "maxTokens"));
    const window = client.client.methods.map((m) => this.configuredWindow(client, m)).find((w) => w !== undefined);
    const caps = this.statedCaps(client);
    const acyclic = client.client.methods.some((m) => m.steps?.unlessAcyclicGraph) && this.isAcyclicGraph(client);
    const gated = client.client.methods.flatMap((m) => (m.steps?.loopsWith?.argument === "client" ? [m.steps.loopsWith] : []));
    const loopless = gated.length > 0 && (!!client.settings?.loopless || gated.every((loopsWith) => this.configWithout(client.config, loopsWith)));
    const texts = this.clientInstructions(client).map((e) => this.constants.string(e));
    const instructions = texts.length && texts.every((x) => x !== undefined) ? texts.join("\n") : undefined;
    const id = client.settings?.id ?? this.constants.string(this.constants.property(client.config, ["id"]));
    const defaults = this.portableDefaults(client);
    return { entry: client.entry, client: client.client, path: client.path, factory: v!.kind === "factory", ...(model !== null ? { model } : {}), ...(maxTokens !== undefined ? { maxTokens } : {}), ...(window !== undefined ? { window } : {}), ...(caps.length ? { caps } : {}), ...(acyclic ? { acyclicGraph: true as const } : {}), ...(loopless ? { loopless: true as const } : {}), ...(instructions !== undefined ? { instructions } : {}), ...(id !== undefined ? { id } : {}), ...(defaults ? { defaults } : {}) };
  }

  /** The step caps the client's `withConfig` defaults state for its calls' options, in the order they were given (the last wins). */
  private portableDefaults(client: Value & { kind: "client" }): CallDefaults | undefined {
    const given = client.defaults ?? [];
    if (!given.length) return client.settings?.defaults;
    const keys = new Set(client.client.methods.flatMap((m) => {
      const spec = m.steps;
      return spec?.options !== undefined ? spec.from.filter((p) => p.startsWith(`${spec.options}.`)).map((p) => p.split(".").slice(1).join(".")) : [];
    }));
    const caps = new Map((client.settings?.defaults?.caps ?? []).map((c) => [c.path, c]));
    let open = !!client.settings?.defaults?.open;
    for (const d of given) {
      if (!this.settledOptions(d)) {
        caps.clear();
        open = true;
        continue;
      }
      for (const key of keys) {
        const e = this.constants.property(d, key.split("."));
        if (!e) continue;
        const value = this.constants.number(e);
        const sf = e.getSourceFile();
        if (value === undefined) {
          caps.delete(key);
          open = true;
        } else caps.set(key, { path: key, value, text: `withConfig's ${key}: ${e.getText(sf).replace(/\s+/g, " ").slice(0, 60)} at ${sf.fileName.slice(sf.fileName.lastIndexOf("/") + 1)}:${sf.getLineAndCharacterOfPosition(e.getStart(sf)).line + 1}` });
      }
    }
    return { caps: [...caps.values()], ...(open ? { open: true as const } : {}) };
  }

  /** A compiled graph built here with no cycle, or one another module said so of. */
  private isAcyclicGraph(client: Extract<Value, { kind: "client" }>): boolean {
    return !!client.settings?.acyclicGraph || (!!client.origin && compiledGraphIsAcyclic(this.ts, this.scopes, this.constants, client.origin, (e) => this.valueOf(e)?.kind === "client"));
  }

  /** The step caps a client's construction states as numbers, for the catalog's `client:` paths of its methods (a client another module made carries them). */
  private statedCaps(client: Value): StatedCap[] {
    if (client.kind !== "client" || client.settings?.caps) return client.kind === "client" ? [...(client.settings?.caps ?? [])] : [];
    const out: StatedCap[] = [];
    for (const m of client.client.methods) {
      for (const from of m.steps?.from ?? []) {
        if (!from.startsWith("client:") || out.some((c) => c.path === from.slice("client:".length))) continue;
        const path = from.slice("client:".length);
        const e = this.clientConfig(client, path);
        const value = e && this.capValue(e);
        if (value === undefined) continue;
        const sf = e!.getSourceFile();
        const where = `${sf.fileName.slice(sf.fileName.lastIndexOf("/") + 1)}:${sf.getLineAndCharacterOfPosition(e!.getStart(sf)).line + 1}`;
        out.push({ path, value, text: `${path.split(".").pop()}: ${e!.getText(sf).replace(/\s+/g, " ").slice(0, 60)} at ${where}` });
      }
    }
    return out;
  }

  /** `stepCountIs(8)`, `isStepCount(8)`, `[stepCountIs(8), hasToolCall("x")]`, `8`, a const: the step count, when stated. */
  private capValue(e: ts.Expression): number | undefined {
    const t = this.ts;
    const x = this.constants.skipTrivia(e);
    if (t.isArrayLiteralExpression(x)) return x.elements.map((el) => this.capValue(el)).find((n) => n !== undefined);
    if (t.isCallExpression(x)) {
      const name = t.isIdentifier(x.expression) ? x.expression.text : t.isPropertyAccessExpression(x.expression) ? x.expression.name.text : "";
      return (name === "stepCountIs" || name === "isStepCount") && x.arguments[0] ? this.constants.number(x.arguments[0]) : undefined;
    }
    return this.constants.number(x);
  }

  /** `const { chat } = client`, `const { generateText } = require("ai")`, nested patterns. */
  private valueOfBindingElement(el: ts.BindingElement): Value | undefined {
    const t = this.ts;
    const pattern = el.parent;
    if (!t.isObjectBindingPattern(pattern)) return undefined;
    const key = el.propertyName ? (t.isIdentifier(el.propertyName) || t.isStringLiteral(el.propertyName) ? el.propertyName.text : undefined) : t.isIdentifier(el.name) ? el.name.text : undefined;
    if (!key) return undefined;
    const holder = pattern.parent;
    let base: Value | undefined;
    // `const { client } = require("./client")`, `… = await import("./client")`: a client another module exports.
    const init = t.isVariableDeclaration(holder) ? holder.initializer : undefined;
    const required = init && (this.requiredSpecifier(init) ?? awaitedImport(t, this.constants.skipTrivia(init)));
    if (required !== undefined && !this.moduleValue(required, [])) return this.imported(required, key, el);
    if (t.isVariableDeclaration(holder) && holder.initializer) base = this.valueOf(holder.initializer);
    else if (t.isBindingElement(holder)) base = this.valueOfBindingElement(holder);
    // `({ client }: { client: OpenAI })`: a parameter destructured, by its declared type.
    else if (t.isParameter(holder)) base = (holder.type ? this.valueOfType(holder.type) : undefined) ?? this.callbackContext(holder);
    return base ? this.member(base, key, el) : undefined;
  }

  /**
   * `let model: M; if (big) model = await getModel(a); else model = await getModel(b);`: a variable
   * declared without a value is what it is assigned (the first assignment that is a client).
   */
  private assignedValue(decl: ts.VariableDeclaration): Value | undefined {
    const t = this.ts;
    if (!t.isIdentifier(decl.name)) return undefined;
    for (const ref of this.scopes.referencesTo(decl, decl.name.text)) {
      const p = ref.parent;
      if (!t.isBinaryExpression(p) || p.left !== ref || p.operatorToken.kind !== t.SyntaxKind.EqualsToken) continue;
      const v = this.valueOf(p.right);
      if (v) return v;
    }
    return undefined;
  }

  /**
   * A parameter of a callback that a catalog function calls with its context: `createStep({ execute:
   * async ({ inputData, mastra }) => … })` of `@mastra/core/workflows` (the catalog's `callbacks`).
   */
  private callbackContext(param: ts.ParameterDeclaration): Value | undefined {
    const t = this.ts;
    const fn = param.parent;
    const holder = t.isMethodDeclaration(fn) ? fn : (t.isArrowFunction(fn) || t.isFunctionExpression(fn)) && t.isPropertyAssignment(fn.parent) && fn.parent.initializer === fn ? fn.parent : undefined;
    const key = holder && (t.isIdentifier(holder.name) || t.isStringLiteral(holder.name)) ? holder.name.text : undefined;
    const literal = holder?.parent;
    const call = literal && t.isObjectLiteralExpression(literal) ? literal.parent : undefined;
    if (key === undefined || !call || !t.isCallExpression(call) || call.arguments[0] !== literal) return undefined;
    const callee = this.valueOf(call.expression);
    if (callee?.kind !== "module" || callee.path.length !== 1) return undefined;
    const context = callee.entry.callbacks?.find((c) => c.function === callee.path[0] && c.property === key);
    return context ? this.clientOfKind(callee.entry, context.client, undefined, callee, call) : undefined;
  }

  /**
   * `this._agents.get(name)` with `_agents: Map<string, Agent>` (a field, parameter or variable so
   * declared, or made by `new Map<string, Agent>()`): the map's value type. AgentKit's network keeps
   * its agents so and runs the one its router names.
   */
  private mapEntry(call: ts.CallExpression): Value | undefined {
    const t = this.ts;
    const callee = this.constants.skipTrivia(call.expression);
    if (!t.isPropertyAccessExpression(callee) || callee.name.text !== "get" || call.arguments.length !== 1) return undefined;
    const value = this.mapValueType(this.constants.skipTrivia(callee.expression));
    return value && this.valueOfType(value);
  }

  /** The value type of the map a receiver is declared or made as, or undefined. */
  private mapValueType(r: ts.Expression): ts.TypeNode | undefined {
    const t = this.ts;
    const ofMap = (name: ts.EntityName | ts.Expression, args: ts.NodeArray<ts.TypeNode> | undefined): ts.TypeNode | undefined =>
      // The global Map, not a project type of that name.
      t.isIdentifier(name) && (name.text === "Map" || name.text === "ReadonlyMap") && args?.length === 2 && !this.scopes.resolve(name) ? args[1] : undefined;
    const ofDeclaration = (d: ts.ParameterDeclaration | ts.VariableDeclaration | ts.PropertyDeclaration): ts.TypeNode | undefined => {
      if (d.type) return t.isTypeReferenceNode(d.type) ? ofMap(d.type.typeName, d.type.typeArguments) : undefined;
      const init = d.initializer && this.constants.skipTrivia(d.initializer);
      return init && t.isNewExpression(init) ? ofMap(init.expression, init.typeArguments) : undefined;
    };
    if (t.isIdentifier(r)) {
      const decl = this.scopes.resolve(r);
      return decl && (t.isParameter(decl) || t.isVariableDeclaration(decl)) ? ofDeclaration(decl) : undefined;
    }
    if (!t.isPropertyAccessExpression(r) || r.expression.kind !== t.SyntaxKind.ThisKeyword) return undefined;
    let cls: ts.Node | undefined = r.parent;
    while (cls && !t.isClassLike(cls)) cls = cls.parent;
    // The field may be declared by a base class of this module (AgentKit's `NetworkRun extends Network`).
    const seen = new Set<ts.Node>();
    while (cls && t.isClassLike(cls) && !seen.has(cls)) {
      seen.add(cls);
      for (const m of cls.members) {
        if (t.isPropertyDeclaration(m) && (t.isIdentifier(m.name) || t.isPrivateIdentifier(m.name)) && m.name.text === r.name.text) return ofDeclaration(m);
      }
      const base: ts.Expression | undefined = cls.heritageClauses?.find((h) => h.token === t.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
      cls = base && t.isIdentifier(base) ? this.scopes.resolve(base) : undefined;
    }
    return undefined;
  }

  /** A parameter, field or return typed with a catalog class (`client: OpenAI`) or an interface that stands for a client. */
  private valueOfType(type: ts.TypeNode): Value | undefined {
    const t = this.ts;
    if (t.isUnionTypeNode(type)) {
      const named = type.types.filter((x) => !(t.isLiteralTypeNode(x) && x.literal.kind === t.SyntaxKind.NullKeyword) && x.kind !== t.SyntaxKind.UndefinedKeyword);
      if (named.length === 1) return this.valueOfType(named[0]!);
      // `BaseLanguageModelInterface | Runnable<BaseLanguageModelInput, string>`: every member the same kind of client.
      const each = named.map((x) => this.valueOfType(x));
      const first = each[0];
      return first?.kind === "client" && each.every((v) => v?.kind === "client" && v.client.id === first.client.id && v.path.length === 0) ? first : undefined;
    }
    if (t.isParenthesizedTypeNode(type)) return this.valueOfType(type.type);
    // An options object (`{ client, q }: { client: OpenAI; q: string }`): its members by their declared types.
    if (t.isTypeLiteralNode(type)) return { kind: "typed", type: { decl: type } };
    if (!t.isTypeReferenceNode(type) || !t.isIdentifier(type.typeName)) return undefined;
    if (type.typeName.text === "Promise" && type.typeArguments?.length === 1) return this.valueOfType(type.typeArguments[0]!);
    const builtin = type.typeArguments?.length === 1 && !this.scopes.resolve(type.typeName) ? type.typeName.text : undefined;
    if (builtin === "Awaited") return this.valueOfType(type.typeArguments![0]!);
    // `Awaited<ReturnType<Harness["createSession"]>>`: what the client's method gives.
    if (builtin === "ReturnType") return this.returnTypeOf(type.typeArguments![0]!);
    // `class LLMChain<Model extends LLMType = LLMType> { llm: Model }`: what the parameter is bound by.
    const parameter = this.typeParameterNamed(type.typeName);
    if (parameter) {
      const bound = parameter.constraint ?? parameter.default;
      return bound && !this.readingParameters.has(parameter) ? this.boundType(parameter, bound) : undefined;
    }
    const alias = this.scopes.resolve(type.typeName);
    if (alias && t.isTypeAliasDeclaration(alias) && !alias.typeParameters) return this.aliasedType(alias);
    const base = this.valueOf(type.typeName);
    if (base?.kind === "module" && type.typeArguments?.length) {
      const runnable = this.runnableOf(base, type.typeArguments[0]!);
      if (runnable) return runnable;
    }
    if (base) return base.kind === "client" ? base : this.construct(base, undefined);
    const ref = this.typeRef(type.typeName);
    return ref ? { kind: "typed", type: ref } : undefined;
  }

  /**
   * `ReturnType<Harness["createSession"]>`, `ReturnType<typeof harness.createSession>`: the client the
   * method yields (a session of the harness), as its call would.
   */
  private returnTypeOf(fn: ts.TypeNode): Value | undefined {
    const t = this.ts;
    let owner: Value | undefined;
    let method: string | undefined;
    if (t.isIndexedAccessTypeNode(fn) && t.isLiteralTypeNode(fn.indexType) && t.isStringLiteral(fn.indexType.literal)) {
      owner = this.valueOfType(fn.objectType);
      method = fn.indexType.literal.text;
    } else if (t.isTypeQueryNode(fn) && t.isQualifiedName(fn.exprName) && t.isIdentifier(fn.exprName.left)) {
      owner = this.valueOf(fn.exprName.left);
      method = fn.exprName.right.text;
    }
    if (owner?.kind !== "client" || method === undefined) return undefined;
    const member: Value = { ...owner, path: [...owner.path, method] };
    const spec = this.apiOf(member);
    return spec?.yields && !spec.byName ? this.clientOfKind(owner.entry, spec.yields, undefined, member, fn) : undefined;
  }

  /** `type Options = { client: OpenAI }` of this module (an alias met again while read is nothing). */
  private aliasedType(alias: ts.TypeAliasDeclaration): Value | undefined {
    if (this.readingAliases.has(alias)) return undefined;
    this.readingAliases.add(alias);
    try {
      return this.valueOfType(alias.type);
    } finally {
      this.readingAliases.delete(alias);
    }
  }

  private readonly readingAliases = new Set<ts.TypeAliasDeclaration>();

  /** A type parameter's constraint or default (one that refers back to itself is nothing). */
  private boundType(parameter: ts.TypeParameterDeclaration, bound: ts.TypeNode): Value | undefined {
    this.readingParameters.add(parameter);
    try {
      return this.valueOfType(bound);
    } finally {
      this.readingParameters.delete(parameter);
    }
  }

  private readonly readingParameters = new Set<ts.TypeParameterDeclaration>();

  /** The type parameter a type name refers to, declared by an enclosing class, interface, function or alias (the scopes hold values). */
  private typeParameterNamed(name: ts.Identifier): ts.TypeParameterDeclaration | undefined {
    const t = this.ts;
    for (let n: ts.Node | undefined = name.parent; n && !t.isSourceFile(n); n = n.parent) {
      const params = (n as { typeParameters?: ts.NodeArray<ts.TypeParameterDeclaration> }).typeParameters;
      const found = params?.find((p) => p.name.text === name.text);
      if (found) return found;
    }
    return undefined;
  }

  /** `Runnable<BaseLanguageModelInput, string>`: a runnable of the catalog's model (`runnableOf`), by its input type. */
  private runnableOf(base: Value & { kind: "module" }, input: ts.TypeNode): Value | undefined {
    const t = this.ts;
    const name = base.path[base.path.length - 1];
    const kind = name !== undefined ? base.entry.clients?.find((c) => c.runnableOf?.classes.includes(name)) : undefined;
    if (!kind || !t.isTypeReferenceNode(input) || !t.isIdentifier(input.typeName)) return undefined;
    const arg = this.valueOf(input.typeName);
    const argName = arg?.kind === "module" && arg.entry === base.entry ? arg.path[arg.path.length - 1] : undefined;
    return argName !== undefined && kind.runnableOf!.input.includes(argName) ? { kind: "client", entry: base.entry, client: kind, path: [] } : undefined;
  }

  /** The class or interface a type name declares: in this module, or imported from another project module. */
  private typeRef(name: ts.Identifier): TypeRef | undefined {
    const t = this.ts;
    const decl = this.scopes.resolve(name);
    if (decl && (t.isClassDeclaration(decl) || t.isInterfaceDeclaration(decl))) return { decl };
    if (!decl || !this.declaredTypes || !(t.isImportSpecifier(decl) || t.isImportClause(decl))) return undefined;
    const specifier = this.moduleOfImport(t.isImportClause(decl) ? decl.parent : decl.parent.parent.parent);
    if (specifier === undefined || this.catalogEntry(specifier)) return undefined;
    return this.declaredTypes.at(specifier, t.isImportClause(decl) ? "default" : (decl.propertyName ?? decl.name).text);
  }

  /** Member `key` of a declared type, read (or, `called`, called) at `at`. */
  private typedMember(type: TypeRef, key: string, called: boolean, at: ts.Node): Value | undefined {
    if ("decl" in type) return this.memberOfType(type.decl, key, called);
    const found = this.declaredTypes?.member(type.file, type.name, key, called);
    if (!found) return undefined;
    return "client" in found ? this.fromExported(found.client, at) : { kind: "typed", type: found.type };
  }

  /** The project class or interface an expression's declared types lead to (`this.context.llm`, `config.getLlm()`), if not a client. */
  declaredTypeOf(e: ts.Expression): TypeRef | undefined {
    const v = this.valueOf(e);
    const read = v && this.settled(v, e);
    return read?.kind === "typed" && read.member === undefined ? read.type : undefined;
  }

  /** A pending member read as a property (`context.config` before `.getContentGenerator`). */
  private settled(v: Value, at: ts.Node): Value | undefined {
    return v.kind === "typed" && v.member !== undefined ? this.typedMember(v.type, v.member, false, at) : v;
  }

  private readonly typeMembers = new Map<ts.Node, Map<string, Value | null>>();

  /**
   * What a member of a class or interface of this module is, by its declared type (a field, a
   * parameter property, `this.x = …` in the class, an interface's property), or for `called`, by
   * what the method returns (its body's client, else its declared return type). Kept per member
   * unless it met a value still being worked out.
   */
  memberOfType(decl: ts.ClassLikeDeclaration | ts.InterfaceDeclaration | ts.TypeLiteralNode, key: string, called: boolean): Value | undefined {
    let memo = this.typeMembers.get(decl);
    if (!memo) this.typeMembers.set(decl, (memo = new Map()));
    const memoKey = `${called ? "()" : ""}${key}`;
    const known = memo.get(memoKey);
    if (known !== undefined) return known ?? undefined;
    if (memo.has(`?${memoKey}`)) {
      this.cutShort++;
      return undefined;
    }
    memo.set(`?${memoKey}`, null);
    const cutBefore = this.cutShort;
    let v: Value | undefined;
    try {
      v = this.findMemberOfType(decl, key, called);
    } finally {
      memo.delete(`?${memoKey}`);
    }
    if (this.cutShort === cutBefore) memo.set(memoKey, v ?? null);
    return v;
  }

  private findMemberOfType(decl: ts.ClassLikeDeclaration | ts.InterfaceDeclaration | ts.TypeLiteralNode, key: string, called: boolean): Value | undefined {
    const t = this.ts;
    const named = (m: ts.ClassElement | ts.TypeElement): boolean => !!m.name && (t.isIdentifier(m.name) || t.isPrivateIdentifier(m.name) || t.isStringLiteral(m.name)) && m.name.text === key;
    if (t.isInterfaceDeclaration(decl) || t.isTypeLiteralNode(decl)) {
      for (const m of decl.members) {
        if (!named(m)) continue;
        if (!called && t.isPropertySignature(m) && m.type) return this.valueOfType(m.type);
        if (called && t.isMethodSignature(m) && m.type) return this.valueOfType(m.type);
      }
      // `interface AgentContext extends BaseContext`: a member declared by a base interface.
      for (const h of (t.isInterfaceDeclaration(decl) && decl.heritageClauses) || []) {
        for (const base of h.types) {
          const ref = t.isIdentifier(base.expression) ? this.typeRef(base.expression) : undefined;
          const v = ref && this.typedMember(ref, key, called, base);
          if (v) return v;
        }
      }
      return undefined;
    }
    if (called) {
      for (const m of decl.members) {
        if (!named(m) || !(t.isMethodDeclaration(m) || t.isGetAccessorDeclaration(m))) continue;
        const made = this.factoryOf(m);
        if (made?.kind === "factory") return made.returns;
        return m.type ? this.valueOfType(m.type) : undefined;
      }
      return undefined;
    }
    return this.classMember(decl, key);
  }

  /** `this.client`: a field initialiser, a typed field or parameter property, or `this.client = …` in the class. */
  private valueOfField(access: ts.Expression, key: string): Value | undefined {
    const t = this.ts;
    let cls: ts.Node | undefined = access.parent;
    while (cls && !t.isClassLike(cls)) cls = cls.parent;
    return cls && t.isClassLike(cls) ? this.classMember(cls, key) : undefined;
  }

  private classMember(cls: ts.ClassLikeDeclaration, key: string): Value | undefined {
    const t = this.ts;
    for (const m of cls.members) {
      if (t.isPropertyDeclaration(m) && m.name && (t.isIdentifier(m.name) || t.isPrivateIdentifier(m.name)) && m.name.text === key) {
        const v = this.valueOfDeclaration(m);
        if (v) return v;
      }
      // `private client() { return new OpenAI(); }`, called as `this.client()`.
      if (t.isMethodDeclaration(m) && t.isIdentifier(m.name) && m.name.text === key) {
        const v = this.factoryOf(m);
        if (v) return v;
      }
      // `get generator() { return this.config.getContentGenerator(); }`, read as `this.generator`.
      if (t.isGetAccessorDeclaration(m) && t.isIdentifier(m.name) && m.name.text === key) {
        const made = this.factoryOf(m);
        const v = made?.kind === "factory" ? made.returns : m.type ? this.valueOfType(m.type) : undefined;
        if (v) return v;
      }
      if (t.isConstructorDeclaration(m)) {
        for (const p of m.parameters) {
          if (t.isIdentifier(p.name) && p.name.text === key && p.modifiers?.length && p.type) {
            const v = this.valueOfType(p.type);
            if (v) return v;
          }
        }
      }
    }
    for (const value of this.thisAssignments(cls).get(key) ?? []) {
      const v = this.valueOf(value);
      if (v) return v;
    }
    return undefined;
  }

  /** `this.k = v` in a class, by key in source order: collected once (each `this.m()` call walked the whole class). */
  private readonly thisAssignmentsMemo = new Map<ts.Node, Map<string, ts.Expression[]>>();

  private thisAssignments(cls: ts.ClassLikeDeclaration): Map<string, ts.Expression[]> {
    const t = this.ts;
    const known = this.thisAssignmentsMemo.get(cls);
    if (known) return known;
    const byKey = new Map<string, ts.Expression[]>();
    const visit = (n: ts.Node): void => {
      if (t.isBinaryExpression(n) && n.operatorToken.kind === t.SyntaxKind.EqualsToken && t.isPropertyAccessExpression(n.left) && n.left.expression.kind === t.SyntaxKind.ThisKeyword) {
        const list = byKey.get(n.left.name.text);
        if (list) list.push(n.right);
        else byKey.set(n.left.name.text, [n.right]);
      }
      t.forEachChild(n, visit);
    };
    visit(cls);
    this.thisAssignmentsMemo.set(cls, byKey);
    return byKey;
  }

  private moduleOfImport(decl: ts.ImportDeclaration | ts.JSDocImportTag): string | undefined {
    return this.ts.isStringLiteralLike(decl.moduleSpecifier) ? decl.moduleSpecifier.text : undefined;
  }

  private moduleValue(specifier: string | undefined, path: readonly string[]): Value | undefined {
    if (!specifier) return undefined;
    const entry = this.catalogEntry(specifier);
    if (!entry) return undefined;
    return this.asInstance({ kind: "module", entry, path });
  }

  /** Kept per specifier: every reference to an import asks, and the catalog has dozens of entries. */
  private readonly catalogEntries = new Map<string, SdkEntry | null>();

  /** The first catalog entry one of whose module patterns the specifier matches. */
  private catalogEntry(specifier: string): SdkEntry | undefined {
    let entry = this.catalogEntries.get(specifier);
    if (entry === undefined) {
      entry = this.catalog.find((e) => e.modules.some((m) => moduleMatches(m, specifier))) ?? null;
      this.catalogEntries.set(specifier, entry);
    }
    return entry ?? undefined;
  }

  /** Ready-made instances (ollama's default export) become clients as soon as they are named. */
  private asInstance(v: Value): Value {
    if (v.kind !== "module" || v.path.length !== 1) return v;
    const name = v.path[0]!;
    const client = v.entry.clients?.find((c) => c.instances?.includes(name));
    return client ? { kind: "client", entry: v.entry, client, path: [] } : v;
  }

  private member(base: Value, key: string, at?: ts.Node): Value | undefined {
    if (base.kind === "factory") return undefined;
    if (base.kind === "typed") {
      const read = at ? this.settled(base, at) : undefined;
      if (!read) return undefined;
      return read.kind === "typed" ? { kind: "typed", type: read.type, member: key } : this.member(read, key, at);
    }
    if (base.kind === "module") {
      // `require("openai")` is the module object: its `.default` is the default export.
      const path = base.path.length === 0 && key === "default" ? ["default"] : [...base.path, key];
      return this.asInstance({ ...base, path });
    }
    return { ...base, path: [...base.path, key] };
  }

  private construct(base: Value, config: ts.Expression | undefined, origin?: ts.Node): Value | undefined {
    if (base.kind !== "module") return undefined;
    const exportName = base.path.length === 0 ? "default" : base.path.length === 1 ? base.path[0]! : undefined;
    if (!exportName) return undefined;
    const found = base.entry.clients?.find((c) => (c.classes ?? []).some((p) => exportMatches(p, exportName)) && !(c.notClasses ?? []).some((p) => exportMatches(p, exportName)));
    const sequence = found?.sequenceOf ? this.sequence(found, found.sequenceOf, config) : undefined;
    const client = found?.sequenceOf ? sequence?.kind : found;
    // A sequence's model is its first chain's.
    return client ? { kind: "client", entry: base.entry, client, path: [], ...(config ? { config } : {}), ...(origin ? { origin } : {}), ...(sequence ? { parent: sequence.first } : {}) } : undefined;
  }

  /**
   * `new SimpleSequentialChain({ chains: [a, b] })`: each chain of the list that calls a model sends
   * its request in turn, on the previous one's answer; a number no option changes (a constant). No
   * client when the list is not written out or names no such chain.
   */
  private sequence(kind: ClientKind, key: string, config: ts.Expression | undefined): { readonly kind: ClientKind; readonly first: Value } | undefined {
    const t = this.ts;
    const list = this.constants.property(config, [key]);
    const x = list && this.constants.skipTrivia(list);
    if (!x || !t.isArrayLiteralExpression(x)) return undefined;
    const calling = x.elements.flatMap((el) => {
      const v = t.isSpreadElement(el) ? undefined : this.valueOf(el);
      return v?.kind === "client" && v.path.length === 0 && v.client.methods.some((m) => !m.yields) ? [v] : [];
    });
    const n = calling.length;
    if (!n) return undefined;
    const steps: StepSpec = { from: [], default: n, source: `the sequential chain runs its ${n} chain${n === 1 ? "" : "s"} in turn, each on the previous one's answer` };
    return { kind: { ...kind, methods: kind.methods.map((m) => ({ ...m, steps })) }, first: calling[0]! };
  }

  private clientOfKind(entry: SdkEntry, id: string, config: ts.Expression | undefined, parent: Value, origin: ts.Node): Value | undefined {
    const client = entry.clients?.find((c) => c.id === id);
    return client ? { kind: "client", entry, client, path: [], ...(config ? { config } : {}), parent, origin } : undefined;
  }

  /** `new ConversationChain({ memory: new BufferWindowMemory({ k: 5 }) })`: the memory keeps a bounded window. */
  private boundedMemory(v: Value): boolean {
    const t = this.ts;
    const memory = v.kind === "client" ? this.constants.property(v.config, ["memory"]) : undefined;
    let x = memory && this.constants.skipTrivia(memory);
    // `memory: chatPromptMemory`, a const made with `new ConversationSummaryBufferMemory(…)` (or `{ memory }`).
    const decl = x && t.isIdentifier(x) ? this.scopes.resolve(x) : undefined;
    if (decl && t.isVariableDeclaration(decl) && decl.initializer && this.constants.isConstDeclaration(decl)) x = this.constants.skipTrivia(decl.initializer);
    const name = x && t.isNewExpression(x) && t.isIdentifier(x.expression) ? x.expression.text : undefined;
    return v.kind === "client" && !!name && !!v.client.stateful?.boundedBy?.includes(name);
  }

  /** The window its construction sets (`lastMessages: 20`), here or in the module that made it. */
  private configuredWindow(client: Value, spec: ApiSpec): number | undefined {
    if (client.kind !== "client" || !spec.stateWindow) return undefined;
    if (client.settings?.window !== undefined) return client.settings.window;
    for (const path of spec.stateWindow.from) {
      const n = this.constants.number(this.settingThroughConstructor(client, path.slice("client:".length)));
      if (n !== undefined) return n;
    }
    return undefined;
  }

  /** `memory.options.lastMessages` in `new Agent({ memory: new Memory({ options: { lastMessages: 10 } }) })`: keys read through `new X({…})` and consts. */
  private settingThroughConstructor(v: Value, path: string): ts.Expression | undefined {
    const t = this.ts;
    let cur: ts.Expression | undefined = v.kind === "client" ? v.config : undefined;
    for (const key of path.split(".")) {
      let x = cur && this.constants.skipTrivia(cur);
      for (let i = 0; x && t.isIdentifier(x) && i < 4; i++) x = this.constants.initializerOf(x) && this.constants.skipTrivia(this.constants.initializerOf(x)!);
      if (x && t.isNewExpression(x)) x = x.arguments?.[0];
      cur = this.constants.property(x, [key]);
      if (!cur) return undefined;
    }
    return cur;
  }

  /** A setting in the client's construction (`new Agent({ defaultOptions: { maxSteps } })`). */
  private clientConfig(v: Value, path: string): ts.Expression | undefined {
    return v.kind === "client" ? this.constants.property(v.config, path.split(".")) : undefined;
  }

  /** The catalog spec a value's member path names. */
  private apiOf(v: Value): ApiSpec | undefined {
    if (v.kind === "factory" || v.kind === "typed") return undefined;
    if (v.kind === "module") {
      const path = v.path[0] === "default" ? v.path.slice(1) : v.path;
      // A static maker of an export (`VectorStoreIndex.fromDocuments`) is listed by its member path.
      const api = path.join(".");
      return path.length ? v.entry.functions?.find((f) => f.api === api) : undefined;
    }
    const api = v.path.join(".");
    return v.client.methods.find((m) => m.api === api);
  }

  /** The model or output cap given when the client was made (or by the client it came from). */
  private clientSetting(v: Value, what: "model" | "maxTokens"): ts.Expression | undefined {
    for (let cur: Value | undefined = v; cur; cur = cur.kind === "client" ? cur.parent : undefined) {
      if (cur.kind !== "client") return undefined;
      const given = cur.settings?.[what];
      if (given) return given;
      const paths = what === "model" ? (cur.client.modelFrom ? [cur.client.modelFrom] : []) : (cur.client.maxTokensFrom ?? []);
      for (const p of paths) {
        const e = this.constants.property(cur.config, p.split("."));
        if (e) return e;
      }
    }
    return undefined;
  }

  /** What a client made here was given to make the text it sends with each request and keeps in its history (`keptFrom`). */
  private clientKept(v: Value): ts.Expression[] {
    if (v.kind !== "client") return [];
    return (v.client.keptFrom ?? []).flatMap((p) => this.constants.property(v.config, p.split(".")) ?? []);
  }

  /** The prompt a client was made with (`instructionsFrom`), by it or the client it came from. */
  private clientInstructions(v: Value): ts.Expression[] {
    for (let cur: Value | undefined = v; cur?.kind === "client"; cur = cur.parent) {
      // Made in another module: the text it was made with there.
      if (cur.settings?.instructions) return [cur.settings.instructions];
      const found = (cur.client.instructionsFrom ?? []).flatMap((p) => this.constants.property(cur!.config, p.split(".")) ?? []);
      if (found.length) return found;
    }
    return [];
  }

  /** `0.messages` → the `messages` of the first argument; `1` → the whole second argument. */
  argumentAt(call: ts.CallExpression | ts.NewExpression, path: string, through = false): ts.Expression | undefined {
    const [index, ...keys] = path.split(".");
    const arg = call.arguments?.[Number(index)];
    if (!arg || this.ts.isSpreadElement(arg)) return undefined;
    return keys.length === 0 ? arg : this.constants.property(arg, keys, 0, through);
  }

  /** The prompt-carrying expressions; an argument we cannot see into counts whole, once. */
  private promptOf(call: ts.CallExpression, paths: readonly string[]): ts.Expression[] {
    const out: ts.Expression[] = [];
    const opaque = new Set<number>();
    const read = new Map<ts.ObjectLiteralExpression, boolean>();
    for (const path of paths) {
      const index = Number(path.split(".")[0]);
      const arg = call.arguments[index];
      if (!arg || this.ts.isSpreadElement(arg)) continue;
      // A builder call (`ask(q)`) counts whole, so its parameters are sized as its arguments.
      const seeInto = !this.ts.isCallExpression(this.constants.skipTrivia(arg)) && this.constants.objectLiteral(arg);
      if (!path.includes(".") || seeInto) {
        const e = this.argumentAt(call, path);
        if (e) out.push(e);
        if (seeInto) read.set(seeInto, (read.get(seeInto) ?? false) || !!e);
      } else if (!opaque.has(index)) {
        opaque.add(index);
        out.push(arg);
      }
    }
    // `create({ ...(body as any), stream: false })`: no prompt key written, but an object spread in
    // that we cannot see into (a request body passed through) holds them: its size is the prompt's.
    for (const [literal, found] of read) {
      if (!found) out.push(...literal.properties.filter(this.ts.isSpreadAssignment).filter((p) => !this.constants.objectLiteral(p.expression)).map((p) => p.expression));
    }
    return out;
  }

  private firstArgument(call: ts.CallExpression, paths: readonly string[]): ts.Expression | undefined {
    for (const p of paths) {
      const e = this.argumentAt(call, p);
      if (e) return e;
    }
    return undefined;
  }

  /** `fetch(url, { body: JSON.stringify(payload) })` and `axios.post(url, payload)` to a known endpoint. */
  private classifyHttp(call: ts.CallExpression, callee: ts.Expression, name: string): LlmCall | undefined {
    const t = this.ts;
    let payload: ts.Expression | undefined;
    if (name === "fetch" && (t.isIdentifier(callee) ? !this.scopes.resolve(callee) : this.isGlobalFetch(callee))) {
      const init = this.constants.property(call.arguments[1], ["body"]);
      payload = init && this.unwrapStringify(init);
    } else if (name === "post" && t.isPropertyAccessExpression(callee) && this.isAxios(callee.expression)) {
      payload = call.arguments[1];
    } else {
      return undefined;
    }
    const url = this.constants.stringPrefix(call.arguments[0]);
    if (url === undefined) return undefined;
    const spec = this.endpoints.find((s) => s.url.test(url));
    if (!spec) return name === "fetch" ? this.routeCall(call, payload) : undefined;
    const lit = this.constants.objectLiteral(payload);
    const prompt = lit ? spec.prompt.flatMap((k) => this.constants.property(lit, k.split(".")) ?? []) : payload ? [payload] : [];
    const model = spec.model && lit ? this.constants.property(lit, spec.model.split(".")) : undefined;
    const maxTokens = lit ? (spec.maxTokens ?? []).map((k) => this.constants.property(lit, k.split("."))).find((e) => e) : undefined;
    return { node: call, sdk: spec.sdk, api: spec.api, prompt, ...(model ? { model } : {}), ...(maxTokens ? { maxTokens } : {}) };
  }

  /**
   * `fetch("/api/responses", { method: "POST", body: JSON.stringify(body) })`: the app's own route
   * handler runs with the body sent as its request (the method from `method:`, else GET).
   */
  private routeCall(call: ts.CallExpression, payload: ts.Expression | undefined): LlmCall | undefined {
    const path = this.constants.string(call.arguments[0]);
    if (!this.routeHandler || path === undefined || !path.startsWith("/api/")) return undefined;
    const method = this.constants.string(this.constants.property(call.arguments[1], ["method"]))?.toUpperCase() ?? "GET";
    const summary = this.routeHandler(path, method);
    if (!summary) return undefined;
    const body = payload ?? this.constants.property(call.arguments[1], ["body"]);
    return { node: call, sdk: summary.sdk, api: `${method} ${path} → ${summary.api}`, prompt: body ? [body] : [], summary, arguments: body ? [body] : [] };
  }

  private isGlobalFetch(callee: ts.Expression): boolean {
    const t = this.ts;
    return t.isPropertyAccessExpression(callee) && t.isIdentifier(callee.expression) && (callee.expression.text === "globalThis" || callee.expression.text === "window");
  }

  private isAxios(e: ts.Expression): boolean {
    const t = this.ts;
    if (!t.isIdentifier(e)) return false;
    const decl = this.scopes.resolve(e);
    if (!decl) return false;
    const spec = t.isImportClause(decl) ? decl.parent.moduleSpecifier : t.isVariableDeclaration(decl) && decl.initializer && t.isCallExpression(decl.initializer) ? decl.initializer.arguments[0] : undefined;
    return !!spec && t.isStringLiteralLike(spec) && spec.text === "axios";
  }

  private unwrapStringify(e: ts.Expression): ts.Expression | undefined {
    const t = this.ts;
    const x = this.constants.skipTrivia(e);
    if (t.isCallExpression(x) && t.isPropertyAccessExpression(x.expression) && t.isIdentifier(x.expression.expression) && x.expression.expression.text === "JSON" && x.expression.name.text === "stringify") {
      return x.arguments[0];
    }
    return undefined;
  }
}
