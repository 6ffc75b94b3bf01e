// Lets plain Node processes (the outbox worker, scripts) load modules marked
// `import "server-only"`. Outside Next.js there is no client bundle for the
// marker to guard, and the package itself throws when imported there.
import { register } from "node:module";

const loader = `export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: "data:text/javascript,", shortCircuit: true };
  return next(specifier, context);
}`;

register(`data:text/javascript,${encodeURIComponent(loader)}`);
