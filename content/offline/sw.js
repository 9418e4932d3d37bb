// The service worker's body; /sw.js is this file after the lines that sw.js.11ty.ts writes above it:
// VERSION (changes with every deploy that changes the shell or the newest digest), SHELL (the shell's
// files, with / and /offline/) and NEWEST (the newest digest and its papers' pages).
//
// Pages: network first, so a new day shows whenever the reader is online; the cached copy (every page
// the reader opened, and the newest digest) when offline; else the offline page.
// Assets: from the cache of this version's shell, refreshed behind the reader's back.
// Search: Pagefind's files are named by their content, so cached for good; its entry files and our
// search data network first.

const SHELL_CACHE = `shell-${VERSION}`;
const PAGES = "pages";
const FILES = "files";
/** Pages and files kept at most, oldest dropped first: a reader's phone is not an archive. */
const KEEP = 400;

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      await (await caches.open(SHELL_CACHE)).addAll(SHELL);
      // Two at a time and at low priority: on a slow connection the reader's own requests (a search, the next
      // page) go first, not behind a hundred pages.
      const pages = await caches.open(PAGES);
      const queue = [...NEWEST];
      const fetchNext = async () => {
        for (let url = queue.shift(); url; url = queue.shift()) {
          const response = await fetch(url, { priority: "low" }).catch(() => undefined);
          if (response?.ok) await pages.put(url, response);
        }
      };
      await Promise.all([fetchNext(), fetchNext()]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys())
        if (key.startsWith("shell-") && key !== SHELL_CACHE) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

async function keep(cacheName, request, response) {
  if (!response.ok || response.type !== "basic") return;
  const cache = await caches.open(cacheName);
  await cache.put(request, response);
  const keys = await cache.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - KEEP))) await cache.delete(old);
}

async function networkFirst(request, cacheName, fallback) {
  try {
    const response = await fetch(request);
    if (response.ok) await keep(cacheName, request, response.clone());
    return response;
  } catch (err) {
    const cached = (await caches.match(request)) ?? (await caches.match(request, { ignoreSearch: true }));
    if (cached) return cached;
    if (fallback) return (await caches.match(fallback)) ?? Response.error();
    throw err;
  }
}

async function cacheFirst(request, cacheName) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  await keep(cacheName, request, response.clone());
  return response;
}

async function staleWhileRevalidate(request, event) {
  const shell = await caches.open(SHELL_CACHE);
  const cached = await shell.match(request, { ignoreSearch: true });
  const fresh = fetch(request).then(async (response) => {
    if (response.ok) await shell.put(request, response.clone());
    return response;
  });
  if (!cached) return fresh;
  event.waitUntil(fresh.catch(() => {}));
  return cached;
}

// Pagefind's files whose names carry their content's hash.
const HASHED = /^\/pagefind[^/]*\/(index|fragment|filter)\/|\.pf_meta$|\/wasm\.[^/]+\.pagefind$/;

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== location.origin) return;
  if (request.mode === "navigate") event.respondWith(networkFirst(request, PAGES, "/offline/"));
  else if (url.pathname.startsWith("/assets/")) event.respondWith(staleWhileRevalidate(request, event));
  else if (HASHED.test(url.pathname)) event.respondWith(cacheFirst(request, FILES));
  else if (url.pathname.startsWith("/pagefind") || url.pathname.startsWith("/search/"))
    event.respondWith(networkFirst(request, FILES));
});
