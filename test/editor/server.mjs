// Starts code-server (VS Code's server and web workbench) under Node 24 in a process group of its
// own, with throw-away state, and stops the whole group.
import { execFileSync, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as path from "node:path";
import { NODE24, codeServerBin } from "./paths.mjs";

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** HOME and XDG folders inside `state`: code-server and Chromium write there otherwise. */
export function isolatedEnv(state) {
  const home = path.join(state, "home");
  for (const d of ["", ".config", ".cache", ".local/share"]) fs.mkdirSync(path.join(home, d), { recursive: true });
  // AALP_NO_WALKTHROUGH: the first-run walkthrough would cover the editors under test.
  return { ...process.env, AALP_NO_WALKTHROUGH: "1", HOME: home, XDG_CONFIG_HOME: path.join(home, ".config"), XDG_CACHE_HOME: path.join(home, ".cache"), XDG_DATA_HOME: path.join(home, ".local/share") };
}

export function installExtension(vsix, extensionsDir, env) {
  execFileSync(NODE24.bin, [codeServerBin(), "--extensions-dir", extensionsDir, "--install-extension", vsix], { env, stdio: "inherit" });
}

export async function startServer({ state, extensionsDir, logFile, env }) {
  const port = await freePort();
  const userDataDir = path.join(state, "user-data");
  fs.mkdirSync(path.join(userDataDir, "User"), { recursive: true });
  // files.autoSave: VS Code for the Web saves an edited file after a second by default; the tests of
  // unsaved edits (the status bar's list after an edit, then a revert) need them to stay unsaved.
  fs.writeFileSync(
    path.join(userDataDir, "User", "settings.json"),
    JSON.stringify({ "workbench.startupEditor": "none", "files.autoSave": "off", "telemetry.telemetryLevel": "off", "typescript.disableAutomaticTypeAcquisition": true, "extensions.autoUpdate": false, "chat.disableAIFeatures": true, "workbench.tips.enabled": false }, null, 2),
  );
  const config = path.join(state, "config.yaml");
  fs.writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const log = fs.openSync(logFile, "a");
  const args = [codeServerBin(), "--config", config, "--user-data-dir", userDataDir, "--extensions-dir", extensionsDir, "--disable-telemetry", "--disable-update-check", "--disable-workspace-trust", "--disable-getting-started-override", "--reconnection-grace-time", "5", "--vscode-option", "enable-smoke-test-driver"];
  // detached: its own process group, so stop() reaches every child.
  const child = spawn(NODE24.bin, args, { env, detached: true, stdio: ["ignore", log, log] });
  const url = `http://127.0.0.1:${port}`;
  const stop = () => {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}; see ${logFile}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      stop();
      throw new Error(`code-server did not become healthy in 60 s; see ${logFile}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, stop, pid: child.pid };
}
