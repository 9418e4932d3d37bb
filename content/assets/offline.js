// Offline reading: the service worker (/sw.js) keeps the newest digest and every page opened. It starts once
// the page has loaded, so its first downloads never compete with the page's own.
if ("serviceWorker" in navigator) {
  addEventListener("load", () => {
    navigator.serviceWorker.register("/sw.js").catch(() => {
      // No offline copy (a private window, an old browser): the site works as before.
    });
  });
}
