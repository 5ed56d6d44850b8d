#!/usr/bin/env node
// Accepts the golden outputs of the last test run: copies test/baselines/local/* (written by the
// golden tests, git-ignored) over test/baselines/reference/* (committed). Review the diff after.
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const local = path.join(here, "local");
const reference = path.join(here, "reference");
if (!fs.existsSync(local)) {
  console.error("accept: no test/baselines/local; run npm test first");
  process.exit(1);
}
fs.mkdirSync(reference, { recursive: true });
for (const name of fs.readdirSync(local).sort()) {
  const from = path.join(local, name);
  const to = path.join(reference, name);
  const same = fs.existsSync(to) && fs.readFileSync(to).equals(fs.readFileSync(from));
  if (!same) fs.copyFileSync(from, to);
  console.log(`${same ? "unchanged" : "accepted "} ${path.relative(process.cwd(), to)}`);
}
