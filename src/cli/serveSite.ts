import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import sirv from "sirv";

/**
 * Serves a built site as a static host would: files as they are, feeds with
 * their content types, and /404.html with status 404 for anything missing.
 * `headers` adds a host's own headers (the tests use netlify.toml's).
 */
export async function serveSite(
  dir: string,
  port: number,
  host = "127.0.0.1",
  headers?: (path: string) => Record<string, string>,
) {
  const files = sirv(dir, {
    dev: true,
    setHeaders(res, pathname) {
      if (pathname.endsWith(".xml")) res.setHeader("Content-Type", "application/xml; charset=utf-8");
      if (pathname.endsWith("feed.json")) res.setHeader("Content-Type", "application/feed+json; charset=utf-8");
      for (const [name, value] of Object.entries(headers?.(pathname) ?? {})) res.setHeader(name, value);
    },
  });
  const server = createServer((req, res) =>
    files(req, res, async () => {
      const page = await readFile(join(dir, "404.html")).catch(() => Buffer.from("Not found"));
      res.writeHead(404, { ...headers?.("/404.html"), "Content-Type": "text/html; charset=utf-8" });
      res.end(page);
    }),
  );
  await new Promise<void>((ok, fail) => server.once("error", fail).listen(port, host, ok));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://${host === "127.0.0.1" ? host : "localhost"}:${bound}/`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
