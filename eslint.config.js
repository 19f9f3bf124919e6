// ESLint (flat config): TypeScript, React hooks, accessibility of JSX, no import cycles,
// and the server/client boundary: components and app/lib (shared with the browser) may
// not import values from `.server` modules. Formatting is Prettier's job, not ESLint's.
import js from "@eslint/js";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import importX from "eslint-plugin-import-x";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/**", "node_modules/**", "data/**", "test-results/**", "public/**", "db/migrations/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "import-x": importX, "react-hooks": reactHooks },
    settings: { "import-x/resolver-next": [createTypeScriptImportResolver({ project: "tsconfig.json" })] },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  { files: ["**/*.tsx"], ...jsxA11y.flatConfigs.recommended },
  {
    // What the browser bundle may reach must not pull server code in by value.
    files: ["app/components/**", "app/lib/**/!(*.server).ts", "app/lib/**/*.tsx", "app/i18n/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/*.server", "**/*.server.ts", "\\#db/client.server", "\\#db/schema"],
              message: "Server-only module: import types only (import type …) or move the code.",
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    // Routes reach the database only through app/models (db/client.server.ts says why).
    files: ["app/routes/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "\\#db/client.server",
                "\\#db/schema",
                "~/db",
                "~/db/*",
                "**/db/client.server",
                "**/db/schema",
                "drizzle-orm",
                "drizzle-orm/*",
                "better-sqlite3",
              ],
              message: "Routes call app/models; the database handle, the schema and drizzle belong to models.",
            },
          ],
        },
      ],
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.name='getDb']", message: "Routes call app/models; models own the database handle." },
      ],
    },
  },
);
