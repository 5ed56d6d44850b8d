// The CI gate: a baseline report, the same code after an unrelated edit (exit 0), a chat loop that
// starts keeping its history (exit 1, naming the site and both bounds), new quadratic and
// unbounded sites, and usage errors (exit 2).
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { aalp } from "./support";

/** A chat loop that starts each turn afresh: linear input in turns. */
const FRESH = `import OpenAI from "openai";
const ai = new OpenAI();

export async function chat(turns: number, q: string) {
  for (let i = 0; i < turns; i++) {
    const messages = [{ role: "user" as const, content: q }];
    await ai.chat.completions.create({ model: "gpt-4.1", max_tokens: 50, messages });
  }
}
`;

/** The same file after an unrelated edit: a helper and comments above the loop move it down. */
const SHIFTED = FRESH.replace(`const ai = new OpenAI();\n`, `const ai = new OpenAI();\n\n// Formatting helpers.\nexport function shout(s: string): string {\n  return s.toUpperCase();\n}\n`);

/** The chat loop now keeps its history: quadratic input in turns. */
const KEEPS_HISTORY = SHIFTED.replace(`  for (let i = 0; i < turns; i++) {\n    const messages = [{ role: "user" as const, content: q }];\n`, `  const messages: { role: "user"; content: string }[] = [];\n  for (let i = 0; i < turns; i++) {\n    messages.push({ role: "user", content: q });\n`);

/** An agent loop whose exit only the model decides. */
const UNTIL_DONE = `import OpenAI from "openai";
const ai = new OpenAI();

export async function untilDone(task: string) {
  let done = false;
  while (!done) {
    const r = await ai.chat.completions.create({ model: "gpt-4.1", max_tokens: 50, messages: [{ role: "user", content: task }] });
    done = r.choices[0]?.message.content === "DONE";
  }
}
`;

describe("report --baseline --fail-on", () => {
  let dir: string;
  const write = (name: string, text: string): void => fs.writeFileSync(path.join(dir, name), text);
  const run = (...args: string[]) => aalp(["report", "src", "--quiet", ...args], dir);

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "aalp-gate-"));
    fs.mkdirSync(path.join(dir, "src"));
    write("src/chat.ts", FRESH);
    const baseline = run("--format", "json", "--out", "baseline.json");
    assert.equal(baseline.code, 0, baseline.stderr);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("the same code shifted by an unrelated edit passes: the site is matched across the line move", () => {
    write("src/chat.ts", SHIFTED);
    const r = run("--baseline", "baseline.json", "--fail-on", "increase,new-quadratic,unbounded", "--format", "json");
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, "");
    const [before, after] = [JSON.parse(fs.readFileSync(path.join(dir, "baseline.json"), "utf8")), JSON.parse(r.stdout)];
    assert.deepEqual([before.findings[0].line, after.findings[0].line], [7, 12]);
    assert.equal(after.findings[0].site, before.findings[0].site);
    assert.equal(after.findings[0].fingerprint, before.findings[0].fingerprint);
  });

  it("a chat loop that starts keeping its history fails `increase`, naming the site and both bounds", () => {
    write("src/chat.ts", KEEPS_HISTORY);
    const r = run("--baseline", "baseline.json", "--fail-on", "increase");
    assert.equal(r.code, 1);
    assert.equal(
      r.stderr,
      "aalp: increase: src/chat.ts:13 (src/chat.ts › chat › openai chat.completions.create #1): input Θ(turns·|q|) [linear] → Θ(turns²·|q|) [quadratic], line 7 in the baseline\n" +
        "aalp: 1 site failed --fail-on\n",
    );
  });

  it("--baseline alone gates on increase", () => {
    write("src/chat.ts", KEEPS_HISTORY);
    assert.equal(run("--baseline", "baseline.json").code, 1);
  });

  it("new-quadratic: a site that becomes quadratic, and a new quadratic site; not one that already was", () => {
    write("src/chat.ts", KEEPS_HISTORY);
    write("src/second.ts", KEEPS_HISTORY.replace("export async function chat", "export async function chat2"));
    const r = run("--baseline", "baseline.json", "--fail-on", "new-quadratic");
    assert.equal(r.code, 1);
    assert.equal(
      r.stderr,
      "aalp: new-quadratic: src/chat.ts:13 (src/chat.ts › chat › openai chat.completions.create #1): input Θ(turns·|q|) [linear] → Θ(turns²·|q|) [quadratic], line 7 in the baseline\n" +
        "aalp: new-quadratic: src/second.ts:13 (src/second.ts › chat2 › openai chat.completions.create #1): new site, input Θ(turns²·|q|) [quadratic]; not in the baseline\n" +
        "aalp: 2 sites failed --fail-on\n",
    );
    assert.equal(run("--format", "json", "--out", "now.json").code, 0);
    assert.equal(run("--baseline", "now.json", "--fail-on", "new-quadratic").code, 0, "nothing new since now.json");
  });

  it("unbounded: fails when an unbounded site appears, and without a baseline when one exists", () => {
    write("src/agent.ts", UNTIL_DONE);
    const r = run("--baseline", "baseline.json", "--fail-on", "unbounded");
    assert.equal(r.code, 1);
    assert.equal(r.stderr, "aalp: unbounded: src/agent.ts:7 (src/agent.ts › untilDone › openai chat.completions.create #1): new site, input O(T[untilDone]·|task|) [unbounded]; not in the baseline\naalp: 1 site failed --fail-on\n");
    assert.equal(run("--fail-on", "unbounded").code, 1);
    fs.rmSync(path.join(dir, "src/agent.ts"));
    assert.equal(run("--fail-on", "unbounded").code, 0);
  });

  it("a site in a test folder or *.test.ts is marked test code and passes the gate unless --include-tests", () => {
    fs.mkdirSync(path.join(dir, "src/__tests__"), { recursive: true });
    write("src/__tests__/agent.ts", UNTIL_DONE);
    write("src/agent.test.ts", UNTIL_DONE);
    const r = run("--fail-on", "unbounded");
    assert.equal(r.code, 0, r.stderr);
    const included = run("--fail-on", "unbounded", "--include-tests");
    assert.equal(included.code, 1);
    assert.match(included.stderr, /aalp: 2 sites failed --fail-on\n$/);
    const json = JSON.parse(run("--format", "json").stdout) as { findings: { file: string; testCode?: true }[] };
    assert.deepEqual(json.findings.map((f) => [f.file, f.testCode]), [["src/__tests__/agent.ts", true], ["src/agent.test.ts", true], ["src/chat.ts", undefined]]);
    assert.match(run("--format", "markdown").stdout, /\| Model \| \$ \| Test \|\n\| --- \| --- \| --- \| --- \| --- \| --- \| --- \| --- \| ---: \| --- \|\n/);
    assert.match(run().stdout, /^src\/__tests__\/agent\.ts:7:\d+ .*\[unbounded\]  \(test code\)$/m);
  });

  it("usage errors exit 2: increase without a baseline, an unknown rule, a file that is not a report", () => {
    assert.equal(run("--fail-on", "increase").code, 2);
    assert.equal(run("--baseline", "baseline.json", "--fail-on", "bigger").code, 2);
    write("bad.json", JSON.stringify({ hello: 1 }));
    const r = run("--baseline", "bad.json");
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^aalp: baseline bad\.json: field schemaVersion: must have required property 'schemaVersion'\n/);
    assert.equal(run("--baseline", "missing.json").code, 2);
  });
});
