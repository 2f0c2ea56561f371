// QuoteLens service worker: after the first visit the app opens without a network.
// scripts/post-build.py fills in the build's version and file list (this file as it
// stands in web/ is a template; the built one is dist/sw.js).
//
// Network first, cache as the fallback: online, every request goes to the server as if
// there were no worker (so `trunk serve` and new releases are seen at once); offline,
// the files of the build this worker belongs to answer. It only ever touches this
// origin's own files and never contacts anything else.
const BUILD = "__QUOTELENS_BUILD__";
const FILES = __QUOTELENS_FILES__;
const CACHE = `quotelens-${BUILD}`;

self.addEventListener("install", (event) => {
  // All of this build's files or none: a half-cached build would not start offline.
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES.map((url) => new Request(url, { cache: "reload" }))))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  // Older builds' caches go: a new release never leaves anyone on the old one.
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith("quotelens-") && k !== CACHE).map((k) => caches.delete(k))
        )
      )
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  event.respondWith(
    fetch(request).catch(async () => {
      const cache = await caches.open(CACHE);
      const hit = await cache.match(request, { ignoreSearch: true });
      if (hit) {
        return hit;
      }
      if (request.mode === "navigate") {
        // Any address in the app (a query, a stale link) opens the page.
        const page = await cache.match(self.registration.scope);
        if (page) {
          return page;
        }
      }
      return Response.error();
    })
  );
});
