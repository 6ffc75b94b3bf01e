import { afterEach, vi } from "vitest";

// An error logged during a test is a failure, even if the assertions passed.
const logged: string[] = [];

vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
  logged.push(args.map(String).join(" "));
});

afterEach(() => {
  const messages = logged.splice(0);
  if (messages.length > 0) throw new Error(`console.error was called:\n${messages.join("\n")}`);
});
