// The reader's own reading list and read marks, kept in this browser's localStorage and nowhere else: no
// cookie, no account, nothing sent. Every control is made here, so without JavaScript none appears.
// Titles and authors are only ever set as textContent: text stays text.
(() => {
  const KEYS = { saved: "paper-digest:saved", read: "paper-digest:read", hide: "paper-digest:hide-read" };
  const load = (key, empty) => {
    try {
      return JSON.parse(localStorage.getItem(key)) ?? empty;
    } catch {
      return empty;
    }
  };
  const store = (key, value) => {
    try {
      localStorage.setItem(key, JSON.stringify(value));
    } catch {
      // Storage full or refused (a private window): the page still works, the mark is not kept.
    }
  };
  const saved = () => load(KEYS.saved, []);
  const isSaved = (slug) => saved().some((p) => p.slug === slug);
  const read = new Set(load(KEYS.read, []));
  // "2025-03-13" → "13 March 2025", as the site's pages write dates.
  const longDate = (iso) =>
    new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  const el = (tag, props = {}, text = "") => Object.assign(document.createElement(tag), props, { textContent: text });

  /** A Save toggle for one paper; its label says what pressing it does, aria-pressed what it is. */
  function saveButton(paper) {
    const button = el("button", { type: "button", className: "save" });
    const show = () => {
      const on = isSaved(paper.slug);
      button.textContent = on ? "Saved" : "Save";
      button.setAttribute("aria-pressed", String(on));
      button.setAttribute("aria-label", `${on ? "Saved to" : "Save to"} your reading list: ${paper.title}`);
    };
    button.addEventListener("click", () => {
      const list = saved().filter((p) => p.slug !== paper.slug);
      if (!isSaved(paper.slug)) list.unshift({ ...paper, saved: new Date().toISOString().slice(0, 10) });
      store(KEYS.saved, list);
      show();
    });
    show();
    return button;
  }

  // A paper's page: it is read once opened; a Save button under its title.
  const article = document.querySelector("article.paper[data-slug]");
  if (article) {
    const slug = article.dataset.slug;
    read.add(slug);
    store(KEYS.read, [...read]);
    const paper = {
      slug,
      title: article.querySelector("h1").textContent,
      date: article.querySelector("time")?.getAttribute("datetime") ?? "",
    };
    const bar = el("p", { className: "reading" });
    bar.append(saveButton(paper), " ", el("a", { href: "/saved/" }, "Your reading list"));
    article.querySelector("h1").after(bar);
  }

  // Lists: a Save button and a read mark on each paper, and a switch that hides the papers read.
  const items = document.querySelectorAll("li.paper-item[data-slug]");
  for (const item of items) {
    const link = item.querySelector("h2 a, h3 a");
    const paper = { slug: item.dataset.slug, title: link.textContent, date: item.dataset.date ?? "" };
    if (read.has(paper.slug)) {
      item.classList.add("is-read");
      link.after(el("span", { className: "read-mark" }, " (read)"));
    }
    item.append(saveButton(paper));
  }
  const firstList = document.querySelector("ol.papers");
  if (firstList && items.length > 0) {
    const box = el("input", { type: "checkbox", id: "hide-read", checked: load(KEYS.hide, false) });
    const apply = () => document.body.classList.toggle("hide-read", box.checked);
    box.addEventListener("change", () => {
      store(KEYS.hide, box.checked);
      apply();
    });
    const label = el("label", { htmlFor: "hide-read" }, " Hide papers I have read");
    const wrap = el("p", { className: "reading" });
    wrap.append(box, label);
    firstList.before(wrap);
    apply();
  }

  // /saved/: the list, with Remove and the exports.
  const place = document.getElementById("saved-list");
  if (place) savedPage(place);

  function savedPage(place) {
    const list = saved();
    place.replaceChildren();
    document.getElementById("saved-empty").hidden = list.length > 0;
    document.getElementById("saved-exports").hidden = list.length === 0;
    const ol = el("ol", { className: "papers" });
    for (const paper of list) {
      const li = el("li", { className: "paper-item" });
      const h2 = el("h2", { dir: "auto" });
      h2.append(el("a", { href: `/papers/${paper.slug}/` }, paper.title));
      const meta = el("p", { className: "meta" }, paper.date ? `First listed ${longDate(paper.date)}` : "");
      const authors = el("p", { className: "authors", dir: "auto" }, (paper.authors ?? []).join(", "));
      const remove = el("button", { type: "button", className: "save" }, "Remove");
      remove.setAttribute("aria-label", `Remove from your reading list: ${paper.title}`);
      remove.addEventListener("click", () => {
        store(
          KEYS.saved,
          saved().filter((p) => p.slug !== paper.slug),
        );
        savedPage(place);
        document.getElementById("saved-heading").focus();
      });
      li.append(h2, meta, authors, remove);
      ol.append(li);
      if (!paper.authors) details(paper).then((d) => (authors.textContent = d.authors.join(", ")));
    }
    place.append(ol);
  }

  /** What a paper's own page says of it for a citation (its citation_* tags and BibTeX), fetched once. */
  async function details(paper) {
    if (paper.cite) return paper.cite;
    const cite = { title: paper.title, authors: [], date: paper.date, url: `${location.origin}/papers/${paper.slug}/` };
    try {
      const response = await fetch(`/papers/${paper.slug}/`);
      if (!response.ok) return cite;
      const doc = new DOMParser().parseFromString(await response.text(), "text/html");
      const meta = (name) => [...doc.querySelectorAll(`meta[name="${name}"]`)].map((m) => m.content);
      Object.assign(cite, {
        authors: meta("citation_author"),
        published: meta("citation_publication_date")[0]?.replaceAll("/", "-"),
        arxiv: meta("citation_arxiv_id")[0],
        doi: meta("citation_doi")[0],
        bibtex: doc.getElementById("bibtex")?.textContent,
      });
      const list = saved();
      const kept = list.find((p) => p.slug === paper.slug);
      if (kept) {
        kept.authors = cite.authors;
        kept.cite = cite;
        store(KEYS.saved, list);
      }
    } catch {
      // Offline and never opened: the entry has what the list knew.
    }
    return cite;
  }

  const bibtexText = (s) => s.replace(/[{}\\]/g, "").replace(/([&%$#_])/g, "\\$1");
  function bibtex(c, slug) {
    if (c.bibtex) return c.bibtex;
    const year = (c.published ?? c.date ?? "").slice(0, 4);
    return `@misc{${slug},
      title={${bibtexText(c.title)}},
${c.authors.length ? `      author={${c.authors.map(bibtexText).join(" and ")}},\n` : ""}\
${year ? `      year={${year}},\n` : ""}\
      url={${c.url}},
}`;
  }
  function ris(c) {
    const lines = [c.arxiv ? "TY  - JOUR" : "TY  - GEN", `TI  - ${c.title}`, ...c.authors.map((a) => `AU  - ${a}`)];
    const date = c.published ?? c.date;
    if (date) lines.push(`PY  - ${date.slice(0, 4)}`, `DA  - ${date.replaceAll("-", "/")}`);
    if (c.arxiv) lines.push("JO  - arXiv", `M3  - arXiv:${c.arxiv}`);
    if (c.doi) lines.push(`DO  - ${c.doi}`);
    lines.push(`UR  - ${c.arxiv ? `https://arxiv.org/abs/${c.arxiv}` : c.url}`, "ER  - ");
    return lines.join("\r\n");
  }
  async function exportAs(kind) {
    const list = saved();
    const cites = await Promise.all(list.map(details));
    const text =
      kind === "bib"
        ? cites.map((c, i) => bibtex(c, list[i].slug)).join("\n\n")
        : cites.map((c) => ris(c)).join("\r\n\r\n");
    const blob = new Blob([`${text}\n`], { type: kind === "bib" ? "application/x-bibtex" : "application/x-research-info-systems" });
    const a = el("a", { href: URL.createObjectURL(blob), download: `reading-list.${kind}` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  }
  for (const button of document.querySelectorAll("button[data-export]")) {
    button.hidden = false;
    button.addEventListener("click", () => exportAs(button.dataset.export));
  }
})();
