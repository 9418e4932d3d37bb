import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";

/** A connection as Lighthouse's slow 4G has it: each request waits `latency` ms, then shares one link's bandwidth. */
export interface Network {
  latency: number;
  kbps: number;
}

// Lighthouse's slow 4G, as its simulation models it and as DevTools applies it in the browser.
export const SLOW_4G: Record<string, Network> = {
  simulated: { latency: 150, kbps: 1638.4 },
  devtools: { latency: 562.5, kbps: 1474.56 },
};

/**
 * A proxy in front of a local site that delays every response by the network's
 * latency and sends it at its bandwidth, shared by all responses in flight. In
 * front of the server, not in the browser: DevTools' throttling misses the
 * requests of Pagefind's web worker. Text is timed at its gzipped size, as a host
 * compresses it.
 */
export async function slowNetwork(site: string, network: Network) {
  const bytesPerMs = (network.kbps * 1024) / 8 / 1000;
  let linkFree = 0;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
  const server = createServer(async (req, res) => {
    await sleep(network.latency);
    const upstream = await fetch(new URL(req.url ?? "/", site));
    const body = Buffer.from(await upstream.arrayBuffer());
    const type = upstream.headers.get("content-type") ?? "";
    const wire = /text|javascript|json|xml|svg/.test(type) ? gzipSync(body).length : body.length;
    // The link carries this response after those already on it.
    linkFree = Math.max(performance.now(), linkFree) + wire / bytesPerMs;
    await sleep(linkFree - performance.now());
    const headers = Object.fromEntries(
      [...upstream.headers].filter(
        ([name]) => !["content-length", "content-encoding", "transfer-encoding", "connection"].includes(name),
      ),
    );
    res.writeHead(upstream.status, headers);
    res.end(body);
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
