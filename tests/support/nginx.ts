import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseEnv } from "node:util";

// Debian's nginx for the tests and benchmarks that put it in front of the
// app: the site docs/deploy.md ships (docs/deploy/nginx-kattoo.conf, its TLS
// taken out), or a site of the test's own, with every path of its own in a
// temporary folder.

export const NGINX = "/usr/sbin/nginx";

/** The environment docs/deploy/kattoo.env ships. */
export const shippedEnvironment = parseEnv(readFileSync("docs/deploy/kattoo.env", "utf8"));

/**
 * The shipped site with what only a real server has taken out: the redirect
 * to HTTPS and the certificates. Each change must find its text, so that the
 * file cannot change shape without the tests noticing.
 */
export function shippedSite({
  prefix,
  upstreams,
  listen,
}: {
  prefix: string;
  upstreams: number[];
  listen: number;
}) {
  const changes: [RegExp, string][] = [
    [/\/var\/lib\/nginx\/kattoo-cache/, path.join(prefix, "cache")],
    [
      new RegExp(`server ${shippedEnvironment.HOST}:${shippedEnvironment.PORT};`),
      upstreams.map((port) => `server 127.0.0.1:${port};`).join("\n    "),
    ],
    [/server \{\n {4}listen 80;[\s\S]*?\n\}\n/, ""],
    [/listen 443 ssl http2;\n {4}listen \[::\]:443 ssl http2;/, `listen 127.0.0.1:${listen};`],
    [/^ {4}ssl_.*\n/gm, ""],
  ];
  return changes.reduce(
    (site, [pattern, replacement]) => {
      if (!pattern.test(site)) throw new Error(`docs/deploy/nginx-kattoo.conf no longer has ${pattern}`);
      pattern.lastIndex = 0;
      return site.replace(pattern, replacement);
    },
    readFileSync("docs/deploy/nginx-kattoo.conf", "utf8"),
  );
}

/** The http block nginx runs `site` in, with every path of its own inside `prefix`. */
export function nginxConfiguration(prefix: string, site: string): string {
  return `daemon off;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log;
events {}
http {
  access_log off;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
${site}
}
`;
}

/**
 * nginx running the site `site(prefix)` writes, with its cache folder and
 * every other path of its own in `prefix`. Resolves once started; the caller
 * waits for what it needs to answer.
 */
export async function startNginx(site: (prefix: string) => string) {
  const prefix = await mkdtemp(path.join(tmpdir(), "kattoo-nginx-"));
  // nginx's workers (not root, as its master is here) write the cache in it.
  await chmod(prefix, 0o755);
  await mkdir(path.join(prefix, "cache"));
  await writeFile(path.join(prefix, "nginx.conf"), nginxConfiguration(prefix, site(prefix)));
  const nginx = spawn(NGINX, ["-c", path.join(prefix, "nginx.conf"), "-p", prefix], { stdio: "ignore" });
  return {
    errorLog: path.join(prefix, "error.log"),
    stop: async () => {
      if (nginx.exitCode === null) {
        const exited = new Promise((resolve) => nginx.once("exit", resolve));
        nginx.kill("SIGTERM");
        await exited;
      }
      await rm(prefix, { recursive: true, force: true });
    },
  };
}
