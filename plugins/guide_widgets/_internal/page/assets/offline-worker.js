// The offline copy of the guide (see offline.py): registered only when the reader asks for it, from the
// privacy or "My plan" page. The build writes this build's facts below: its id, the cache name (with
// "{scope}" and "{build}" to fill in) and every file's address relative to the site's root.
/** @type {{build: string, cache: string, files: string[]}} */
// @ts-expect-error: the build writes the facts in place of the null.
const FACTS = /*FACTS*/null;
/** @type {ServiceWorkerGlobalScope} */
const worker = /** @type {any} */ (self);

const root = new URL("./", self.location.href); // the site's root: this script lives there
const prefix = FACTS.cache.replace("{scope}", root.pathname).replace("{build}", "");
const CACHE = prefix + FACTS.build;

worker.addEventListener("install", (event) => {
  // All or nothing: if one file cannot be stored, this copy is not installed and the page says so.
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    try {
      await cache.addAll(FACTS.files.map((file) => new Request(new URL(file, root), { cache: "reload" })));
    } catch (error) {
      await caches.delete(CACHE);
      throw error;
    }
  })());
});

worker.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    let first = true;
    for (const name of await caches.keys()) {
      if (name.startsWith(prefix) && name !== CACHE) {
        first = false;
        await caches.delete(name); // the copy of an earlier build
      }
    }
    // The first copy serves the page that asked for it at once; a later build waits (see offline.py).
    if (first) await worker.clients.claim();
  })());
});

/** @param {URL} url */
async function stored(url) {
  const cache = await caches.open(CACHE);
  const found = await cache.match(url, { ignoreSearch: true });
  if (found || !url.pathname.endsWith("/index.html")) return found;
  return cache.match(new URL(url.pathname.slice(0, -"index.html".length), url), { ignoreSearch: true });
}

worker.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== root.origin || !url.pathname.startsWith(root.pathname)) return;
  event.respondWith((async () => {
    const found = await stored(url);
    if (found) return found;
    try {
      return await fetch(request);
    } catch (error) {
      if (request.mode !== "navigate") throw error;
      const missing = await stored(new URL("404.html", root));
      if (!missing) throw error;
      return new Response(await missing.blob(), { status: 404, headers: missing.headers });
    }
  })());
});
