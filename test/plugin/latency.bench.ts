// Benchmark: what the plugin adds to `semanticDiagnosticsSync` on a 3,000-line agent file, against
// the same tsserver without the plugin, in one run. Each round makes one edit (a new program
// version) — a digit typed into a comment or into a prompt in the middle of the file, or a line
// break in the middle — then asks both servers, in turn, for diagnostics. Prints p50/p95 per kind
// of edit and what the plugin adds.
// Run: npm run bench:plugin
import * as path from "node:path";
import { TsServer, pluginProbe, projectFolder } from "./tsserver";

// The p95 of a 140 ms request on a shared 2-core machine, two processes apart, moves by ±15 ms
// between runs of 55 samples: the default takes 245 (ROUNDS=500 for a closer figure).
const ROUNDS = Number(process.env.ROUNDS ?? 250);
/** The first rounds of each kind warm the JIT and the lib files. */
const WARMUP = 5;
const BUNDLE = path.resolve(__dirname, "../../../dist/tsserver-plugin/index.js");

function agentFile(lines: number): string {
  const out = [`import OpenAI from "openai";`, `const client = new OpenAI();`, `// edit marker: 0`];
  for (let i = 0; out.length < lines; i++) {
    out.push(
      `export async function chat${i}(questions: string[], limit: number): Promise<string[]> {`,
      `  const messages: { role: string; content: string }[] = [{ role: "system", content: "Agent ${i}" }];`,
      `  const answers: string[] = [];`,
      `  for (const q of questions.slice(0, limit)) {`,
      `    messages.push({ role: "user", content: q });`,
      `    const r = await client.chat.completions.create({ model: "gpt-4o", max_tokens: 200, messages });`,
      `    const answer = r.choices[0].message.content ?? "";`,
      `    messages.push({ role: "assistant", content: answer });`,
      `    answers.push(answer.trim().toLowerCase());`,
      `  }`,
      `  return answers;`,
      `}`,
      `export function format${i}(rows: { id: number; name: string }[]): string {`,
      `  return rows.map((r) => \`\${r.id}: \${r.name}\`).join("\\n");`,
      `}`,
    );
  }
  return out.slice(0, lines).join("\n") + "\n";
}

const STUB = `export default class OpenAI {
  chat: { completions: { create(body: { model: string; max_tokens?: number; messages: { role: string; content: string }[] }): Promise<{ choices: { message: { content: string | null } }[] }> } };
}
`;

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

interface Change {
  readonly line: number;
  readonly offset: number;
  readonly endLine: number;
  readonly endOffset: number;
  readonly insertString: string;
}

/** What a round types, by kind: the n-th change of that kind keeps the code valid. */
interface EditKind {
  readonly name: string;
  change(n: number): Change;
}

function editKinds(text: string): EditKind[] {
  const lines = text.split("\n");
  const at = (needle: string): { line: number; offset: number } => {
    const i = lines.findIndex((l) => l.includes(needle));
    // 1-based: the needle's last character.
    return { line: i + 1, offset: lines[i]!.indexOf(needle) + needle.length };
  };
  const digit = (name: string, needle: string): EditKind => {
    const { line, offset } = at(needle);
    return { name, change: (n) => ({ line, offset, endLine: line, endOffset: offset + 1, insertString: String(n % 10) }) };
  };
  const middle = at(`content: "Agent 100`).line;
  return [
    // Typing within a line: a digit in a comment above the first function, or in a prompt in the middle.
    digit("digit in a comment", "// edit marker: 0"),
    digit("digit in a prompt", `content: "Agent 100`),
    // A line break in the middle, then its removal: every statement below moves.
    { name: "line break in the middle", change: (n) => (n % 2 ? { line: middle, offset: 1, endLine: middle, endOffset: 1, insertString: "\n" } : { line: middle, offset: 1, endLine: middle + 1, endOffset: 1, insertString: "" }) },
  ];
}

interface Subject {
  readonly name: string;
  readonly server: TsServer;
  readonly file: string;
  readonly times: Map<string, number[]>;
}

/** One edit and one diagnostics request on one server: the request's time. */
async function round(s: Subject, change: Change): Promise<number> {
  await s.server.notify("change", { file: s.file, ...change });
  const t0 = process.hrtime.bigint();
  const r = await s.server.request("semanticDiagnosticsSync", { file: s.file });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (!r.success) throw new Error(r.message);
  return ms;
}

async function main(): Promise<void> {
  const files = {
    "tsconfig.json": JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: "ES2022", module: "commonjs", lib: ["es2022"], types: [] }, include: ["src"] }),
    "node_modules/openai/package.json": JSON.stringify({ name: "openai", types: "index.d.ts" }),
    "node_modules/openai/index.d.ts": STUB,
    "src/agents.ts": agentFile(3000),
  };
  const kinds = editKinds(files["src/agents.ts"]);
  const subjects: Subject[] = [];
  let ownTimes = new Map<string, number[]>();
  try {
    for (const [name, probe] of [["without plugin", undefined], ["with plugin", pluginProbe(BUNDLE)]] as const) {
      const dir = projectFolder(files);
      const subject = { name, server: new TsServer(probe, "normal"), file: path.join(dir, "src/agents.ts"), times: new Map(kinds.map((k) => [k.name, [] as number[]])) };
      subjects.push(subject);
      await subject.server.notify("open", { file: subject.file, projectRootPath: dir });
    }
    // The servers take turns, first one then the other, so a busy machine slows both alike.
    for (let i = 0; i < ROUNDS * kinds.length; i++) {
      const kind = kinds[i % kinds.length]!;
      const n = Math.floor(i / kinds.length) + 1;
      for (const s of i % 2 ? subjects : [...subjects].reverse()) {
        const ms = await round(s, kind.change(n));
        if (n > WARMUP) s.times.get(kind.name)!.push(ms);
      }
    }
    // The plugin's own share, from the timings it logs for each request (the rest of the
    // difference is tsserver sending its diagnostics, and noise).
    const own = [...subjects[1]!.server.log().matchAll(/analysed \d+ of \d+ top-level statements in (\d+\.\d) ms/g)].map((m) => Number(m[1]));
    if (own.length !== ROUNDS * kinds.length) throw new Error(`expected ${ROUNDS * kinds.length} timings in the plugin's log, found ${own.length}`);
    ownTimes = new Map(kinds.map((k, j) => [k.name, own.filter((_, i) => i % kinds.length === j && Math.floor(i / kinds.length) + 1 > WARMUP)]));
    for (const s of subjects) {
      // The edits keep the file valid: a syntax error would measure a different file.
      const errors = await s.server.request("syntacticDiagnosticsSync", { file: s.file });
      if ((errors.body as unknown[]).length) throw new Error(`the edits broke the file: ${JSON.stringify(errors.body)}`);
    }
  } finally {
    for (const s of subjects) await s.server.close();
  }
  const results = Object.fromEntries(subjects.map((s) => [s.name, s.times]));
  const all = (name: string): number[] => [...results[name]!.values()].flat();
  const row = (label: string, xs: number[]): string => `${label.padEnd(30)} p50 ${percentile(xs, 50).toFixed(1).padStart(7)} ms   p95 ${percentile(xs, 95).toFixed(1).padStart(7)} ms`;
  console.log(`semanticDiagnosticsSync on a 3,000-line agent file, ${ROUNDS - WARMUP} measured edits of each kind:`);
  for (const name of ["without plugin", "with plugin"]) {
    console.log(row(name, all(name)));
    for (const k of kinds) console.log(row(`  ${k.name}`, results[name]!.get(k.name)!));
  }
  console.log("the plugin's own time per request (its log):");
  for (const k of kinds) console.log(row(`  ${k.name}`, ownTimes.get(k.name)!));
  for (const k of kinds) {
    const added = (p: number): number => percentile(results["with plugin"]!.get(k.name)!, p) - percentile(results["without plugin"]!.get(k.name)!, p);
    console.log(`added p50 ${added(50).toFixed(1)} ms, p95 ${added(95).toFixed(1)} ms, ${k.name}; the plugin's own p95 ${percentile(ownTimes.get(k.name)!, 95).toFixed(1)} ms (target ≤ 10 ms p95)`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
