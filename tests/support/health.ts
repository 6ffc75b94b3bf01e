import { setTimeout as sleep } from "node:timers/promises";

/** Resolves once `url` answers 200; fails after `timeoutMs`, saying what `output` holds. */
export async function waitUntilHealthy(url: string, timeoutMs: number, output: () => string = () => "") {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(url)
      .then((response) => response.ok)
      .catch(() => false);
    if (ok) return;
    await sleep(100);
  }
  throw new Error(`${url} did not answer:\n${output()}`);
}
