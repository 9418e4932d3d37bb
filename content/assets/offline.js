// Offline reading: the service worker (/sw.js) keeps the newest digest and every page opened.
if ("serviceWorker" in navigator) {
  navigator.serviceWorker.register("/sw.js").catch(() => {
    // No offline copy (a private window, an old browser): the site works as before.
  });
}
