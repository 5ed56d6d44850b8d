// A `fetch("/api/responses", …)` from an app's own code is a call of its Next.js route handler
// (`app/api/responses/route.ts`, `pages/api/responses.ts`): the project treats the path as an import
// of that module, so the handler's requests are followed like a wrapper's. Pure string work.

/** The specifier a fetched path is imported under (no module is written so). */
export const ROUTE_SPECIFIER = "\u0000route:";

/**
 * `/api/…` paths the text fetches with a string literal (a text scan: no parse). The path stops at
 * a quote, a query, a fragment or a template substitution: a fixed run of characters, linear.
 */
export function fetchedRoutes(text: string): string[] {
  if (!text.includes("/api/")) return [];
  const out = new Set<string>();
  const re = /\bfetch\s*\(\s*["'`](\/api\/[\w\-./]*)["'`?#]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.add(trimSlash(m[1]!));
  return [...out];
}

/** A module's file name with a script extension: `route.ts`, `chat.tsx` (matched on one segment). */
const SCRIPT = /^(.+)\.[cm]?[jt]sx?$/;

/**
 * The URL path a route module serves (`/api/responses`), or undefined for any other file. Read by
 * segments from the innermost `app`/`pages` folder that serves one: a project under a folder named
 * `app` (`/app/src/app/api/chat/route.ts`) is still found.
 */
export function servedPath(file: string): string | undefined {
  const segments = file.split("/");
  const name = SCRIPT.exec(segments[segments.length - 1]!)?.[1];
  if (name === undefined) return undefined;
  const folders = segments.slice(0, -1);
  for (let i = folders.length - 1; i >= 0; i--) {
    if (name === "route" && folders[i] === "app") {
      // Route groups `(chat)` are not part of the URL.
      const inner = folders.slice(i + 1).filter((s) => s && !(s.startsWith("(") && s.endsWith(")")));
      if (inner[0] === "api") return `/${inner.join("/")}`;
    }
    if (folders[i] === "pages" && folders[i + 1] === "api") return trimSlash(`/${[...folders.slice(i + 1), ...(name === "index" ? [] : [name])].join("/")}`);
  }
  return undefined;
}

/** The export handling a method: an app router module exports a function per method (`POST`), a pages router module one default handler. */
export function handlerExport(file: string, method: string): string {
  return /\/route\.[cm]?[jt]sx?$/.test(file) ? method : "default";
}

/** Indexes the project's route modules by the path they serve (each path's modules in file order). */
export function routeIndex(files: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of files) {
    if (!f.includes("/api/")) continue;
    const path = servedPath(f);
    if (path === undefined) continue;
    const list = out.get(path);
    if (list) list.push(f);
    else out.set(path, [f]);
  }
  return out;
}

/** Of the modules serving a path (or registering agents), the one nearest the file asking (the longest shared folder; a monorepo has an app per folder). */
export function nearestRoute(candidates: readonly string[], from: string): string | undefined {
  let best: string | undefined;
  let bestShared = -1;
  for (const c of candidates) {
    const shared = sharedFolderLength(c, from);
    if (shared > bestShared) (best = c), (bestShared = shared);
  }
  return best;
}

function sharedFolderLength(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let lastSlash = 0;
  for (let i = 0; i < n && a[i] === b[i]; i++) if (a[i] === "/") lastSlash = i;
  return lastSlash;
}

/** The path a route is indexed by: no query, fragment or trailing slash. */
export function routeKey(url: string): string {
  const end = url.search(/[?#]/);
  return trimSlash(end < 0 ? url : url.slice(0, end));
}

function trimSlash(p: string): string {
  return p.length > 1 && p.endsWith("/") ? p.slice(0, -1) : p;
}
