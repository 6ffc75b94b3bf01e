import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

// What is live, not what awaits the collector: collected before each look,
// and the buffers it frees swept before it returns. Swept on a thread of
// their own (V8's default), freed buffers were still counted for a while and
// each look waited for that sweep (the handouts' 20 MiB test took 34 s, not 3).
setFlagsFromString("--expose-gc");
setFlagsFromString("--no-concurrent-array-buffer-sweeping");
const collect = runInNewContext("gc") as () => void;

/** Bytes of the heap and of array buffers still reachable, after a full collection. */
export function liveBytes(): number {
  collect();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}
