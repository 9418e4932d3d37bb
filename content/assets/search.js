// Search with Pagefind's browser API. The query and topic live in the address
// (?q=…&topic=…), so a search can be shared as a link and survives a reload.
// Result text is only ever inserted as text: an excerpt's <mark>s are rebuilt,
// nothing else of it becomes markup.
(async () => {
  const PAGE = 10;
  const form = document.getElementById("search-form");
  const input = form.elements.q;
  const topic = form.elements.topic;
  const status = document.getElementById("search-status");
  const list = document.getElementById("search-results");
  const more = document.getElementById("search-more");

  const params = new URL(window.location.href).searchParams;
  input.value = params.get("q") ?? "";
  topic.value = params.get("topic") ?? "";
  if (topic.value !== (params.get("topic") ?? "")) topic.value = "";

  let pagefind;
  try {
    pagefind = await import("/pagefind/pagefind.js");
    await pagefind.options({ excerptLength: 32 });
  } catch {
    status.textContent = "Search could not start. Browse papers by topic instead.";
    return;
  }

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

  const render = (data) => {
    const li = el("li", "paper-item");
    const h2 = el("h2");
    h2.dir = "auto";
    const a = el("a", "", data.meta.title);
    a.href = data.url;
    h2.append(a);
    li.append(h2, el("p", "meta", [data.meta.date, data.meta.topics].filter(Boolean).join(" · ")), excerpt(data.excerpt));
    return li;
  };

  const showMore = async () => {
    const page = await Promise.all(results.slice(shown, shown + PAGE).map((r) => r.data()));
    list.append(...page.map(render));
    shown += page.length;
    more.hidden = shown >= results.length;
  };

  const remember = (q, t) => {
    const url = new URL(window.location.href);
    for (const [key, value] of [["q", q], ["topic", t]]) {
      if (value) url.searchParams.set(key, value);
      else url.searchParams.delete(key);
    }
    window.history.replaceState(null, "", url);
  };

  const search = async () => {
    const q = input.value.trim();
    const t = topic.value;
    remember(q, t);
    const run = ++latest;
    if (!q && !t) {
      list.replaceChildren();
      more.hidden = true;
      status.textContent = "";
      return;
    }
    const found = await pagefind.debouncedSearch(q || null, { filters: t ? { topic: t } : {} }, 150);
    if (found === null || run !== latest) return;
    results = found.results;
    shown = 0;
    list.replaceChildren();
    await showMore();
    if (run !== latest) return;
    const where = `${q ? ` for “${q}”` : ""}${t ? ` in ${t}` : ""}`;
    status.textContent = results.length === 0
      ? `No papers found${where}. Try fewer or broader words${t ? ", or all topics" : ""}.`
      : `${results.length} ${results.length === 1 ? "paper" : "papers"}${where}.`;
  };

  input.addEventListener("input", search);
  topic.addEventListener("change", search);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    search();
  });
  more.addEventListener("click", showMore);
  if (input.value || topic.value) search();
})();
