// Copy buttons on paper pages ("Copy link", "Copy BibTeX"): shown only where the
// browser can copy; the permalink and the BibTeX beside them are selectable text.
(() => {
  if (!navigator.clipboard) return;
  for (const button of document.querySelectorAll("button.copy-link")) {
    const label = button.textContent;
    const text = () => button.dataset.copy ?? document.getElementById(button.dataset.copyFrom)?.textContent ?? "";
    button.hidden = false;
    button.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(text());
        button.textContent = "Copied";
      } catch {
        button.textContent = "Press Ctrl+C to copy";
      }
      setTimeout(() => (button.textContent = label), 2000);
    });
  }
})();
