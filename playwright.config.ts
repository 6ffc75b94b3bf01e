import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// End-to-end tests against the production build, served by `npm start` on
// its own port (E2E_PORT, 3100 by default) and its own fresh embedded
// database (.data/e2e).

const PORT = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://127.0.0.1:${PORT}`;

// Debian's Chromium where it is installed (CI, closed networks); otherwise
// Playwright's own browser (`npx playwright install chromium`).
const systemChromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const launchOptions = existsSync(systemChromium)
  ? {
      executablePath: systemChromium,
      args: [
        "--no-sandbox",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    }
  : {};

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? "list" : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    // Recording a trace costs the browser and the runner a fifth of the run's
    // CPU; CI keeps only the list's output, so only a local run records one.
    trace: process.env.CI ? "off" : "retain-on-failure",
    launchOptions,
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"] } },
    { name: "phone", use: { ...devices["Pixel 7"] }, grep: /@phone/ },
  ],
  webServer: {
    command: "rm -rf .data/e2e && npm start",
    url: `${baseURL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      KATTOO_DATA_DIR: ".data/e2e",
      PORT: String(PORT),
      HOST: "127.0.0.1",
      APP_URL: baseURL,
      ADMIN_EMAIL: "admin@kattoo.test",
      ADMIN_PASSWORD: "e2e-admin-password-long",
      NEXT_TELEMETRY_DISABLED: "1",
      // The tests stand in for a proxy: several give each registration an
      // address of its own in X-Forwarded-For, as nginx would.
      TRUSTED_PROXIES: "1",
    },
  },
});
