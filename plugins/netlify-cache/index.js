// Keeps paper-digest's .cache/ (drawn share cards, by content hash) between Netlify
// deploys: restored before the build, saved once the build has succeeded. An empty
// or cleared cache only means that one build draws every card again.
export const CACHE = ".cache";

export async function onPreBuild({ utils }) {
  const restored = await utils.cache.restore(CACHE);
  console.log(restored ? `paper-digest: restored ${CACHE} from the previous deploy` : `paper-digest: no ${CACHE} cached yet: this build starts cold`);
}

export async function onPostBuild({ utils }) {
  if (await utils.cache.save(CACHE)) console.log(`paper-digest: saved ${CACHE} for the next deploy`);
}
