// Every quick fix on fixtures modelled on the paper: the exact edited text, type-checking no worse
// than before (against SDK stubs), and re-analysis giving the bound its title promises.
import * as assert from "node:assert/strict";
import type { DiagnosticCode, QuickFixId, TextEdit } from "../../../src/core/advice";
import * as ts from "typescript";
import { analyzeFile } from "../../../src/core";
import { DEFAULT_ADVICE_SETTINGS, quickFixesFor, type AdviceSettings } from "../../../src/core/advice";
import { fixOutcomes, priceAdvice } from "../../../src/core/report/fixSavings";
import { adviceFor, applyFix, findingAt, fixture, input, span, typeDiagnostics } from "./harness";

interface Case {
  readonly fixture: string;
  readonly line: number;
  readonly code: DiagnosticCode;
  readonly id: QuickFixId;
  /** The expected file under test/fixtures/fixes/expected. */
  readonly expected: string;
  /** The label and what the fix saves at default sizes; the bounds are in before/after. */
  readonly title: string;
  /** Where the call is in the edited text, and its bound there. */
  readonly lineAfter: number;
  readonly bound: string;
}

const CASES: readonly Case[] = [
  {
    fixture: "debug-naive.ts", line: 12, code: "aalp.whole-input-per-item", id: "scope-to-function", expected: "debug-naive.scope-to-function.ts",
    title: "Send one declaration of program per call, one pass each (drops the rounds cap): $0.0043 → $0.0018 per run at default sizes",
    lineAfter: 12, bound: "Θ(|programUnits|·|programUnits[]|)",
  },
  {
    fixture: "debug-naive.ts", line: 12, code: "aalp.growing-history", id: "reset-history", expected: "debug-naive.reset-history.ts",
    title: "Start conversation afresh each iteration (forgets earlier turns): $0.0043 → $0.0018 per run at default sizes",
    lineAfter: 13, bound: "Θ(rounds·|program|)",
  },
  {
    fixture: "chat-history.ts", line: 11, code: "aalp.growing-history", id: "reset-history", expected: "chat-history.reset-history.ts",
    title: "Start messages afresh each iteration (forgets earlier turns): $0.073 → $0.034 per run at default sizes",
    lineAfter: 12, bound: "Θ(|questions|·|question| + |questions|·out[gpt-4.1])",
  },
  {
    fixture: "chat-history.ts", line: 11, code: "aalp.growing-history", id: "window-history", expected: "chat-history.window-history.ts",
    title: "Keep the last 8 messages and the system message: $0.073 → $0.056 per run at default sizes",
    lineAfter: 12, bound: "Θ(|questions|·|question| + |questions|·out[gpt-4.1])",
  },
  {
    fixture: "debug-naive.ts", line: 20, code: "aalp.growing-history", id: "window-history", expected: "debug-naive.window-history.ts",
    title: "Keep the last 8 messages: $0.076 → $0.055 per run at default sizes",
    lineAfter: 21, bound: "Θ(rounds·|program|)",
  },
  {
    // A history that starts with a named system message: the window starts after it (splice(1, …)).
    fixture: "exec/support-chat.ts", line: 14, code: "aalp.growing-history", id: "window-history", expected: "support-chat.window-history.ts",
    title: "Keep the last 8 messages and the system message: $0.041 → $0.028 per run at default sizes",
    lineAfter: 15, bound: "Θ(|userMessages|·|message|)",
  },
  {
    fixture: "exec/support-chat.ts", line: 14, code: "aalp.growing-history", id: "summarize-history", expected: "support-chat.summarize-history.ts",
    title: "Summarize history past 4000 tokens with gpt-4o-mini, keeping the system message: $0.041 → $0.019 per run at default sizes",
    lineAfter: 18, bound: "Θ(|userMessages|·|message|)",
  },
  {
    fixture: "chat-history.ts", line: 11, code: "aalp.growing-history", id: "summarize-history", expected: "chat-history.summarize-history.ts",
    title: "Summarize messages past 4000 tokens with gpt-4.1-mini, keeping the system message: $0.073 → $0.044 per run at default sizes",
    lineAfter: 15, bound: "Θ(|questions|·|question| + |questions|·out[gpt-4.1])",
  },
  {
    fixture: "debug-naive.ts", line: 12, code: "aalp.growing-history", id: "summarize-history", expected: "debug-naive.summarize-history.ts",
    // After: the fixed code's window of the conversation's three kinds of element (versions, bug reports,
    // fixes) counts ⌈k/3⌉ slots of each, not k/3 mean elements (the last k may hold one kind more).
    title: "Summarize conversation past 4000 tokens with gpt-4o-mini: $0.0043 → $0.0024 per run at default sizes",
    lineAfter: 16, bound: "Θ(rounds·|program|)",
  },
];

describe("quick fixes that change the input bound", () => {
  for (const c of CASES) {
    describe(`${c.id} on ${c.fixture}:${c.line}`, () => {
      const { fix, before, after } = applyFix(c.fixture, c.line, c.code, c.id);

      it("is titled with what it does and the dollars before → after", () => {
        assert.equal(fix.title, c.title);
        assert.equal(fix.title.startsWith(`${fix.label}: `), true);
      });

      it("edits the file to exactly the expected text", () => {
        assert.equal(after, fixture(`expected/${c.expected}`));
      });

      it("type-checks no worse than before", () => {
        assert.deepEqual(typeDiagnostics(c.fixture, after), typeDiagnostics(c.fixture, before));
      });

      it("re-analyses to the promised bound", () => {
        assert.equal(input(findingAt(c.fixture, after, c.lineAfter)), c.bound);
        assert.equal(fix.after, c.bound);
      });
    });
  }
});

describe("what a trimmed history keeps", () => {
  const program = (start: string): string => `import OpenAI from "openai";
import { SYSTEM } from "./prompts";
const openai = new OpenAI();
const PERSONA = { role: "developer", content: "Answer in French." } as const;
const GREETING: OpenAI.Chat.ChatCompletionMessageParam = { role: "assistant", content: "Bonjour !" };
export async function chat(questions: string[]): Promise<void> {
  const history: OpenAI.Chat.ChatCompletionMessageParam[] = [${start}];
  for (const q of questions) {
    history.push({ role: "user", content: q });
    const r = await openai.chat.completions.create({ model: "gpt-4o", max_tokens: 50, messages: history });
    history.push({ role: "assistant", content: r.choices[0].message.content ?? "" });
  }
}
`;
  const window = (start: string): { title: string; trim: string } | undefined => {
    const text = program(start);
    const advice = adviceFor("chat.ts", text).find((a) => a.code === "aalp.growing-history");
    assert.ok(advice, start);
    const fix = quickFixesFor(ts, "chat.ts", text, advice, DEFAULT_ADVICE_SETTINGS).find((f) => f.id === "window-history");
    return fix && { title: fix.label, trim: fix.edits.map((e) => e.newText.trim()).join("") };
  };

  it("system and developer messages, inline or in consts, and not an assistant greeting after them", () => {
    assert.deepEqual(window("PERSONA, GREETING"), { title: "Keep the last 8 messages and the system message", trim: "if (history.length > 9) history.splice(1, history.length - 9);" });
    assert.deepEqual(window(`{ role: "system", content: "Be brief." }, PERSONA`), { title: "Keep the last 8 messages and the system messages", trim: "if (history.length > 10) history.splice(2, history.length - 10);" });
    assert.deepEqual(window("GREETING"), { title: "Keep the last 8 messages", trim: "if (history.length > 8) history.splice(0, history.length - 8);" });
  });

  it("a message whose role the file does not show (an import) is kept, and the title says the first message", () => {
    assert.deepEqual(window("SYSTEM, GREETING"), { title: "Keep the last 8 messages and the first message", trim: "if (history.length > 9) history.splice(1, history.length - 9);" });
  });

  it("no window after a spread of unknown length", () => {
    assert.equal(window("...[PERSONA]"), undefined);
  });

  it("transcript.ts: no reset of the debate's transcript, which the function returns", () => {
    const text = fixture("transcript.ts");
    const advice = adviceFor("transcript.ts", text);
    assert.deepEqual(advice.map((a) => a.code), ["aalp.growing-history"]);
    assert.deepEqual(quickFixesFor(ts, "transcript.ts", text, advice[0]!, DEFAULT_ADVICE_SETTINGS), []);
  });

  it("no history fix where the history is read after its loop (its final value is a result)", () => {
    const text = program("PERSONA").replace("  }\n}\n", "  }\n  console.log(history.length);\n}\n");
    assert.ok(text.includes("console.log(history.length)"));
    const advice = adviceFor("chat.ts", text).filter((a) => a.code === "aalp.growing-history");
    assert.equal(advice.length, 1);
    assert.deepEqual(quickFixesFor(ts, "chat.ts", text, advice[0]!, DEFAULT_ADVICE_SETTINGS), []);
  });
});

describe("reset-history: only a history that holds its initial value when the loop starts", () => {
  const program = (before: string): string => `import OpenAI from "openai";
const openai = new OpenAI();
declare function load(): Promise<OpenAI.Chat.ChatCompletionMessageParam[]>;
export async function chat(intro: string, questions: string[]): Promise<void> {
  let history: OpenAI.Chat.ChatCompletionMessageParam[] = [{ role: "system", content: "Be brief." }];
  ${before}
  for (const q of questions) {
    history.push({ role: "user", content: q });
    const r = await openai.chat.completions.create({ model: "gpt-4o", max_tokens: 50, messages: history });
    history.push({ role: "assistant", content: r.choices[0].message.content ?? "" });
  }
}
`;
  const reset = (before: string): string | undefined => {
    const text = program(before);
    const advice = adviceFor("chat.ts", text).find((a) => a.code === "aalp.growing-history");
    assert.ok(advice, before);
    const fix = quickFixesFor(ts, "chat.ts", text, advice, DEFAULT_ADVICE_SETTINGS).find((f) => f.id === "reset-history");
    return fix?.edits.map((e) => e.newText.trim()).join("");
  };

  it("resets to the initial messages when nothing writes the history before its loop", () => {
    assert.equal(reset(""), `history = [{ role: "system", content: "Be brief." }];`);
  });

  it("no reset when the history is written before its loop: grown (push, splice), replaced or emptied", () => {
    // splice(1, 0, x) grows the history as the analysis reads it; the advice's own growth test missed it.
    for (const before of [`history.push({ role: "user", content: intro });`, `history.splice(1, 0, { role: "user", content: intro });`, "history = await load();", "history.length = 0;"]) {
      assert.equal(reset(before), undefined, before);
    }
  });
});

describe("a helper appended to a hostile file", () => {
  it("summarize-history after a comment of 200,000 spaces: the helper goes after the last non-space character (no backtracking trim of the text)", () => {
    const appended = (text: string): TextEdit => {
      const advice = adviceFor("chat-history.ts", text).find((a) => a.code === "aalp.growing-history" && a.finding.line === 11)!;
      const fix = quickFixesFor(ts, "chat-history.ts", text, advice, DEFAULT_ADVICE_SETTINGS).find((f) => f.id === "summarize-history")!;
      return fix.edits[fix.edits.length - 1]!;
    };
    const text = `${fixture("chat-history.ts")}// ${" ".repeat(200_000)}end\n\n  \n`;
    const helper = appended(fixture("chat-history.ts")).newText;
    assert.ok(helper.includes("function "));
    assert.deepEqual(appended(text), { start: text.lastIndexOf("end") + 3, end: text.length, newText: helper });
  });
});

describe("fix titles at the editor's sizes", () => {
  it("price before and after at the sizes and prices given, as the lenses do", () => {
    const text = fixture("debug-naive.ts");
    const advice = adviceFor("debug-naive.ts", text).find((a) => a.finding.line === 12)!;
    const at = (pricing?: AdviceSettings["pricing"]): string[] => quickFixesFor(ts, "debug-naive.ts", text, advice, { ...DEFAULT_ADVICE_SETTINGS, ...(pricing ? { pricing } : {}) }).filter((f) => f.id === "window-history").map((f) => f.title);
    assert.deepEqual(at(), ["Keep the last 8 messages: $0.0043 → $0.0032 per run at default sizes"]);
    assert.deepEqual(at({ assume: { rounds: 20 } }), ["Keep the last 8 messages: $0.015 → $0.0068 per run at your sizes"]);
    // A price override of the model (per million tokens) is used on both sides.
    assert.deepEqual(at({ assume: {}, prices: { "gpt-4o-mini": { input: 1.5, output: 6 } } }), ["Keep the last 8 messages: $0.043 → $0.032 per run at your sizes"]);
  });
});

describe("fix titles", () => {
  it("are short and distinct on each call, with no formula", () => {
    for (const name of ["debug-naive.ts", "chat-history.ts", "exec/support-chat.ts", "per-item.ts", "nested-queue.ts", "routing.ts"]) {
      const text = fixture(name);
      const byCall = new Map<number, string[]>();
      for (const a of adviceFor(name, text)) byCall.set(a.start, [...(byCall.get(a.start) ?? []), ...quickFixesFor(ts, name, text, a, DEFAULT_ADVICE_SETTINGS).map((f) => f.title)]);
      for (const titles of byCall.values()) {
        assert.equal(new Set(titles).size, titles.length, titles.join("\n"));
        for (const t of titles) {
          // A parallel fix that reorders other calls says so at the end, past the usual length.
          assert.ok(t.length <= (t.includes("; reorders ") ? 150 : 130), `${t.length} characters: ${t}`);
          // A span fix saves no dollars: its span is what it changes, so its label names it.
          assert.ok(!t.includes("Θ(") || t.startsWith("Run the iterations") || t.startsWith("Run all iterations at once"), t);
        }
      }
    }
  });
});

describe("parallelize", () => {
  // The second loop also calls onSummary: run concurrently, it is called as replies arrive.
  for (const [line, expected, lineAfter, spanBefore, note] of [
    [9, "per-item.parallelize.ts", 13, "Θ(|tickets|)", ""],
    [21, "per-item.parallelize-index.ts", 24, "Θ(|pages|)", "; reorders onSummary()"],
  ] as const) {
    const { fix, before, after } = applyFix("per-item.ts", line, "aalp.sequential-independent-calls", "parallelize");

    it(`line ${line}: an eager .map behind a concurrency limit, collector order kept`, () => {
      assert.equal(after, fixture(`expected/${expected}`));
      assert.deepEqual(typeDiagnostics("per-item.ts", after), typeDiagnostics("per-item.ts", before));
    });

    it(`line ${line}: changes the span, not the cost, to ⌈n/4⌉ (the engine reads the .map as all at once)`, () => {
      assert.equal(fix.title, `Run the iterations 4 at a time: span ${spanBefore} → ⌈${spanBefore.slice(2, -1)}/4⌉ calls, same $0.0021 per run${note}`);
      const was = findingAt("per-item.ts", before, line);
      const now = findingAt("per-item.ts", after, lineAfter);
      assert.equal(span(now), "Θ(1)");
      assert.equal(input(now), input(was));
    });
  }
});

describe("parallelize-all", () => {
  for (const [name, line, expected, lineAfter, spanBefore, spanAfter, dollars, note] of [
    ["per-item.ts", 9, "per-item.parallelize-all.ts", 10, "Θ(|tickets|)", "Θ(1)", "$0.0021", ""],
    ["per-item.ts", 21, "per-item.parallelize-all-index.ts", 21, "Θ(|pages|)", "Θ(1)", "$0.0021", "; reorders onSummary()"],
    // Each pass drains the queue one question after another: at once, the span is one pass's, and
    // the passes take their questions from the shared queue in the order they get to it.
    ["nested-queue.ts", 11, "nested-queue.parallelize-all.ts", 11, "O(passes·T[reviewRepo])", "O(T[reviewRepo])", "$0.024", "; reorders queue.next()"],
  ] as const) {
    const { fix, before, after } = applyFix(name, line, "aalp.sequential-independent-calls", "parallelize-all");

    it(`${name}:${line}: Promise.all over an eager .map, no limit, collector order kept`, () => {
      assert.equal(after, fixture(`expected/${expected}`));
      assert.deepEqual(typeDiagnostics(name, after), typeDiagnostics(name, before));
    });

    it(`${name}:${line}: the span one iteration has, as re-analysed, at the same cost; not the preferred fix`, () => {
      assert.equal(fix.title, `Run all iterations at once: span ${spanBefore} → ${spanAfter} calls, same ${dollars} per run${note}`);
      assert.equal(fix.after, spanAfter);
      assert.equal(fix.isPreferred, false);
      const now = findingAt(name, after, lineAfter);
      assert.equal(span(now), spanAfter);
      assert.equal(input(now), input(findingAt(name, before, line)));
    });
  }
});

describe("parallel fixes name what they reorder", () => {
  it("a callback of the loop body by its name, cut at 40 characters (names come from the scanned code)", () => {
    const name = `report${"X".repeat(60)}`;
    const text = `import OpenAI from "openai";
const openai = new OpenAI();
export async function f(pages: string[], ${name}: (s: string) => void): Promise<void> {
  for (const page of pages) {
    const c = await openai.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 50, messages: [{ role: "user", content: page.trim() }] });
    ${name}(c.choices[0].message.content ?? "");
  }
}
`;
    const advice = adviceFor("callback.ts", text).find((a) => a.code === "aalp.sequential-independent-calls")!;
    const titles = quickFixesFor(ts, "callback.ts", text, advice, DEFAULT_ADVICE_SETTINGS).map((f) => f.title);
    const cut = `${name.slice(0, 39)}…()`;
    assert.deepEqual(titles.map((t) => t.slice(t.indexOf(";"))), [`; reorders ${cut}`, `; reorders ${cut}`]);
  });
});

describe("a loop the fix moves", () => {
  // The queue's while loop is on line 8; parallelize moves it to line 11. Its bound's symbol is
  // named after its function, so the loop keeps its name in the edited text.
  const { fix, before, after } = applyFix("nested-queue.ts", 11, "aalp.sequential-independent-calls", "parallelize");

  it("edits exactly and type-checks clean (an unread index is no parameter)", () => {
    assert.equal(after, fixture("expected/nested-queue.parallelize.ts"));
    assert.deepEqual(typeDiagnostics("nested-queue.ts", after), typeDiagnostics("nested-queue.ts", before));
  });

  it("the after span names the moved loop as the code does now", () => {
    assert.equal(fix.title, "Run the iterations 4 at a time: span O(passes·T[reviewRepo]) → O(⌈passes/4⌉·T[reviewRepo]) calls, same $0.024 per run; reorders queue.next()");
    // The edited text analysed on its own names the same loop the same way.
    assert.equal(span(findingAt("nested-queue.ts", after, 14)), "O(T[reviewRepo])");
  });

  it("prices the fix with the assumption the user gave for the loop as named now", () => {
    const text = fixture("nested-queue.ts");
    const { findings } = analyzeFile(ts, "nested-queue.ts", text);
    const outcomes = fixOutcomes(findings, { ts, fileName: "nested-queue.ts", text, settings: DEFAULT_ADVICE_SETTINGS, fixes: true });
    const parallel = (assume: Record<string, number>): number | null => priceAdvice(findings, outcomes, assume).flatMap((a) => a.fixes).find((f) => f.id === "parallelize")!.dollarsAfter;
    assert.notEqual(parallel({ "T[reviewRepo]": 1000 }), parallel({}));
    // The line-named symbols are gone: an assumption for T8 applies to nothing.
    assert.equal(parallel({ T8: 1000 }), parallel({}));
  });
});

describe("scope-to-function is offered only where it keeps what the loop computes", () => {
  // Each loop re-sends a whole text, but iterating over its units instead would change the results.
  for (const [name, line, why] of [
    ["review-document.ts", 11, "the loop collects one note per pass: over paragraphs there would be as many notes as paragraphs"],
    ["nested-queue.ts", 11, "the text is only read, never rewritten: its units would be questions nobody asked"],
  ] as const) {
    it(`${name}:${line}: not offered (${why})`, () => {
      const text = fixture(name);
      const advice = adviceFor(name, text).filter((a) => a.finding.line === line);
      assert.ok(advice.some((a) => [a.code, ...a.related.map((r) => r.code)].includes("aalp.whole-input-per-item")));
      assert.deepEqual(advice.flatMap((a) => quickFixesFor(ts, name, text, a, DEFAULT_ADVICE_SETTINGS)).filter((f) => f.id === "scope-to-function"), []);
    });
  }
});

describe("route-smaller-model", () => {
  const { fix, before, after } = applyFix("routing.ts", 7, "aalp.generalist-for-constant-output", "route-smaller-model");

  it("swaps the model for the provider's smaller one, titled with dollars at default sizes", () => {
    assert.equal(after, fixture("expected/routing.route-smaller-model.ts"));
    assert.equal(fix.title, "Use claude-haiku-4-5 for this short answer: $0.00027 → $0.000091 per run at default sizes");
    assert.deepEqual(typeDiagnostics("routing.ts", after), typeDiagnostics("routing.ts", before));
  });

  it("keeps the bounds and changes only the model", () => {
    const now = findingAt("routing.ts", after, 7);
    assert.equal(now.model, "claude-haiku-4-5");
    assert.equal(input(now), input(findingAt("routing.ts", before, 7)));
  });
});

describe("fixture baseline", () => {
  it("the fixtures type-check cleanly against the stubs (so 'no worse' means clean)", () => {
    for (const f of ["debug-naive.ts", "review-document.ts", "chat-history.ts", "transcript.ts", "per-item.ts", "routing.ts", "nested-queue.ts"]) assert.deepEqual(typeDiagnostics(f, fixture(f)), [], f);
  });
});
