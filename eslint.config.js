// One lint setup for the whole repository (ESLint 9 flat config). Three type-aware rules guard the
// async data layer (decision 124) in the TypeScript sources; the rest need no types.
import js from "@eslint/js";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/** What no lint reads: builds, caches, test output, generated migrations. */
export const IGNORED = [
  "build/**",
  "build-*/**",
  "public/build/**",
  ".cache/**",
  "node_modules/**",
  "test-results*/**",
  "playwright-report/**",
  "db/migrations/**",
];

export default tseslint.config(
  { ignores: IGNORED },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
      "@typescript-eslint/consistent-type-imports": [
        "error",
        { fixStyle: "separate-type-imports" },
      ],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    rules: {
      // The two classic hook rules. The React Compiler rules that plugin v7 adds to
      // "recommended" assume React 19's compiler, which this React 18 app does not use.
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      ...jsxA11y.flatConfigs.recommended.rules,
      // A table that scrolls sideways is a focusable region so keyboard users can scroll it
      // (axe's scrollable-region-focusable asks for exactly that).
      "jsx-a11y/no-noninteractive-tabindex": ["error", { tags: [], roles: ["tabpanel", "region"] }],
    },
  },
  {
    // The async data layer's check (decision 124): every promise is awaited or handled, and
    // nothing that is not a promise is awaited. Type-aware (the TypeScript project's files only).
    files: ["{app,server,scripts,tests}/**/*.{ts,tsx}"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": [
        "error",
        {
          allowForKnownSafeCalls: [
            { from: "package", name: ["test", "it", "describe", "suite"], package: "node:test" },
          ],
        },
      ],
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: false }],
    },
  },
  {
    // One way to run a query (decision 124): await the builder, or first()/rows()/row()/exec()
    // and withTransaction() from app/db.server.ts, so the same code runs on PostgreSQL.
    files: ["app/**/*.{ts,tsx}"],
    // backup.server.ts is SQLite's online backup of its own file (PostgreSQL uses pg_dump)
    ignores: ["app/db.server.ts", "app/db/tables.server.ts", "app/models/backup.server.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "CallExpression[arguments.length=0] > MemberExpression.callee > Identifier.property[name=/^(all|get|run)$/]",
          message:
            "SQLite-only synchronous query: await the query (first(q) for one row) instead (decision 124).",
        },
        {
          selector:
            "CallExpression > MemberExpression.callee[object.type='CallExpression'][object.callee.type='Identifier'] > Identifier.property[name=/^(all|get|run)$/]",
          message:
            "SQLite-only synchronous prepared statement: await stmt().execute({...}) instead (decision 124).",
        },
        {
          selector:
            "MemberExpression[object.name=/^(db|tx)$/] > Identifier.property[name=/^(all|get|run|values)$/]",
          message:
            "SQLite-only raw query: use rows()/row()/exec() from ~/db.server (decision 124).",
        },
        {
          selector: "ImportDeclaration[source.value=/db\\/schema(\\.pg)?$/]",
          message:
            "Import tables from ~/db/tables.server: it gives the PostgreSQL ones with DATABASE_URL (decision 124).",
        },
        {
          selector: "MemberExpression > Identifier.property[name='transaction']",
          message: "Use withTransaction() from ~/db.server (decision 124).",
        },
      ],
    },
  },
);
