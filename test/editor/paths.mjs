// Where the real-editor route keeps its tools and its throw-away state.
import * as path from "node:path";
import { fileURLToPath } from "node:url";

export const EDITOR_DIR = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(EDITOR_DIR, "../..");
export const CACHE = path.join(EDITOR_DIR, ".cache");
export const ARTIFACTS = path.join(EDITOR_DIR, "artifacts");
export const NODE_VERSION = "24.21.0";
export const CODE_SERVER_VERSION = "4.139.1";
export const NODE24 = { dir: path.join(CACHE, "node24"), bin: path.join(CACHE, "node24", "bin", "node") };
export const CHROMIUM = "/usr/bin/chromium";

export function codeServerBin() {
  return path.join(CACHE, "code-server", "node_modules", "code-server", "out", "node", "entry.js");
}
