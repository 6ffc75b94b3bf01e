import { availableParallelism } from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // The real package throws outside React Server Components.
      "server-only": path.join(root, "tests/support/empty-module.ts"),
    },
  },
  test: {
    // Not UTC, and not the events' zone either: a date computed in the wrong
    // zone shows up as a failure.
    env: { TZ: "America/Los_Angeles" },
    // A worker a core, not Vitest's one fewer: the integration files spend
    // much of their time waiting on PostgreSQL, which runs apart.
    maxWorkers: availableParallelism(),
    setupFiles: ["tests/support/fail-on-console-error.ts"],
    // next-intl and next-auth import "next/navigation" and "next/server"
    // without an extension, which Node's resolver refuses; let Vite resolve
    // them instead (next-auth: the route layer's staff check reaches it).
    server: { deps: { inline: ["next-intl", "next-auth"] } },
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"] },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/support/database-global-setup.ts"],
          setupFiles: ["tests/support/fail-on-console-error.ts", "tests/support/database-per-file.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
