// Incremental advice (what the tsserver plugin answers after an edit) must equal a whole-file
// analysis of the same version, for every edit. The versions come from a language service that
// parses incrementally, as tsserver does, so the old tree's nodes are reused and moved under it.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { DEFAULT_ADVICE_SETTINGS, type Advice } from "../../../src/core/advice";
import { adviseFile, type AdviceSnapshot } from "../../../src/core/advice/incrementalAdvice";
import { Project } from "../../../src/core";
import { formatBound } from "../../../src/core/algebra/bound";

const EXAMPLES = path.resolve(__dirname, "../../../../examples");

/** A file edited in place, served to a language service with the change range of each edit. */
class EditedFile {
  private version = 0;
  private snapshot: ts.IScriptSnapshot;
  readonly service: ts.LanguageService;

  constructor(
    readonly fileName: string,
    private text: string,
  ) {
    this.snapshot = ts.ScriptSnapshot.fromString(text);
    const host: ts.LanguageServiceHost = {
      getScriptFileNames: () => [fileName],
      getScriptVersion: () => String(this.version),
      getScriptSnapshot: (f) => (f === fileName ? this.snapshot : ts.sys.fileExists(f) ? ts.ScriptSnapshot.fromString(ts.sys.readFile(f)!) : undefined),
      getCurrentDirectory: () => path.dirname(fileName),
      // No DOM: the checker of each new version resolves less.
      getCompilationSettings: () => ({ target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, lib: ["lib.es2022.d.ts"], strict: true, noEmit: true, types: [] }),
      getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
      fileExists: (f) => f === fileName || ts.sys.fileExists(f),
      readFile: (f) => (f === fileName ? this.text : ts.sys.readFile(f)),
    };
    this.service = ts.createLanguageService(host, ts.createDocumentRegistry());
  }

  get current(): string {
    return this.text;
  }

  replace(start: number, end: number, insert: string): void {
    const previous = this.snapshot;
    const next = this.text.slice(0, start) + insert + this.text.slice(end);
    const range = ts.createTextChangeRange(ts.createTextSpan(start, end - start), insert.length);
    const snapshot = ts.ScriptSnapshot.fromString(next);
    snapshot.getChangeRange = (old) => (old === previous ? range : undefined);
    this.text = next;
    this.snapshot = snapshot;
    this.version++;
  }
}

function adviceOf(file: EditedFile, previous?: AdviceSnapshot): AdviceSnapshot | undefined {
  const program = file.service.getProgram()!;
  const sourceFile = program.getSourceFile(file.fileName)!;
  const project = new Project(ts, { readFile: (p) => program.getSourceFile(p)?.text ?? ts.sys.readFile(p), fileExists: (p) => !!program.getSourceFile(p) || ts.sys.fileExists(p) }, { program });
  return adviseFile(ts, sourceFile, (within) => project.analyzeStatements(file.fileName, within), DEFAULT_ADVICE_SETTINGS, () => project.inImportCycle(file.fileName), previous);
}

/** Everything an editor shows of the advice, and the finding a quick fix starts from. */
function shown(advice: readonly Advice[]): unknown[] {
  return advice.map((a) => ({ code: a.code, severity: a.severity, message: a.message, start: a.start, end: a.end, finding: { start: a.finding.start, end: a.finding.end, line: a.finding.line, column: a.finding.column, endLine: a.finding.endLine, endColumn: a.finding.endColumn, functionName: a.finding.functionName, explanation: a.finding.explanation } }));
}

/** A small seeded generator: the same edits on every run. */
function random(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

/** One random edit of the kinds people make: type in a line, break a line, drop or copy a line, change a number. */
function edit(file: EditedFile, pick: (n: number) => number): string {
  const text = file.current;
  const starts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index! + 1)];
  const line = pick(starts.length - 1);
  const start = starts[line]!;
  const end = starts[line + 1] ?? text.length;
  const lineText = text.slice(start, end);
  switch (pick(6)) {
    case 0: {
      const at = start + pick(Math.max(1, lineText.length - 1));
      file.replace(at, at, "x");
      return `typed x at line ${line + 1}`;
    }
    case 1:
      file.replace(start, start, "\n");
      return `new line before ${line + 1}`;
    case 2:
      file.replace(start, end, "");
      return `deleted line ${line + 1}`;
    case 3:
      file.replace(end, end, lineText.endsWith("\n") ? lineText : `\n${lineText}`);
      return `copied line ${line + 1}`;
    case 4: {
      const digit = /\d/.exec(lineText);
      if (!digit) return edit(file, pick);
      file.replace(start + digit.index, start + digit.index + 1, String((Number(digit[0]) + 1) % 10));
      return `changed a digit at line ${line + 1}`;
    }
    default: {
      // An edit inside a comment or between functions: nothing the analysis reads.
      file.replace(start, start, "// note\n");
      return `comment before line ${line + 1}`;
    }
  }
}

describe("incremental advice", function () {
  this.timeout(120_000);

  for (const name of fs.readdirSync(EXAMPLES).filter((f) => f.endsWith(".ts"))) {
    it(`equals a whole-file analysis after each of 15 random edits: ${name}`, () => {
      const file = new EditedFile(path.join(EXAMPLES, name), fs.readFileSync(path.join(EXAMPLES, name), "utf8"));
      const pick = random(name.length * 7919);
      let snapshot = adviceOf(file);
      for (let i = 0; i < 15; i++) {
        const what = edit(file, pick);
        const next = adviceOf(file, snapshot);
        const whole = adviceOf(file);
        assert.deepEqual(shown(next?.advice ?? []), shown(whole?.advice ?? []), `after edit ${i + 1} (${what}) of ${name}`);
        snapshot = next;
      }
    });
  }

  const SHARED = `import OpenAI from "openai";
const client = new OpenAI();
const history: { role: "user" | "assistant"; content: string }[] = [];

export async function ask(q: string) {
  history.push({ role: "user", content: q });
  const r = await client.chat.completions.create({ model: "gpt-4o", max_tokens: 100, messages: history });
  return r.choices[0].message.content;
}

export function reset() {
  history.length = 0;
}

export async function session(questions: string[]) {
  for (const q of questions) await ask(q);
}

export function format(rows: string[]): string {
  return rows.join("\\n");
}
`;

  it("re-analyses the statements that share a history with the edited one", () => {
    const file = new EditedFile("/virtual/shared.ts", SHARED);
    const first = adviseAndCheck(file);
    // q is session()'s item (its own loop defines |q|): the history re-sent grows, nothing is sent whole.
    assert.deepEqual(first.advice.map((a) => [a.code, formatBound(a.finding.inputTokens, a.finding.rank)]), [["aalp.growing-history", "O(|questions|²·|q|)"]]);
    // Commented out, so no line moves.
    const reset = SHARED.indexOf("history.length = 0;");
    file.replace(reset, reset, "// ");
    const next = adviceOf(file, first)!;
    // reset() changed, and ask() read every write to the history (reset()'s among them) to size
    // its prompt: the history's declaration and ask() are analysed again, and session(), which
    // calls ask(); the import, the client and format() keep their advice. (The bound stays O:
    // calls[ask] counts every call of ask, wherever it comes from.)
    assert.equal(next.analysed, 4);
    assert.deepEqual(shown(next.advice), shown(adviceOf(file)!.advice));
    assert.deepEqual(next.advice.map((a) => a.message), first.advice.map((a) => a.message));
  });

  it("keeps every other statement's advice when one function's prompt changes", () => {
    const file = new EditedFile("/virtual/shared.ts", SHARED);
    const first = adviseAndCheck(file);
    const at = SHARED.indexOf('"\\n"') + 1;
    file.replace(at, at + 2, "; ");
    const next = adviceOf(file, first)!;
    assert.equal(next.analysed, 1);
    assert.deepEqual(shown(next.advice), shown(adviceOf(file)!.advice));
  });

  it("analyses the whole file again when an @aalp comment changes", () => {
    const file = new EditedFile("/virtual/shared.ts", SHARED);
    const first = adviseAndCheck(file);
    const at = SHARED.indexOf("  const r = await client");
    file.replace(at, at, "  // @aalp ignore\n");
    const next = adviceOf(file, first)!;
    assert.equal(next.analysed, next.units.length);
    // The SDK call is silenced; session()'s call of ask() is not.
    assert.deepEqual(next.advice.map((a) => [a.code, a.finding.line]), [["aalp.growing-history", 17]]);
    assert.deepEqual(shown(next.advice), shown(adviceOf(file)!.advice));
  });

  function adviseAndCheck(file: EditedFile): AdviceSnapshot {
    const s = adviceOf(file)!;
    assert.equal(s.analysed, s.units.length);
    return s;
  }
});
