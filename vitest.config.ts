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
    setupFiles: ["tests/support/fail-on-console-error.ts"],
    // next-intl and next-auth import "next/navigation" and "next/server" without an extension, which Node's
    // resolver refuses; let Vite resolve it instead.
    server: { deps: { inline: ["next-intl", "next-auth", "@auth/core"] } },
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
