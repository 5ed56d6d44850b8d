// The GitHub Action, offline: action.yml's inputs reach its run step, and the run step
// (scripts/action-run.mjs) writes the reports, the job summary and the step outputs as GitHub
// would read them; the gate's code is an output, so the SARIF and baseline steps still run.
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as yaml from "js-yaml";
import { aalp, FIXTURE, ROOT } from "./support";

interface Step {
  readonly id?: string;
  readonly if?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly env?: Record<string, string>;
  readonly with?: Record<string, string>;
}

describe("GitHub Action", () => {
  const action = yaml.load(fs.readFileSync(path.join(ROOT, "action.yml"), "utf8")) as { inputs: Record<string, { default: string }>; outputs: Record<string, { value: string }>; runs: { using: string; steps: Step[] } };

  it("action.yml is a composite action whose every input is declared and reaches a step", () => {
    assert.equal(action.runs.using, "composite");
    const text = JSON.stringify(action.runs.steps);
    const used = new Set([...text.matchAll(/inputs\.([a-z-]+)/g)].map((m) => m[1]));
    assert.deepEqual([...used].filter((i) => !(i! in action.inputs)), [], "used but not declared");
    assert.deepEqual(Object.keys(action.inputs).filter((i) => !used.has(i)), [], "declared but unused");
    const run = action.runs.steps.find((s) => s.id === "run")!;
    assert.equal(run.run, 'node "${{ github.action_path }}/scripts/action-run.mjs"');
    assert.deepEqual(Object.keys(run.env!), ["INPUT_PATHS", "INPUT_FORMATS", "INPUT_FAIL_ON", "INPUT_BASELINE", "INPUT_ARGS"]);
    assert.deepEqual(action.runs.steps.map((s) => s.uses ?? s.run!.split("\n")[0]), ["actions/setup-node@v4", "npm ci --no-audit --no-fund", run.run, "github/codeql-action/upload-sarif@v3", "actions/upload-artifact@v4", 'if [ "$GATE" != "0" ]; then echo "::error title=AALP Lens::the --fail-on gate failed; see the job summary"; exit 1; fi']);
  });

  const runStep = (inputs: Record<string, string>) => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "aalp-action-"));
    const env: Record<string, string> = { PATH: process.env.PATH ?? "", RUNNER_TEMP: tmp, GITHUB_OUTPUT: path.join(tmp, "output"), GITHUB_STEP_SUMMARY: path.join(tmp, "summary") };
    // What action.yml passes: each input (or its default) under INPUT_<NAME>.
    for (const [name, spec] of Object.entries(action.inputs)) env[`INPUT_${name.toUpperCase().replace(/-/g, "_")}`] = inputs[name] ?? spec.default;
    const r = spawnSync(process.execPath, [path.join(ROOT, "scripts/action-run.mjs")], { cwd: FIXTURE, env, encoding: "utf8" });
    const read = (f: string): string => (fs.existsSync(path.join(tmp, f)) ? fs.readFileSync(path.join(tmp, f), "utf8") : "");
    const outputs = Object.fromEntries(read("output").split("\n").filter(Boolean).map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]));
    return { code: r.status, stderr: r.stderr, tmp, outputs, summary: read("summary"), done: () => fs.rmSync(tmp, { recursive: true, force: true }) };
  };

  it("the run step writes markdown to the job summary, SARIF and JSON, and passes the gate's code on", () => {
    const r = runStep({ "fail-on": "new-quadratic" });
    try {
      assert.equal(r.code, 0, r.stderr);
      const dir = path.join(r.tmp, "aalp");
      assert.deepEqual(r.outputs, { markdown: path.join(dir, "aalp.md"), sarif: path.join(dir, "aalp.sarif"), json: path.join(dir, "aalp.json"), "exit-code": "1" });
      assert.equal(r.summary, aalp(["report", ".", "--format", "markdown"]).stdout + "\n");
      assert.equal(JSON.parse(fs.readFileSync(r.outputs.sarif!, "utf8")).version, "2.1.0");
      assert.deepEqual(JSON.parse(fs.readFileSync(r.outputs.json!, "utf8")).findings, JSON.parse(aalp(["report", ".", "--format", "json"]).stdout).findings);
    } finally {
      r.done();
    }
  });

  it("a baseline gates on increase; a missing baseline is a first run; bad inputs are exit 2", () => {
    const first = runStep({ formats: "json", baseline: "no-such-baseline.json" });
    try {
      assert.equal(first.code, 0, first.stderr);
      assert.equal(first.outputs["exit-code"], "0");
      assert.match(first.stderr, /no baseline at no-such-baseline\.json/);
      const again = runStep({ formats: "json", baseline: first.outputs.json!, paths: "agents\n" });
      assert.deepEqual([again.code, again.outputs["exit-code"]], [0, "0"], again.stderr);
      again.done();
    } finally {
      first.done();
    }
    const badFormat = runStep({ formats: "yaml" });
    assert.equal(badFormat.code, 2);
    badFormat.done();
    const badRule = runStep({ "fail-on": "bigger" });
    assert.equal(badRule.code, 2, badRule.stderr);
    badRule.done();
  });
});
