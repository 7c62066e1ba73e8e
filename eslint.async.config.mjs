// The async data layer's check (decision 124): every promise is awaited or handled, and nothing
// that is not a promise is awaited. Type-aware, so it is slower than `npm run lint`; it runs as
// its own step (`npm run lint:async`).
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";
import { IGNORED } from "./eslint.config.js";

export default tseslint.config(
  { ignores: [...IGNORED, "**/*.js", "**/*.mjs", "**/*.cjs"] },
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { "@typescript-eslint": tseslint.plugin, "react-hooks": reactHooks },
    linterOptions: { reportUnusedDisableDirectives: "off" },
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
);
