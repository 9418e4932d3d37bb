import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe } from "vitest";
import { serveSite } from "../../src/cli/serveSite.ts";
import { hasChromium, launchChromium } from "./chromium.ts";
import { headersFor, netlifyConfig } from "./netlifyHeaders.ts";

/**
 * describe() for tests that need a real browser on a served site. Where Chromium
 * is missing they are reported skipped, with the reason, except in CI (CI=true),
 * where a missing browser is a failure.
 */
export function describeInBrowser(name: string, body: () => void) {
  if (!hasChromium && !process.env.CI) {
    describe.skip(`${name} (skipped: no Chromium at /usr/bin/chromium; apt-get install -y chromium)`, body);
  } else {
    describe(name, body);
  }
}

/**
 * Serves `siteDir` on 127.0.0.1 with the headers netlify.toml gives in production
 * (so its Content-Security-Policy is tested too), and opens Chromium for the tests
 * of one file; both stop afterwards.
 */
export function useBrowser(siteDir: () => string) {
  const state = {} as { browser: Browser; url: string };
  let close = async () => {};
  beforeAll(async () => {
    const { headers } = await netlifyConfig();
    const server = await serveSite(siteDir(), 0, "127.0.0.1", (path) => headersFor(headers, path));
    state.browser = await launchChromium();
    state.url = server.url;
    close = async () => {
      await state.browser.close();
      await server.close();
    };
  });
  afterAll(() => close());
  return state;
}
