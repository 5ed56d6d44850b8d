// Which changes on disk the status bar and the report follow: source files the scan may read,
// outside dependencies, build output and version control. The scan applies `aalp.include` and
// `aalp.exclude` itself; this only keeps a checkout of node_modules or a build from rescanning.
export const SOURCE_GLOB = "**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}";

const SOURCE = /\.(?:[mc]?[jt]s|[jt]sx)$/;
const IGNORED_FOLDERS: ReadonlySet<string> = new Set(["node_modules", "out", "dist", ".git"]);

/** `path`: a URI's path (`/` separated). */
export function isWatchedSource(path: string): boolean {
  if (!SOURCE.test(path) || path.endsWith(".d.ts")) return false;
  return !path.split("/").some((segment) => IGNORED_FOLDERS.has(segment));
}
