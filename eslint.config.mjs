// One rule, enforced in `npm test` (through `npm run lint`): the front ends (the CLI, the VS Code
// extension and its engine worker, the tsserver plugin) reach the analysis only through the core's
// index, src/core/index.ts, so the core can move its modules without breaking them and every front
// end sees the same entry (analyzeDocument). Type imports count too: a type from a core module is
// part of that module's surface.
import tsParser from "@typescript-eslint/parser";

export default [
  {
    files: ["src/cli/**/*.ts", "src/extension/**/*.ts", "src/plugin/**/*.ts"],
    languageOptions: { parser: tsParser },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/core/*"],
              message: "Front ends import the core only through its index (\"../core\"); export what you need from src/core/index.ts.",
            },
          ],
        },
      ],
    },
  },
];
