import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export interface Reply {
  status?: number;
  body?: string;
  headers?: Record<string, string>;
}

/**
 * A stand-in for a remote API on 127.0.0.1: `answer` picks the reply for each
 * request (recorded responses, errors, rate limits). Every request is logged
 * with its time, so a test can check how often a client asks.
 */
export async function recordedServer(answer: (url: URL, n: number) => Reply) {
  const requests: { url: URL; at: number }[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    requests.push({ url, at: performance.now() });
    const { status = 200, body = "", headers = {} } = answer(url, requests.length);
    res.writeHead(status, headers);
    res.end(body);
  });
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, requests, close: () => new Promise<void>((done) => server.close(() => done())) };
}

/** An address where nothing listens: what a client sees offline. */
export async function deadAddress() {
  const server = await recordedServer(() => ({}));
  await server.close();
  return server.base;
}
