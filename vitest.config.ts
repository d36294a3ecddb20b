import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Integration suites share one PostgreSQL server and one data folder per file; files run in parallel
    // processes but each file owns its own database schema / temp folder.
    pool: "forks",
  },
});
