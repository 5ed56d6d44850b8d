// Packs the CLI as its own npm package, aalp-lens-<version>.tgz, runnable without cloning:
// `npx aalp-lens report .` (or `aalp report .`) after `npm install <tarball>`. The repository's
// package.json is the VS Code extension's manifest (vsce refuses a `files` list beside
// .vscodeignore), so the CLI's manifest is written here into a staging folder, dist/cli-package/:
// the bundle (which holds every library but TypeScript; the tokenizer's ranks beside it), the HTML page's assets, the JSON Schemas
// of --catalog and --baseline, and `typescript` as the one runtime dependency.
// With --check it also installs the tarball in a clean temporary folder and runs it there.
// Run after `npm run build`.
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const STAGE = path.join(ROOT, "dist", "cli-package");
const root = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
const FILES = ["bin/aalp.js", "dist/cli.js", "dist/o200k.js", "dist/report-page.js", "dist/report-page.css", "schema/catalog.schema.json", "schema/baseline.schema.json", "README.md"];

for (const f of FILES) if (!fs.existsSync(path.join(ROOT, f))) throw new Error(`${f} is missing: run \`npm run build\` first`);
fs.rmSync(STAGE, { recursive: true, force: true });
for (const f of FILES) {
  fs.mkdirSync(path.dirname(path.join(STAGE, f)), { recursive: true });
  fs.copyFileSync(path.join(ROOT, f), path.join(STAGE, f));
}
const manifest = {
  name: root.name,
  version: root.version,
  description: root.description,
  license: root.license,
  keywords: root.keywords,
  bin: { aalp: "bin/aalp.js", "aalp-lens": "bin/aalp.js" },
  files: ["bin/", "dist/", "schema/"],
  engines: { node: root.engines.node },
  dependencies: { typescript: root.dependencies.typescript },
};
fs.writeFileSync(path.join(STAGE, "package.json"), JSON.stringify(manifest, null, 2) + "\n");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const tarball = execFileSync(npm, ["pack", "--silent", "--pack-destination", path.join(ROOT, "dist")], { cwd: STAGE, encoding: "utf8" }).trim().split("\n").pop();
const packed = path.join(ROOT, "dist", tarball);
console.log(`[pack-cli] ${path.relative(ROOT, packed)}: ${(fs.statSync(packed).size / 1024).toFixed(0)} KB`);

if (process.argv.includes("--check")) {
  // A clean folder outside the repository: nothing resolves from its node_modules.
  const clean = fs.mkdtempSync(path.join(os.tmpdir(), "aalp-packed-"));
  try {
    execFileSync(npm, ["init", "-y"], { cwd: clean, stdio: "ignore" });
    execFileSync(npm, ["install", "--no-audit", "--no-fund", "--prefer-offline", packed], { cwd: clean, stdio: "inherit" });
    const agent = path.join(clean, "agent.ts");
    fs.writeFileSync(agent, `import OpenAI from "openai";\nconst ai = new OpenAI();\nexport async function chat(turns: number, q: string) {\n  const messages: { role: "user"; content: string }[] = [];\n  for (let i = 0; i < turns; i++) {\n    messages.push({ role: "user", content: q });\n    await ai.chat.completions.create({ model: "gpt-4.1", messages });\n  }\n}\n`);
    const run = (args) => spawnSync(npm === "npm" ? "npx" : "npx.cmd", ["--no-install", ...args], { cwd: clean, encoding: "utf8" });
    const version = run(["aalp", "--version"]);
    if (version.stdout.trim() !== manifest.version) throw new Error(`the packed CLI says version '${version.stdout.trim()}', not ${manifest.version}`);
    const json = run(["aalp-lens", "report", "agent.ts", "--format", "json"]);
    if (json.status !== 0) throw new Error(`npx aalp-lens report failed (${json.status}): ${json.stderr}`);
    const findings = JSON.parse(json.stdout).findings.map((f) => `${f.file}:${f.line} ${f.inputTokens.text}`);
    if (JSON.stringify(findings) !== JSON.stringify(["agent.ts:7 Θ(turns²·|q|)"])) throw new Error(`unexpected findings from the packed CLI: ${findings.join(", ")}`);
    const html = run(["aalp", "report", "agent.ts", "--format", "html"]);
    if (html.status !== 0 || !html.stdout.includes("<html")) throw new Error(`the packed CLI's HTML report failed: ${html.stderr}`);
    const gate = run(["aalp", "report", "agent.ts", "--fail-on", "new-quadratic", "--quiet"]);
    if (gate.status !== 1) throw new Error(`the packed CLI's gate exited ${gate.status}, not 1`);
    const bad = run(["aalp", "report", "--catalog", path.join(clean, "package.json")]);
    if (bad.status !== 2) throw new Error(`the packed CLI exited ${bad.status} on a bad catalog, not 2`);
    console.log("[pack-cli] the packed CLI runs in a clean folder: npx aalp-lens / aalp (--version, json, html, gate, usage error)");
  } finally {
    fs.rmSync(clean, { recursive: true, force: true });
  }
}
