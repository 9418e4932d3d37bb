import { cp, mkdir, readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { DateTime } from "luxon";
import {
  DEFAULT_DIGESTS_DIR,
  ENRICHED_FILE,
  OVERRIDES_FILE,
  PROJECT_DIR,
  SITE_FILE,
  TOPICS_FILE,
} from "../config/paths.ts";
import { BuildSettings, DEFAULTS, SIZES } from "../config/settings.ts";
import { loadSiteFile } from "../config/siteFile.ts";
import { resolveSiteUrl } from "../config/siteUrl.ts";
import { ARXIV_DELAY, enrich, readEnriched } from "../ingest/fetch/enrich.ts";
import { fetchDay } from "../ingest/fetch/fetchDay.ts";
import { DIGEST_EXTENSIONS } from "../ingest/formats/parseDigest.ts";
import { readDigestFile } from "../ingest/formats/readDigestFile.ts";
import { mergeDigests } from "../ingest/merge/mergeDigests.ts";
import { readDigests } from "../ingest/readDigests.ts";
import { buildSite, StageError } from "../pipeline/buildSite.ts";
import { classifyArchive, pickTopics } from "../topics/assignTopics.ts";
import { explainTopics, findPapers } from "../topics/explainTopics.ts";
import { applyOverrides, loadOverrides } from "../topics/overrides.ts";
import { loadTaxonomy } from "../topics/taxonomy.ts";
import { UserError } from "../util/userError.ts";
import { daily } from "./daily.ts";
import { args, dateFlag, USAGE, urlFlag, usage } from "./flags.ts";
import { serveSite } from "./serveSite.ts";

/** Runs one command and returns its exit status. User errors print one line each, never a stack trace. */
export async function main(argv: string[]): Promise<number> {
  // Output piped into `head` and closed early is not an error worth a stack trace.
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(0);
  });
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "build":
        return await build(rest);
      case "check":
        return await check(rest);
      case "add":
        return await add(rest);
      case "daily":
        return await daily(rest);
      case "fetch":
        return await fetchCommand(rest);
      case "enrich":
        return await enrichCommand(rest);
      case "serve":
        return await serve(rest);
      case "explain":
        return await explain(rest);
      case "help":
      case "--help":
      case "-h":
        console.log(USAGE);
        return 0;
      default:
        throw usage(command ? `unknown command '${command}'` : "no command given");
    }
  } catch (err) {
    if (err instanceof UserError) {
      console.error(err.toString());
      return 1;
    }
    if (err instanceof StageError) {
      console.error(`paper-digest: build ${err.message} (the previous site is untouched)`);
      if (process.env.DEBUG) console.error(err.cause);
      return 1;
    }
    throw err;
  }
}

const SETTING_FLAGS = {
  "feed-items": "feedItems",
  cards: "cardLimit",
  "new-cards": "newCards",
  "shard-size": "shardSize",
} as const;

/** The settings a build's flags give, each checked by the settings' schema; a bad one is a usage error. */
function buildSettings(values: Partial<Record<keyof typeof SETTING_FLAGS, string>>): BuildSettings {
  const settings = { ...DEFAULTS };
  for (const [flag, key] of Object.entries(SETTING_FLAGS) as [keyof typeof SETTING_FLAGS, keyof BuildSettings][]) {
    const value = values[flag];
    if (value === undefined) continue;
    const schema = BuildSettings.shape[key].unwrap();
    const parsed = schema.safeParse(value.trim() === "" ? Number.NaN : Number(value));
    if (!parsed.success) {
      const least = schema.minValue === 0 ? "0 or more" : `${schema.minValue} or more`;
      throw usage(`--${flag} must be a whole number, ${least}, not '${value}'`);
    }
    settings[key] = parsed.data;
  }
  return settings;
}

async function build(argv: string[]) {
  const { values } = args(argv, {
    digests: { type: "string" },
    out: { type: "string" },
    "site-url": { type: "string" },
    topics: { type: "string" },
    overrides: { type: "string" },
    enriched: { type: "string" },
    config: { type: "string" },
    "feed-items": { type: "string" },
    cards: { type: "string" },
    "new-cards": { type: "string" },
    "shard-size": { type: "string" },
    cache: { type: "string" },
  });
  // Paths are the user's, relative to where they ran us; the build itself runs in the project folder.
  const digestsDir = resolve(values.digests ?? join(PROJECT_DIR, DEFAULT_DIGESTS_DIR));
  const outDir = resolve(values.out ?? join(PROJECT_DIR, "_site"));
  const topicsFile = values.topics ? resolve(values.topics) : undefined;
  const overridesFile = values.overrides ? resolve(values.overrides) : undefined;
  const enrichedFile = values.enriched ? resolve(values.enriched) : undefined;
  const siteFile = values.config ? resolve(values.config) : SITE_FILE;
  const settings = buildSettings(values);
  const cacheDir = values.cache ? resolve(values.cache) : undefined;
  process.chdir(PROJECT_DIR);
  // Read first for its URL (flags and the environment win over it); a mistake in it stops here.
  const { site } = await loadSiteFile(siteFile);
  const siteUrl = resolveSiteUrl(values["site-url"], process.env, site.url);
  await buildSite({
    digestsDir,
    siteFile,
    topicsFile,
    overridesFile,
    enrichedFile,
    outDir,
    siteUrl,
    ...settings,
    cacheDir,
    progress: (line) => console.log(line),
  });
  return 0;
}

async function check(argv: string[]) {
  const { values, positionals } = args(argv, { date: { type: "string" } }, true);
  if (positionals.length === 0) throw usage("check needs at least one FILE");
  const date = dateFlag(values.date);
  let failed = 0;
  for (const file of positionals) {
    try {
      const digest = await readDigestFile(file, date);
      console.log(`${file}: ${digest.date.toISODate()}, ${digest.entries.length} papers`);
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      console.error(err.toString());
      failed++;
    }
  }
  return failed > 0 ? 1 : 0;
}

async function add(argv: string[]) {
  const { values, positionals } = args(argv, { date: { type: "string" }, force: { type: "boolean" } }, true);
  if (positionals.length !== 1) throw usage("add needs exactly one FILE");
  const [file] = positionals;
  const digest = await readDigestFile(file, dateFlag(values.date));
  const folder = join(PROJECT_DIR, DEFAULT_DIGESTS_DIR);
  // The file keeps its form: a .json or .atom digest stays one.
  const ext = DIGEST_EXTENSIONS.find((e) => file.endsWith(e)) ?? ".txt";
  const target = join(folder, `${digest.date.toISODate()}${ext}`);
  if (
    !values.force &&
    (await stat(target).then(
      () => true,
      () => false,
    ))
  ) {
    if ((await readFile(target, "utf8")) === (await readFile(file, "utf8"))) {
      console.log(`${target}: already there, unchanged`);
      return 0;
    }
    throw new UserError(
      file,
      1,
      `a digest for ${digest.date.toISODate()} exists already (${target}); pass --force to replace it`,
    );
  }
  await mkdir(folder, { recursive: true });
  await cp(file, target);
  console.log(`${target}: added, ${digest.entries.length} papers`);
  return 0;
}

async function fetchCommand(argv: string[]) {
  const { values } = args(argv, {
    date: { type: "string" },
    digests: { type: "string" },
    "api-url": { type: "string" },
    force: { type: "boolean" },
  });
  const date = dateFlag(values.date) ?? DateTime.utc().startOf("day");
  const folder = resolve(values.digests ?? join(PROJECT_DIR, DEFAULT_DIGESTS_DIR));
  const apiUrl = urlFlag(values["api-url"]);
  const { target, papers, changed } = await fetchDay({
    date,
    folder,
    apiUrl,
    force: values.force,
    progress: (line) => console.error(line),
  });
  console.log(`${target}: ${changed ? "written" : "already there, unchanged"}, ${papers} papers`);
  return 0;
}

async function enrichCommand(argv: string[]) {
  const { values } = args(argv, {
    digests: { type: "string" },
    enriched: { type: "string" },
    "api-url": { type: "string" },
    delay: { type: "string" },
    limit: { type: "string" },
  });
  const digestsDir = resolve(values.digests ?? join(PROJECT_DIR, DEFAULT_DIGESTS_DIR));
  const file = resolve(values.enriched ?? join(PROJECT_DIR, ENRICHED_FILE));
  const delay = Number(values.delay ?? ARXIV_DELAY);
  if (!(delay >= 0)) throw usage(`--delay must be a number of seconds, not '${values.delay}'`);
  const limit = Number(values.limit ?? Infinity);
  if (!(limit >= 1)) throw usage(`--limit must be a whole number above 0, not '${values.limit}'`);
  const { papers } = mergeDigests(await readDigests(digestsDir));
  const result = await enrich({
    papers,
    file,
    apiUrl: urlFlag(values["api-url"]),
    delay,
    limit,
    progress: (line) => console.log(line),
  });
  const without = papers.filter((p) => !p.source.arxivId).length;
  console.log(
    `${file}: ${without} papers without an arXiv id in the digests, ${result.known} found before; ` +
      `looked up ${result.looked}: ${result.found} found, ${result.missed.length} not found` +
      (result.found ? "" : " (file unchanged)"),
  );
  return 0;
}

async function explain(argv: string[]) {
  const { values, positionals } = args(
    argv,
    {
      digests: { type: "string" },
      topics: { type: "string" },
      overrides: { type: "string" },
      enriched: { type: "string" },
    },
    true,
  );
  const query = positionals.join(" ").trim();
  if (!query) throw usage("explain needs a paper: its slug, arXiv id or words of its title");
  const file = (flag: string | undefined, fallback: string) => resolve(flag ?? join(PROJECT_DIR, fallback));
  const overridesFile = file(values.overrides, OVERRIDES_FILE);
  const taxonomy = await loadTaxonomy(file(values.topics, TOPICS_FILE));
  const overrides = await loadOverrides(overridesFile);
  const { papers } = mergeDigests(
    await readDigests(file(values.digests, DEFAULT_DIGESTS_DIR)),
    await readEnriched(file(values.enriched, ENRICHED_FILE)),
  );
  const run = classifyArchive(papers, taxonomy);
  const classified = papers.map((p, i) => ({ ...p, topics: pickTopics(run.scores[i]) }));
  const onSite = applyOverrides(
    classified,
    overrides,
    taxonomy.map((t) => t.slug),
    overridesFile,
  );
  const matches = findPapers(onSite, query);
  if (matches.length === 0)
    throw new UserError("", 0, `paper-digest explain: no paper's slug, arXiv id or title matches '${query}'`);
  if (matches.length > 1) {
    console.error(`paper-digest explain: ${matches.length} papers match '${query}'; name one by its slug:`);
    for (const p of matches.slice(0, 20)) console.error(`  ${p.slug}  ${p.title}`);
    return 1;
  }
  const lines = explainTopics(
    matches[0],
    onSite.indexOf(matches[0]),
    run,
    taxonomy,
    overrides.map((override) => ({ override, file: overridesFile })),
  );
  console.log(lines.join("\n"));
  return 0;
}

async function serve(argv: string[]) {
  const { values } = args(argv, { out: { type: "string" }, port: { type: "string" } });
  const port = Number(values.port ?? process.env.PORT ?? SIZES.servePort);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw usage(`--port must be a port number, not '${values.port}'`);
  const dir = resolve(values.out ?? join(PROJECT_DIR, "_site"));
  if (
    !(await stat(join(dir, "index.html")).then(
      () => true,
      () => false,
    ))
  ) {
    throw new UserError(dir, 1, "no built site here: run 'paper-digest build' first");
  }
  const server = await serveSite(dir, port, "localhost").catch((err: NodeJS.ErrnoException) => {
    if (err.code === "EADDRINUSE") throw usage(`port ${port} is in use: pass --port with another`);
    throw err;
  });
  console.log(`Serving ${dir} at ${server.url} (Ctrl+C to stop)`);
  return new Promise<number>(() => {});
}
