#!/usr/bin/env node
"use strict";
// Exit codes: 0 done, 1 the --fail-on gate failed, 2 usage error, 3 the run itself failed (for
// example the --out file cannot be written): CI can tell a crash from a cost that grew.
require("../dist/cli.js")
  .main(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`aalp: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 3;
    },
  );
