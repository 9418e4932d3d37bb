// Search with Pagefind's browser API, made forgiving. The query and topic live in
// the address (?q=…&topic=…), so a search can be shared as a link and survives a
// reload. Result text is only ever inserted as text: an excerpt's <mark>s are
// rebuilt, nothing else of it becomes markup.
//
// Pagefind requires every word and silently drops a word it doesn't know. So:
// 1. a query word that none of the first results contains is looked up in the archive's vocabulary
//    (/search/words/<letter>.json, fetched only then) and, when the archive lacks
//    it, corrected to the closest word it has ("transfomer" → "transformer");
// 2. when fewer than five papers have every word, papers with some of the words
//    follow, ranked by how many of the rarer words they have;
// 3. acronyms and synonyms: papers indexed with a group's one-word terms
//    (content/synonyms.yaml) are found by them, and a query that finds too
//    little is also tried with each group's other terms (/search/synonyms.json);
// 4. a topic whose name, description or vocabulary matches is shown once, above.
//
// The first search costs the same at any archive size: it searches the primary index alone (the topic
// pages and the newest papers, see src/search/searchShards.ts) and shows its results, then merges the older
// shards and searches again. The complete results are ranked into the list unless the reader has begun to
// use it (a touch, a scroll, a key), in which case the older papers are listed below, so nothing moves
// under a finger.
(async () => {
  const PAGE = 10;
  const ENOUGH = 5;
  const form = document.getElementById("search-form");
  const input = form.elements.q;
  const topic = form.elements.topic;
  const status = document.getElementById("search-status");
  const notice = document.getElementById("search-notice");
  const topicResult = document.getElementById("search-topic");
  const list = document.getElementById("search-results");
  const olderHeading = document.getElementById("search-older-heading");
  const olderList = document.getElementById("search-older");
  const more = document.getElementById("search-more");

  const params = new URL(window.location.href).searchParams;
  input.value = params.get("q") ?? "";
  topic.value = params.get("topic") ?? "";
  if (topic.value !== (params.get("topic") ?? "")) topic.value = "";
  // "Search instead for …" links carry exact=1: the words as typed, uncorrected.
  let verbatim = params.get("exact") === "1";

  let pagefind;
  // Which results are topic pages (they are shown apart, once, above the papers).
  let topicIds = new Set();
  // The older shards, merged once a first search has shown the newest papers' results.
  let merge = [];
  let options;
  try {
    // The index comes in shards (/search/index.json lists them): the primary holds the topic pages and the
    // newest papers, the others the older papers. Options reach only the index they are given to, so each gets them.
    const index = fetch("/search/index.json").then((r) => (r.ok ? r.json() : { merge: [], topicPages: [] }), () => ({ merge: [], topicPages: [] }));
    pagefind = await import("/pagefind/pagefind.js");
    const loaded = await index;
    // One URL for the index's entry files a build, which the offline cache (sw.js) can answer.
    options = { excerptLength: 32, ...(loaded.tag ? { metaCacheTag: loaded.tag } : {}) };
    await pagefind.options(options);
    // The primary index is made ready (its WebAssembly and metadata fetched) while the reader types.
    pagefind.init();
    merge = loaded.merge;
    topicIds = new Set(loaded.topicPages);
  } catch {
    status.textContent = "Search could not start. Browse papers by topic instead.";
    return;
  }
  // Settles once every shard is merged: none is left out of a search, even one that failed to load.
  let older = merge.length === 0 ? Promise.resolve() : undefined;
  const mergeOlder = () => (older ??= Promise.all(merge.map((path) => pagefind.mergeIndex(path, options).catch(() => {}))));

  const STOP = new Set("a an and are as at be been but by can do does for from has have how i in into is it its of on or our that the their them these this those to was we were what when where which who why will with without you your".split(" "));
  const wordsOf = (text) => text.toLowerCase().normalize("NFKC").split(/[^\p{L}\p{N}@]+/u).filter(Boolean);
  const meaningful = (words) => words.filter((w) => !STOP.has(w));

  // The archive's vocabulary, a chunk per first letter, fetched on first need.
  const chunks = new Map();
  const vocabulary = (word) => {
    const key = /^[a-z]/.test(word) ? word[0] : "_";
    if (!chunks.has(key)) chunks.set(key, fetch(`/search/words/${key}.json`).then((r) => (r.ok ? r.json() : null), () => null));
    return chunks.get(key);
  };
  const variants = (w) => [w, w.replace(/ies$/, "y"), w.replace(/es$/, ""), w.replace(/s$/, ""), `${w}s`, w.replace(/ing$/, ""), w.replace(/ed$/, "")];
  const known = (w, vocab) => variants(w).some((v) => vocab.words[v] !== undefined);

  // Optimal string alignment distance (a swap of neighbours is one edit), giving up past `max`.
  const distance = (a, b, max) => {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    let prev2 = [];
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const row = [i];
      let best = i;
      for (let j = 1; j <= b.length; j++) {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1;
        row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j], prev2[j - 2] + 1);
        best = Math.min(best, row[j]);
      }
      if (best > max) return max + 1;
      prev2 = prev;
      prev = row;
    }
    return prev[b.length];
  };

  /** The archive's closest word: fewest edits, then the most papers. */
  const correct = (w, vocab) => {
    const max = w.length <= 4 ? 1 : 2;
    let best = null;
    for (const [candidate, count] of Object.entries(vocab.words)) {
      const d = distance(w, candidate, max);
      if (d <= max && (!best || d < best.d || (d === best.d && count > best.count))) best = { word: candidate, d, count };
    }
    return best?.word ?? w;
  };

  let results = [];
  let shown = 0;
  let latest = 0;

  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  // Pagefind's excerpt is escaped text with <mark> around matches: keep exactly that.
  const excerpt = (markup) => {
    const parsed = new DOMParser().parseFromString(`<p>${markup}</p>`, "text/html").body.firstChild;
    const p = el("p", "excerpt");
    p.dir = "auto";
    for (const node of parsed?.childNodes ?? []) p.append(node.nodeName === "MARK" ? el("mark", "", node.textContent) : node.textContent);
    return p;
  };

  const render = ({ data, partial }) => {
    const li = el("li", partial ? "paper-item partial" : "paper-item");
    const h2 = el("h2");
    h2.dir = "auto";
    const a = el("a", "", data.meta.title);
    a.href = data.url;
    h2.append(a);
    const meta = [data.meta.authors, data.meta.date, data.meta.topics].filter(Boolean).join(" · ");
    li.append(h2);
    if (partial) li.append(el("p", "match", `Matches ${partial.matched} of ${partial.of} words`));
    li.append(el("p", "meta", meta), excerpt(data.excerpt));
    return li;
  };

  const nextPage = () => Promise.all(results.slice(shown, shown + PAGE).map(async (r) => render({ data: await (r.data ? r.data() : r.result.data()), partial: r.partial })));
  // Where "Show more papers" adds: below the older papers' heading once there is one.
  const showMore = async () => {
    const page = await nextPage();
    (olderHeading.hidden ? list : olderList).append(...page);
    shown += page.length;
    more.hidden = shown >= results.length;
  };
  const idOf = (r) => (r.result ?? r).id;

  const remember = (q, t) => {
    const url = new URL(window.location.href);
    for (const [key, value] of [["q", q], ["topic", t], ["exact", verbatim ? "1" : ""]]) {
      if (value) url.searchParams.set(key, value);
      else url.searchParams.delete(key);
    }
    window.history.replaceState(null, "", url);
  };

  /** Words that none of these results contain (a result's text holds a word's stem). */
  const missingFrom = async (words, found) => {
    const texts = (await Promise.all(found.slice(0, PAGE).map((r) => r.data()))).map((d) => `${d.meta.title} ${d.content}`.toLowerCase());
    return words.filter((w) => w.length >= 3 && !texts.some((t) => t.includes(w.slice(0, Math.max(4, w.length - 3)))));
  };

  /** Words of the query that Pagefind may have dropped or matched only as a prefix: candidates for correction. */
  const unseen = async (words, found) => {
    if (found.length > 0) return missingFrom(words, found);
    // No result at all: ask for each word alone (its index chunk is loaded already).
    const alone = await Promise.all(words.map(async (w) => (w.length >= 3 ? missingFrom([w], (await pagefind.search(w)).results.slice(0, 2)) : [])));
    return alone.flat();
  };

  // Acronyms and synonyms (content/synonyms.yaml), fetched when a query finds too little.
  let synonymList;
  const synonyms = () => (synonymList ??= fetch("/search/synonyms.json").then((r) => (r.ok ? r.json() : []), () => []));
  /** The query said with each group's other terms: "ocr model" → "text recognition model", … */
  const alternatives = async (words) => {
    const out = [];
    for (const group of await synonyms()) {
      for (const term of group) {
        const tw = term.split(" ");
        for (let i = 0; i + tw.length <= words.length; i++) {
          if (!tw.every((w, j) => words[i + j] === w || words[i + j] === `${w}s`)) continue;
          for (const other of group) if (other !== term) out.push([...words.slice(0, i), other, ...words.slice(i + tw.length)].join(" "));
        }
      }
    }
    return [...new Set(out)].slice(0, 8);
  };

  const papersOf = (found) => found.results.filter((r) => !topicIds.has(r.id));
  const topicsOf = (found) => found.results.filter((r) => topicIds.has(r.id));

  /** Papers with some of the words: rarer words count for more, then Pagefind's own score. */
  const partialMatches = async (words, filters, exclude) => {
    const perWord = (await Promise.all(words.map((w) => pagefind.search(w, { filters })))).map((found) => ({ results: papersOf(found) }));
    const byId = new Map();
    perWord.forEach((found, i) => {
      const weight = 1 / Math.log2(2 + found.results.length);
      for (const r of found.results) {
        if (exclude.has(r.id)) continue;
        const entry = byId.get(r.id) ?? { result: r, weight: 0, score: 0, matched: 0 };
        entry.weight += weight;
        entry.score += r.score;
        entry.matched++;
        byId.set(r.id, entry);
      }
    });
    return [...byId.values()]
      .sort((a, b) => b.weight - a.weight || b.score - a.score)
      .slice(0, 30)
      .map((e) => ({ result: e.result, partial: { matched: e.matched, of: words.length } }));
  };

  const showNotice = (used, typed) => {
    notice.replaceChildren();
    notice.hidden = !used;
    if (!used) return;
    const link = el("a", "", typed);
    const url = new URL(window.location.href);
    url.searchParams.set("q", typed);
    url.searchParams.set("exact", "1");
    link.href = url.pathname + url.search;
    link.addEventListener("click", (event) => {
      event.preventDefault();
      verbatim = true;
      input.value = typed;
      search();
    });
    notice.append("Showing results for ", el("em", "", used), ". Search instead for ", link, ".");
  };

  const showTopic = async (topics, t) => {
    topicResult.replaceChildren();
    topicResult.hidden = true;
    if (!topics.length || t) return;
    const data = await topics[0].data();
    const a = el("a", "", data.meta.title);
    a.href = data.url;
    const count = Number(data.meta.count);
    topicResult.append(el("span", "kind", "Topic"), " · ", a, ` · ${count} ${count === 1 ? "paper" : "papers"}`);
    topicResult.hidden = false;
  };

  /** The query ranked in the shards merged so far: papers with every word, then papers with some; topics. */
  const rank = async (typed, filters, found, asTyped) => {
    let exact = papersOf(found);
    let topics = topicsOf(found);
    let query = typed;
    let partial = [];
    const words = meaningful(wordsOf(typed));
    if (typed && words.length > 0) {
      // Correct the words no result contains and the archive doesn't know (Pagefind dropped them).
      // A query that works has each of its words in its results: it fetches no vocabulary.
      if (!asTyped) {
        const suspects = new Set(await unseen(words, exact));
        // An acronym the archive never spells is no typo: its synonyms find its papers below.
        const terms = suspects.size ? new Set((await synonyms()).flat()) : new Set();
        const typedWords = wordsOf(typed);
        const fixed = await Promise.all(
          typedWords.map(async (w) => {
            if (!suspects.has(w) || terms.has(w)) return w;
            const vocab = await vocabulary(w);
            return vocab && !known(w, vocab) ? correct(w, vocab) : w;
          }),
        );
        if (fixed.some((w, i) => w !== typedWords[i])) {
          query = fixed.join(" ");
          const again = await pagefind.search(query, { filters });
          exact = papersOf(again);
          topics = topicsOf(again);
        }
      }
      // Papers that have every word of the query said another way ("MoE" for "mixture of experts").
      if (exact.length < ENOUGH) {
        const seen = new Set(exact.map((r) => r.id));
        for (const alt of await alternatives(wordsOf(query))) {
          for (const r of papersOf(await pagefind.search(alt, { filters }))) if (!seen.has(r.id) && seen.add(r.id)) exact.push(r);
        }
      }
      if (exact.length < ENOUGH) partial = await partialMatches(meaningful(wordsOf(query)), filters, new Set(exact.map((r) => r.id)));
    }
    return { query, exact, partial, topics };
  };

  const clearOlder = () => {
    olderHeading.hidden = true;
    olderList.hidden = true;
    olderList.replaceChildren();
  };

  /** Shows a ranking's first page in place of the list (once its results are at hand: the list never blinks). */
  const show = async (ranked, typed, t, run) => {
    showNotice(ranked.query !== typed ? ranked.query : null, typed);
    await showTopic(ranked.topics, t);
    if (run !== latest) return false;
    results = [...ranked.exact, ...ranked.partial];
    shown = 0;
    const page = await nextPage();
    if (run !== latest) return false;
    clearOlder();
    list.replaceChildren(...page);
    shown = page.length;
    more.hidden = shown >= results.length;
    return true;
  };

  /** Adds a complete ranking's other papers below the results shown, which stay as they are. */
  const showOlder = async (ranked, run) => {
    const kept = results.slice(0, shown);
    const ids = new Set(kept.map(idOf));
    results = [...kept, ...[...ranked.exact, ...ranked.partial].filter((r) => !ids.has(idOf(r)))];
    const page = await nextPage();
    if (run !== latest || page.length === 0) return;
    olderHeading.hidden = false;
    olderList.hidden = false;
    olderList.replaceChildren(...page);
    shown += page.length;
    more.hidden = shown >= results.length;
  };

  /** Watches for the reader beginning to use what is shown; the function it returns stops and tells. */
  const watchUse = () => {
    let used = false;
    const mark = () => {
      used = true;
    };
    const on = [[list, "pointerdown"], [list, "focusin"], [more, "click"], [window, "scroll"], [window, "wheel"], [window, "touchstart"]];
    for (const [target, type] of on) target.addEventListener(type, mark, { passive: true });
    return () => {
      for (const [target, type] of on) target.removeEventListener(type, mark);
      return used;
    };
  };

  const describe = ({ query, exact, partial }, typed, t) => {
    const where = `${typed ? ` for “${query}”` : ""}${t ? ` in ${t}` : ""}`;
    const some = partial.length ? `, and ${partial.length} with some of its words` : "";
    // A correction is announced by its own line (#search-notice, a live region), not repeated here.
    return exact.length + partial.length === 0
      ? `No papers found${where}. Try fewer or broader words${t ? ", or all topics" : ""}.`
      : `${exact.length} ${exact.length === 1 ? "paper" : "papers"}${where}${partial.length ? " with every word" : ""}${some}.`;
  };

  const searchNow = async () => {
    const typed = input.value.trim();
    const t = topic.value;
    remember(typed, t);
    const asTyped = verbatim;
    verbatim = false;
    const run = ++latest;
    status.style.minHeight = "";
    if (!typed && !t) {
      list.replaceChildren();
      clearOlder();
      list.removeAttribute("aria-busy");
      more.hidden = true;
      status.textContent = "";
      showNotice(null);
      topicResult.hidden = true;
      return;
    }
    const filters = t ? { topic: t } : {};
    // The first search runs on the newest papers alone; once the older shards are merging, searches wait for them.
    const first = !older;
    if (!first) await older;
    if (run !== latest) return;
    const found = await pagefind.debouncedSearch(typed || null, { filters }, 150);
    if (found === null || run !== latest) return;
    const newest = await rank(typed, filters, found, asTyped);
    if (run !== latest || !(await show(newest, typed, t, run))) return;
    list.dataset.scope = first ? "newest" : "all";
    if (!first) {
      list.removeAttribute("aria-busy");
      status.textContent = describe(newest, typed, t);
      return;
    }
    const n = newest.exact.length + newest.partial.length;
    const where = `${typed ? ` “${newest.query}”` : ""}${t ? ` in ${t}` : ""}`;
    status.textContent = `${n === 0 ? "None" : n} of the newest papers ${n === 1 ? "matches" : "match"}${where}; searching older papers…`;
    list.setAttribute("aria-busy", "true");
    const used = watchUse();
    await mergeOlder();
    if (run !== latest) return used();
    const complete = await rank(typed, filters, await pagefind.search(typed || null, { filters }), asTyped);
    // Ranked into the list unless the reader is using it (and it answers the same words).
    const touched = used() && complete.query === newest.query;
    if (run !== latest) return;
    if (touched) await showOlder(complete, run);
    else if (!(await show(complete, typed, t, run))) return;
    if (run !== latest) return;
    list.dataset.scope = "all";
    list.removeAttribute("aria-busy");
    const top = list.getBoundingClientRect().top;
    // A shorter status line would lift the list under the finger: it keeps its height until the next search.
    if (touched) status.style.minHeight = `${status.getBoundingClientRect().height}px`;
    status.textContent = describe(complete, typed, t);
    // A longer one pushes the list down: the page scrolls by as much.
    const moved = list.getBoundingClientRect().top - top;
    if (touched && moved > 0) window.scrollBy(0, moved);
  };
  // A shard that failed to load fails every search that includes it: the results shown stay, and the reader is told.
  const search = () =>
    searchNow().catch(() => {
      list.removeAttribute("aria-busy");
      status.textContent = "Part of the search index could not be loaded. Reload the page to search every paper.";
    });

  input.addEventListener("input", () => {
    verbatim = false;
    search();
  });
  topic.addEventListener("change", search);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    search();
  });
  more.addEventListener("click", showMore);
  if (input.value || topic.value) search();
})();
