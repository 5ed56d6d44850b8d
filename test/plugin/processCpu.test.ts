import * as assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { processCpu } from "./processCpu";

describe("bench:plugin's CPU time of the server process", () => {
  it("reads another process's CPU time, as that process counts it, once its main thread waits", async function () {
    if (process.platform !== "linux") this.skip();
    this.timeout(60_000);
    // The child burns 300 ms of CPU, reports its own count, then waits on stdin.
    const child = spawn(process.execPath, ["-e", `const t = process.cpuUsage(); while (process.cpuUsage(t).user < 300000); const u = process.cpuUsage(); process.stdout.write(String((u.user + u.system) * 1000)); process.stdin.resume();`], { stdio: "pipe" });
    try {
      const [chunk] = (await once(child.stdout, "data")) as [Buffer];
      const own = Number(chunk.toString());
      const read = processCpu(child.pid!)!;
      // Both count the same nanoseconds; the child's own count was taken a write earlier.
      assert.ok(read.main! <= read.all, `${read.main} ≤ ${read.all}`);
      assert.ok(read.main! >= 300e6, `main thread ${read.main} ns ≥ the 300 ms burnt`);
      assert.ok(Math.abs(read.all - own) < 0.1 * own, `all threads ${read.all} ns, the child's count ${own} ns`);
    } finally {
      child.kill();
    }
  });

  it("is undefined for a process that does not exist", () => {
    assert.equal(processCpu(2 ** 22 + 1), undefined);
  });
});
