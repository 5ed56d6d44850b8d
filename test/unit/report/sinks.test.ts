// Every sink escapes what the scanned repository supplies: a file name and a model string that try
// to close Markdown code spans, forge table rows, inject HTML, links and terminal escapes.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { markdownCode, markdownText, showControls } from "../../../src/core/report/escapeText";
import { aalp } from "./support";

// A name with a backtick run, a pipe, raw HTML, an image link, a newline that starts a forged row,
// an OSC title sequence with BEL and a bidi override.
const FILE = "a``b|<img src=x>![i](https:e)\n| forged | row |\u001b]0;pwned\u0007\u202e.ts";
const MODEL_SOURCE = "gpt`` </td>\\u001b[2J\\n| x | y |\\\\|z";
const MODEL = "gpt`` </td>\u001b[2J\n| x | y |\\|z";

/** GitHub's table row split: `\` escapes the next character, an unescaped `|` separates cells. */
function cells(row: string): string[] {
  const out: string[] = [];
  let cell = "";
  for (let i = 0; i < row.length; i++) {
    if (row[i] === "\\" && i + 1 < row.length) cell += row[i]! + row[++i]!;
    else if (row[i] === "|") out.push(cell), (cell = "");
    else cell += row[i];
  }
  out.push(cell);
  return out.slice(1, -1).map((c) => c.trim());
}

/** The content of a code span that fills the whole cell, as GitHub shows it. */
function codeSpan(cell: string): string {
  const fence = /^`+/.exec(cell)![0];
  assert.ok(cell.endsWith(fence) && !cell.endsWith("`" + fence), `one code span: ${cell}`);
  // The fence is longer than any backtick run inside, so the span ends only at the cell's end.
  assert.ok(Math.max(...(cell.slice(fence.length, -fence.length).match(/`+/g) ?? [""]).map((r) => r.length)) < fence.length);
  let body = cell.slice(fence.length, -fence.length).replace(/\\\|/g, "|");
  if (body.startsWith(" ") && body.endsWith(" ") && body.trim()) body = body.slice(1, -1);
  return body;
}

describe("output sinks escape the repository's strings", () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "aalp-sinks-"));
    fs.writeFileSync(
      path.join(dir, FILE),
      `import OpenAI from "openai";
const client = new OpenAI();
export async function chat(turns: string[]) {
  for (const t of turns) await client.chat.completions.create({ model: "${MODEL_SOURCE}", messages: [{ role: "user", content: t }] });
}
`,
    );
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("the escapes themselves: controls shown as \\uXXXX, code spans that cannot close, table pipes", () => {
    assert.equal(showControls("a\u001b[2Jb\u0007\n\u202e\u0085"), "a\\u001b[2Jb\\u0007\\u000a\\u202e\\u0085");
    assert.equal(markdownCode("a`b"), "``a`b``");
    assert.equal(markdownCode("``x"), "``` ``x ```");
    assert.equal(markdownCode("a|b\\|c", true), "`a\\|b\\u005c\\|c`");
    assert.equal(markdownText("<b>[x](y) *z* `q` | #"), "\\<b\\>\\[x\\](y) \\*z\\* \\`q\\` | \\#");
  });

  it("JSON keeps the strings exactly (the data format, not a sink)", () => {
    const r = aalp(["report", ".", "--format", "json"], dir);
    assert.equal(r.code, 0, r.stderr);
    const f = JSON.parse(r.stdout).findings;
    assert.deepEqual(f.map((x: { file: string; model: string }) => [x.file, x.model]), [[FILE, MODEL]]);
  });

  it("text: no control character reaches the terminal; each is shown as \\uXXXX", () => {
    const r = aalp(["report", ".", "--format", "text"], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stdout, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    const head = r.stdout.split("\n")[0]!;
    assert.ok(head.startsWith(`${showControls(FILE)}:4:`), head);
    assert.ok(head.includes(`model gpt\`\` </td>\\u001b[2J\\u000a| x | y |\\|z `), head);
  });

  it("Markdown: one table row per site, nine cells, code spans that show the strings exactly, no HTML or link outside code", () => {
    const r = aalp(["report", ".", "--format", "markdown"], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stdout, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    const rows = r.stdout.split("\n").filter((l) => l.startsWith("|"));
    assert.equal(rows.length, 3, "header, separator, one site");
    const site = cells(rows[2]!);
    assert.equal(site.length, 9, rows[2]);
    assert.equal(codeSpan(site[0]!), `${showControls(FILE)}:4`);
    // The backslash before a pipe is shown as \u005c: written raw it would escape the pipe's escape.
    assert.equal(codeSpan(site[7]!), showControls(MODEL).replace("\\|", "\\u005c|"));
    // Outside code spans nothing of the name is left to interpret.
    const prose = r.stdout.split("\n").filter((l) => !l.startsWith("|")).join("\n").replace(/(`+)(?:(?!\1)[\s\S])*?\1/g, "");
    assert.doesNotMatch(prose, /<img|!\[|\]\(/);
  });

  it("SARIF: the message's brackets cannot form a link, no raw control characters", () => {
    const r = aalp(["report", ".", "--format", "sarif"], dir);
    assert.equal(r.code, 0, r.stderr);
    const result = JSON.parse(r.stdout).runs[0].results[0];
    assert.match(result.message.text, /^openai chat\.completions\.create in chat: /);
    assert.doesNotMatch(result.message.text, /[\u0000-\u001f]|(?<!\\)[[\]]/);
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, FILE.split("/").map(encodeURIComponent).join("/"));
    assert.equal(result.properties.model, MODEL);
  });

  it("HTML: the name and the model appear only escaped", () => {
    const r = aalp(["report", ".", "--format", "html"], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(!r.stdout.includes("<img src=x>") && !r.stdout.includes("</td>\u001b"));
  });
});
