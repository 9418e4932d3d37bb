import { UserError } from "../util/userError.ts";
import { SIZES } from "./settings.ts";

/**
 * The site's absolute URL: --site-url, else SITE_URL, else Netlify's URL
 * (DEPLOY_PRIME_URL on previews), else `url` in content/site.yaml, else the local preview address.
 */
export function resolveSiteUrl(flag: string | undefined, env: NodeJS.ProcessEnv, fromFile?: string): string {
  const preview = env.CONTEXT && env.CONTEXT !== "production" ? env.DEPLOY_PRIME_URL : undefined;
  const raw = flag || env.SITE_URL || preview || env.URL || fromFile || `http://localhost:${SIZES.servePort}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UserError("", 0, `paper-digest: the site URL '${raw}' is not an absolute URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new UserError("", 0, `paper-digest: the site URL '${raw}' must start with http:// or https://`);
  }
  return url.href.replace(/\/+$/, "");
}
