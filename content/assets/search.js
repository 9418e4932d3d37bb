// Starts Pagefind's search UI and keeps the query in the address (?q=), so a
// search can be shared as a link and survives a reload or the back button.
/* global PagefindUI */
(() => {
  const url = new URL(window.location.href);
  const query = url.searchParams.get("q") ?? "";
  const ui = new PagefindUI({
    element: "#search",
    showSubResults: false,
    showImages: false,
    resetStyles: false,
    pageSize: 10,
    translations: { placeholder: "Search titles and abstracts", zero_results: "No papers match “[SEARCH_TERM]”. Try fewer or broader words." },
  });
  if (query) ui.triggerSearch(query);

  const input = document.querySelector("#search input");
  if (!input) return;
  input.setAttribute("aria-label", "Search titles and abstracts");
  if (query && !input.value) input.value = query;
  input.addEventListener("input", () => {
    const next = new URL(window.location.href);
    if (input.value.trim()) next.searchParams.set("q", input.value);
    else next.searchParams.delete("q");
    window.history.replaceState(null, "", next);
  });
})();
