import { resolveConfig } from "@netlify/config";
import { ROOT } from "./cli.ts";

export interface HeaderRule {
  for: string;
  values: Record<string, string>;
}

/** netlify.toml as Netlify's own config parser reads it. */
export async function netlifyConfig() {
  const { config } = await resolveConfig({
    config: `${ROOT}/netlify.toml`,
    repositoryRoot: ROOT,
    cwd: ROOT,
    offline: true,
    buffer: true,
  });
  return config as {
    build: { command: string; publish: string; environment: Record<string, string> };
    headers: HeaderRule[];
    plugins: { package: string }[];
  };
}

/** The headers Netlify would send for a path: every matching rule, later rules winning. */
export function headersFor(rules: readonly HeaderRule[], path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of rules) {
    const pattern = new RegExp(
      `^${rule.for
        .replace(/[.+?^${}()|[\]\\]/g, "\\$&")
        .replace(/\*/g, ".*")
        .replace(/:\w+/g, "[^/]+")}$`,
    );
    if (pattern.test(path)) Object.assign(out, rule.values);
  }
  return out;
}
