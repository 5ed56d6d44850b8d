// The real-editor route: the extension suite (test/extension) inside code-server's extension host,
// then a Playwright tour of the UI with screenshots. Exit code 0 only when both pass.
//   1. installs Node 24 and code-server (install.mjs; cached in test/editor/.cache)
//   2. packages the .vsix, installs it into a fresh extensions dir, and unpacks it: the suite runs
//      against the packaged files (extensionDevelopmentPath), not the source tree
//   3. starts code-server with fresh user data and HOME, opens a copy of examples/ through the
//      workbench `payload` URL, and reads the suite's exit code from codeAutomationExit
//   4. opens a generated workspace of a few hundred files with the responsiveness suite
//      (test/extension/responsiveness.ts): another command answers while the scan runs, and the
//      status bar follows files written on disk; a screenshot of its status bar
//   5. opens another copy in a new window, where the installed .vsix serves, and takes screenshots;
//      the report is looked at in three themes and found again after a window reload
// Logs and screenshots land in test/editor/artifacts/. Run after `npm run build && npm run compile-tests`.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { chromium } from "playwright-core";
import { ensureWorkspace } from "../../scripts/bench/generate-workspace.mjs";
import { makeWorkspace } from "../extension/workspace.mjs";
import { install } from "./install.mjs";
import { ARTIFACTS, CACHE, CHROMIUM, ROOT } from "./paths.mjs";
import { installExtension, isolatedEnv, startServer } from "./server.mjs";
import { reloadTour, reportTour, uiTour, walkthroughTour } from "./ui.mjs";

const SUITE_TIMEOUT_MS = 10 * 60_000;
/** The responsiveness suite's workspace: a few hundred generated files (seeded, so every run scans the same code). */
const LARGE_WORKSPACE_FILES = 400;
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;

install();
fs.rmSync(ARTIFACTS, { recursive: true, force: true });
fs.mkdirSync(ARTIFACTS, { recursive: true });
execFileSync("npm", ["run", "--silent", "package"], { cwd: ROOT, stdio: "inherit" });
const vsix = path.join(ROOT, "aalp-lens.vsix");
console.log(`[editor] ${path.basename(vsix)}: ${(fs.statSync(vsix).size / 1024 / 1024).toFixed(2)} MB`);

const state = fs.mkdtempSync(path.join(CACHE, "run-"));
const env = isolatedEnv(state);
const extensionsDir = path.join(state, "extensions");
installExtension(vsix, extensionsDir, env);
execFileSync("unzip", ["-q", vsix, "extension/*", "-d", path.join(state, "vsix")]);
const packaged = path.join(state, "vsix", "extension");

let server;
let browser;
const cleanUp = () => server?.stop();
process.on("exit", cleanUp);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(130));

async function runSuite(page, url, { workspace = makeWorkspace(state), tests = "index.js", logName = "suite.log" } = {}) {
  const host = new URL(url).host;
  const log = fs.createWriteStream(path.join(ARTIFACTS, logName));
  let exited;
  const exit = new Promise((resolve) => (exited = resolve));
  await page.exposeFunction("codeAutomationLog", (...args) => {
    const line = args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" ");
    log.write(line + "\n");
    console.log(`  ${line}`);
  });
  await page.exposeFunction("codeAutomationExit", (code) => exited(code));
  const payload = [
    ["extensionDevelopmentPath", `vscode-remote://${host}${packaged}`],
    ["extensionTestsPath", `vscode-remote://${host}${path.join(ROOT, "out/test/extension", tests)}`],
  ];
  await page.goto(`${url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
  let timer;
  const timeout = new Promise((resolve) => (timer = setTimeout(() => resolve("timeout"), SUITE_TIMEOUT_MS)));
  const code = await Promise.race([exit, timeout]);
  clearTimeout(timer);
  log.end();
  return code;
}

let failed = false;
try {
  server = await startServer({ state, extensionsDir, env, logFile: path.join(ARTIFACTS, "server.log") });
  console.log(`[editor] code-server at ${server.url} (pid ${server.pid}) after ${elapsed()}`);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    env,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const browserLog = fs.createWriteStream(path.join(ARTIFACTS, "browser.log"));
  context.on("console", (m) => browserLog.write(`[${m.type()}] ${m.text()}\n`));

  const suitePage = await context.newPage();
  const code = await runSuite(suitePage, server.url);
  console.log(`[editor] extension suite: exit code ${code} after ${elapsed()}`);
  if (code !== 0) {
    failed = true;
    await suitePage.screenshot({ path: path.join(ARTIFACTS, "suite-failure.png") }).catch(() => undefined);
  }
  await suitePage.close();

  const { dir: large, stats } = await ensureWorkspace({ dir: path.join(state, "large-workspace"), files: LARGE_WORKSPACE_FILES });
  console.log(`[editor] generated workspace: ${JSON.stringify(stats)}`);
  const probePage = await context.newPage();
  const probeCode = await runSuite(probePage, server.url, { workspace: large, tests: "responsivenessIndex.js", logName: "responsiveness.log" });
  console.log(`[editor] responsiveness suite: exit code ${probeCode} after ${elapsed()}`);
  if (probeCode !== 0) failed = true;
  await probePage.screenshot({ path: path.join(ARTIFACTS, probeCode === 0 ? "responsiveness.png" : "responsiveness-failure.png") }).catch(() => undefined);
  await probePage.close();

  const uiPage = await context.newPage();
  try {
    const workspace = makeWorkspace(state);
    await uiTour(uiPage, server.url, workspace, ARTIFACTS);
    await reportTour(uiPage, ARTIFACTS, workspace);
    await reloadTour(uiPage, ARTIFACTS);
    await walkthroughTour(uiPage, ARTIFACTS);
    console.log(`[editor] UI tour done after ${elapsed()}`);
  } catch (err) {
    failed = true;
    console.error(`[editor] UI tour failed: ${err instanceof Error ? err.message : String(err)}`);
    await uiPage.screenshot({ path: path.join(ARTIFACTS, "ui-failure.png") }).catch(() => undefined);
  }
} catch (err) {
  failed = true;
  console.error(`[editor] ${err instanceof Error ? err.stack : String(err)}`);
} finally {
  await browser?.close().catch(() => undefined);
  cleanUp();
  if (!failed) fs.rmSync(state, { recursive: true, force: true });
}
console.log(`[editor] ${failed ? "FAILED" : "passed"} in ${elapsed()}; logs and screenshots in ${path.relative(ROOT, ARTIFACTS)}/`);
process.exitCode = failed ? 1 : 0;
