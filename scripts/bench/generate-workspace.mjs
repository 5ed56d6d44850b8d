// Deterministic generator of a synthetic TypeScript/JavaScript workspace for `npm run bench`.
//
// The workspace imitates a mid-sized application monorepo: domain modules (models, repositories,
// services, Express-like handlers, utilities, test-like specs), a few CommonJS legacy files, a
// handful of very large files, and ~15–20% "agent" files that call LLM SDKs with the call shapes of
// the real SDKs (openai, @anthropic-ai/sdk, ai + @ai-sdk/openai, ollama), directly or through
// wrappers in one file imported by others. Ordinary files contain look-alikes (`db.user.create`,
// `repo.completions.create`, `store.messages.create`, loops and `Promise.all` without LLM calls).
// The workspace type-checks cleanly (`tsc -p <dir> --noEmit`): node_modules/ holds small stub
// typings of the packages it imports, and @types/node comes from a node_modules/@types above it
// (the repository's), found as tsc finds it; outside the repository `process` is unresolved.
//
// Everything derives from a seeded PRNG (no Math.random, no clock, no environment), so the same
// parameters always give byte-identical files. A marker file records the generator version and the
// parameters (and a hash of this file); when it matches, generation is skipped.
//
// Usage as a script:
//   node scripts/bench/generate-workspace.mjs [--dir .bench/workspace] [--files 2400] [--seed aalp] [--force]
// Usage as a module:
//   import { ensureWorkspace } from "./bench/generate-workspace.mjs";
//   const info = await ensureWorkspace({ dir, files, seed }); // { dir, generated, ms, stats }

import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

// 2: stub typings of the SDKs and express/vitest under node_modules, `types: ["node"]`, and code that
//    type-checks (no global-script clashes, no duplicate re-exports), so that `tsc --noEmit` over the
//    workspace measures checking rather than error reporting.
export const GENERATOR_VERSION = 2;
// Any edit of this file changes the hash, so a stale workspace is never reused by mistake.
const SOURCE_HASH = createHash("sha256").update(fs.readFileSync(fileURLToPath(import.meta.url))).digest("hex").slice(0, 16);
export const MARKER_NAME = ".aalp-bench-workspace.json";
export const DEFAULTS = Object.freeze({ files: 2400, seed: "aalp-lens-bench", agentShare: 0.17, largeFiles: 10 });
/** Source extensions a measurement should consider part of the workspace. */
export const SOURCE_EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"];

// ---------------------------------------------------------------------------------------------
// PRNG

function hashString(s) {
  // FNV-1a 32-bit.
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

class Rng {
  constructor(seed) {
    this.state = (typeof seed === "number" ? seed : hashString(String(seed))) >>> 0 || 1;
  }
  next() {
    // mulberry32
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo, hi) {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p) {
    return this.next() < p;
  }
  pick(arr) {
    return arr[Math.floor(this.next() * arr.length)];
  }
  pickN(arr, n) {
    const copy = arr.slice();
    const out = [];
    while (out.length < n && copy.length > 0) out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0]);
    return out;
  }
  weighted(entries) {
    // entries: [value, weight][]
    let total = 0;
    for (const [, w] of entries) total += w;
    let r = this.next() * total;
    for (const [v, w] of entries) {
      r -= w;
      if (r < 0) return v;
    }
    return entries[entries.length - 1][0];
  }
  fork(label) {
    return new Rng(hashString(`${this.state}:${label}`));
  }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

const DOMAINS = [
  "billing", "catalog", "checkout", "identity", "inventory", "shipping", "support", "analytics", "notifications",
  "content", "search", "payments", "onboarding", "compliance", "reporting", "scheduling", "crm", "marketing",
  "learning", "documents", "workspace", "audit", "pricing", "fulfillment", "reviews", "messaging", "integrations",
  "storage", "teams", "projects", "contracts", "procurement", "hr", "payroll", "feedback", "insights", "risk",
  "claims", "loyalty", "referrals", "subscriptions", "assets", "devices", "telemetry", "tenancy", "exports",
  "imports", "billingops", "ledger", "forecasting", "routing", "recruiting", "vendors", "warehouse",
];
const ENTITIES = [
  "user", "account", "order", "invoice", "product", "customer", "payment", "shipment", "ticket", "report", "session",
  "document", "article", "comment", "team", "project", "task", "subscription", "notification", "auditEntry",
  "stockItem", "vendor", "contract", "lead", "campaign", "review", "message", "policy", "claim", "course",
  "enrollment", "lesson", "device", "reading", "refund", "coupon", "address", "carrier", "warehouse", "employee",
  "timesheet", "budget", "forecast", "asset", "tag", "attachment", "webhook", "apiKey", "plan", "quota",
];
const FIELDS = [
  ["id", "string"], ["name", "string"], ["email", "string"], ["status", "string"], ["createdAt", "Date"],
  ["updatedAt", "Date"], ["ownerId", "string"], ["amount", "number"], ["currency", "string"], ["title", "string"],
  ["description", "string"], ["priority", "number"], ["tags", "string[]"], ["score", "number"], ["region", "string"],
  ["version", "number"], ["archived", "boolean"], ["notes", "string"], ["quantity", "number"], ["sku", "string"],
  ["dueAt", "Date"], ["locale", "string"], ["retries", "number"], ["parentId", "string"], ["source", "string"],
  ["weight", "number"], ["verified", "boolean"], ["label", "string"], ["phone", "string"], ["rank", "number"],
];
const VERBS = ["load", "fetch", "build", "normalize", "format", "compute", "resolve", "merge", "collect", "index", "parse", "render", "score", "rank", "group", "partition", "sanitize", "encode", "decode", "summarize", "estimate", "reconcile", "validate", "enrich", "project", "filter", "sort", "dedupe", "hydrate", "serialize"];
const ADJS = ["active", "pending", "stale", "recent", "primary", "archived", "flagged", "overdue", "visible", "cached", "local", "remote", "draft", "final", "partial", "expired"];
const STATUSES = ["draft", "pending", "active", "suspended", "closed", "archived", "failed", "queued", "running", "done"];
const LOG_LEVELS = ["debug", "info", "warn", "error"];
const HTTP = ["get", "post", "put", "patch", "delete"];

const OPENAI_MODELS = ["gpt-4.1", "gpt-4.1-mini", "gpt-4o", "gpt-4o-mini", "o4-mini"];
const ANTHROPIC_MODELS = ["claude-sonnet-4-5", "claude-opus-4-1", "claude-3-5-haiku-latest", "claude-haiku-4-5"];
const OLLAMA_MODELS = ["llama3.1", "qwen2.5:14b", "mistral", "llama3.2:3b"];
const AGENT_PACKAGES = [
  "support-bot", "research", "triage", "summarizer", "copilot", "code-review", "sales-assistant", "doc-qa",
  "planner", "translator", "moderation", "data-extractor", "email-drafter", "meeting-notes", "sql-agent",
  "onboarding-guide", "kb-builder", "incident-responder", "contract-reviewer", "tutor", "classifier", "router",
];
const PROVIDERS = ["openai", "anthropic", "ai-sdk", "ollama"];

const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const camel = (s) => s.replace(/[-_ ]+([a-z0-9])/g, (_, c) => c.toUpperCase());
const pascal = (s) => cap(camel(s));
const plural = (s) => (s.endsWith("y") && !/[aeiou]y$/.test(s) ? s.slice(0, -1) + "ies" : s.endsWith("s") ? s + "es" : s + "s");
const kebab = (s) => s.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
const constCase = (s) => kebab(s).replace(/-/g, "_").toUpperCase();

// ---------------------------------------------------------------------------------------------
// Source writer

class Src {
  constructor() {
    this.lines = [];
    this.depth = 0;
  }
  line(s = "") {
    this.lines.push(s === "" ? "" : "  ".repeat(this.depth) + s);
    return this;
  }
  open(s) {
    this.line(s);
    this.depth++;
    return this;
  }
  close(s = "}") {
    this.depth--;
    this.line(s);
    return this;
  }
  mid(s) {
    this.depth--;
    this.line(s);
    this.depth++;
    return this;
  }
  blank() {
    if (this.lines.length > 0 && this.lines[this.lines.length - 1] !== "") this.lines.push("");
    return this;
  }
  get count() {
    return this.lines.length;
  }
  text() {
    while (this.lines.length > 0 && this.lines[this.lines.length - 1] === "") this.lines.pop();
    return this.lines.join("\n") + "\n";
  }
}

// ---------------------------------------------------------------------------------------------
// Ordinary code fragments. Each writes one top-level declaration and may register exports.
// ctx: { rng, entity, E (Pascal entity), fields, exports: [], imports: [{name, kind, used}], cjs }

function fieldsFor(rng, n) {
  const chosen = rng.pickN(FIELDS.slice(1), n);
  return [["id", "string"], ...chosen];
}

function exp(ctx, kind, name) {
  ctx.exports.push({ kind, name });
  return ctx.cjs ? "" : "export ";
}

function takeImport(ctx, kinds) {
  const candidates = ctx.imports.filter((i) => !i.used && kinds.includes(i.kind));
  if (candidates.length === 0) return undefined;
  const imp = ctx.rng.pick(candidates);
  imp.used = true;
  return imp;
}

function useImportLine(ctx, imp, argExpr, inAsync) {
  switch (imp.kind) {
    case "fn":
      return `const ${camel(imp.name)}Result = ${imp.name}(String(${argExpr}));`;
    case "afn":
      return inAsync ? `const ${camel(imp.name)}Loaded = await ${imp.name}(String(${argExpr}));` : `void ${imp.name}(String(${argExpr}));`;
    case "const":
      return `const ${camel(imp.name.toLowerCase())}Limit = ${imp.name}.limit;`;
    case "class":
      return `const ${camel(imp.name)}Instance = new ${imp.name}();`;
    default:
      return undefined;
  }
}

function maybeUseImport(ctx, s, argExpr, inAsync) {
  if (!ctx.rng.chance(0.35)) return;
  const imp = takeImport(ctx, inAsync ? ["fn", "afn", "const", "class"] : ["fn", "const", "class"]);
  if (imp) s.line(useImportLine(ctx, imp, argExpr, inAsync));
}

function fragInterface(ctx, s) {
  const { rng, E } = ctx;
  const name = rng.chance(0.5) ? E : `${E}${pascal(rng.pick(["summary", "record", "snapshot", "view", "input", "patch", "dto"]))}`;
  if (ctx.exports.some((e) => e.name === name)) return fragTypeUnion(ctx, s);
  const fields = fieldsFor(rng, rng.int(4, 11));
  s.line(`/** ${cap(ctx.entity)} ${name === E ? "entity" : "shape"} as stored by the ${ctx.domain} module. */`);
  s.open(`${exp(ctx, "type", name)}interface ${name} {`);
  for (const [f, t] of fields) s.line(`${rng.chance(0.2) && f !== "id" ? "readonly " : ""}${f}${rng.chance(0.25) && f !== "id" ? "?" : ""}: ${t};`);
  s.close();
}

function fragTypeUnion(ctx, s) {
  const { rng, E } = ctx;
  const name = `${E}${pascal(rng.pick(["status", "state", "kind", "phase", "event", "level"]))}${ctx.exports.length}`;
  const vals = rng.pickN(STATUSES, rng.int(3, 6));
  if (rng.chance(0.5)) {
    s.line(`${exp(ctx, "type", name)}type ${name} = ${vals.map((v) => JSON.stringify(v)).join(" | ")};`);
  } else {
    s.open(`${exp(ctx, "type", name)}enum ${name} {`);
    for (const v of vals) s.line(`${pascal(v)} = ${JSON.stringify(v.toUpperCase())},`);
    s.close();
  }
}

function fragConfig(ctx, s) {
  const { rng } = ctx;
  const name = `${constCase(ctx.entity)}_${rng.pick(["DEFAULTS", "LIMITS", "CONFIG", "OPTIONS", "SETTINGS"])}${ctx.exports.length}`;
  s.open(`${exp(ctx, "const", name)}const ${name} = {`);
  s.line(`label: ${JSON.stringify(`${ctx.domain}.${ctx.entity}`)},`);
  s.line(`limit: ${rng.int(10, 500)},`);
  s.line(`timeoutMs: ${rng.int(1, 60) * 500},`);
  s.line(`retries: ${rng.int(0, 5)},`);
  if (rng.chance(0.5)) s.line(`regions: [${rng.pickN(["eu-west-1", "us-east-1", "ap-south-1", "us-west-2"], rng.int(1, 3)).map((r) => JSON.stringify(r)).join(", ")}],`);
  if (rng.chance(0.5)) s.line(`featureFlags: { ${rng.pickN(["betaUi", "fastPath", "strictMode", "shadowWrites", "newPricing"], 2).map((f) => `${f}: ${rng.chance(0.5)}`).join(", ")} },`);
  s.close(ctx.cjs ? "};" : "} as const;");
}

function fragPureUtil(ctx, s) {
  const { rng, E } = ctx;
  const verb = rng.pick(VERBS);
  const name = `${verb}${E}${pascal(rng.pick(["label", "key", "slug", "title", "path", "token", "code", "line"]))}${ctx.exports.length}`;
  const t = ctx.cjs ? "" : ": string";
  s.line(`/** ${cap(verb)}s a ${ctx.entity} value into a stable string form. */`);
  s.open(`${exp(ctx, "fn", name)}function ${name}(value${t})${t} {`);
  s.line(`const trimmed = value.trim();`);
  s.open(`if (trimmed.length === 0) {`);
  s.line(`return ${JSON.stringify(ctx.entity + "-unknown")};`);
  s.close();
  maybeUseImport(ctx, s, "trimmed", false);
  const n = rng.int(1, 4);
  for (let i = 0; i < n; i++) {
    switch (rng.int(0, 4)) {
      case 0:
        s.line(`const part${i} = trimmed.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");`);
        break;
      case 1:
        s.line(`const part${i} = trimmed.split(/\\s+/).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(" ");`);
        break;
      case 2:
        s.line(`const part${i} = trimmed.length > ${rng.int(16, 120)} ? \`\${trimmed.slice(0, ${rng.int(10, 15)})}…\` : trimmed;`);
        break;
      case 3:
        s.open(`const part${i} = Array.from(trimmed).reduce((acc, ch) => {`);
        s.line(`return (acc * 31 + ch.charCodeAt(0)) >>> 0;`);
        s.close(`}, ${rng.int(1, 9999)}).toString(36);`);
        break;
      default:
        s.line(`const part${i} = encodeURIComponent(trimmed).padEnd(${rng.int(4, 12)}, "_");`);
    }
  }
  s.line(`return [${Array.from({ length: n }, (_, i) => `part${i}`).join(", ")}].join(${JSON.stringify(rng.pick([":", "/", "-", "."]))});`);
  s.close();
}

function fragCollectionUtil(ctx, s) {
  const { rng, E } = ctx;
  const name = `${rng.pick(["group", "partition", "index", "rank", "bucket", "tally"])}${plural(E)}By${pascal(rng.pick(["status", "owner", "region", "day", "priority", "source"]))}${ctx.exports.length}`;
  const ts = !ctx.cjs;
  s.open(`${exp(ctx, "util", name)}function ${name}${ts ? "<T extends { id: string; status?: string; ownerId?: string }>" : ""}(items${ts ? ": readonly T[]" : ""}, limit${ts ? ": number" : ""} = ${rng.int(5, 100)})${ts ? ": Map<string, T[]>" : ""} {`);
  s.line(`const groups = new Map${ts ? "<string, T[]>" : ""}();`);
  s.open(`for (const item of items) {`);
  s.line(`const key = item.${rng.pick(["status", "ownerId"])} ?? "none";`);
  s.line(`const bucket = groups.get(key) ?? [];`);
  s.open(`if (bucket.length >= limit) {`);
  s.line(`continue;`);
  s.close();
  s.line(`bucket.push(item);`);
  s.line(`groups.set(key, bucket);`);
  s.close();
  if (rng.chance(0.5)) {
    s.open(`for (const [key, bucket] of groups) {`);
    s.line(`groups.set(key, bucket.slice().sort((a, b) => a.id.localeCompare(b.id)));`);
    s.close();
  }
  s.line(`return groups;`);
  s.close();
}

function fragReducer(ctx, s) {
  const { rng, E } = ctx;
  const name = `reduce${E}State${ctx.exports.length}`;
  const events = rng.pickN(["created", "updated", "assigned", "closed", "reopened", "escalated", "archived", "commented"], rng.int(3, 6));
  const ts = !ctx.cjs;
  if (ts) {
    s.line(`type ${E}Event${ctx.exports.length} =`);
    for (const [i, e] of events.entries()) s.line(`  | { type: ${JSON.stringify(e)}; at: number${i % 2 ? "; by: string" : ""} }${i === events.length - 1 ? ";" : ""}`);
    s.blank();
  }
  s.open(`${exp(ctx, "util", name)}function ${name}(state${ts ? ": { status: string; history: string[]; touchedAt: number }" : ""}, event${ts ? `: ${E}Event${ctx.exports.length - 1}` : ""}) {`);
  s.open(`switch (event.type) {`);
  for (const e of events) {
    s.open(`case ${JSON.stringify(e)}:`);
    if (rng.chance(0.5)) {
      s.line(`return { ...state, status: ${JSON.stringify(rng.pick(STATUSES))}, touchedAt: event.at };`);
    } else {
      s.line(`return { ...state, history: [...state.history, ${JSON.stringify(e)}], touchedAt: Math.max(state.touchedAt, event.at) };`);
    }
    s.depth--;
  }
  s.open(`default:`);
  s.line(`return state;`);
  s.depth--;
  s.close();
  s.close();
}

function fragRetry(ctx, s) {
  // Look-alike: a data-dependent while loop with no LLM call in it.
  const { rng, E } = ctx;
  const name = `with${E}Retry${ctx.exports.length}`;
  const ts = !ctx.cjs;
  s.open(`${exp(ctx, "util", name)}async function ${name}${ts ? "<T>" : ""}(operation${ts ? ": () => Promise<T>" : ""}, attempts${ts ? ": number" : ""} = ${rng.int(2, 6)})${ts ? ": Promise<T>" : ""} {`);
  s.line(`let lastError${ts ? ": unknown" : ""};`);
  s.line(`let attempt = 0;`);
  s.open(`while (attempt < attempts) {`);
  s.open(`try {`);
  s.line(`return await operation();`);
  s.mid(`} catch (error) {`);
  s.line(`lastError = error;`);
  s.line(`attempt += 1;`);
  s.line(`await new Promise((resolve) => setTimeout(resolve, ${rng.int(50, 400)} * 2 ** attempt));`);
  s.close();
  s.close();
  s.line(`throw lastError instanceof Error ? lastError : new Error(${JSON.stringify(`${ctx.entity} operation failed`)});`);
  s.close();
}

function fragRepository(ctx, s) {
  // Look-alikes: ORM calls named create/find on `db.<entity>`, plus `repo.completions.create`.
  const { rng, E, entity } = ctx;
  const name = `${E}Repository${ctx.exports.length}`;
  const ts = !ctx.cjs;
  const table = rng.pick([entity, camel(entity), `${entity}Record`]);
  s.open(`${exp(ctx, "class", name)}class ${name} {`);
  s.line(`${ts ? "private readonly " : ""}cache = new Map${ts ? "<string, Record<string, unknown>>" : ""}();`);
  s.blank();
  s.open(`constructor(${ts ? "private readonly " : ""}db${ts ? ": any" : ""} = ${ts ? "(globalThis as any).__db" : "globalThis.__db"}) {`);
  if (!ts) s.line(`this.db = db;`);
  s.close();
  s.blank();
  s.open(`describe()${ts ? ": string" : ""} {`);
  s.line(`return ${JSON.stringify(`${ctx.domain}/${table}`)};`);
  s.close();
  s.blank();
  s.open(`async create(input${ts ? `: Record<string, unknown>` : ""}) {`);
  s.line(`const row = await this.db.${table}.create({ data: { ...input, createdAt: new Date() } });`);
  s.line(`this.cache.set(String(row.id), row);`);
  s.line(`return row;`);
  s.close();
  s.blank();
  s.open(`async findById(id${ts ? ": string" : ""}) {`);
  s.line(`const cached = this.cache.get(id);`);
  s.open(`if (cached) {`);
  s.line(`return cached;`);
  s.close();
  s.line(`return this.db.${table}.findUnique({ where: { id } });`);
  s.close();
  s.blank();
  s.open(`async list(filter${ts ? ": { status?: string; ownerId?: string }" : ""} = {}, pageSize = ${rng.int(20, 200)}) {`);
  s.line(`const rows${ts ? ": unknown[]" : ""} = [];`);
  s.line(`let cursor${ts ? ": string | undefined" : ""};`);
  s.open(`do {`);
  s.line(`const page = await this.db.${table}.findMany({ where: filter, take: pageSize, cursor: cursor ? { id: cursor } : undefined });`);
  s.line(`rows.push(...page);`);
  s.line(`cursor = page.length === pageSize ? page[page.length - 1].id : undefined;`);
  s.close(`} while (cursor);`);
  s.line(`return rows;`);
  s.close();
  if (rng.chance(0.45)) {
    s.blank();
    s.open(`async recordCompletion(userId${ts ? ": string" : ""}, courseId${ts ? ": string" : ""}) {`);
    s.line(`const repo = this.db;`);
    s.line(`return repo.completions.create({ userId, courseId, completedAt: new Date(), source: ${JSON.stringify(ctx.domain)} });`);
    s.close();
  }
  if (rng.chance(0.35)) {
    s.blank();
    s.open(`async postMessage(threadId${ts ? ": string" : ""}, body${ts ? ": string" : ""}) {`);
    s.line(`const store = this.db.${rng.pick(["inbox", "chat", "support", "threads"])};`);
    s.line(`return store.messages.create({ threadId, body, sentAt: Date.now() });`);
    s.close();
  }
  s.close();
}

function fragService(ctx, s) {
  const { rng, E, entity } = ctx;
  const name = `${E}${pascal(rng.pick(["service", "manager", "coordinator", "processor", "sync"]))}${ctx.exports.length}`;
  const ts = !ctx.cjs;
  const list = plural(camel(entity));
  s.open(`${exp(ctx, "class", name)}class ${name} {`);
  s.line(`${ts ? "private " : ""}processed = 0;`);
  s.line(`${ts ? "private readonly " : ""}log = (level${ts ? ": string" : ""}, msg${ts ? ": string" : ""}) => console.${rng.pick(["log", "info", "debug"])}(\`[\${level}] ${name}: \${msg}\`);`);
  s.blank();
  s.open(`describe()${ts ? ": string" : ""} {`);
  s.line(`return \`${name}(\${this.processed})\`;`);
  s.close();
  const methods = rng.int(2, 5);
  const methodNames = new Set();
  for (let m = 0; m < methods; m++) {
    s.blank();
    const kind = rng.int(0, 5);
    let mName = `${rng.pick(VERBS)}${cap(rng.pick(ADJS))}${plural(E)}`;
    if (methodNames.has(mName)) mName += m;
    methodNames.add(mName);
    if (kind === 0) {
      // batch look-alike: Promise.all over a db call, not an LLM call
      s.open(`async ${mName}(${list}${ts ? ": Array<{ id: string; status?: string }>" : ""}) {`);
      s.line(`const chunks${ts ? ": Array<typeof " + list + ">" : ""} = [];`);
      s.open(`for (let i = 0; i < ${list}.length; i += ${rng.int(10, 100)}) {`);
      s.line(`chunks.push(${list}.slice(i, i + ${rng.int(10, 100)}));`);
      s.close();
      s.line(`const results = [];`);
      s.open(`for (const chunk of chunks) {`);
      s.line(`const saved = await Promise.all(chunk.map((item) => db.${camel(entity)}.update({ where: { id: item.id }, data: { status: ${JSON.stringify(rng.pick(STATUSES))} } })));`);
      s.line(`results.push(...saved);`);
      s.line(`this.processed += saved.length;`);
      s.close();
      maybeUseImport(ctx, s, `${list}.length`, true);
      s.line(`this.log(${JSON.stringify(rng.pick(LOG_LEVELS))}, \`updated \${results.length} ${plural(entity)}\`);`);
      s.line(`return results;`);
      s.close();
    } else if (kind === 1) {
      s.open(`${mName}(${list}${ts ? ": Array<{ id: string; score?: number; createdAt?: Date }>" : ""}, threshold = ${rng.int(1, 90)}) {`);
      s.line(`const now = Date.now();`);
      s.line(`return ${list}`);
      s.line(`  .filter((item) => (item.score ?? 0) >= threshold)`);
      s.line(`  .map((item) => ({ ...item, ageMs: now - (item.createdAt?.getTime() ?? now) }))`);
      s.line(`  .sort((a, b) => b.ageMs - a.ageMs)`);
      s.line(`  .slice(0, ${rng.int(5, 50)});`);
      s.close();
    } else if (kind === 2) {
      s.open(`async ${mName}(id${ts ? ": string" : ""}) {`);
      s.line(`const record = await db.${camel(entity)}.findUnique({ where: { id } });`);
      s.open(`if (!record) {`);
      s.line(`throw new Error(\`${entity} \${id} not found\`);`);
      s.close();
      maybeUseImport(ctx, s, "id", true);
      s.open(`if (record.status === ${JSON.stringify(rng.pick(STATUSES))}) {`);
      s.line(`this.log("warn", \`skipping \${id}\`);`);
      s.line(`return record;`);
      s.close();
      s.line(`const history = Array.isArray(record.history) ? record.history.slice() : [];`);
      s.line(`history.push({ at: new Date().toISOString(), action: ${JSON.stringify(rng.pick(VERBS))} });`);
      s.line(`this.processed++;`);
      s.line(`return db.${camel(entity)}.update({ where: { id }, data: { history } });`);
      s.close();
    } else if (kind === 3) {
      s.open(`${mName}(input${ts ? ": Record<string, unknown>" : ""}) {`);
      s.line(`const out${ts ? ": Record<string, string>" : ""} = {};`);
      s.open(`for (const [key, value] of Object.entries(input)) {`);
      s.open(`if (value === undefined || value === null) {`);
      s.line(`continue;`);
      s.close();
      s.open(`if (typeof value === "object") {`);
      s.line(`out[key] = JSON.stringify(value);`);
      s.mid(`} else {`);
      s.line(`out[key] = String(value);`);
      s.close();
      s.close();
      maybeUseImport(ctx, s, "Object.keys(out).length", false);
      s.line(`return out;`);
      s.close();
    } else if (kind === 4) {
      s.open(`async ${mName}(ownerId${ts ? ": string" : ""}) {`);
      s.line(`let page = 0;`);
      s.line(`let total = 0;`);
      s.open(`while (true) {`);
      s.line(`const rows = await db.${camel(entity)}.findMany({ where: { ownerId }, skip: page * ${rng.int(50, 200)}, take: ${rng.int(50, 200)} });`);
      s.open(`if (rows.length === 0) {`);
      s.line(`break;`);
      s.close();
      s.line(`total += rows.filter((r${ts ? ": { archived?: boolean }" : ""}) => !r.archived).length;`);
      s.line(`page++;`);
      s.close();
      s.line(`return total;`);
      s.close();
    } else {
      s.open(`${mName}(text${ts ? ": string" : ""}) {`);
      s.line(`const messages = text.split("\\n").filter(Boolean);`);
      s.line(`const summary${ts ? ": string[]" : ""} = [];`);
      s.open(`for (const message of messages) {`);
      s.line(`summary.push(message.length > ${rng.int(40, 160)} ? message.slice(0, ${rng.int(20, 40)}) + "…" : message);`);
      s.close();
      s.line(`return summary.join(" | ");`);
      s.close();
    }
  }
  s.close();
}

function fragHandler(ctx, s) {
  const { rng, E, entity } = ctx;
  const route = `/${kebab(ctx.domain)}/${kebab(plural(entity))}`;
  const name = `register${E}Routes${ctx.exports.length}`;
  const ts = !ctx.cjs;
  s.open(`${exp(ctx, "util", name)}function ${name}(router${ts ? ": Router" : ""}, service${ts ? ": { findById(id: string): Promise<unknown>; list(filter?: object): Promise<unknown[]> }" : ""}) {`);
  const n = rng.int(2, 4);
  for (let i = 0; i < n; i++) {
    const method = rng.pick(HTTP);
    const withId = method !== "post" && rng.chance(0.7);
    s.open(`router.${method}(${JSON.stringify(route + (withId ? "/:id" : ""))}, async (req${ts ? ": Request" : ""}, res${ts ? ": Response" : ""}) => {`);
    s.open(`try {`);
    if (withId) {
      s.line(`const item = await service.findById(req.params.id);`);
      s.open(`if (!item) {`);
      s.line(`return res.status(404).json({ error: ${JSON.stringify(`${entity} not found`)} });`);
      s.close();
      s.line(`return res.json(item);`);
    } else {
      s.line(`const { status, limit = "${rng.int(10, 100)}" } = req.query${ts ? " as Record<string, string>" : ""};`);
      s.line(`const items = await service.list(status ? { status } : {});`);
      s.line(`return res.json({ items: items.slice(0, Number(limit)), total: items.length });`);
    }
    s.mid(`} catch (error) {`);
    s.line(`console.error(${JSON.stringify(`${method.toUpperCase()} ${route} failed`)}, error);`);
    s.line(`return res.status(500).json({ error: "internal" });`);
    s.close();
    s.close(`});`);
  }
  s.close();
}

function fragSpec(ctx, s) {
  const { rng, E, entity } = ctx;
  s.open(`describe(${JSON.stringify(`${E} ${rng.pick(["service", "helpers", "repository", "routes", "mapping"])}`)}, () => {`);
  const n = rng.int(2, 6);
  for (let i = 0; i < n; i++) {
    s.open(`it(${JSON.stringify(`${rng.pick(["handles", "rejects", "keeps", "returns", "sorts", "merges"])} ${rng.pick(ADJS)} ${plural(entity)}`)}, async () => {`);
    s.line(`const fixtures = Array.from({ length: ${rng.int(2, 20)} }, (_, i) => ({ id: \`${entity}-\${i}\`, status: i % 2 ? "active" : "draft", score: i * ${rng.int(1, 9)} }));`);
    if (rng.chance(0.5)) {
      s.line(`const results = await Promise.all(fixtures.map(async (f) => ({ ...f, ok: f.score > ${rng.int(1, 20)} })));`);
      s.line(`expect(results.filter((r) => r.ok).length).toBeGreaterThanOrEqual(0);`);
    } else {
      s.line(`const sorted = fixtures.slice().sort((a, b) => b.score - a.score);`);
      s.line(`expect(sorted[0].score).toBeGreaterThanOrEqual(sorted[sorted.length - 1].score);`);
    }
    s.close(`});`);
  }
  s.close(`});`);
}

function fragMapper(ctx, s) {
  const { rng, E } = ctx;
  const name = `to${E}${pascal(rng.pick(["dto", "row", "view", "payload", "event"]))}${ctx.exports.length}`;
  const fields = fieldsFor(rng, rng.int(3, 8));
  const ts = !ctx.cjs;
  s.open(`${exp(ctx, "util", name)}function ${name}(source${ts ? ": Record<string, any>" : ""}) {`);
  s.open(`return {`);
  for (const [f, t] of fields) {
    if (t === "Date") s.line(`${f}: source.${f} ? new Date(source.${f}).toISOString() : null,`);
    else if (t === "number") s.line(`${f}: Number(source.${f} ?? 0),`);
    else if (t === "boolean") s.line(`${f}: Boolean(source.${f}),`);
    else if (t === "string[]") s.line(`${f}: Array.isArray(source.${f}) ? source.${f}.map(String) : [],`);
    else s.line(`${f}: String(source.${f} ?? ""),`);
  }
  s.close(`};`);
  s.close();
}

function fragAsyncLoader(ctx, s) {
  const { rng, E, entity } = ctx;
  const name = `load${E}${pascal(rng.pick(ADJS))}${ctx.exports.length}`;
  const ts = !ctx.cjs;
  s.open(`${exp(ctx, "afn", name)}async function ${name}(id${ts ? ": string" : ""})${ts ? ": Promise<Record<string, unknown> | undefined>" : ""} {`);
  s.line(`const response = await fetch(\`\${process.env.API_URL ?? "http://localhost:3000"}/${kebab(plural(entity))}/\${encodeURIComponent(id)}\`);`);
  s.open(`if (!response.ok) {`);
  s.line(`return undefined;`);
  s.close();
  maybeUseImport(ctx, s, "id", true);
  s.line(`const body = (await response.json())${ts ? " as Record<string, unknown>" : ""};`);
  s.line(`return { ...body, loadedAt: Date.now() };`);
  s.close();
}

const ORDINARY_FRAGMENTS = {
  model: [[fragInterface, 4], [fragTypeUnion, 2], [fragConfig, 1], [fragMapper, 2], [fragPureUtil, 1]],
  repo: [[fragRepository, 4], [fragMapper, 1], [fragAsyncLoader, 1], [fragInterface, 1]],
  service: [[fragService, 4], [fragRetry, 1], [fragAsyncLoader, 1], [fragCollectionUtil, 1], [fragReducer, 1]],
  handler: [[fragHandler, 4], [fragAsyncLoader, 1], [fragMapper, 1]],
  util: [[fragPureUtil, 3], [fragCollectionUtil, 2], [fragReducer, 1], [fragRetry, 1], [fragConfig, 1]],
  spec: [[fragSpec, 5], [fragMapper, 1]],
  // Helpers around agent code, look-alikes included (`db.x.create`, `repo.completions.create`,
  // `store.messages.create`, Promise.all over db calls) so they sit next to real LLM calls.
  agentPad: [[fragPureUtil, 3], [fragCollectionUtil, 2], [fragRetry, 1], [fragRepository, 1.5], [fragService, 1.5], [fragMapper, 1], [fragReducer, 1]],
  cjs: [[fragPureUtil, 2], [fragCollectionUtil, 1], [fragService, 2], [fragRepository, 1], [fragConfig, 1], [fragRetry, 1]],
};

// ---------------------------------------------------------------------------------------------
// Agent code

function providerSetup(provider, s, cjs) {
  if (provider === "openai") {
    s.line(cjs ? `const OpenAI = require("openai");` : `import OpenAI from "openai";`);
  } else if (provider === "anthropic") {
    s.line(cjs ? `const Anthropic = require("@anthropic-ai/sdk");` : `import Anthropic from "@anthropic-ai/sdk";`);
  } else if (provider === "ai-sdk") {
    s.line(`import { generateText } from "ai";`);
    s.line(`import { openai } from "@ai-sdk/openai";`);
  } else {
    s.line(cjs ? `const ollama = require("ollama");` : `import ollama from "ollama";`);
  }
}

function providerClient(provider, s) {
  if (provider === "openai") s.line(`const client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });`);
  else if (provider === "anthropic") s.line(`const anthropic = new Anthropic();`);
}

/** Writes `const <out> = await <call>` for one request; returns the expression for the reply text. */
function writeCall(rng, provider, s, { out, messagesExpr, system, maxTokens }) {
  if (provider === "openai") {
    const model = rng.pick(OPENAI_MODELS);
    const msgs = system ? `[{ role: "system", content: ${system} }, ...${messagesExpr}]` : messagesExpr;
    s.open(`const ${out} = await client.chat.completions.create({`);
    s.line(`model: ${JSON.stringify(model)},`);
    s.line(`messages: ${msgs},`);
    if (maxTokens !== undefined) s.line(`${rng.chance(0.6) ? "max_tokens" : "max_completion_tokens"}: ${maxTokens},`);
    if (rng.chance(0.3)) s.line(`temperature: ${rng.pick(["0", "0.2", "0.7"])},`);
    s.close(`});`);
    return `${out}.choices[0]?.message?.content ?? ""`;
  }
  if (provider === "anthropic") {
    s.open(`const ${out} = await anthropic.messages.create({`);
    s.line(`model: ${JSON.stringify(rng.pick(ANTHROPIC_MODELS))},`);
    s.line(`max_tokens: ${maxTokens ?? 1024},`);
    if (system) s.line(`system: ${system},`);
    s.line(`messages: ${messagesExpr},`);
    s.close(`});`);
    return `${out}.content.map((block) => (block.type === "text" ? block.text : "")).join("")`;
  }
  if (provider === "ai-sdk") {
    s.open(`const ${out} = await generateText({`);
    s.line(`model: openai(${JSON.stringify(rng.pick(OPENAI_MODELS))}),`);
    if (system) s.line(`system: ${system},`);
    s.line(`messages: ${messagesExpr},`);
    if (maxTokens !== undefined) s.line(`maxOutputTokens: ${maxTokens},`);
    s.close(`});`);
    return `${out}.text`;
  }
  s.open(`const ${out} = await ollama.chat({`);
  s.line(`model: ${JSON.stringify(rng.pick(OLLAMA_MODELS))},`);
  s.line(`messages: ${system ? `[{ role: "system", content: ${system} }, ...${messagesExpr}]` : messagesExpr},`);
  if (maxTokens !== undefined) s.line(`options: { num_predict: ${maxTokens} },`);
  s.close(`});`);
  return `${out}.message.content`;
}

function messageType(provider) {
  if (provider === "openai") return "OpenAI.Chat.ChatCompletionMessageParam";
  if (provider === "anthropic") return "Anthropic.MessageParam";
  return "{ role: \"system\" | \"user\" | \"assistant\"; content: string }";
}

/** The wrapper module of an agent package: `ask`, `chat`, `askJson`, prompt constants. */
function genLlmWrapper(ctx) {
  const { rng } = ctx;
  const provider = ctx.provider;
  const s = new Src();
  s.line(`// LLM access for the ${ctx.pkg} agent. Every model call in this package goes through here.`);
  providerSetup(provider, s, false);
  s.blank();
  writeImports(ctx, s);
  providerClient(provider, s);
  s.line(`export const MODEL_LABEL = ${JSON.stringify(provider)};`);
  s.line(`export const SYSTEM_PROMPT = ${JSON.stringify(`You are the ${ctx.pkg.replace(/-/g, " ")} assistant. Answer precisely and cite the record ids you used.`)};`);
  s.line(`export type ChatMessage = { role: "user" | "assistant"; content: string };`);
  s.blank();
  s.open(`export async function ask(prompt: string, maxTokens = ${rng.pick([256, 512, 800, 1024])}): Promise<string> {`);
  const text = writeCall(rng, provider, s, { out: "response", messagesExpr: `[{ role: "user" as const, content: prompt }]`, system: "SYSTEM_PROMPT", maxTokens: "maxTokens" });
  s.line(`return ${text};`);
  s.close();
  s.blank();
  s.open(`export async function chat(messages: ChatMessage[]): Promise<ChatMessage> {`);
  const text2 = writeCall(rng, provider, s, { out: "response", messagesExpr: "messages", system: "SYSTEM_PROMPT", maxTokens: rng.pick([512, 1024, 2048]) });
  s.line(`return { role: "assistant", content: ${text2} };`);
  s.close();
  s.blank();
  s.open(`export async function askJson<T>(prompt: string, fallback: T): Promise<T> {`);
  s.line(`const raw = await ask(\`\${prompt}\\n\\nReply with JSON only.\`);`);
  s.open(`try {`);
  s.line(`return JSON.parse(raw.slice(raw.indexOf("{"), raw.lastIndexOf("}") + 1)) as T;`);
  s.mid(`} catch {`);
  s.line(`return fallback;`);
  s.close();
  s.close();
  ctx.exports.push({ kind: "ask", name: "ask" }, { kind: "chat", name: "chat" }, { kind: "askJson", name: "askJson" }, { kind: "type", name: "ChatMessage" });
  padOrdinary(ctx, s, "util");
  return s.text();
}

// Agent patterns. Each writes one exported async function. `direct` patterns use the SDK client set
// up at the top of the file; `wrapped` ones use ask/chat imported from the package's llm wrapper.
const AGENT_PATTERNS = {
  chatLoop(ctx, s, mode) {
    const { rng, E } = ctx;
    const name = `run${E}Conversation${ctx.exports.length}`;
    const type = mode === "direct" ? messageType(ctx.provider) : "ChatMessage";
    s.open(`export async function ${name}(turns: string[]): Promise<string[]> {`);
    s.line(`const history: ${type}[] = [];`);
    s.line(`const replies: string[] = [];`);
    s.open(`for (const turn of turns) {`);
    s.line(`history.push({ role: "user", content: turn });`);
    if (mode === "direct") {
      const text = writeCall(rng, ctx.provider, s, { out: "completion", messagesExpr: "history", system: rng.chance(0.5) ? JSON.stringify(`You help with ${plural(ctx.entity)}.`) : undefined, maxTokens: rng.pick([400, 800, 1200, undefined]) });
      s.line(`const reply = ${text};`);
    } else {
      s.line(`const { content: reply } = await chat(history);`);
    }
    s.line(`history.push({ role: "assistant", content: reply });`);
    s.line(`replies.push(reply);`);
    s.close();
    s.line(`return replies;`);
    s.close();
    ctx.exports.push({ kind: "agent", name });
  },
  perItem(ctx, s, mode) {
    const { rng, E, entity } = ctx;
    const name = `${rng.pick(["summarize", "classify", "annotate", "review", "extractFrom"])}${plural(E)}${ctx.exports.length}`;
    s.open(`export async function ${name}(items: Array<{ id: string; body: string }>): Promise<Record<string, string>> {`);
    s.line(`const results: Record<string, string> = {};`);
    s.open(`for (const item of items) {`);
    s.line(`const prompt = \`${cap(rng.pick(VERBS))} this ${entity} (id \${item.id}):\\n\\n\${item.body}\`;`);
    if (mode === "direct") {
      const text = writeCall(rng, ctx.provider, s, { out: "response", messagesExpr: `[{ role: "user" as const, content: prompt }]`, maxTokens: rng.pick([200, 300, 500]) });
      s.line(`results[item.id] = ${text};`);
    } else {
      s.line(`results[item.id] = await ask(prompt, ${rng.pick([200, 300, 500])});`);
    }
    s.close();
    s.line(`return results;`);
    s.close();
    ctx.exports.push({ kind: "agent", name });
  },
  fanOut(ctx, s, mode) {
    const { rng, E, entity } = ctx;
    const name = `${rng.pick(["score", "tag", "translate", "rank", "label"])}${plural(E)}InParallel${ctx.exports.length}`;
    s.open(`export async function ${name}(docs: string[]): Promise<string[]> {`);
    if (mode === "direct") {
      s.open(`return Promise.all(`);
      s.open(`docs.map(async (doc, index) => {`);
      const text = writeCall(rng, ctx.provider, s, { out: "response", messagesExpr: `[{ role: "user" as const, content: \`${entity} #\${index}: \${doc}\` }]`, maxTokens: rng.pick([64, 128, 256]) });
      s.line(`return ${text};`);
      s.close(`}),`);
      s.close(`);`);
    } else if (rng.chance(0.5)) {
      s.line(`return Promise.all(docs.map((doc) => ask(\`${cap(rng.pick(VERBS))} the following ${entity}:\\n\${doc}\`)));`);
    } else {
      s.line(`const batches: string[][] = [];`);
      s.open(`for (let i = 0; i < docs.length; i += ${rng.int(4, 16)}) {`);
      s.line(`batches.push(docs.slice(i, i + ${rng.int(4, 16)}));`);
      s.close();
      s.line(`const out: string[] = [];`);
      s.open(`for (const batch of batches) {`);
      s.line(`out.push(...(await Promise.all(batch.map((doc) => ask(doc, ${rng.pick([128, 256])})))));`);
      s.close();
      s.line(`return out;`);
    }
    s.close();
    ctx.exports.push({ kind: "agent", name });
  },
  windowed(ctx, s, mode) {
    const { rng, E } = ctx;
    const name = `${camel(ctx.entity)}WindowedChat${ctx.exports.length}`;
    const window = rng.pick([4, 6, 8, 10, 20]);
    const type = mode === "direct" ? messageType(ctx.provider) : "ChatMessage";
    s.line(`const WINDOW_${ctx.exports.length} = ${window};`);
    s.open(`export async function ${name}(inbox: AsyncIterable<string>): Promise<number> {`);
    s.line(`const history: ${type}[] = [];`);
    s.line(`let turns = 0;`);
    s.open(`for await (const incoming of inbox) {`);
    s.line(`history.push({ role: "user", content: incoming });`);
    if (mode === "direct") {
      const text = writeCall(rng, ctx.provider, s, { out: "response", messagesExpr: `history.slice(-WINDOW_${ctx.exports.length})`, maxTokens: rng.pick([300, 600]) });
      s.line(`history.push({ role: "assistant", content: ${text} });`);
    } else {
      s.line(`history.push(await chat(history.slice(-WINDOW_${ctx.exports.length})));`);
    }
    s.line(`turns++;`);
    s.close();
    s.line(`console.log(\`${E}: \${turns} turns\`);`);
    s.line(`return turns;`);
    s.close();
    ctx.exports.push({ kind: "agent", name });
  },
  whileAgent(ctx, s, mode) {
    const { rng, E, entity } = ctx;
    const name = `solve${E}Task${ctx.exports.length}`;
    const type = mode === "direct" ? messageType(ctx.provider) : "ChatMessage";
    const bounded = rng.chance(0.5);
    s.open(`export async function ${name}(goal: string${bounded ? `, maxSteps = ${rng.pick([5, 8, 10, 25])}` : ""}): Promise<string> {`);
    s.line(`const messages: ${type}[] = [{ role: "user", content: \`Goal: \${goal}. Work step by step; say DONE when finished.\` }];`);
    s.line(`let step = 0;`);
    s.line(`let answer = "";`);
    s.open(bounded ? `while (step < maxSteps) {` : `while (!answer.includes("DONE")) {`);
    if (mode === "direct") {
      const text = writeCall(rng, ctx.provider, s, { out: "response", messagesExpr: "messages", maxTokens: rng.pick([512, 1024, 2048]) });
      s.line(`answer = ${text};`);
    } else {
      s.line(`answer = (await chat(messages)).content;`);
    }
    s.line(`messages.push({ role: "assistant", content: answer });`);
    s.open(`if (answer.includes("DONE")) {`);
    s.line(`break;`);
    s.close();
    s.line(`const observation = await lookup${E}Facts${ctx.exports.length}(answer);`);
    s.line(`messages.push({ role: "user", content: \`Observation: \${observation}\` });`);
    s.line(`step++;`);
    s.close();
    s.line(`return answer;`);
    s.close();
    s.blank();
    s.open(`async function lookup${E}Facts${ctx.exports.length}(query: string): Promise<string> {`);
    s.line(`const rows = await db.${camel(entity)}.findMany({ where: { title: { contains: query.slice(0, 40) } }, take: ${rng.int(3, 10)} });`);
    s.line(`return rows.map((r: { id: string; title?: string }) => \`\${r.id}: \${r.title ?? ""}\`).join("\\n");`);
    s.close();
    ctx.exports.push({ kind: "agent", name });
  },
  transcript(ctx, s, mode) {
    // History as a growing string, re-sent each turn.
    const { rng, E } = ctx;
    const name = `interview${E}${ctx.exports.length}`;
    s.open(`export async function ${name}(questions: string[]): Promise<string> {`);
    s.line(`let transcript = ${JSON.stringify(`Interview about ${plural(ctx.entity)}.\n`)};`);
    s.open(`for (const question of questions) {`);
    s.line(`transcript += \`Q: \${question}\\n\`;`);
    if (mode === "direct") {
      const text = writeCall(rng, ctx.provider, s, { out: "response", messagesExpr: `[{ role: "user" as const, content: transcript }]`, maxTokens: rng.pick([150, 300]) });
      s.line(`transcript += \`A: \${${text}}\\n\`;`);
    } else {
      s.line(`transcript += \`A: \${await ask(transcript, ${rng.pick([150, 300])})}\\n\`;`);
    }
    s.close();
    s.line(`return transcript;`);
    s.close();
    ctx.exports.push({ kind: "agent", name });
  },
  mapReduce(ctx, s, mode) {
    const { rng, E, entity } = ctx;
    const name = `digest${plural(E)}${ctx.exports.length}`;
    s.open(`export async function ${name}(sections: string[][]): Promise<string> {`);
    s.line(`const partials: string[] = [];`);
    s.open(`for (const section of sections) {`);
    s.open(`for (const chunk of section) {`);
    if (mode === "direct") {
      const text = writeCall(rng, ctx.provider, s, { out: "part", messagesExpr: `[{ role: "user" as const, content: \`Summarize this ${entity} excerpt:\\n\${chunk}\` }]`, maxTokens: 200 });
      s.line(`partials.push(${text});`);
    } else {
      s.line(`partials.push(await ask(\`Summarize this ${entity} excerpt:\\n\${chunk}\`, 200));`);
    }
    s.close();
    s.close();
    if (mode === "direct") {
      const text = writeCall(rng, ctx.provider, s, { out: "final", messagesExpr: `[{ role: "user" as const, content: \`Combine:\\n\${partials.join("\\n")}\` }]`, maxTokens: 800 });
      s.line(`return ${text};`);
    } else {
      s.line(`return ask(\`Combine these notes into one ${entity} digest:\\n\${partials.join("\\n")}\`, 800);`);
    }
    s.close();
    ctx.exports.push({ kind: "agent", name });
  },
  single(ctx, s, mode) {
    // A single call outside any loop, next to a loop that only builds the prompt (a near miss).
    const { rng, E, entity } = ctx;
    const name = `draft${E}Reply${ctx.exports.length}`;
    s.open(`export async function ${name}(facts: Array<{ key: string; value: string }>): Promise<string> {`);
    s.line(`const lines: string[] = [];`);
    s.open(`for (const fact of facts) {`);
    s.line(`lines.push(\`- \${fact.key}: \${fact.value}\`);`);
    s.close();
    if (mode === "direct") {
      const text = writeCall(rng, ctx.provider, s, { out: "response", messagesExpr: `[{ role: "user" as const, content: \`Draft a short reply about this ${entity}:\\n\${lines.join("\\n")}\` }]`, maxTokens: rng.pick([300, 500]) });
      s.line(`const draft = ${text};`);
    } else {
      s.line(`const draft = await ask(\`Draft a short reply about this ${entity}:\\n\${lines.join("\\n")}\`);`);
    }
    s.open(`for (const line of draft.split("\\n")) {`);
    s.line(`console.debug(line);`);
    s.close();
    s.line(`return draft;`);
    s.close();
    ctx.exports.push({ kind: "agent", name });
  },
};
const AGENT_PATTERN_WEIGHTS = [["chatLoop", 3], ["perItem", 3], ["fanOut", 3], ["windowed", 2], ["whileAgent", 2], ["transcript", 1], ["mapReduce", 1], ["single", 2]];

function genAgentFile(ctx) {
  const { rng } = ctx;
  const s = new Src();
  const mode = ctx.wrapperPath && rng.chance(0.6) ? "wrapped" : "direct";
  if (mode === "direct") providerSetup(ctx.provider, s, false);
  else s.line(`import { ask, chat, type ChatMessage } from ${JSON.stringify(ctx.wrapperPath)};`);
  writeImports(ctx, s);
  s.line(`declare const db: any;`);
  s.blank();
  if (mode === "direct") {
    providerClient(ctx.provider, s);
    s.blank();
  }
  const count = rng.int(1, 3) + Math.floor(ctx.targetLines / 250);
  const usedAsk = { ask: false, chat: false };
  for (let i = 0; i < count; i++) {
    const p = rng.weighted(AGENT_PATTERN_WEIGHTS);
    const before = s.count;
    AGENT_PATTERNS[p](ctx, s, mode);
    const body = s.lines.slice(before).join("\n");
    if (/\bask\(/.test(body)) usedAsk.ask = true;
    if (/\bchat\(/.test(body)) usedAsk.chat = true;
    s.blank();
    // Ordinary helpers between agent functions (prompt building, parsing).
    if (rng.chance(0.7)) {
      rng.weighted(ORDINARY_FRAGMENTS.agentPad)(ctx, s);
      s.blank();
    }
  }
  if (mode === "wrapped" && !(usedAsk.ask && usedAsk.chat)) {
    // Keep both imports used, as lint-clean code would.
    s.open(`export async function quickCheck${ctx.E}${ctx.exports.length}(text: string): Promise<ChatMessage> {`);
    s.line(`const verdict = await ask(\`Is this ${ctx.entity} text complete? \${text}\`, 16);`);
    s.line(`return chat([{ role: "user", content: verdict }]);`);
    s.close();
    ctx.exports.push({ kind: "agent", name: `quickCheck${ctx.E}${ctx.exports.length}` });
    s.blank();
  }
  padOrdinary(ctx, s, "agentPad");
  return s.text();
}

// ---------------------------------------------------------------------------------------------
// Imports, padding, file assembly

function relImport(fromFile, toFile) {
  let rel = path.posix.relative(path.posix.dirname(fromFile), toFile).replace(/\.(ts|js)$/, "").replace(/\/index$/, "");
  if (rel === "index" || rel === "") rel = ".";
  if (!rel.startsWith(".")) rel = "./" + rel;
  return rel;
}

function writeImports(ctx, s) {
  for (const group of ctx.importGroups) {
    const names = group.names.map((n) => n.name);
    if (ctx.cjs) s.line(`const { ${names.join(", ")} } = require(${JSON.stringify(group.spec)});`);
    else {
      const typeOnly = group.names.every((n) => n.kind === "type");
      s.line(`import ${typeOnly ? "type " : ""}{ ${group.names.map((n) => (n.kind === "type" && !typeOnly ? "type " : "") + n.name).join(", ")} } from ${JSON.stringify(group.spec)};`);
    }
  }
}

function padOrdinary(ctx, s, kind) {
  const frags = ORDINARY_FRAGMENTS[kind];
  let guard = 0;
  while (s.count < ctx.targetLines - 12 && guard++ < 10000) {
    s.blank();
    ctx.rng.weighted(frags)(ctx, s);
  }
  // Use what remains imported, as real modules do.
  const unused = ctx.imports.filter((i) => !i.used);
  const types = unused.filter((i) => i.kind === "type");
  const values = unused.filter((i) => i.kind !== "type");
  if (types.length > 0 && !ctx.cjs) {
    s.blank();
    s.line(`export type ${pascal(ctx.baseName)}Refs = ${types.map((t) => `${t.name}[]`).join(" | ")};`);
    for (const t of types) t.used = true;
  }
  if (values.length > 0) {
    s.blank();
    const name = `init${pascal(ctx.baseName)}`;
    s.open(`${ctx.cjs ? "" : "export "}async function ${name}(seed${ctx.cjs ? "" : ": string"}) {`);
    s.line(`let score = 0;`);
    for (const v of values) {
      v.used = true;
      switch (v.kind) {
        case "fn":
          s.line(`score += ${v.name}(seed).length;`);
          break;
        case "afn":
          s.line(`score += (await ${v.name}(seed)) ? 1 : 0;`);
          break;
        case "const":
          s.line(`score += ${v.name}.limit;`);
          break;
        case "class":
          s.line(`score += new ${v.name}().describe().length;`);
          break;
        case "util":
          s.line(`score += typeof ${v.name} === "function" ? 1 : 0;`);
          break;
        case "ask":
          s.line(`score += (await ${v.name}(seed)).length;`);
          break;
        case "agent":
          s.line(`score += typeof ${v.name} === "function" ? ${v.name}.length : 0;`);
          break;
        default:
          s.line(`score += ${JSON.stringify(v.name)}.length;`);
      }
    }
    if (ctx.cjs) {
      ctx.exports.push({ kind: "afn", name });
    } else ctx.exports.push({ kind: "afn", name });
    s.line(`return score;`);
    s.close();
  }
}

/**
 * Removes imported names that the file also declares (generated names can coincide), so that the
 * file type-checks; the uses then refer to the local declaration, of the same shape.
 */
function dropShadowedImports(text) {
  const declared = new Set();
  for (const m of text.matchAll(/^(?:export )?(?:declare )?(?:async )?(?:function|class|const|let|interface|type|enum) ([A-Za-z_$][\w$]*)/gm)) declared.add(m[1]);
  return text.replace(/^import (type )?\{ ([^}]*) \} from ("[^"]*");\n/gm, (line, typeOnly, list, spec) => {
    const kept = list.split(", ").filter((n) => !declared.has(n.replace(/^type /, "")));
    if (kept.length === list.split(", ").length) return line;
    return kept.length ? `import ${typeOnly ?? ""}{ ${kept.join(", ")} } from ${spec};\n` : "";
  });
}

function genOrdinaryFile(ctx) {
  const s = new Src();
  if (ctx.cjs) s.line(`"use strict";`);
  s.line(`// ${ctx.domain}/${ctx.baseName}: ${ctx.kind === "spec" ? "behaviour checks" : `${ctx.kind} code`} for ${plural(ctx.entity)}.`);
  writeImports(ctx, s);
  if (ctx.kind === "handler" && !ctx.cjs) s.line(`import type { Request, Response, Router } from "express";`);
  if (!ctx.cjs && ctx.kind !== "model") s.line(`declare const db: any;`);
  if (ctx.kind === "spec") s.line(`import { describe, it, expect } from "vitest";`);
  if (ctx.cjs) s.line(`const db = globalThis.__db;`);
  s.blank();
  const frags = ORDINARY_FRAGMENTS[ctx.cjs ? "cjs" : ctx.kind];
  // Always one fragment, then pad.
  ctx.rng.weighted(frags)(ctx, s);
  padOrdinary(ctx, s, ctx.cjs ? "cjs" : ctx.kind);
  if (ctx.cjs) {
    s.blank();
    s.line(`module.exports = { ${ctx.exports.map((e) => e.name).join(", ")} };`);
  }
  return s.text();
}

function genIndexFile(ctx, children) {
  const s = new Src();
  s.line(`// Public surface of ${ctx.dirLabel}.`);
  // Each name is re-exported once (the first child that has it), as a type-clean index must be.
  const taken = new Set();
  for (const child of children) {
    const spec = relImport(ctx.path, child.path);
    if (child.exports.length === 0) continue;
    const fresh = child.exports.filter((e) => !taken.has(e.name));
    const star = ctx.rng.chance(0.6);
    if (fresh.length === 0) continue;
    for (const e of fresh) taken.add(e.name);
    if (star && fresh.length === child.exports.length) s.line(`export * from ${JSON.stringify(spec)};`);
    else {
      const values = fresh.filter((e) => e.kind !== "type").map((e) => e.name);
      const types = fresh.filter((e) => e.kind === "type").map((e) => e.name);
      if (values.length) s.line(`export { ${values.join(", ")} } from ${JSON.stringify(spec)};`);
      if (types.length) s.line(`export type { ${types.join(", ")} } from ${JSON.stringify(spec)};`);
    }
  }
  return s.text();
}

// ---------------------------------------------------------------------------------------------
// Planning

function sizeTarget(rng) {
  // Mostly 60–220 lines, a tail up to 400.
  return rng.weighted([
    [rng.int(50, 100), 30],
    [rng.int(100, 180), 35],
    [rng.int(180, 260), 20],
    [rng.int(260, 400), 15],
  ]);
}

/** Plans whose directory gets an index.ts (see generateFiles), plus the root src/index.ts. */
function indexFilesFor(plans) {
  const dirs = new Set();
  for (const p of plans) {
    const dir = path.posix.dirname(p.path);
    if (p.cjs || p.kind === "spec" || dir.includes("__tests__") || dir.startsWith("src/generated") || dir.startsWith("src/legacy")) continue;
    dirs.add(dir);
  }
  return dirs.size + 1;
}

/** Plans the files; a second pass corrects the domain file count so the total matches `files`. */
function planWorkspace(params) {
  const first = planOnce(params, 0);
  const short = params.files - (first.length + indexFilesFor(first));
  return short === 0 ? first : planOnce(params, short);
}

function planOnce(params, adjust) {
  const rng = new Rng(`${params.seed}:plan`);
  const total = params.files;
  const plans = [];
  // Shared utilities and models first: many files import them.
  const sharedCount = Math.max(20, Math.round(total * 0.04));
  for (let i = 0; i < sharedCount; i++) {
    const kind = i % 3 === 0 ? "model" : "util";
    const entity = ENTITIES[i % ENTITIES.length];
    const n = i >= ENTITIES.length ? String(Math.floor(i / ENTITIES.length) + 1) : "";
    plans.push({ path: `src/shared/${kind === "model" ? "models" : "utils"}/${kebab(entity)}${n}${kind === "model" ? ".model" : ".utils"}.ts`, kind, entity, domain: "shared", group: `shared-${kind}` });
  }
  const agentTarget = Math.round(total * params.agentShare);
  let agentFiles = 0;
  // Agent packages.
  const pkgCount = Math.max(4, Math.round(agentTarget / 14));
  const pkgs = [];
  for (let i = 0; i < pkgCount; i++) {
    const pkg = AGENT_PACKAGES[i % AGENT_PACKAGES.length] + (i >= AGENT_PACKAGES.length ? `-${Math.floor(i / AGENT_PACKAGES.length) + 1}` : "");
    const provider = PROVIDERS[i % PROVIDERS.length];
    const wrapper = { path: `src/agents/${pkg}/llm.ts`, kind: "llm", entity: rng.pick(ENTITIES), domain: pkg, group: `agent-${pkg}`, provider, pkg };
    plans.push(wrapper);
    pkgs.push(wrapper);
    agentFiles++;
  }
  // Domain modules, with agent files interleaved so that ~agentShare of all files call an LLM.
  const reservedIndexes = Math.ceil(total / 40) + pkgCount + 4;
  const remaining = total - plans.length - reservedIndexes - params.largeFiles + adjust;
  const domainCount = Math.max(8, Math.round(remaining / 40));
  const perDomain = remaining / domainCount;
  let made = 0;
  for (let d = 0; d < domainCount; d++) {
    const domain = DOMAINS[d % DOMAINS.length] + (d >= DOMAINS.length ? String(Math.floor(d / DOMAINS.length) + 1) : "");
    const want = Math.round(perDomain * (d + 1)) - made;
    const entities = rng.pickN(ENTITIES, 6);
    for (let i = 0; i < want; i++) {
      made++;
      const entity = entities[i % entities.length];
      const agentLeft = agentTarget - agentFiles;
      const filesLeft = total - plans.length;
      if (agentLeft > 0 && rng.chance(Math.min(0.9, (agentLeft / Math.max(1, filesLeft)) * 1.1))) {
        // Agent file: most live in an agent package, some inside the domain module.
        const pkg = rng.pick(pkgs);
        const inPkg = rng.chance(0.6);
        const suffix = rng.pick(["agent", "assistant", "pipeline", "workflow", "bot", "chain"]);
        const dir = inPkg ? `src/agents/${pkg.pkg}` : `src/modules/${domain}`;
        plans.push({ path: `${dir}/${kebab(entity)}-${suffix}${inPkg ? made : i}.ts`, kind: "agent", entity, domain, group: inPkg ? pkg.group : `mod-${domain}`, provider: rng.chance(0.8) ? pkg.provider : rng.pick(PROVIDERS), wrapper: rng.chance(0.85) ? pkg : undefined });
        agentFiles++;
        continue;
      }
      const kind = rng.weighted([["model", 2], ["repo", 2], ["service", 3], ["handler", 2], ["util", 2], ["spec", 2], ["cjs", 0.6]]);
      if (kind === "spec") plans.push({ path: `src/modules/${domain}/__tests__/${kebab(entity)}.${rng.pick(["service", "repo", "routes", "utils"])}${i}.spec.ts`, kind, entity, domain, group: `spec-${domain}` });
      else if (kind === "cjs") plans.push({ path: `src/legacy/${domain}/${kebab(entity)}-${rng.pick(["job", "script", "task", "helpers"])}${i}.js`, kind: "util", cjs: true, entity, domain, group: `cjs-${domain}` });
      else plans.push({ path: `src/modules/${domain}/${kebab(entity)}.${kind}${i}.ts`, kind, entity, domain, group: `mod-${domain}` });
    }
  }
  // A CommonJS agent script, as legacy code often has one.
  plans.push({ path: `src/legacy/scripts/nightly-summary.js`, kind: "agent-cjs", cjs: true, entity: "report", domain: "legacy", group: "cjs-scripts", provider: "openai" });
  agentFiles++;
  // Large files.
  const largeKinds = [["service", "src/legacy/monolith/order-engine.ts"], ["agent", "src/agents/orchestrator/workflows.ts"], ["util", "src/generated/api-client.ts"], ["model", "src/generated/schema-types.ts"], ["spec", "src/modules/e2e/__tests__/full-suite.spec.ts"], ["repo", "src/legacy/monolith/data-access.ts"], ["agent", "src/agents/orchestrator/playbooks.ts"], ["handler", "src/legacy/monolith/routes.ts"], ["util", "src/legacy/monolith/helpers.js"], ["service", "src/legacy/monolith/billing-engine.ts"]];
  for (let i = 0; i < params.largeFiles; i++) {
    const [kind, p] = largeKinds[i % largeKinds.length];
    const filePath = i < largeKinds.length ? p : p.replace(/(\.\w+)$/, `-${i}$1`);
    const plan = { path: filePath, kind, entity: ENTITIES[(i * 7) % ENTITIES.length], domain: "monolith", group: "large", large: true, cjs: filePath.endsWith(".js") };
    if (kind === "agent") {
      plan.provider = PROVIDERS[i % PROVIDERS.length];
      agentFiles++;
    }
    plans.push(plan);
  }
  const seen = new Set();
  for (const p of plans) {
    if (seen.has(p.path)) throw new Error(`generator bug: two files planned at ${p.path}`);
    seen.add(p.path);
  }
  return plans;
}

// ---------------------------------------------------------------------------------------------
// Generation

function buildContext(params, plan, rng) {
  const baseName = camel(path.posix.basename(plan.path).replace(/\.(spec\.)?(ts|js)$/, "").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-+|-+$/g, ""));
  return {
    rng,
    domain: plan.domain,
    entity: plan.entity,
    E: pascal(plan.entity),
    kind: plan.kind,
    cjs: !!plan.cjs,
    path: plan.path,
    baseName: baseName || "module",
    exports: [],
    imports: [],
    importGroups: [],
    targetLines: plan.large ? rng.int(2000, 3000) : sizeTarget(rng),
    provider: plan.provider,
    pkg: plan.pkg,
  };
}

function chooseImports(ctx, plan, done, byGroup, shared) {
  const { rng } = ctx;
  const candidates = [];
  const sameGroup = (byGroup.get(plan.group) ?? []).filter((p) => p.exports.length > 0 && p.kind !== "llm");
  const sameCjs = !!plan.cjs;
  const eligible = (p) => !!p.cjs === sameCjs && p.exports.length > 0 && p.kind !== "spec";
  const n = plan.kind === "llm" ? 0 : rng.int(1, plan.large ? 8 : 4);
  for (const p of rng.pickN(sameGroup.filter(eligible), Math.min(n, 3))) candidates.push({ plan: p, spec: relImport(plan.path, p.path) });
  if (!sameCjs) {
    if (rng.chance(0.6) && shared.length) {
      const p = rng.pick(shared);
      if (!candidates.some((c) => c.plan === p)) candidates.push({ plan: p, spec: relImport(plan.path, p.path) });
    }
    // Another module's public index.
    if (rng.chance(0.3) && done.indexes.length) {
      const idx = rng.pick(done.indexes);
      if (path.posix.dirname(idx.path) !== path.posix.dirname(plan.path) && idx.exports.length) candidates.push({ plan: idx, spec: relImport(plan.path, idx.path) });
    }
  }
  const seenNames = new Set();
  for (const c of candidates.slice(0, n + 1)) {
    const pool = c.plan.exports.filter((e) => !seenNames.has(e.name) && e.kind !== "agent" && e.kind !== "askJson" && e.kind !== "chat");
    const picked = rng.pickN(pool, rng.int(1, Math.min(3, pool.length)));
    if (picked.length === 0) continue;
    for (const e of picked) seenNames.add(e.name);
    ctx.importGroups.push({ spec: c.spec, names: picked });
    for (const e of picked) ctx.imports.push({ ...e, used: false });
  }
}

function genNightlyCjs(ctx) {
  const s = new Src();
  s.line(`"use strict";`);
  s.line(`// Nightly job: summarize yesterday's reports with one request per report.`);
  providerSetup("openai", s, true);
  writeImports(ctx, s);
  s.line(`const client = new OpenAI();`);
  s.blank();
  s.open(`async function summarizeReports(reports) {`);
  s.line(`const out = [];`);
  s.open(`for (const report of reports) {`);
  s.open(`const completion = await client.chat.completions.create({`);
  s.line(`model: "gpt-4o-mini",`);
  s.line(`messages: [{ role: "user", content: "Summarize:\\n" + report.body }],`);
  s.line(`max_tokens: 300,`);
  s.close(`});`);
  s.line(`out.push({ id: report.id, summary: completion.choices[0].message.content });`);
  s.close();
  s.line(`return out;`);
  s.close();
  ctx.cjs = true;
  padOrdinary(ctx, s, "cjs");
  s.blank();
  s.line(`module.exports = { summarizeReports${ctx.exports.length ? ", " + ctx.exports.map((e) => e.name).join(", ") : ""} };`);
  return s.text();
}

export function generateFiles(params) {
  const plans = planWorkspace(params);
  const out = new Map(); // path -> text
  const byGroup = new Map();
  const done = { indexes: [] };
  const shared = [];
  let agentFiles = 0;
  const dirs = new Map(); // dir -> plans (non-spec TS) for index files
  const lastInDir = new Map(); // dir -> its last plan, after which the dir's index is written
  for (const plan of plans) lastInDir.set(path.posix.dirname(plan.path), plan);
  for (const plan of plans) {
    const rng = new Rng(`${params.seed}:${plan.path}`);
    const ctx = buildContext(params, plan, rng);
    if (plan.kind === "agent" && plan.wrapper) ctx.wrapperPath = relImport(plan.path, plan.wrapper.path);
    chooseImports(ctx, plan, done, byGroup, shared);
    let text;
    if (plan.kind === "llm") text = genLlmWrapper(ctx);
    else if (plan.kind === "agent") text = genAgentFile(ctx);
    else if (plan.kind === "agent-cjs") text = genNightlyCjs(ctx);
    else text = genOrdinaryFile(ctx);
    if (plan.kind === "llm" || plan.kind.startsWith("agent")) agentFiles++;
    plan.exports = ctx.exports;
    out.set(plan.path, plan.cjs ? text : dropShadowedImports(text));
    if (!byGroup.has(plan.group)) byGroup.set(plan.group, []);
    byGroup.get(plan.group).push(plan);
    if (plan.domain === "shared") shared.push(plan);
    const dir = path.posix.dirname(plan.path);
    if (!plan.cjs && plan.kind !== "spec" && !dir.includes("__tests__")) {
      if (!dirs.has(dir)) dirs.set(dir, []);
      dirs.get(dir).push(plan);
    }
    // Close a module with its index as soon as the next plan leaves the directory, so that later
    // modules can import it.
    if (dirs.has(dir) && lastInDir.get(dir) === plan && dir.startsWith("src/modules/")) {
      const idx = { path: `${dir}/index.ts`, exports: dirs.get(dir).flatMap((p) => p.exports) };
      const ictx = buildContext(params, { ...plan, path: idx.path }, new Rng(`${params.seed}:${idx.path}`));
      ictx.dirLabel = dir;
      out.set(idx.path, genIndexFile(ictx, dirs.get(dir)));
      dirs.delete(dir);
      done.indexes.push(idx);
    }
  }
  // Remaining index files (agent packages, shared folders), and the root index.
  const rootExports = [];
  for (const [dir, children] of [...dirs.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (dir.startsWith("src/generated") || dir.startsWith("src/legacy")) continue;
    const idxPath = `${dir}/index.ts`;
    if (out.has(idxPath)) continue;
    const ictx = buildContext(params, { ...children[0], path: idxPath }, new Rng(`${params.seed}:${idxPath}`));
    ictx.dirLabel = dir;
    out.set(idxPath, genIndexFile(ictx, children));
    rootExports.push(idxPath);
  }
  {
    const s = new Src();
    s.line(`// Application entry: wires the modules and agent packages together.`);
    const names = rootExports.concat(done.indexes.map((i) => i.path)).sort();
    for (const [i, p] of names.entries()) s.line(`import * as m${i} from ${JSON.stringify(relImport("src/index.ts", p))};`);
    s.blank();
    s.line(`export const modules = { ${names.map((_, i) => `m${i}`).join(", ")} };`);
    s.line(`export const moduleCount = Object.keys(modules).length;`);
    out.set("src/index.ts", s.text());
  }
  out.set("package.json", JSON.stringify({ name: "bench-workspace", private: true, version: "0.0.0", type: "commonjs", dependencies: { openai: "^6.0.0", "@anthropic-ai/sdk": "^0.60.0", ai: "^5.0.0", "@ai-sdk/openai": "^2.0.0", ollama: "^0.5.0", express: "^5.0.0" }, devDependencies: { vitest: "^3.0.0" } }, null, 2) + "\n");
  addStubTypings(out);
  out.set("tsconfig.json", JSON.stringify({ compilerOptions: { target: "ES2022", module: "commonjs", strict: true, allowJs: true, noEmit: true, skipLibCheck: true, esModuleInterop: true, types: ["node"] }, include: ["src"] }, null, 2) + "\n");
  return { files: out, agentFiles };
}

// ---------------------------------------------------------------------------------------------
// Stub typings of the packages the workspace imports, as node_modules/<name>/index.d.ts: only the
// shapes the generated code uses, so that the workspace type-checks without a network install.
// (`process`, `require` etc. come from @types/node, found in node_modules/@types above the workspace
// as tsc does; see `types` in the generated tsconfig.json.)

const STUB_TYPINGS = {
  openai: `declare namespace OpenAI {
  interface ClientOptions { apiKey?: string; baseURL?: string }
  namespace Chat {
    type ChatCompletionMessageParam = { role: "system" | "developer" | "user" | "assistant"; content: string };
    interface ChatCompletionCreateParams {
      model: string;
      messages: ChatCompletionMessageParam[];
      max_tokens?: number;
      max_completion_tokens?: number;
      temperature?: number;
    }
    interface ChatCompletion {
      id: string;
      choices: Array<{ index: number; message: { role: "assistant"; content: string | null } }>;
      usage?: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
    }
  }
}
declare class OpenAI {
  constructor(options?: OpenAI.ClientOptions);
  chat: { completions: { create(body: OpenAI.Chat.ChatCompletionCreateParams): Promise<OpenAI.Chat.ChatCompletion> } };
}
export = OpenAI;
`,
  "@anthropic-ai/sdk": `declare namespace Anthropic {
  type MessageParam = { role: "user" | "assistant"; content: string };
  type ContentBlock = { type: "text"; text: string } | { type: "tool_use"; id: string; name: string; input: unknown };
  interface Message { id: string; content: ContentBlock[]; usage: { input_tokens: number; output_tokens: number } }
  interface MessageCreateParams { model: string; max_tokens: number; system?: string; messages: MessageParam[]; temperature?: number }
}
declare class Anthropic {
  constructor(options?: { apiKey?: string });
  messages: { create(body: Anthropic.MessageCreateParams): Promise<Anthropic.Message> };
}
export = Anthropic;
`,
  ai: `export interface LanguageModel { readonly modelId: string; readonly provider: string }
export type ModelMessage = { role: "system" | "user" | "assistant"; content: string };
export declare function generateText(options: { model: LanguageModel; system?: string; prompt?: string; messages?: ModelMessage[]; maxOutputTokens?: number; temperature?: number }): Promise<{ text: string; usage: { inputTokens?: number; outputTokens?: number } }>;
`,
  "@ai-sdk/openai": `import type { LanguageModel } from "ai";
export declare function openai(modelId: string): LanguageModel;
`,
  ollama: `export type Message = { role: "system" | "user" | "assistant"; content: string };
export interface ChatResponse { model: string; message: Message; done: boolean }
declare const ollama: { chat(request: { model: string; messages: Message[]; options?: { num_predict?: number; temperature?: number } }): Promise<ChatResponse> };
export default ollama;
`,
  express: `export interface Request { params: Record<string, string>; query: Record<string, string | string[] | undefined>; body: unknown }
export interface Response { status(code: number): Response; json(body: unknown): Response }
type Handler = (req: Request, res: Response) => unknown;
export interface Router { get(path: string, handler: Handler): Router; post(path: string, handler: Handler): Router; put(path: string, handler: Handler): Router; patch(path: string, handler: Handler): Router; delete(path: string, handler: Handler): Router }
export declare function Router(): Router;
`,
  vitest: `export declare function describe(name: string, body: () => void): void;
export declare function it(name: string, body: () => Promise<void> | void): void;
export declare const expect: (value: unknown) => any;
`,
};

function addStubTypings(out) {
  for (const [name, dts] of Object.entries(STUB_TYPINGS)) {
    out.set(`node_modules/${name}/package.json`, JSON.stringify({ name, version: "0.0.0-stub", types: "index.d.ts" }, null, 2) + "\n");
    out.set(`node_modules/${name}/index.d.ts`, dts);
  }
}

function isSource(p) {
  return SOURCE_EXTENSIONS.some((e) => p.endsWith(e));
}

/** Lists source files under dir (sorted, relative with forward slashes), skipping node_modules and dot-folders. */
export function listSourceFiles(dir) {
  const out = [];
  const walk = (abs, rel) => {
    for (const ent of fs.readdirSync(abs, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (ent.name.startsWith(".") || ent.name === "node_modules") continue;
      const r = rel ? `${rel}/${ent.name}` : ent.name;
      if (ent.isDirectory()) walk(path.join(abs, ent.name), r);
      else if (ent.isFile() && isSource(ent.name)) out.push(r);
    }
  };
  walk(dir, "");
  return out;
}

function paramsOf(opts) {
  return { files: opts.files ?? DEFAULTS.files, seed: String(opts.seed ?? DEFAULTS.seed), agentShare: opts.agentShare ?? DEFAULTS.agentShare, largeFiles: opts.largeFiles ?? DEFAULTS.largeFiles };
}

function readMarker(dir) {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, MARKER_NAME), "utf8"));
  } catch {
    return undefined;
  }
}

/**
 * Generates the workspace into `dir` unless a marker with the same generator version and
 * parameters is there. Refuses to clear a non-empty folder that it did not generate.
 */
export async function ensureWorkspace(opts = {}) {
  const dir = path.resolve(opts.dir ?? ".bench/workspace");
  const params = paramsOf(opts);
  const marker = readMarker(dir);
  if (!opts.force && marker && marker.version === GENERATOR_VERSION && marker.sourceHash === SOURCE_HASH && JSON.stringify(marker.params) === JSON.stringify(params)) {
    return { dir, generated: false, ms: 0, stats: marker.stats };
  }
  if (fs.existsSync(dir)) {
    const entries = fs.readdirSync(dir);
    if (entries.length > 0 && !marker) throw new Error(`refusing to overwrite ${dir}: not empty and has no ${MARKER_NAME}`);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const t0 = performance.now();
  const { files, agentFiles } = generateFiles(params);
  let lines = 0;
  let bytes = 0;
  let sourceFiles = 0;
  let largest = 0;
  const made = new Set();
  for (const [rel, text] of files) {
    const abs = path.join(dir, rel);
    const d = path.dirname(abs);
    if (!made.has(d)) {
      fs.mkdirSync(d, { recursive: true });
      made.add(d);
    }
    fs.writeFileSync(abs, text);
    if (isSource(rel) && !rel.startsWith("node_modules/")) {
      sourceFiles++;
      const n = text.split("\n").length - 1;
      lines += n;
      largest = Math.max(largest, n);
      bytes += Buffer.byteLength(text);
    }
  }
  const ms = performance.now() - t0;
  const stats = { files: sourceFiles, lines, bytes, agentFiles, agentShare: +(agentFiles / sourceFiles).toFixed(3), largestFileLines: largest };
  fs.writeFileSync(path.join(dir, MARKER_NAME), JSON.stringify({ version: GENERATOR_VERSION, sourceHash: SOURCE_HASH, params, stats, generationMs: Math.round(ms) }, null, 2) + "\n");
  return { dir, generated: true, ms, stats };
}

// ---------------------------------------------------------------------------------------------
// CLI

function parseArgs(argv) {
  const opts = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--dir") opts.dir = argv[++i];
    else if (a === "--files") opts.files = Number(argv[++i]);
    else if (a === "--seed") opts.seed = argv[++i];
    else if (a === "--large-files") opts.largeFiles = Number(argv[++i]);
    else if (a === "--force") opts.force = true;
    else throw new Error(`unknown argument: ${a}`);
  }
  return opts;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const info = await ensureWorkspace(parseArgs(process.argv.slice(2)));
    console.log(JSON.stringify({ dir: info.dir, generated: info.generated, ms: Math.round(info.ms), ...info.stats }));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
