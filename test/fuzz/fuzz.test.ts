// The fuzz suite: seeded and deterministic (FUZZ_SEED, default 20; FUZZ_COUNT inputs, default 2000),
// run in worker threads with a deadline per input (FUZZ_DEADLINE_MS, default 30 s: a hang detector
// on a shared 2-core machine, where the slowest input took 8 s); a failure names its seed and
// index, and `FUZZ_SEED=s FUZZ_FROM=i FUZZ_COUNT=1` replays it. It prints the slowest input of each
// shape (figures in docs/performance.md). Then a few whole CLI runs on hostile trees and arguments: documented exit codes only.
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Worker } from "node:worker_threads";
import type { CaseLabel } from "./cases";
import { argv, globPattern, HOSTILE, int, mutatedProgram, pick, rng } from "./generators";

const SEED = Number(process.env.FUZZ_SEED ?? 20);
const FROM = Number(process.env.FUZZ_FROM ?? 0);
const COUNT = Number(process.env.FUZZ_COUNT ?? 2000);
const DEADLINE_MS = Number(process.env.FUZZ_DEADLINE_MS ?? 30_000);
const WORKERS = 2;
const CLI = path.resolve(__dirname, "../../../bin/aalp.js");

/** One input's time, as its worker measured it (wall clock: on a shared machine, a figure to read, not to assert). */
interface Timing {
  readonly index: number;
  readonly shape: string;
  readonly characters?: number;
  readonly ms: number;
}

interface Outcome {
  readonly failures: string[];
  readonly timings: Timing[];
}

/** The slowest input of each shape, slowest first: which generators make the engine work hardest. */
export function slowestByShape(timings: readonly Timing[]): Timing[] {
  const worst = new Map<string, Timing>();
  for (const t of timings) if (t.ms > (worst.get(t.shape)?.ms ?? -1)) worst.set(t.shape, t);
  return [...worst.values()].sort((a, b) => b.ms - a.ms);
}

function runSlice(from: number, to: number): Promise<Outcome> {
  return new Promise((resolve) => {
    const failures: string[] = [];
    const timings: Timing[] = [];
    let current: { index: number; kind: string; at: number } | undefined;
    // The CLI's stack (its workers take the main thread's 984 KB too).
    const worker = new Worker(path.join(__dirname, "fuzzWorker.js"), { workerData: { seed: SEED, from, to }, resourceLimits: { stackSizeMb: 984 / 1024 } });
    const watchdog = setInterval(() => {
      if (current && Date.now() - current.at > DEADLINE_MS) {
        failures.push(`hang: seed ${SEED} index ${current.index} (${current.kind}) ran over ${DEADLINE_MS} ms`);
        clearInterval(watchdog);
        void worker.terminate();
      }
    }, 250);
    worker.on("message", (m: { start?: number; kind?: string; done?: number; problems?: string[]; label?: CaseLabel; ms?: number }) => {
      if (m.start !== undefined) current = { index: m.start, kind: m.kind!, at: Date.now() };
      else if (current) {
        timings.push({ index: current.index, ...m.label!, ms: m.ms! });
        for (const p of m.problems ?? []) failures.push(`seed ${SEED} index ${m.done} (${current.kind}): ${p}`);
        current = undefined;
      }
    });
    worker.on("error", (e) => failures.push(`worker crashed: ${e.stack ?? e.message}`));
    worker.on("exit", () => {
      clearInterval(watchdog);
      resolve({ failures, timings });
    });
  });
}

describe("fuzz suite", function () {
  this.timeout(0);

  it(`${COUNT} seeded inputs (seed ${SEED}): no crash, no hang, every sink escaped`, async () => {
    const per = Math.ceil(COUNT / WORKERS);
    const outcomes = await Promise.all(Array.from({ length: WORKERS }, (_, w) => runSlice(FROM + w * per, FROM + Math.min(COUNT, (w + 1) * per))));
    const failures = outcomes.flatMap((o) => o.failures);
    console.log("      slowest input of each shape (ms, index, shape, characters):");
    for (const t of slowestByShape(outcomes.flatMap((o) => o.timings))) console.log(`      ${t.ms.toFixed(0).padStart(6)}  ${String(t.index).padStart(5)}  ${t.shape}${t.characters === undefined ? "" : `, ${t.characters}`}`);
    assert.deepEqual(failures.slice(0, 20), []);
  });

  it("whole CLI runs on hostile trees and arguments exit 0, 1 or 2 (never 3, a crash) and write no raw control character", () => {
    const r = rng(SEED);
    for (let run = 0; run < 12; run++) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aalp-fuzz-cli-"));
      try {
        fs.mkdirSync(path.join(dir, ".git"));
        fs.writeFileSync(path.join(dir, ".gitignore"), Array.from({ length: 4 }, () => globPattern(r)).join("\n"));
        for (let f = 0; f < 4; f++) {
          const name = `${pick(r, HOSTILE).replace(/[/\u0000]/g, "_")}${f}.ts`;
          fs.writeFileSync(path.join(dir, name), mutatedProgram(r));
        }
        const args = run % 2 ? argv(r).filter((a) => a !== "--out" && !a.startsWith("--out=") && !a.startsWith("--catalog") && !a.startsWith("--baseline") && !a.startsWith("--project")) : ["report", ".", "--format", pick(r, ["text", "markdown", "sarif", "json", "html"])];
        const res = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: "utf8", timeout: 120_000 });
        assert.ok(res.status === 0 || res.status === 1 || res.status === 2, `exit ${res.status} (${res.signal}) for ${JSON.stringify(args)}: ${res.stderr.slice(0, 500)}`);
        assert.doesNotMatch(res.stderr, /[\u0000-\u0009\u000b-\u001f]/, JSON.stringify(args));
        if (!args.includes("json") && !args.includes("--format=json") && res.status !== 2) assert.doesNotMatch(res.stdout.replace(/<script[\s\S]*<\/script>/g, ""), /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/, JSON.stringify(args));
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
    void int;
  });
});
