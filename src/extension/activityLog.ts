// The "AALP Lens" output channel: what was analysed, how long it took, and every error, so a user
// can see why a lens is missing without opening the developer tools. The last lines are also kept
// for the extension's API (tests read them; an output channel's text is not readable back).
import * as vscode from "vscode";

const KEPT_LINES = 500;

export class ActivityLog implements vscode.Disposable {
  private readonly channel = vscode.window.createOutputChannel("AALP Lens", { log: true });
  private readonly kept: string[] = [];

  show(): void {
    this.channel.show(true);
  }

  info(text: string): void {
    this.channel.info(text);
    this.keep(`info ${text}`);
  }

  error(what: string, err: unknown): void {
    const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
    this.channel.error(`${what} failed: ${detail}`);
    this.keep(`error ${what} failed: ${err instanceof Error ? err.message : String(err)}`);
  }

  /** A callback for promise rejections and caught errors: `.catch(log.failed("workspace scan"))`. */
  failed(what: string): (err: unknown) => void {
    return (err) => this.error(what, err);
  }

  /** The latest lines, oldest first (`info …` / `error …`, without timestamps). */
  lines(): readonly string[] {
    return [...this.kept];
  }

  private keep(line: string): void {
    this.kept.push(line);
    if (this.kept.length > KEPT_LINES) this.kept.splice(0, this.kept.length - KEPT_LINES);
  }

  dispose(): void {
    this.channel.dispose();
  }
}

/** `12.3 ms`, `1.24 s`. */
export function duration(ms: number): string {
  return ms < 1000 ? `${ms.toFixed(1)} ms` : `${(ms / 1000).toFixed(2)} s`;
}
