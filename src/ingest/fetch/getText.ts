import { UserError } from "../../util/userError.ts";

export interface GetOptions {
  /** Attempts after a 429 or a 5xx before giving up. */
  retries?: number;
  /** Longest wait between attempts, in seconds (a larger Retry-After gives up instead). */
  maxWait?: number;
  timeout?: number;
  /** Receives a line before each retry. */
  progress?: (line: string) => void;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * GETs a URL as text. Rate limits (429) and server errors (5xx) are retried a
 * bounded number of times, after the server's Retry-After or a doubling pause;
 * everything else that goes wrong is one plain line naming the URL.
 */
export async function getText(
  url: string,
  { retries = 3, maxWait = 60, timeout = 30_000, progress = () => {} }: GetOptions = {},
): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    let response: Response;
    try {
      response = await fetch(url, {
        signal: AbortSignal.timeout(timeout),
        headers: { "user-agent": "paper-digest (static site generator)" },
      });
    } catch (err) {
      throw new UserError("", 0, `${url}: cannot reach ${new URL(url).host}: ${reason(err)} (offline?)`);
    }
    if (response.ok) return response.text();
    const retryable = response.status === 429 || response.status >= 500;
    const wait = retryAfter(response.headers.get("retry-after")) ?? 2 ** attempt;
    await response.body?.cancel();
    if (!retryable || attempt >= retries || wait > maxWait) {
      const what =
        response.status === 429
          ? "rate limited (HTTP 429): try again later"
          : `HTTP ${response.status} ${response.statusText}`.trim();
      throw new UserError("", 0, `${url}: ${what}${retryable ? ` after ${attempt + 1} attempts` : ""}`);
    }
    progress(`HTTP ${response.status} from ${new URL(url).host}: retrying in ${wait}s`);
    await sleep(wait * 1000);
  }
}

/** Retry-After in seconds (a number, or an HTTP date). */
function retryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

function reason(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  if ((err as Error).name === "TimeoutError") return "no answer in time";
  return cause?.code ?? cause?.message ?? (err as Error).message;
}
