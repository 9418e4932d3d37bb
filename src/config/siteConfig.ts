import { UserError } from "../util/userError.ts";

export const SITE_TITLE = "Paper Digest";
export const SITE_DESCRIPTION =
  "Trending machine-learning papers, every day: a permalink for every paper, topics, search and feeds.";
export const SITE_LANGUAGE = "en";

/**
 * The site's absolute URL: --site-url, else SITE_URL, else Netlify's URL
 * (DEPLOY_PRIME_URL on previews), else the local preview address.
 */
export function resolveSiteUrl(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  const preview = env.CONTEXT && env.CONTEXT !== "production" ? env.DEPLOY_PRIME_URL : undefined;
  const raw = flag || env.SITE_URL || preview || env.URL || "http://localhost:8080";
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
