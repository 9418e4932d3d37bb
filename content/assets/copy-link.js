// "Copy link" on paper pages: shown only where the browser can copy; the
// permalink beside it works without JavaScript.
(() => {
  const button = document.querySelector("button.copy-link");
  if (!button || !navigator.clipboard) return;
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(button.dataset.copy);
      button.textContent = "Copied";
    } catch {
      button.textContent = "Press Ctrl+C to copy";
    }
    setTimeout(() => (button.textContent = "Copy link"), 2000);
  });
})();
