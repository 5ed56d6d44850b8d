// Test helper: generated programs that stress the engine (chains, call tangles, import cycles).
import { rng as seeded } from "../fuzz/generators";

const HEADER = `import OpenAI from "openai";\nconst client = new OpenAI();\n`;
const ASK = (content: string): string => `await client.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 10, messages: [{ role: "user", content: ${content} }] });`;

/**
 * Issue 16's chain: f0 asks once per element of h; each f_i (1 ≤ i ≤ levels) loops over a copy of
 * h, grows h and hands it to f_{i-1} on every iteration; `main` calls the top one 3 times. (Over h
 * itself, for … of would go on over what it pushes and never end.)
 */
export function growingChain(levels: number): string {
  let s = HEADER;
  s += `export async function f0(h: string[]) {\n  for (const x of h) {\n    ${ASK("x")}\n  }\n}\n`;
  for (let i = 1; i <= levels; i++) s += `export async function f${i}(h: string[]) {\n  for (const x of [...h]) {\n    h.push(x);\n    await f${i - 1}(h);\n  }\n}\n`;
  s += `export async function main(h: string[]) {\n  for (let k = 0; k < 3; k++) await f${levels}(h);\n}\n`;
  return s;
}


/**
 * A call tangle (issue 21): m functions, each calling 3 others (random, by `seed`), the first of
 * them in a loop over its argument: a recursive-descent parser's shape. Only every `askEvery`-th
 * function asks the model itself; the others reach it through the tangle.
 */
export function callTangle(m: number, seed = 1, askEvery = 10): string {
  const rnd = seeded(seed);
  let s = HEADER;
  for (let i = 0; i < m; i++) {
    // Three others (never itself: self-recursion is solved on its own, see recursion.ts).
    const callees = [0, 1, 2].map(() => (i + 1 + Math.floor(rnd() * (m - 1))) % m);
    s += `export async function p${i}(xs: string[], q: string) {\n  ${i % askEvery === 0 ? ASK("q") : "q.trim();"}\n  for (const x of xs) await p${callees[0]}(xs, x);\n  await p${callees[1]}(xs, q);\n  await p${callees[2]}(xs, q);\n}\n`;
  }
  return s;
}

/**
 * Modules m0 … m(n-1) importing each other in one cycle (m_i imports m_{i+1} and m_{i+2}); only
 * m0 names the SDK (none with `withSdk` false). Keys are absolute paths.
 */
export function importCycle(n: number, withSdk = true): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < n; i++) {
    const a = (i + 1) % n;
    const b = (i + 2) % n;
    let s = i === 0 && withSdk ? HEADER : "";
    s += `import { step${a} } from "./m${a}";\nimport { step${b} } from "./m${b}";\n`;
    s += `export async function step${i}(xs: string[], q: string): Promise<void> {\n`;
    if (i === 0 && withSdk) s += `  ${ASK("q")}\n`;
    s += `  if (xs.length > ${i}) {\n    for (const x of xs) await step${a}(xs.slice(1), x);\n    await step${b}(xs.slice(1), q);\n  }\n}\n`;
    files[`/cycle/m${i}.ts`] = s;
  }
  return files;
}

/**
 * A random chain of `depth` summaries over an array h (by `seed`): f0 asks the model per element;
 * each f_i hands h (sometimes grown, sometimes in a loop, sometimes twice, sometimes back to an
 * earlier level) to f_{i-1}. With `modules`, each f_i lives in its own module importing the one below.
 */
export function randomChain(depth: number, seed: number, modules = false): Record<string, string> {
  const rnd = seeded(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const bodies: string[] = [`export async function f0(h: string[], q: string) {\n  for (const x of h) {\n    ${ASK("q + x")}\n  }\n}\n`];
  for (let i = 1; i <= depth; i++) {
    const down = `f${i - 1}`;
    // Sometimes also a call back up to a later level: a cycle through the chain.
    const back = rnd() < 0.15 && i > 2 ? `\n  if (h.length > ${i}) await f${i - 2 - Math.floor(rnd() * (i - 2))}(h.slice(1), q);` : "";
    const shape = pick([
      `  for (const x of h) await ${down}(h, x);`,
      `  h.push(q);\n  await ${down}(h, q);`,
      `  for (const x of h) {\n    h.push(x);\n    await ${down}(h, q);\n  }`,
      `  await ${down}(h, q);\n  await ${down}(h, q + q);`,
      `  for (let k = 0; k < 3; k++) for (const x of h) await ${down}(h, x);`,
      `  const more = [...h, ...h];\n  await ${down}(more, q);`,
    ]);
    bodies.push(`export async function f${i}(h: string[], q: string) {\n${shape}${back}\n}\n`);
  }
  if (!modules) return { "/chain/chain.ts": HEADER + bodies.join("") };
  // One function per module; a call back up to a later level becomes an import cycle.
  const files: Record<string, string> = {};
  bodies.forEach((body, i) => {
    const used = [...new Set([...body.matchAll(/\bf(\d+)\(/g)].map((m) => Number(m[1])).filter((j) => j !== i))];
    const imports = used.map((j) => `import { f${j} } from "./c${j}";\n`).join("");
    files[`/chain/c${i}.ts`] = (i === 0 ? HEADER : "") + imports + body;
  });
  return files;
}

/** The fuzz suite's mulberry32: generated programs are the same on every run. */
export { seeded };
