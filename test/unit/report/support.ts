// Running the built CLI in tests, on the report fixture or a scratch folder.
import { spawnSync } from "node:child_process";
import * as path from "node:path";

export const ROOT = path.resolve(__dirname, "../../../..");
export const CLI = path.join(ROOT, "bin/aalp.js");
export const FIXTURE = path.join(ROOT, "test/fixtures/report");

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function aalp(args: readonly string[], cwd = FIXTURE): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
