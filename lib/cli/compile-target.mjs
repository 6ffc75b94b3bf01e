// Where the build puts the compiled command-line entry points (lib/cli/compile.mjs),
// and where `npm start` (lib/cli/launch.mjs) runs them from.
export const COMPILED_DIR = ".next/kattoo-cli";
