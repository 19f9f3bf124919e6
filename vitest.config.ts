import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

// Two projects: logic and routes on Node; React components (*.test.tsx) in jsdom with
// Node's own AbortController, which Node 22+ fetch requires (tests/setup/jsdom-environment.ts).
const shared = {
  setupFiles: ["tests/setup/setup-test-env.ts"],
  testTimeout: 20_000,
  pool: "forks" as const,
};

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    globalSetup: ["tests/setup/template-database.ts"],
    projects: [
      {
        extends: true,
        test: { ...shared, name: "node", include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"], environment: "node" },
      },
      {
        extends: true,
        test: {
          ...shared,
          name: "components",
          include: ["tests/unit/**/*.test.tsx", "tests/integration/**/*.test.tsx"],
          environment: "./tests/setup/jsdom-environment.ts",
        },
      },
    ],
  },
});
