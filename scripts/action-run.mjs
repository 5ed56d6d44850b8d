// The GitHub Action's run step (action.yml): runs `aalp report` once per asked format, appends the
// Markdown report to the job summary, and hands the SARIF and JSON paths and the gate's exit code
// to the next steps through $GITHUB_OUTPUT. It exits 0 when the reports were written (the gate's
// code is an output: the action fails in its last step, after the SARIF upload and the baseline
// artifact), and with the CLI's code when a report could not be made (2 usage, 3 run failure).
// Plain Node with no dependencies, so that it runs (and is tested) without GitHub.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const CLI = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "bin", "aalp.js");
const FORMATS = new Map([["markdown", "md"], ["sarif", "sarif"], ["json", "json"], ["html", "html"], ["text", "txt"]]);

const input = (name) => (process.env[`INPUT_${name.toUpperCase().replace(/[ -]/g, "_")}`] ?? "").trim();
/** Inputs holding several values: separated by commas or new lines. */
const list = (name) => input(name).split(/[,\n]/).map((s) => s.trim()).filter(Boolean);

function output(name, value) {
  if (process.env.GITHUB_OUTPUT) fs.appendFileSync(process.env.GITHUB_OUTPUT, `${name}=${value}\n`);
}

const formats = list("formats");
for (const f of formats) {
  if (!FORMATS.has(f)) {
    console.error(`aalp action: formats takes ${[...FORMATS.keys()].join(", ")}; got '${f}'`);
    process.exit(2);
  }
}
// JSON is always made: it is the baseline artifact for the next run.
if (!formats.includes("json")) formats.push("json");
const outDir = path.resolve(input("out-dir") || path.join(process.env.RUNNER_TEMP ?? ".", "aalp"));
fs.mkdirSync(outDir, { recursive: true });
const paths = list("paths");
const shared = ["--quiet", ...list("fail-on").flatMap((r) => ["--fail-on", r])];
const baseline = input("baseline");
if (baseline) {
  if (fs.existsSync(baseline)) shared.push("--baseline", baseline);
  else console.error(`aalp action: no baseline at ${baseline} (a first run): the gate compares nothing`);
}
// Extra options: split at white space (no quoting), e.g. "--assume turns=20".
shared.push(...input("args").split(/\s+/).filter(Boolean));

let gate = 0;
for (const format of formats) {
  const file = path.join(outDir, `aalp.${FORMATS.get(format)}`);
  // `--` ends the options: a path input starting with `-` stays a path.
  const r = spawnSync(process.execPath, [CLI, "report", "--format", format, "--out", file, ...shared, "--", ...(paths.length ? paths : ["."])], { encoding: "utf8", stdio: ["ignore", "inherit", "pipe"] });
  process.stderr.write(r.stderr ?? "");
  if (r.status !== 0 && r.status !== 1) {
    console.error(`aalp action: aalp report --format ${format} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 3);
  }
  gate = Math.max(gate, r.status);
  output(format, file);
  if (format === "markdown" && process.env.GITHUB_STEP_SUMMARY) fs.appendFileSync(process.env.GITHUB_STEP_SUMMARY, fs.readFileSync(file, "utf8") + "\n");
}
output("exit-code", String(gate));
