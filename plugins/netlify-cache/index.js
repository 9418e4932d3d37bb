// Keeps paper-digest's .cache/ (drawn share cards by content hash, and the last
// build's manifest) and the published site between Netlify deploys: restored
// before the build, saved once the build has succeeded. With both, a daily deploy
// is an incremental build that renders only the day's changes; an empty or cleared
// cache only means one full build that draws every card again. (Netlify copies
// with the files' modification times, which the build checks; were they lost, the
// build would say so and build in full.)
export const CACHE = ".cache";

/** What is kept: the cache and the publish folder (netlify.toml's `publish`). */
const kept = (constants) => [CACHE, constants?.PUBLISH_DIR ?? "_site"];

export async function onPreBuild({ utils, constants }) {
  const paths = kept(constants);
  const restored = [];
  for (const path of paths) if (await utils.cache.restore(path)) restored.push(path);
  console.log(
    restored.length
      ? `paper-digest: restored ${restored.join(" and ")} from the previous deploy`
      : `paper-digest: nothing cached yet: this build starts cold`,
  );
}

export async function onPostBuild({ utils, constants }) {
  const saved = [];
  for (const path of kept(constants)) if (await utils.cache.save(path)) saved.push(path);
  if (saved.length) console.log(`paper-digest: saved ${saved.join(" and ")} for the next deploy`);
}
