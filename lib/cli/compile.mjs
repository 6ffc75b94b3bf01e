// The second half of `npm run build`: compiles the command-line entry points
// to plain JavaScript in .next/kattoo-cli, so that production runs no
// TypeScript loader and no esbuild service (docs/decisions/029-a-production-that-fits.md).
// The lib/ code they import is bundled in, with the `@/` alias resolved from
// tsconfig.json; packages stay in node_modules, loaded as they are.
import { readFile, rm } from "node:fs/promises";
import { builtinModules } from "node:module";
import path from "node:path";
import { build } from "esbuild";
import { COMPILED_DIR } from "./compile-target.mjs";

// Outside Next.js there is no client bundle for the `server-only` marker to
// guard, and the package throws when imported there (as lib/cli/server-only.mjs).
const serverOnlyIsEmpty = {
  name: "server-only",
  setup(builder) {
    builder.onResolve({ filter: /^server-only$/ }, () => ({ path: "server-only", namespace: "empty" }));
    builder.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "", loader: "js" }));
  },
};

// Packages are loaded from node_modules at run time by Node's own resolver,
// which, unlike a bundler's, wants the file of a deep import into a package
// without an "exports" map (`nodemailer/lib/shared` is
// `nodemailer/lib/shared/index.js`): such imports are rewritten to it.
// next-intl itself imports `next/navigation` so, and is bundled instead (as
// vitest.config.ts inlines it, for the same reason).
const BUNDLED_PACKAGES = ["next-intl"];

const packagesStayOutside = {
  name: "packages-stay-outside",
  setup(builder) {
    builder.onResolve({ filter: /^(@[^/]+\/)?[^./@][^/:]*(\/.*)?$/ }, async (args) => {
      if (args.pluginData === "resolving" || builtinModules.includes(args.path)) return undefined;
      const [, scope = "", name, subpath] = /^(@[^/]+\/)?([^/]+)(\/.*)?$/.exec(args.path);
      const packageName = `${scope}${name}`;
      if (BUNDLED_PACKAGES.includes(packageName)) return undefined;
      if (!subpath) return { path: args.path, external: true };
      const resolved = await builder.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        pluginData: "resolving",
      });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      const marker = `${path.sep}node_modules${path.sep}${packageName}${path.sep}`;
      const packageDir = resolved.path.slice(0, resolved.path.lastIndexOf(marker) + marker.length);
      const manifest = JSON.parse(await readFile(path.join(packageDir, "package.json"), "utf8"));
      if (manifest.exports) return { path: args.path, external: true };
      return { path: `${packageName}/${path.relative(packageDir, resolved.path)}`, external: true };
    });
  },
};

await rm(COMPILED_DIR, { recursive: true, force: true });
await build({
  entryPoints: ["start", "prepare", "worker", "backup", "restore", "staff-create", "db-migrate"].map(
    (name) => `lib/cli/${name}.ts`,
  ),
  outdir: COMPILED_DIR,
  outExtension: { ".js": ".mjs" },
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20.19",
  plugins: [serverOnlyIsEmpty, packagesStayOutside],
  logLevel: "warning",
});
