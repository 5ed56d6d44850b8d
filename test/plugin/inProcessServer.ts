// tsserver's Session in this process: the same request handling (its request-time log, the
// plugin loaded from a probe folder) without the pipe, the framing and a second process. The
// latency benchmark's IN_PROCESS=1 runs on it, to tell what the server process adds.
import * as path from "node:path";
import * as ts from "typescript/lib/tsserverlibrary";
import type { CpuTime } from "./processCpu";
import type { Response } from "./tsserver";

export class InProcessServer {
  private seq = 0;
  private readonly lines: string[] = [];
  private readonly answers: Response[] = [];
  private readonly session: ts.server.Session;

  /** `probe` holds node_modules/<plugin> (see pluginProbe); only projects whose tsconfig lists it load it. */
  constructor(probe: string) {
    const log = (s: string): void => {
      this.lines.push(s);
    };
    const logger: ts.server.Logger = {
      close() {},
      hasLevel: (level) => level <= ts.server.LogLevel.requestTime,
      loggingEnabled: () => true,
      perftrc: log,
      info: log,
      msg: log,
      startGroup() {},
      endGroup() {},
      getLogFileName: () => undefined,
    };
    const host: ts.server.ServerHost = {
      ...ts.sys,
      // Each answer as tsserver frames it on stdout.
      write: (message) => {
        this.answers.push(JSON.parse(message.slice(message.indexOf("\r\n\r\n") + 4)) as Response);
      },
      setTimeout,
      clearTimeout,
      setImmediate,
      clearImmediate,
      watchFile: () => ({ close() {} }),
      watchDirectory: () => ({ close() {} }),
      require: (initialDir, moduleName) => {
        try {
          return { module: require(path.join(initialDir, moduleName)) as object, error: undefined };
        } catch (err) {
          return { module: undefined, error: err as Error };
        }
      },
    };
    this.session = new ts.server.Session({
      host,
      cancellationToken: ts.server.nullCancellationToken,
      useSingleInferredProject: false,
      useInferredProjectPerProjectRoot: false,
      typingsInstaller: ts.server.nullTypingsInstaller,
      byteLength: Buffer.byteLength,
      hrtime: process.hrtime,
      logger,
      canUseEvents: false,
      globalPlugins: [],
      pluginProbeLocations: [probe],
      allowLocalPluginLoads: false,
      serverMode: ts.LanguageServiceMode.Semantic,
    });
  }

  /** This process's CPU time so far: every thread's, as the main thread's is not told apart here. */
  cpu(): CpuTime {
    const { user, system } = process.cpuUsage();
    return { all: (user + system) * 1000 };
  }

  async request(command: string, args: unknown): Promise<Response> {
    const seq = ++this.seq;
    this.session.onMessage(JSON.stringify({ seq, type: "request", command, arguments: args }));
    const answer = this.answers.find((a) => a.request_seq === seq);
    if (!answer) throw new Error(`no answer to ${command}`);
    this.answers.length = 0;
    return answer;
  }

  async notify(command: string, args: unknown): Promise<void> {
    this.session.onMessage(JSON.stringify({ seq: ++this.seq, type: "request", command, arguments: args }));
    this.answers.length = 0;
  }

  log(): string {
    return this.lines.join("\n");
  }

  /** Nothing to stop: the session ends with this process. */
  async close(): Promise<void> {}
}
