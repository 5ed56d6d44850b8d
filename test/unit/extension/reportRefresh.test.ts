// A save refreshes the editor's report without redoing the workspace: the files are read again and
// handed to the engine as the panel does (every text, then each analysis, then workspaceReport), and only the saved
// file, with the files that use it, is analysed again and has its quick fixes applied again.
// Counted through the workspace Project's statistics and the fix cache's counter, on a copy of examples/.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { analysesMade, analyzeDocument, fixOutcomesComputed, fixOutcomesHeld, updateDocumentText, workspaceReport, type ReportFile } from "../../../src/extension/view/engine";
import { DEFAULT_SETTINGS } from "../../../src/extension/view/settingsModel";

const EXAMPLES = path.resolve(__dirname, "../../../../examples");

describe("report refresh after a save", function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "aalp-refresh-"));
    fs.cpSync(EXAMPLES, dir, { recursive: true });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  let last: ReportFile[] = [];
  /**
   * What the panel does on a refresh: every file read again, analysed through the engine's cache, the
   * report rebuilt. `analysed`: files the Project analysed; `redone`: files whose document analysis
   * (annotations, advice) was made anew; `fixesApplied`: files whose quick fixes were applied and re-analysed.
   */
  function refresh(): { model: ReturnType<typeof workspaceReport>; analysed: number; redone: number; fixesApplied: number } {
    const analyses = analysesMade();
    const fixes = fixOutcomesComputed();
    // The files the panel's scan reads (aalp.include minus aalp.exclude): sources, not declarations or tsconfig.json.
    const docs = fs
      .readdirSync(dir)
      .filter((f) => /\.[cm]?[jt]sx?$/.test(f) && !f.endsWith(".d.ts"))
      .sort()
      .map((relative) => ({ relative, fileName: path.join(dir, relative), text: fs.readFileSync(path.join(dir, relative), "utf8") }));
    for (const d of docs) updateDocumentText(d.fileName, d.text, DEFAULT_SETTINGS);
    const files: ReportFile[] = docs.map((d) => ({ ...d, analysis: analyzeDocument(d.fileName, d.text, DEFAULT_SETTINGS), settings: DEFAULT_SETTINGS }));
    const model = workspaceReport(files, { version: "0", assume: {}, scale: null });
    const redone = files.filter((f) => f.analysis !== last.find((l) => l.fileName === f.fileName)?.analysis).length;
    last = files;
    return { model, analysed: analysesMade() - analyses, redone, fixesApplied: fixOutcomesComputed() - fixes };
  }

  const save = (name: string, edit: (text: string) => string): void => fs.writeFileSync(path.join(dir, name), edit(fs.readFileSync(path.join(dir, name), "utf8")));
  const classOf = (model: ReturnType<typeof workspaceReport>, file: string): string => model.sites.find((s) => s.file === file)!.costClass;

  it("the first scan analyses every file that reaches an LLM and applies the fixes of every file with sites", () => {
    const first = refresh();
    assert.deepEqual([first.analysed, first.redone, first.fixesApplied], [19, 19, 19]);
    assert.equal(first.model.sites.length, 29);
  });

  it("a refresh with nothing changed analyses nothing", () => {
    const again = refresh();
    assert.deepEqual([again.analysed, again.redone, again.fixesApplied], [0, 0, 0]);
  });

  it("a save of one file re-analyses that file only", () => {
    save("chat-history.ts", (t) => `${t}// @aalp questions <= 5\n`);
    const after = refresh();
    assert.deepEqual([after.analysed, after.redone, after.fixesApplied], [1, 1, 1]);
    assert.equal(classOf(after.model, "chat-history.ts"), "constant");
  });

  it("a save of a module re-analyses it and the file that imports it, nothing else", () => {
    save("wrapper-llm.ts", (t) => t.replace('model: "gpt-4o", messages', 'model: "gpt-4o", messages, max_tokens: 200'));
    const after = refresh();
    assert.deepEqual([after.analysed, after.redone, after.fixesApplied], [2, 2, 2]);
    // wrapper-agent.ts's loop call goes through the wrapper: its output is capped now.
    const through = after.model.sites.find((s) => s.file === "wrapper-agent.ts")!;
    assert.equal(through.inputTokens.text, "Θ(|questions|²·|question|)");
  });

  it("a deleted file's fix outcomes leave the cache at the next refresh", () => {
    assert.equal(fixOutcomesHeld(), 19);
    fs.rmSync(path.join(dir, "chat-history.ts"));
    const after = refresh();
    assert.deepEqual([after.analysed, after.redone, after.fixesApplied], [0, 0, 0]);
    assert.equal(fixOutcomesHeld(), 18);
    assert.ok(!after.model.sites.some((s) => s.file === "chat-history.ts"));
  });
});
