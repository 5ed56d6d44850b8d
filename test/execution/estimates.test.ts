// Estimates against execution: each program runs once on the token-counting fakes at fixed sizes,
// and the analyzer is asked (`aalp report --format json --assume …`) for its estimate of each
// call site at the same sizes. An exact bound's estimate must equal the count (within the small
// slack of per-literal tokenization); an upper bound's estimate must never be below it.
//
// Sizes: a "tokens" value is a string of exactly that many o200k tokens (harness.filler); every
// model replies with `reply` tokens unless the case's outputs say otherwise, and out[<model>] is
// assumed to be that size.
import * as assert from "assert";
import * as path from "path";
import { spawnSync } from "child_process";
import { FakeHost, installFakeFetch, REPO_ROOT, RecordedCall, filler, prose, loadProgram, makeTempDir, removeDir, reply, rewrite, says, tokenCount, type ExampleModule, type OutputPolicy } from "./harness";

type Measure = "calls" | "inputTokens" | "outputTokens" | "generationCost";

interface EstimateSite {
  model: string;
  /** Attribute calls to the outermost frame of the file (a driver's call of a method, wrapper or
   *  recursion), or to the second (where a wrapper was called, inside a recursion). */
  frame?: "outer" | "caller";
  /** Only the calls attributed to this line (several sites of one model). */
  line?: number;
  /** "exact": the estimate equals the count; "upper": the estimate is not below it, nor more than 25% over. */
  bound: "exact" | "upper";
  /** Why an upper bound may be more than 25% over the run (the derivation says so too). */
  over?: string;
  measures?: Measure[];
}

interface EstimateCase {
  name: string;
  /** A file under examples/ or test/fixtures/execution/. */
  file: string;
  fn: string;
  args: unknown[];
  assume: Record<string, number>;
  outputs?: Record<string, OutputPolicy>;
  sites: EstimateSite[];
}

const REPLY = 20;
/** The lookup tool's result in network-history.ts, kept in each AgentKit run's result. */
const LOOKUP_ANSWER = "The glossary defines the term in two short sentences.";
// The fake Managed Agents turn (anthropic.js): its tool uses before the answer, and each one's result.
const TURN_TOOL_USES = 2;
const TOOL_RESULT = "The sandbox ran the command and printed the working directory path.";
/** The tokens of the tool result each step of langchain-agent-tools.ts adds to the conversation. */
const LOOKUP_RESULT = tokenCount("Three entries match: the glossary, the changelog and the design notes.");
const list = (n: number, size: number): string[] => Array.from({ length: n }, (_, i) => filler(size, i));

/** gemini-cli's turn shape: the model asks to go on ("MORE…", 21 tokens) for its first `n` answers, then answers plainly (20). */
const goOn = (n: number): OutputPolicy => says((c) => (c.index < n ? `MORE${filler(20, c.index)}` : filler(20, c.index)));
const GO_ON_TOKENS = Math.max(...Array.from({ length: 40 }, (_, i) => tokenCount(`MORE${filler(20, i)}`)));
/** A shell command of three parts, one a `bash -c` wrapper: six checks (the whole, ls, pwd twice, the wrapper, echo hi). */
const SHELL_COMMAND = "ls && bash -c pwd && echo hi";
/** Three tool calls' arguments that ask for a wider sandbox, of 10 filler tokens each and the word. */
const SANDBOX_CALLS = [0, 1, 2].map((i) => `${filler(10, i)} sandbox`);

const CASES: EstimateCase[] = [
  {
    name: "gemini-cli's client turns without the hook (issue 17, place 15): 3 questions × 4 rounds re-sending the history, at most turns rounds",
    file: "test/fixtures/execution/gemini-turns/client-turns.ts",
    fn: "session",
    args: [list(3, 30), 4],
    assume: { "|questions|": 3, "|q|": 30, "rounds[GeminiClient.sendMessageStream]": 4, "out[gemini-2.5-flash]": GO_ON_TOKENS },
    outputs: { "gemini-2.5-flash": goOn(1000) },
    // rounds + 1 invocations of sendMessageStream are priced (the last stops in processTurn before its request), and each round
    // is priced with every earlier question's rounds in the history: an upper bound.
    sites: [{ model: "gemini-2.5-flash", frame: "outer", bound: "upper", over: "the last round sends nothing; the history is priced at its largest" }],
  },
  {
    name: "gemini-cli's client turns with the AfterAgent hook's continuation (issue 17, place 15): 2 questions at turns = 2 run 9 requests, more than the counter allows",
    file: "test/fixtures/execution/gemini-turns/client-hooked.ts",
    fn: "session",
    // The hook asks to go on twice; the model asks to go on for its first 6 answers.
    args: [list(2, 30), 2, 2],
    assume: { "|questions|": 2, "|q|": 30, "rounds[GeminiClient.sendMessageStream]": 8, "out[gemini-2.5-flash]": GO_ON_TOKENS },
    outputs: { "gemini-2.5-flash": goOn(6) },
    sites: [{ model: "gemini-2.5-flash", frame: "outer", bound: "upper", over: "rounds[…] assumed at the most rounds a question took; the history is priced at its largest" }],
  },
  {
    name: "gemini-cli's policy checks over a shell command's pieces (issue 17, place 16): 6 checks × 2 safety checkers",
    file: "test/fixtures/execution/gemini-turns/policy-check.ts",
    fn: "checkAll",
    args: [list(2, 10), [SHELL_COMMAND]],
    assume: { "|checkers|": 2, "|checker|": 10, "|commands|": 1, "|call.command|": tokenCount(SHELL_COMMAND), "pieces[PolicyEngine.check]": 6 },
    outputs: { "gemini-2.5-flash": reply(5) },
    sites: [{ model: "gemini-2.5-flash", frame: "outer", bound: "upper", over: "each piece is priced as the whole command" }],
  },
  {
    name: "gemini-cli's scheduler re-running a tool after each sandbox approval (issue 17, place 16): 2 turns × 3 calls × 4 safety checks at rounds[Scheduler._execute] = 4",
    file: "test/fixtures/execution/gemini-turns/scheduler-retry.ts",
    fn: "runTools",
    // Each call's args ask for a wider sandbox; the user approves each call 3 times: 4 invocations of _execute a call.
    args: [[SANDBOX_CALLS, SANDBOX_CALLS], 3],
    assume: { "|turns|": 2, "|calls|": 3, "|activeCall.args|": Math.max(...SANDBOX_CALLS.map(tokenCount)), "rounds[Scheduler._execute]": 4 },
    outputs: { "gemini-2.5-flash": reply(5) },
    sites: [{ model: "gemini-2.5-flash", frame: "outer", bound: "upper" }],
  },
  {
    name: "gemini-cli's message bus checking policy only for a confirmation request (issue 17, place 16): 3 calls, 3 safety checks, the 3 state updates none",
    file: "test/fixtures/execution/gemini-turns/bus-dispatch.ts",
    fn: "schedule",
    args: [SANDBOX_CALLS],
    assume: { "|calls|": 3, "|message.call|": Math.max(...SANDBOX_CALLS.map(tokenCount)) },
    outputs: { "gemini-2.5-flash": reply(5) },
    sites: [{ model: "gemini-2.5-flash", frame: "outer", bound: "upper" }],
  },
  {
    name: "gemini-cli's subagent turns over its chat (issue 17, place 16): the chat made before the turn loop and handed through two methods and a callback, its history re-sent each of 5 turns",
    file: "test/fixtures/execution/gemini-turns/subagent-chat.ts",
    fn: "delegate",
    args: [filler(30), 5],
    // One content of the history: the task (30 tokens), "go on" or an answer (20): at most 30.
    assume: { maxTurns: 5, "|h.content|": 30, "out[gemini-2.5-flash]": 20 },
    outputs: { "gemini-2.5-flash": reply(20) },
    sites: [{ model: "gemini-2.5-flash", frame: "outer", bound: "upper", over: "each content of the history is priced at the largest, the task" }],
  },
  {
    name: "a collapse loop capped by a field's default (MapReduceDocumentsChain's shape, issue 17): 3 passes over 5 documents",
    file: "test/fixtures/execution/capped/collapse.ts",
    fn: "collapse",
    args: [list(5, 20)],
    assume: { "|current|": 5, "|d|": 20 },
    // Each pass replaces every document by its 20-token summary, so later passes send the same sizes.
    outputs: { "gpt-4o-mini": reply(20) },
    sites: [{ model: "gpt-4o-mini", bound: "upper" }],
  },
  {
    name: "a turn loop bounded through a helper method and a field's default (AgentExecutor's shape, issue 17): 6 turns re-sending the steps",
    file: "test/fixtures/execution/capped/executor.ts",
    fn: "execute",
    args: [filler(40)],
    assume: { "|q|": 40 },
    outputs: { "gpt-4o": reply(30) },
    sites: [{ model: "gpt-4o", bound: "upper" }],
  },
  {
    name: "while (true) awaiting a method that returns once shouldContinue(this.iterations) fails and steps the counter past its request (AgentExecutorIterator's shape, issue 17): 6 requests re-sending the input and the steps",
    file: "test/fixtures/execution/capped/executor-iterator.ts",
    fn: "execute",
    args: [filler(40)],
    assume: { "|input|": 40 },
    outputs: { "gpt-4o": reply(30) },
    // Attributed to the iterator's loop (the site that counts the requests), not the request in plan.
    sites: [{ model: "gpt-4o", frame: "caller", bound: "upper" }],
  },
  {
    name: "the same iterator with the question set as the first step by the constructor (this.steps = [{ content: input }]) and the steps sent whole",
    file: "test/fixtures/execution/capped/executor-iterator-ctor.ts",
    fn: "execute",
    args: [filler(40)],
    assume: { "|input|": 40 },
    outputs: { "gpt-4o": reply(30) },
    sites: [{ model: "gpt-4o", frame: "caller", bound: "upper" }],
  },
  {
    name: "while (true) ended by a helper's throwing maxTurns check (agents-core's runner shape, issue 17): 5 turns re-sending the history",
    file: "test/fixtures/execution/capped/checked-turns.ts",
    fn: "ask",
    args: [filler(35)],
    assume: { "|q|": 35 },
    outputs: { "gpt-4.1-mini": reply(25) },
    sites: [{ model: "gpt-4.1-mini", bound: "upper" }],
  },
  {
    name: "while (true) ended by `if (reason)` on a helper's return, truthy once the turn counter reaches maxTurns (gemini-cli's subagent shape, issue 17): 6 turns re-sending the history",
    file: "test/fixtures/execution/capped/terminated-turns.ts",
    fn: "delegate",
    args: [filler(45)],
    assume: { "|q|": 45 },
    outputs: { "gpt-4o-mini": reply(30) },
    sites: [{ model: "gpt-4o-mini", bound: "upper" }],
  },
  {
    name: "a helper's verdict kept in a const and tested after the turn is stepped (issue 17): the request before the guard 4 times, the one after it 3",
    file: "test/fixtures/execution/capped/late-verdict.ts",
    fn: "review",
    args: [filler(30)],
    assume: { "|q|": 30, max: 3 },
    outputs: { "gpt-4o-mini": reply(20), "gpt-4.1-mini": reply(20) },
    sites: [
      { model: "gpt-4o-mini", bound: "upper" },
      { model: "gpt-4.1-mini", bound: "upper" },
    ],
  },
  {
    name: "while (true) ended by another module's turn preparation, which steps the run state's turn and throws past its maxTurns (agents-core's prepareTurn shape, issue 17): 4 turns re-sending state.history",
    file: "test/fixtures/execution/capped/prepared-turns.ts",
    fn: "runAgent",
    args: [filler(50)],
    assume: { "|state.history|": 50, "state.maxTurns": 4 },
    outputs: { "gpt-4.1-mini": reply(35) },
    sites: [{ model: "gpt-4.1-mini", bound: "upper" }],
  },
  {
    name: "the same with the turn and the history in a run state object (issue 17): 4 turns re-sending state.history",
    file: "test/fixtures/execution/capped/run-state.ts",
    fn: "converse",
    args: [filler(30)],
    assume: { "|q|": 30 },
    outputs: { "gpt-4o": reply(40) },
    sites: [{ model: "gpt-4o", bound: "upper" }],
  },
  {
    name: "an interface's implementation in another module, called in a loop over the interface (issue 17)",
    file: "test/fixtures/execution/implemented/loop.ts",
    fn: "run",
    args: [list(7, 25)],
    assume: { "|questions|": 7, "|q|": 25 },
    // The model answers at its cap (max_tokens: 40).
    outputs: { "gpt-4o-mini": reply(40) },
    sites: [{ model: "gpt-4o-mini", bound: "exact" }],
  },
  {
    name: "chat history re-sent each turn",
    file: "examples/chat-history.ts",
    fn: "tutor",
    args: [list(12, 30)],
    assume: { "|questions|": 12, "|question|": 30, "out[gpt-4.1]": REPLY },
    sites: [{ model: "gpt-4.1", bound: "exact" }],
  },
  {
    name: "two agents on one conversation",
    file: "examples/debug-naive.ts",
    fn: "debugProgram",
    args: [filler(50), 6],
    assume: { rounds: 6, "|program|": 50, "out[gpt-4o]": 50 },
    // The QA model answers at its cap (max_tokens: 200).
    outputs: { "gpt-4o-mini": reply(200), "gpt-4o": reply(50) },
    sites: [
      { model: "gpt-4o-mini", bound: "upper" },
      { model: "gpt-4o", bound: "upper" },
    ],
  },
  {
    name: "a transcript string grown each turn",
    file: "examples/transcript-debate.ts",
    fn: "debate",
    args: [filler(40), 8],
    assume: { turns: 8, "|topic|": 40 },
    outputs: { "gpt-4.1-mini": reply(300) },
    sites: [{ model: "gpt-4.1-mini", bound: "upper" }],
  },
  {
    name: "one call per item",
    file: "examples/per-item.ts",
    fn: "triageTickets",
    args: [list(9, 40)],
    assume: { "|tickets|": 9, "|tickets[]|": 40 },
    outputs: { "llama3.1:8b": says("bug") },
    sites: [{ model: "llama3.1:8b", bound: "exact", measures: ["calls", "inputTokens"] }],
  },
  {
    name: "parallel fan-out",
    file: "examples/fan-out.ts",
    fn: "summarizeAll",
    args: [list(7, 50)],
    assume: { "|docs|": 7, "|doc|": 50 },
    sites: [{ model: "gpt-4o-mini", bound: "exact", measures: ["calls", "inputTokens"] }],
  },
  {
    name: "a windowed history (the last 8 messages)",
    file: "examples/windowed-history.ts",
    fn: "supportSession",
    args: [list(10, 200)],
    assume: { "|userMessages|": 10, "|userMessage|": 200 },
    outputs: { "gpt-4o-mini": reply(400) },
    // The window fills over the first 4 turns (1, 3, 5, 7 messages), full from then on: Σ min(E_i, 8).
    sites: [{ model: "gpt-4o-mini", bound: "exact" }],
  },
  {
    name: "a windowed history whose loop stops before the window fills (3 turns of a window full from the 5th)",
    file: "examples/windowed-history.ts",
    fn: "supportSession",
    args: [list(3, 200)],
    assume: { "|userMessages|": 3, "|userMessage|": 200 },
    outputs: { "gpt-4o-mini": reply(400) },
    // Σ_{i<3} of the messages present (1, 3, 5): the count for a full run would subtract the 4th turn's shortfall too.
    sites: [{ model: "gpt-4o-mini", bound: "exact" }],
  },
  {
    name: "one call with a fixed system prompt",
    file: "examples/routing-generalist.ts",
    fn: "answerRequest",
    args: [filler(120)],
    assume: { "|request|": 120 },
    outputs: { "claude-opus-4-1": reply(300) },
    sites: [{ model: "claude-opus-4-1", bound: "exact" }],
  },
  {
    name: "a wrapper called in a loop from another file",
    file: "examples/wrapper-agent.ts",
    fn: "interview",
    args: [list(10, 25)],
    assume: { "|questions|": 10, "|question|": 25, "out[gpt-4o]": REPLY },
    sites: [{ model: "gpt-4o", bound: "exact" }],
  },
  {
    name: "a class that keeps its history",
    file: "examples/class-history.ts",
    fn: "walkThroughPlan",
    args: [list(8, 30)],
    assume: { "|steps|": 8, "|step|": 30 },
    outputs: { "claude-sonnet-4-5": reply(300) },
    sites: [{ model: "claude-sonnet-4-5", frame: "outer", bound: "upper" }],
  },
  {
    name: "a chat session that keeps the history",
    file: "examples/gemini-chat.ts",
    fn: "studyGuide",
    args: [list(9, 30)],
    assume: { "|questions|": 9, "|q|": 30 },
    outputs: { "gemini-2.5-flash": reply(256) },
    // The chat's systemInstruction goes with every request, outside the history.
    sites: [{ model: "gemini-2.5-flash", bound: "exact" }],
  },
  {
    name: "a server-side chain of responses",
    file: "examples/responses-chain.ts",
    fn: "followUps",
    args: [list(9, 30)],
    assume: { "|questions|": 9, "|q|": 30 },
    outputs: { "gpt-4.1": reply(200) },
    // The chain re-sends inputs and answers, not the instructions: each request sends its own once
    // (they were counted as chained too: 9,000, +4%).
    sites: [{ model: "gpt-4.1", bound: "exact" }],
  },
  {
    name: "an @openai/agents agent's instructions with every run (no tools: one request a run)",
    file: "test/fixtures/execution/agents-instructions.ts",
    fn: "translateAll",
    args: [list(7, 25)],
    assume: { "|sentences|": 7, "|sentence|": 25, "out[gpt-4.1-mini]": REPLY },
    sites: [{ model: "gpt-4.1-mini", bound: "exact" }],
  },
  {
    name: "@openai/agents agents whose tools are all hosted, from another module: one request a run (issue 17)",
    file: "test/fixtures/execution/hosted-tools/research.ts",
    fn: "research",
    args: [list(5, 30)],
    // The agents' model is another module's: the sites' output is out.
    assume: { "|terms|": 5, "|term|": 30, out: REPLY },
    sites: [
      { model: "gpt-4.1-mini", line: 7, bound: "exact" },
      { model: "gpt-4.1-mini", line: 8, bound: "exact" },
    ],
  },
  {
    name: "@openai/agents runs carrying the previous run's history on (issue 17)",
    file: "test/fixtures/execution/carried-history.ts",
    fn: "converse",
    args: [filler(30, 1), filler(25, 2), filler(20, 3), filler(15, 4)],
    assume: { "|first|": 30, "|second|": 25, "|third|": 20, "|fourth|": 15, "out[gpt-4.1-mini]": REPLY },
    sites: [8, 9, 10, 11].map((line) => ({ model: "gpt-4.1-mini", line, bound: "exact" as const })),
  },
  {
    name: "@openai/agents: the history carried from a result assigned inside withTrace's callback (agents-js's routing example, issue 17, fourth reader 36)",
    file: "test/fixtures/execution/routed-history.ts",
    fn: "route",
    args: [list(5, 30)],
    assume: { "|questions|": 5, "|q|": 30, "out[gpt-4.1-mini]": REPLY },
    // 5 turns, input 670 (before: the carried history an opaque |result.history|, the answer 0 tokens).
    sites: [{ model: "gpt-4.1-mini", bound: "exact" }],
  },
  {
    name: "previous_response_id passed through a helper's parameter: the chain the server keeps grows each turn (issue 17)",
    file: "test/fixtures/execution/chained-helper.ts",
    fn: "converse",
    args: [list(7, 25)],
    assume: { "|questions|": 7, "|q|": 25 },
    // The model answers at its cap (max_output_tokens: 40).
    outputs: { "gpt-4.1-mini": reply(40) },
    sites: [{ model: "gpt-4.1-mini", frame: "outer", bound: "exact" }],
  },
  {
    name: "a history grown by a helper method before each follow-up request (issue 17)",
    file: "test/fixtures/execution/helper-grown-history.ts",
    fn: "followUps",
    args: [list(7, 25)],
    assume: { "|results|": 7, "|r|": 25, "|state.messages|": 0 },
    // The model answers at its cap (max_tokens: 40).
    outputs: { "gpt-4o-mini": reply(40) },
    sites: [{ model: "gpt-4o-mini", bound: "exact" }],
  },
  {
    name: "a helper that pushes a whole batch in its own loop before each request (issue 17): 4 batches of 3",
    file: "test/fixtures/execution/helper-loop-history.ts",
    fn: "batches",
    args: [[list(3, 20), list(3, 20), list(3, 20), list(3, 20)]],
    assume: { "|groups|": 4, "|batch|": 3, "|batch[]|": 20 },
    outputs: { "gpt-4o-mini": reply(40) },
    sites: [{ model: "gpt-4o-mini", bound: "exact" }],
  },
  {
    name: "a state handed to a per-chunk function, its messages grown by a helper's loop before each follow-up (VoltAgent's groq provider, issue 17): 4 chunks of 2 tool results",
    file: "test/fixtures/execution/handed-state.ts",
    fn: "followUps",
    args: [[list(2, 20), list(2, 20), list(2, 20), list(2, 20)]],
    assume: { "|stream|": 4, "|calls|": 2, "|calls[]|": 20, "|state.messages|": 0 },
    outputs: { "gpt-4o-mini": reply(40) },
    sites: [{ model: "gpt-4o-mini", frame: "caller", bound: "exact" }],
  },
  {
    name: "a turn of chained requests whose last id seeds the next turn: each turn's requests re-bill every earlier turn (issue 17)",
    file: "test/fixtures/execution/chained-turns.ts",
    fn: "converse",
    args: [list(4, 25)],
    assume: { "|prompts|": 4, "|prompt|": 25 },
    // The model answers at its cap (max_output_tokens: 40).
    outputs: { "gpt-4.1-mini": reply(40) },
    sites: [{ model: "gpt-4.1-mini", frame: "outer", bound: "exact" }],
  },
  {
    name: "a Managed Agents session asked a question a turn: each event sent runs the agent's turn on the server, its tool uses' results joining the session (issue 17, examples' 15)",
    file: "test/fixtures/execution/managed-session.ts",
    fn: "chat",
    args: [list(4, 30)],
    // The fake agent's turn is 2 tool uses and the answer: 3 requests, each tool result in the session after it.
    assume: { "|questions|": 4, "|q|": 30, "steps[chat/send]": TURN_TOOL_USES + 1, "tool[chat/send]": tokenCount(TOOL_RESULT), out: REPLY },
    // Over: the turn's last step is counted with a tool result too (none follows the answer), and the event's type strings.
    sites: [{ model: "claude-haiku-4-5", bound: "upper" }],
  },
  {
    name: "an AgentKit agent run in a network whose state each result is appended to: each run sends every earlier answer and tool result (issue 17, fourth reader 8)",
    file: "test/fixtures/execution/network-history.ts",
    fn: "ask",
    args: [list(5, 30)],
    // Each run's result holds its answer and the lookup tool's result.
    assume: { "|questions|": 5, "|q|": 30, "tool[ask/run]": tokenCount(LOOKUP_ANSWER), "out[gpt-4o-mini]": REPLY },
    sites: [{ model: "gpt-4o-mini", bound: "exact" }],
  },
  {
    name: "an AgentKit routing agent made by createRoutingAgent, each result appended to the network's state: priced as createAgent's run (eighth reader 24)",
    file: "test/fixtures/execution/routing-agent.ts",
    fn: "ask",
    args: [list(5, 30)],
    // The router has no tools here: its runs' tool results are empty.
    assume: { "|questions|": 5, "|q|": 30, "tool[ask/run]": 0, "out[gpt-4o-mini]": REPLY },
    sites: [{ model: "gpt-4o-mini", bound: "exact" }],
  },
  {
    name: "an AgentKit routing agent asked through a helper method after each run appended to the state: its request sends every result before it (growth13, agent-kit network.ts:721)",
    file: "test/fixtures/execution/routed-network.ts",
    fn: "ask",
    args: [list(5, 30)],
    assume: { "|questions|": 5, "|q|": 30, "tool[Desk.ask/run]": tokenCount(LOOKUP_ANSWER), "out[gpt-4o-mini]": REPLY },
    sites: [
      { model: "gpt-4o-mini", line: 16, bound: "exact" },
      // The router's request of round i sends the i + 1 results appended before it; each is priced with all of them.
      { model: "gpt-4.1-mini", frame: "caller", line: 18, bound: "upper", over: "each round's request is priced with every round's result (Σ i ≤ n²)" },
    ],
  },
  {
    name: "an answer held in a variable declared before the loop, its message kept in the history: the history grows by every answer, not a rewrite (h-left5)",
    file: "test/fixtures/execution/held-answer.ts",
    fn: "converse",
    args: [list(5, 30)],
    // 5 turns: input 650, output 100 (before: output 0 and input 450, the answers read as a rewrite of `response`).
    assume: { "|questions|": 5, "|q|": 30, "out[gpt-4o-mini]": REPLY },
    sites: [{ model: "gpt-4o-mini", bound: "exact" }],
  },
  {
    name: "a retry loop around each request (one request a question when it succeeds)",
    file: "test/fixtures/execution/retry-loop.ts",
    fn: "answerAll",
    args: [list(7, 25), 5],
    assume: { "|questions|": 7, "|q|": 25 },
    outputs: { "gpt-4o-mini": reply(50) },
    sites: [{ model: "gpt-4o-mini", bound: "exact" }],
  },
  {
    name: "a request in a closure an options object hands to a span helper that calls it (issue 17)",
    file: "test/fixtures/execution/span-step-loop.ts",
    fn: "chat",
    args: [list(6, 30)],
    // The answer comes back through the helper's return, not read as the request's output: its size is set.
    assume: { "|questions|": 6, "|q|": 30, "|answer|": 60 },
    outputs: { "gpt-4o-mini": reply(60) },
    sites: [{ model: "gpt-4o-mini", bound: "exact" }],
  },
  {
    name: "the AI SDK's step loop: the history through two aliases, converted by another module's function (issue 17)",
    file: "test/fixtures/execution/step-history.ts",
    fn: "run",
    args: [filler(40), 5],
    assume: { "|task|": 40, steps: 5 },
    outputs: { "gpt-4o-mini": reply(60) },
    sites: [{ model: "gpt-4o-mini", bound: "exact" }],
  },
  {
    name: "a step loop whose answer another module's converter turns into the next step's messages (issue 17)",
    file: "test/fixtures/execution/step-answer.ts",
    fn: "run",
    args: [filler(40), 5],
    // What the converter adds besides the answer (a role per message) is its own size: none counted here.
    assume: { "|task|": 40, steps: 5, "|responseMessages|": 0 },
    outputs: { "gpt-4o-mini": reply(60) },
    sites: [{ model: "gpt-4o-mini", bound: "exact" }],
  },
  {
    name: "two functions calling each other with a counter one smaller each round (issue 17)",
    file: "test/fixtures/execution/mutual-recursion.ts",
    fn: "interview",
    args: [list(5, 30), 3],
    assume: { "|questions|": 5, "|q|": 30, rounds: 3 },
    outputs: { "gpt-4o-mini": reply(30) },
    // Both functions' requests, attributed to the driver's loop (the site that counts the rounds).
    sites: [{ model: "gpt-4o-mini", frame: "outer", bound: "exact" }],
  },
  {
    name: "a Mastra agent's instructions with every generate (no tools: one request each)",
    file: "test/fixtures/execution/mastra-instructions.ts",
    fn: "reviewAll",
    args: [list(6, 60)],
    assume: { "|snippets|": 6, "|code|": 60 },
    outputs: { "gpt-4o-mini": reply(120) },
    sites: [{ model: "gpt-4o-mini", bound: "exact" }],
  },
  {
    name: "a Mastra agent with a tool: its instructions with each of the 3 steps",
    file: "test/fixtures/execution/mastra-instructions.ts",
    fn: "research",
    args: [filler(40)],
    // The fake's tool result is not added to the conversation: no tokens a step.
    assume: { "|question|": 40, "out[gpt-4.1]": REPLY, "tool[research/generate]": 0 },
    // The fake always calls the tool, so the run takes all maxSteps; the estimate is an upper bound.
    sites: [{ model: "gpt-4.1", bound: "upper" }],
  },
  {
    name: "a Mastra agent looked up by the name it is registered under: its model and instructions (issue 17)",
    file: "test/fixtures/execution/registered/ask.ts",
    fn: "reviewAll",
    args: [list(6, 60)],
    assume: { "|snippets|": 6, "|code|": 60 },
    outputs: { "gpt-4o-mini": reply(120) },
    sites: [{ model: "gpt-4o-mini", bound: "exact" }],
  },
  {
    name: "a Mastra agent looked up by the id it was made with: its model and instructions (issue 17)",
    file: "test/fixtures/execution/registered/ask.ts",
    fn: "reviewAllById",
    args: [list(6, 60)],
    assume: { "|snippets|": 6, "|code|": 60 },
    outputs: { "gpt-4o-mini": reply(120) },
    sites: [{ model: "gpt-4o-mini", bound: "exact" }],
  },
  {
    name: "a registered Mastra agent with a tool: its default cap of 3 steps, each with its instructions (issue 17)",
    file: "test/fixtures/execution/registered/ask.ts",
    fn: "research",
    args: [filler(40)],
    // The fake's tool result is not added to the conversation: no tokens a step.
    assume: { "|question|": 40, "out[gpt-4.1]": REPLY, "tool[research/generate]": 0 },
    // The fake always calls the tool, so the run takes all 3 steps; the estimate is an upper bound.
    sites: [{ model: "gpt-4.1", bound: "upper" }],
  },
  {
    name: "a LangChain agent's system prompt with every invoke (no tools: one model call each)",
    file: "test/fixtures/execution/langchain-agent.ts",
    fn: "classifyEmails",
    args: [list(8, 50)],
    assume: { "|emails|": 8, "|email|": 50, "out[gpt-4o-mini]": REPLY },
    sites: [{ model: "gpt-4o-mini", bound: "exact" }],
  },
  {
    name: "a LangChain agent with a checkpointer invoked on one thread_id: each invoke re-sends the earlier questions and answers (carry8)",
    file: "test/fixtures/execution/langchain-thread.ts",
    fn: "converse",
    args: [list(7, 30)],
    assume: { "|questions|": 7, "|question|": 30, "out[gpt-4o-mini]": REPLY },
    sites: [{ model: "gpt-4o-mini", bound: "exact" }],
  },
  {
    name: "a LangChain agent with a tool: model and tools nodes alternate within recursionLimit, ⌊25/2⌋ + 1 = 13 model calls",
    file: "test/fixtures/execution/langchain-agent-tools.ts",
    fn: "research",
    args: [filler(40)],
    assume: { "|question|": 40, "out[gpt-4o-mini]": REPLY, "tool[research/invoke]": LOOKUP_RESULT },
    sites: [{ model: "gpt-4o-mini", bound: "exact" }],
  },
  {
    name: "a LangChain agent given withConfig({ recursionLimit: 7 }): ⌊7/2⌋ + 1 = 4 model calls a run (review of issue 17)",
    file: "test/fixtures/execution/langchain-agent-tools.ts",
    fn: "skim",
    args: [list(3, 30)],
    assume: { "|questions|": 3, "|question|": 30, "out[gpt-4o-mini]": REPLY, "tool[skim/invoke]": LOOKUP_RESULT },
    sites: [{ model: "gpt-4o-mini", bound: "exact" }],
  },
  {
    name: "a LangChain agent without tools whose tool strategy's failed parse goes back to the model: recursionLimit's 25 model calls (review of issue 17)",
    file: "test/fixtures/execution/langchain-structured.ts",
    fn: "judgeAll",
    args: [list(2, 30)],
    // Each retry adds the answer and the error's ToolMessage to what the next model call is sent.
    assume: { "|claims|": 2, "|claim|": 30, "out[gpt-4o-mini]": REPLY, "tool[judgeAll/invoke]": tokenCount("Expected a verdict: true or false, with a reason.") },
    sites: [{ model: "gpt-4o-mini", bound: "exact" }],
  },
  {
    name: "a LangChain agent whose tool strategy has handleError: false: one model call, the failed parse throws",
    file: "test/fixtures/execution/langchain-structured.ts",
    fn: "judgeStrictly",
    args: [list(3, 30)],
    assume: { "|claims|": 3, "|claim|": 30, "out[gpt-4.1-mini]": REPLY },
    sites: [{ model: "gpt-4.1-mini", bound: "exact" }],
  },
  {
    name: "a LangChain agent whose llmToolSelectorMiddleware sends a request of its own before each model call (review of issue 17)",
    file: "test/fixtures/execution/langchain-agent-tools.ts",
    fn: "select",
    args: [filler(40)],
    assume: { "|question|": 40, "out[gpt-4.1]": REPLY, "tool[select/invoke]": LOOKUP_RESULT },
    // The run alternates model and tools: 13 model steps, 26 requests, the estimate's count; the selector's request is priced
    // at the step's whole input and its own prompt (it sends its prompt and the last user message).
    sites: [{ model: "gpt-4.1", bound: "upper", over: "the selector's request priced at the step's whole input and its prompt" }],
  },
  {
    name: "a LangChain agent with a tool and modelCallLimitMiddleware({ runLimit: 3 }): three model calls per run",
    file: "test/fixtures/execution/langchain-agent-tools.ts",
    fn: "researchAll",
    args: [list(4, 30)],
    assume: { "|questions|": 4, "|question|": 30, "out[gpt-4.1-mini]": REPLY, "tool[researchAll/invoke]": LOOKUP_RESULT },
    sites: [{ model: "gpt-4.1-mini", bound: "exact" }],
  },
  {
    name: "a LangChain agent run through streamEvents, the conversation kept across turns (issue 17, fourth reader)",
    file: "test/fixtures/execution/langchain-stream-events.ts",
    fn: "converse",
    args: [list(7, 30)],
    assume: { "|questions|": 7, "|question|": 30, "out[gpt-4o-mini]": REPLY },
    sites: [{ model: "gpt-4o-mini", bound: "exact" }],
  },
  {
    name: "a LangChain agent whose tools come from its middleware: a tool loop, here of runLimit model calls (issue 17, fifth reader)",
    file: "test/fixtures/execution/langchain-middleware-tools.ts",
    fn: "ask",
    args: [list(3, 30)],
    // The tool answers nothing: no tokens a step.
    assume: { "|questions|": 3, "|question|": 30, "out[gpt-4o-mini]": REPLY, "tool[ask/invoke]": 0 },
    // The fake model asks for the tool on every turn, so each question takes the 3 model calls runLimit allows.
    sites: [{ model: "gpt-4o-mini", bound: "exact" }],
  },
  {
    name: "Genkit's generate with a tool: maxTurns tool turns, then the answer (issue 17, fourth reader)",
    file: "test/fixtures/execution/genkit-tools.ts",
    fn: "track",
    args: [list(5, 30)],
    // The fake's tool answers nothing: no tokens a step.
    assume: { "|orders|": 5, "|order|": 30, "out[gemini-2.5-flash]": REPLY, "tool[track/generate]": 0 },
    // The fake model asks for the tool on every turn, so each call takes all 3 turns and the answer: the estimate's bound.
    sites: [{ model: "gemini-2.5-flash", bound: "upper" }],
  },
  {
    name: "an SDK tool loop with a step cap",
    file: "examples/ai-sdk-steps.ts",
    fn: "investigate",
    args: [filler(40), 6],
    assume: { steps: 6, "|task|": 40, "out[gpt-4.1]": REPLY },
    sites: [{ model: "gpt-4.1", bound: "upper", measures: ["calls"] }],
  },
  {
    name: "the AI SDK with only a provider-executed tool: one step per request whatever stopWhen allows, over a const list of 3 topics (issue 17, sixth reader 23, 25)",
    file: "test/fixtures/execution/provider-tools.ts",
    fn: "searchAll",
    args: [filler(30)],
    assume: { "|prefix|": 30, "out[gpt-4.1]": REPLY },
    sites: [{ model: "gpt-4.1", bound: "exact", measures: ["calls"] }],
  },
  {
    name: "a raw fetch to the chat endpoint re-sending the history",
    file: "test/fixtures/execution/raw-fetch.ts",
    fn: "chat",
    args: [list(10, 40)],
    assume: { "|questions|": 10, "|q|": 40 },
    outputs: { "gpt-4o-mini": reply(100) },
    sites: [{ model: "gpt-4o-mini", bound: "exact" }],
  },
  {
    name: "one history across two nested loops",
    file: "test/fixtures/execution/nested-history.ts",
    fn: "drill",
    args: [list(4, 30), 5],
    assume: { "|topics|": 4, "|topic|": 30, rounds: 5 },
    outputs: { "gpt-4o": reply(50) },
    sites: [{ model: "gpt-4o", bound: "exact" }],
  },
  {
    name: "a default parameter's loop count and model",
    file: "test/fixtures/execution/default-rounds.ts",
    fn: "drafts",
    args: [filler(70)],
    assume: { "|task|": 70 },
    outputs: { "gpt-4o": reply(60) },
    sites: [{ model: "gpt-4o", frame: "outer", bound: "exact" }],
  },
  {
    name: "a loop count, model and output cap imported from a settings module",
    file: "test/fixtures/execution/imported-turns.ts",
    fn: "brainstorm",
    args: [filler(45)],
    assume: { "|topic|": 45 },
    outputs: { "gpt-4o-mini": reply(100) },
    sites: [{ model: "gpt-4o-mini", bound: "exact" }],
  },
  {
    name: "a history grown before it is handed on to the function that sends it",
    file: "test/fixtures/execution/handed-history.ts",
    fn: "interview",
    args: [list(6, 30)],
    assume: { "|questions|": 6, "|q|": 30 },
    outputs: { "gpt-4o": reply(50) },
    sites: [{ model: "gpt-4o", frame: "outer", bound: "exact" }],
  },
  {
    name: "a recursive halving summarizer",
    file: "examples/recursive-summarizer.ts",
    fn: "summarizeLibrary",
    // 200 tokens of filler are about 1,250 characters: under CHUNK = 2000, one call per document.
    args: [list(5, 200)],
    assume: { "|docs|": 5, "|d|": 200 },
    outputs: { "gpt-4o-mini": reply(300) },
    sites: [{ model: "gpt-4o-mini", frame: "outer", bound: "exact" }],
  },
  {
    name: "a recursive halving summarizer's leaves and merges",
    file: "examples/recursive-summarizer.ts",
    fn: "summarize",
    // 8,000 characters halve twice to four pieces of 2,000 (CHUNK): 4 leaf calls and 3 merges.
    args: [prose(2000)],
    assume: { "|text|": 2000 },
    outputs: { "gpt-4o-mini": reply(300) },
    sites: [
      { model: "gpt-4o-mini", frame: "caller", line: 26, bound: "exact" },
      { model: "gpt-4o-mini", frame: "caller", line: 30, bound: "exact" },
    ],
  },
  {
    name: "a recursive halving summarizer called in a loop on long documents",
    file: "examples/recursive-summarizer.ts",
    fn: "summarizeLibrary",
    args: [[prose(2000), prose(2000), prose(2000)]],
    assume: { "|docs|": 3, "|d|": 2000 },
    outputs: { "gpt-4o-mini": reply(300) },
    sites: [{ model: "gpt-4o-mini", frame: "outer", bound: "exact" }],
  },
  // Re-measured (issue 16): new programs of the shapes, other SDKs and layouts than the examples.

  {
    name: "R1 a dialogue re-sent each turn with a system prompt apart (Anthropic)",
    file: "test/fixtures/execution/remeasure/pair-programmer.ts",
    fn: "pairOn",
    args: [filler(35), 7],
    assume: { turns: 7, "|goal|": 35 },
    outputs: { "claude-sonnet-4-5": reply(150) },
    sites: [{ model: "claude-sonnet-4-5", bound: "exact" }],
  },  {
    name: "R13 a window with the system message pinned (it starts the history)",
    file: "test/fixtures/execution/remeasure/pinned-window.ts",
    fn: "concierge",
    args: [list(9, 40)],
    assume: { "|requests|": 9, "|req|": 40 },
    outputs: { "gpt-4o-mini": reply(60) },
    sites: [{ model: "gpt-4o-mini", bound: "exact" }],
  },  {
    name: "R13 with fewer requests than it takes the window to be steady",
    file: "test/fixtures/execution/remeasure/pinned-window.ts",
    fn: "concierge",
    args: [list(2, 40)],
    assume: { "|requests|": 2, "|req|": 40 },
    outputs: { "gpt-4o-mini": reply(60) },
    sites: [{ model: "gpt-4o-mini", bound: "exact" }],
  },
  {
    name: "R14 a window kept by shifting the oldest messages out",
    file: "test/fixtures/execution/remeasure/trimmed-log.ts",
    fn: "coach",
    args: [list(8, 50)],
    assume: { "|questions|": 8, "|question|": 50 },
    outputs: { "claude-3-5-haiku-latest": reply(70) },
    sites: [{ model: "claude-3-5-haiku-latest", bound: "exact" }],
  },  {
    name: "R2 a transcript per chapter grown over its rounds (nested loops, ollama)",
    file: "test/fixtures/execution/remeasure/chapter-quiz.ts",
    fn: "quiz",
    args: [list(3, 80), 4],
    assume: { "|chapters|": 3, "|chapter|": 80, rounds: 4 },
    outputs: { "llama3.1:8b": reply(40) },
    sites: [{ model: "llama3.1:8b", bound: "exact" }],
  },
  {
    name: "R3 a wrapper from another file called per item (Gemini, a system instruction)",
    file: "test/fixtures/execution/remeasure/tag-reviews.ts",
    fn: "tagReviews",
    args: [list(9, 70)],
    assume: { "|reviews|": 9, "|review|": 70 },
    outputs: { "gemini-2.5-flash": says("positive") },
    sites: [{ model: "gemini-2.5-flash", bound: "exact", measures: ["calls", "inputTokens"] }],
  },
  {
    name: "R4 a class keeping its history in a field (OpenAI)",
    file: "test/fixtures/execution/remeasure/study-buddy.ts",
    fn: "revise",
    args: [list(6, 15)],
    assume: { "|terms|": 6, "|term|": 15 },
    outputs: { "gpt-4.1-mini": reply(80) },
    sites: [{ model: "gpt-4.1-mini", frame: "outer", bound: "upper" }],
  },
  {
    name: "R5 a raw fetch per document, the payload built first",
    file: "test/fixtures/execution/remeasure/fetch-summaries.ts",
    fn: "summarizeDocs",
    args: [list(5, 150)],
    assume: { "|docs|": 5, "|doc|": 150 },
    outputs: { "gpt-4o-mini": reply(60) },
    sites: [{ model: "gpt-4o-mini", bound: "exact" }],
  },
  {
    name: "R6 run(agent) without tools, the input a template literal",
    file: "test/fixtures/execution/remeasure/agent-notes.ts",
    fn: "condenseNotes",
    args: [list(8, 45)],
    assume: { "|notes|": 8, "|note|": 45, "out[gpt-4o-mini]": REPLY },
    sites: [{ model: "gpt-4o-mini", bound: "exact" }],
  },
  {
    name: "R7 batch of LangChain message classes, one request per question",
    file: "test/fixtures/execution/remeasure/batch-faq.ts",
    fn: "answerFaq",
    args: [list(7, 30)],
    assume: { "|questions|": 7, "|q|": 30 },
    outputs: { "gpt-4o-mini": reply(50) },
    sites: [{ model: "gpt-4o-mini", bound: "exact" }],
  },
  {
    name: "R8 a counted recursion rewriting the draft once per level",
    file: "test/fixtures/execution/remeasure/polish.ts",
    fn: "polish",
    args: [filler(200), 4],
    assume: { "|passes|": 4, passes: 4, "|draft|": 200 },
    outputs: { "gpt-4o": rewrite({ marker: /^Improve the wording:\n/ }) },
    sites: [{ model: "gpt-4o", bound: "exact" }],
  },
  {
    name: "R9/R10 a default loop count and a default model (Anthropic)",
    file: "test/fixtures/execution/remeasure/idea-list.ts",
    fn: "ideas",
    args: [filler(12)],
    assume: { "|topic|": 12 },
    outputs: { "claude-3-5-haiku-latest": reply(90) },
    sites: [{ model: "claude-3-5-haiku-latest", frame: "outer", bound: "exact" }],
  },
  {
    name: "R11 ids in the prompt",
    file: "test/fixtures/execution/remeasure/ticket-router.ts",
    fn: "route",
    args: [Array.from({ length: 10 }, (_, i) => ({ id: `T-${1040 + i}`, customerId: `C-${700 + 3 * i}`, body: filler(60, i) }))],
    assume: { "|tickets|": 10, "|t.body|": 60 },
    outputs: { "gpt-4.1-nano": says("billing") },
    sites: [{ model: "gpt-4.1-nano", bound: "exact", measures: ["calls", "inputTokens"] }],
  },
  {
    name: "R12 LangChain message classes in a loop",
    file: "test/fixtures/execution/remeasure/line-translator.ts",
    fn: "translateLines",
    args: [list(11, 18)],
    assume: { "|lines|": 11, "|line|": 18 },
    outputs: { "gpt-4.1-mini": reply(40) },
    sites: [{ model: "gpt-4.1-mini", bound: "exact" }],
  },


  {
    name: "R15 a dialogue with the AI SDK: messages grown by question and answer",
    file: "test/fixtures/execution/remeasure/ai-sdk-dialogue.ts",
    fn: "interviewer",
    args: [list(8, 25)],
    assume: { "|answers|": 8, "|answer|": 25 },
    outputs: { "gpt-4.1": reply(30) },
    sites: [{ model: "gpt-4.1", bound: "exact" }],
  },
];

interface EstimateJson {
  calls: number;
  inputTokens: number;
  outputTokens: number;
  generationCost: number;
  exact?: boolean;
}

interface SiteJson {
  file: string;
  line: number;
  model: string | null;
  estimate: EstimateJson;
}

function report(file: string, assume: Record<string, number>): SiteJson[] {
  const args = ["bin/aalp.js", "report", path.dirname(file), "--format", "json"];
  for (const [k, v] of Object.entries(assume)) args.push("--assume", `${k}=${v}`);
  const run = spawnSync(process.execPath, args, { cwd: REPO_ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw run.error;
  const parsed = JSON.parse(run.stdout) as { findings: SiteJson[] };
  return parsed.findings.filter((f) => f.file.replace(/\\/g, "/") === file);
}

/** Within 2% (or 3 tokens per call): literals are tokenized one by one, the fakes' requests whole. */
function close(estimate: number, measured: number, calls: number): boolean {
  return Math.abs(estimate - measured) <= Math.max(0.02 * measured, 3 * calls);
}

describe("execution check: estimates at fixed sizes equal the counted runs", function () {
  this.timeout(300000);
  const host = new FakeHost();
  let tempDir: string;
  const modules = new Map<string, ExampleModule>();
  const table: string[] = [];
  let realFetch: typeof fetch;

  before(async function () {
    tempDir = makeTempDir();
    host.install();
    realFetch = installFakeFetch(host);
  });

  after(function () {
    globalThis.fetch = realFetch;
    host.uninstall();
    removeDir(tempDir);
    if (process.env.AALP_EXEC_TABLE) console.log(`\nestimates table:\n${table.join("\n")}\n`);
  });

  for (const c of CASES) {
    it(c.name, async function () {
      const abs = path.join(REPO_ROOT, c.file);
      const dir = path.dirname(abs);
      let mod = modules.get(c.file);
      if (!mod) {
        mod = await loadProgram(abs, path.join(tempDir, `${path.basename(abs, ".ts")}.bundle.cjs`));
        modules.set(c.file, mod);
      }
      const fn = mod[c.fn];
      assert.strictEqual(typeof fn, "function", `${c.file} exports no ${c.fn}`);
      host.begin(abs, c.outputs ?? {});
      await (fn as (...a: unknown[]) => Promise<unknown>)(...c.args);
      const calls: RecordedCall[] = host.calls.slice();
      const findings = report(c.file, c.assume);
      assert.ok(dir);
      const failures: string[] = [];
      for (const site of c.sites) {
        const lineOf = (k: RecordedCall): number | undefined => (site.frame === "outer" ? k.outerLine : site.frame === "caller" ? k.callerLine : k.line);
        const mine = calls.filter((k) => k.model === site.model && (site.line === undefined || lineOf(k) === site.line));
        const lines = [...new Set(mine.map(lineOf))];
        assert.ok(lines.length === 1 && lines[0] !== undefined, `${site.model}: calls from lines ${lines.join(", ")}`);
        const line = lines[0]!;
        const finding = findings.find((f) => f.line === line) ?? findings.filter((f) => f.line < line && f.line >= line - 3).sort((a, b) => b.line - a.line)[0];
        assert.ok(finding, `${c.file}: no finding at line ${line} (findings at ${findings.map((f) => f.line).join(", ")})`);
        const measured: Record<Measure, number> = {
          calls: mine.length,
          inputTokens: mine.reduce((s, k) => s + k.inputTokens, 0),
          outputTokens: mine.reduce((s, k) => s + k.outputTokens, 0),
          generationCost: mine.reduce((s, k) => s + k.generationCost, 0),
        };
        for (const m of site.measures ?? (["calls", "inputTokens", "outputTokens", "generationCost"] as Measure[])) {
          const est = finding.estimate[m];
          const ok = site.bound === "exact" ? close(est, measured[m], measured.calls) : est >= measured[m] && (site.over !== undefined || est <= 1.25 * measured[m]);
          table.push(`${ok ? " " : "✗"} ${c.file}:${line} ${site.model} ${m}: estimate ${est}, counted ${measured[m]} (${site.bound}, ratio ${(est / measured[m]).toFixed(2)})`);
          if (!ok) failures.push(`${site.model} ${m}: estimate ${est}, counted ${measured[m]} (${site.bound})`);
        }
      }
      if (failures.length) assert.fail(`${c.file}:\n  ${failures.join("\n  ")}`);
    });
  }
});
