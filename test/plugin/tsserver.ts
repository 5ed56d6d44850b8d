// A real tsserver (TypeScript 6's lib/tsserver.js) in a child process, speaking its protocol:
// requests as JSON lines on stdin, responses and events framed with Content-Length on stdout.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { processCpu, type CpuTime } from "./processCpu";

const ROOT = path.resolve(__dirname, "../../..");
export const TSSERVER = path.join(ROOT, "node_modules/typescript/lib/tsserver.js");
export const PLUGIN_NAME = "aalp-lens-tsserver-plugin";

export interface Response {
  readonly request_seq: number;
  readonly success: boolean;
  readonly command: string;
  readonly message?: string;
  readonly body?: unknown;
}

export interface ServerEvent {
  readonly event: string;
  readonly body?: unknown;
}

export class TsServer {
  private seq = 0;
  private readonly events: ServerEvent[] = [];
  private readonly eventWaiters = new Set<() => void>();
  private buffer = Buffer.alloc(0);
  private readonly waiting = new Map<number, (r: Response) => void>();
  readonly logFile: string;
  private readonly proc: ChildProcessWithoutNullStreams;

  /** `probe` holds node_modules/<plugin>; without it the server runs with no plugin. The plugin
   *  is global (every project loads it) unless `global` is false: then only projects whose
   *  tsconfig lists it. Tests log verbosely; a benchmark logs each request's time in tsserver and
   *  the plugin's timings (requestTime), without the verbose level's copy of every message.
   *  `traceDirectory`: tsserver writes a trace of its phases there (per project and file).
   *  `nodeArgs`: options of the server's node (a CPU profile: --cpu-prof). */
  constructor(probe?: string, { verbosity = "verbose", global = true, traceDirectory, nodeArgs = [] }: { verbosity?: "verbose" | "requestTime"; global?: boolean; traceDirectory?: string; nodeArgs?: readonly string[] } = {}) {
    this.logFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "aalp-tsserver-log-")), "tsserver.log");
    const args = [...nodeArgs, TSSERVER, "--disableAutomaticTypingAcquisition", "--logVerbosity", verbosity, "--logFile", this.logFile];
    if (traceDirectory) args.push("--traceDirectory", traceDirectory);
    if (probe) args.push(...(global ? ["--globalPlugins", PLUGIN_NAME] : []), "--pluginProbeLocations", probe);
    this.proc = spawn(process.execPath, args, { stdio: "pipe" });
    this.proc.stdout.on("data", (chunk: Buffer) => this.read(chunk));
  }

  /** The server process's CPU time so far (see processCpu). */
  cpu(): CpuTime | undefined {
    return this.proc.pid === undefined ? undefined : processCpu(this.proc.pid);
  }

  request(command: string, args: unknown): Promise<Response> {
    const seq = ++this.seq;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`tsserver did not answer ${command} in 60 s (log: ${this.logFile})`)), 60_000);
      this.waiting.set(seq, (r) => {
        clearTimeout(timer);
        resolve(r);
      });
      this.proc.stdin.write(JSON.stringify({ seq, type: "request", command, arguments: args }) + "\n");
    });
  }

  /** Requests without a response (`open`, `change`) are followed by a cheap one to keep order. */
  async notify(command: string, args: unknown): Promise<void> {
    this.proc.stdin.write(JSON.stringify({ seq: ++this.seq, type: "request", command, arguments: args }) + "\n");
    await this.request("status", {});
  }

  async close(): Promise<void> {
    if (this.proc.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.proc.once("exit", () => resolve()));
    this.proc.stdin.write(JSON.stringify({ seq: ++this.seq, type: "request", command: "exit" }) + "\n");
    const timer = setTimeout(() => this.proc.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  }

  /** The next `name` event after `since` (an index from eventCount()). */
  nextEvent(name: string, since: number, timeoutMs = 60_000): Promise<ServerEvent> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        const hit = this.events.slice(since).find((e) => e.event === name);
        if (!hit) return;
        this.eventWaiters.delete(check);
        clearTimeout(timer);
        resolve(hit);
      };
      const timer = setTimeout(() => {
        this.eventWaiters.delete(check);
        reject(new Error(`tsserver sent no ${name} event in ${timeoutMs / 1000} s (log: ${this.logFile})`));
      }, timeoutMs);
      this.eventWaiters.add(check);
      check();
    });
  }

  eventCount(): number {
    return this.events.length;
  }

  log(): string {
    try {
      return fs.readFileSync(this.logFile, "utf8");
    } catch {
      return "";
    }
  }

  private read(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const header = this.buffer.indexOf("\r\n\r\n");
      if (header < 0) return;
      const m = /Content-Length: (\d+)/.exec(this.buffer.subarray(0, header).toString("utf8"));
      if (!m) throw new Error("tsserver sent a message without Content-Length");
      const length = Number(m[1]);
      const start = header + 4;
      if (this.buffer.length < start + length) return;
      const message = JSON.parse(this.buffer.subarray(start, start + length).toString("utf8")) as { type: string } & Response;
      this.buffer = this.buffer.subarray(start + length);
      if (message.type === "response") this.waiting.get(message.request_seq)?.(message);
      if (message.type === "event") {
        this.events.push(message as unknown as ServerEvent);
        this.eventWaiters.forEach((w) => w());
      }
    }
  }
}

/** The built plugin package (scripts/build.mjs): its data modules (tokenizer, prices) sit beside index.js. */
const BUILT_PLUGIN = path.resolve(__dirname, "../../../node_modules", PLUGIN_NAME);

/** A folder laid out so tsserver finds the plugin: <probe>/node_modules/<plugin>/index.js, with the built package's data modules. */
export function pluginProbe(bundle: string): string {
  const probe = fs.mkdtempSync(path.join(os.tmpdir(), "aalp-plugin-probe-"));
  const dir = path.join(probe, "node_modules", PLUGIN_NAME);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: PLUGIN_NAME, version: "0.0.0", main: "index.js" }));
  for (const f of fs.readdirSync(BUILT_PLUGIN)) if (f.endsWith(".js") && f !== "index.js") fs.copyFileSync(path.join(BUILT_PLUGIN, f), path.join(dir, f));
  fs.copyFileSync(bundle, path.join(dir, "index.js"));
  return probe;
}

/** A project folder: files by relative path. */
export function projectFolder(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aalp-plugin-project-"));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}
