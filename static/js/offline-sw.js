// The service worker of the supervision pages of one language, loaded by the script that
// supervision.views.offline.service_worker serves at /<language>/supervision/sw.js (which sets
// self.QAMQOR_OFFLINE and imports offline-outbox.js first). It controls only the pages
// under that path.
//
// What it keeps: exactly the pages and files that the server lists for the signed-in
// supervisor (supervision/offline.py: their visits for today and the days ahead, the
// observation form of each rubric with the school's staff, the static files), nothing
// else. Pages come from the network when it answers, and from the device when it does not.
// A form sent while the connection fails is kept in the outbox and sent later; Background
// Sync (where the browser has it) and the pages (when they load or come back online) send it.
(() => {
  "use strict";

  const config = self.QAMQOR_OFFLINE;
  const store = self.QamqorOutbox;
  const CACHE = `${store.CACHE_PREFIX}-v1-${config.scope}`;
  const PAGE_TIMEOUT = 6000;
  const FILE_TIMEOUT = 4000;
  const REFRESH_EVERY = 5 * 60 * 1000;
  const PARALLEL = 4;
  const ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
  // Forms whose submission can wait on the device: what records a visit.
  const QUEUEABLE = [
    [new RegExp(`/visits/${ID}/observations/new/$`), "observation"],
    [new RegExp(`/observations/${ID}/edit/$`), "observation"],
    [new RegExp(`/visits/${ID}/action-points/$`), "action_point"],
    [new RegExp(`/action-points/${ID}/edit/$`), "action_point"],
    [new RegExp(`/visits/${ID}/reviews/${ID}/$`), "review"],
    [new RegExp(`/visits/${ID}/notes/$`), "notes"],
    [new RegExp(`/visits/${ID}/attachments/$`), "attachment"],
    [new RegExp(`/visits/${ID}/submit/$`), "submit"],
  ];
  const VISIT_PAGE = new RegExp(`^(.*/visits/${ID}/)`);
  let lastRefresh = 0;

  const inScope = (url) => url.origin === self.location.origin && url.pathname.startsWith(config.scope);

  function timeout(promise, ms) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("timeout")), ms);
      promise.then((value) => { clearTimeout(timer); resolve(value); }, (error) => { clearTimeout(timer); reject(error); });
    });
  }

  async function tell(message, also) {
    const clients = await self.clients.matchAll({ type: "window" });
    if (also && !clients.some((client) => client.id === also.id)) clients.push(also);
    for (const client of clients) client.postMessage(message);
  }

  // Keep what the server lists for the signed-in supervisor, and nothing else. Pages not
  // kept yet are fetched at once; those kept are fetched again every few minutes, or at
  // once when ``force`` (after something was sent).
  async function refresh(force, asker) {
    // A page opened while this worker was still starting is not controlled yet: take it.
    await self.clients.claim();
    let manifest;
    try {
      manifest = await store.session(config.manifest);
    } catch (error) {
      return; // no connection: keep what is kept
    }
    if (manifest.signedOut) {
      await store.forgetPages();
      await tell({ type: "signed-out" }, asker);
      return;
    }
    const owner = await store.meta.get("owner");
    if (owner && owner.value !== manifest.user) {
      // Someone else signed in on this device: nothing kept for the previous person shows.
      await store.forgetPages();
      for (const draft of await store.drafts.all()) {
        if (draft.user !== manifest.user) await store.drafts.remove(draft.key);
      }
    }
    await store.meta.put({ key: "owner", value: manifest.user });
    const cache = await caches.open(CACHE);
    const wanted = [...manifest.pages, ...manifest.files].map((path) => new URL(path, self.location.origin).href);
    const keep = new Set(wanted);
    for (const request of await cache.keys()) {
      if (!keep.has(request.url)) await cache.delete(request);
    }
    const stale = force || Date.now() - lastRefresh > REFRESH_EVERY;
    const missing = [];
    for (const url of wanted) {
      if (stale || !(await cache.match(url, { ignoreVary: true }))) missing.push(url);
    }
    const queue = missing.slice();
    const worker = async () => {
      while (queue.length) {
        const url = queue.shift();
        try {
          const response = await fetch(url, {
            credentials: "same-origin",
            redirect: "manual",
            cache: "no-cache",
            headers: { "X-Offline-Keep": "1" },
          });
          if (response.ok && response.type === "basic") await cache.put(url, response);
        } catch (error) {
          // The next refresh tries again.
        }
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    if (stale) lastRefresh = Date.now();
    const kept = [];
    for (const path of manifest.pages) {
      if (await cache.match(new URL(path, self.location.origin).href, { ignoreVary: true })) kept.push(path);
    }
    await tell({ type: "ready", pages: kept }, asker);
  }

  // A page: from the network, kept up to date on the device; from the device when the
  // network fails or is too slow; else the page that says it is not kept.
  async function page(event) {
    const request = event.request;
    const cache = await caches.open(CACHE);
    try {
      const response = await timeout(fetch(request), PAGE_TIMEOUT);
      if (response.type === "opaqueredirect") {
        // A kept page that now redirects: signed out? Then what was kept is no one's to
        // read any more, and refresh() forgets it.
        event.waitUntil(refresh(false));
      } else if (response.ok && (await cache.match(request, { ignoreVary: true }))) {
        await cache.put(request, response.clone());
      }
      return response;
    } catch (error) {
      const kept = (await cache.match(request, { ignoreVary: true }))
        || (await cache.match(new URL(config.fallback, self.location.origin).href, { ignoreVary: true }));
      return kept || Response.error();
    }
  }

  async function file(request) {
    const cache = await caches.open(CACHE);
    const kept = await cache.match(request, { ignoreVary: true });
    if (!kept) return fetch(request);
    try {
      const response = await timeout(fetch(request), FILE_TIMEOUT);
      if (response.ok) await cache.put(request, response.clone());
      return response.ok ? response : kept;
    } catch (error) {
      return kept;
    }
  }

  // A form sent while the connection fails: keep it in the outbox and show the page it
  // came from (kept on the device), whose list says it waits.
  async function postOrKeep(request, kind) {
    const copy = request.clone();
    try {
      return await fetch(request);
    } catch (error) {
      const owner = await store.meta.get("owner");
      if (!owner) return Response.error();
      const form = await copy.formData();
      const fields = [];
      const files = [];
      for (const [name, value] of form.entries()) {
        if (name === "csrfmiddlewaretoken") continue;
        if (typeof value === "string") fields.push([name, value]);
        else if (value.size) files.push({ field: name, blob: value, filename: value.name });
      }
      const visitPage = (new URL(request.url).pathname.match(VISIT_PAGE) || [])[1];
      const clientId = (fields.find(([name]) => name.endsWith("client_id")) || [])[1];
      await store.add({
        user: owner.value,
        kind,
        url: request.url,
        fields,
        files,
        key: `${kind}:${clientId || request.url}`,
        page: visitPage || request.referrer || config.fallback,
      });
      try { await self.registration.sync.register(store.SYNC_TAG); } catch (syncError) { /* pages send it */ }
      return Response.redirect(visitPage || request.referrer || config.fallback, 303);
    }
  }

  self.addEventListener("install", (event) => {
    event.waitUntil(self.skipWaiting());
  });

  self.addEventListener("activate", (event) => {
    event.waitUntil((async () => {
      const old = (await caches.keys()).filter(
        (name) => name.startsWith(store.CACHE_PREFIX) && name.endsWith(config.scope) && name !== CACHE
      );
      await Promise.all(old.map((name) => caches.delete(name)));
      await self.clients.claim();
    })());
  });

  self.addEventListener("message", (event) => {
    const message = event.data || {};
    if (message.type === "refresh") event.waitUntil(refresh(Boolean(message.force), event.source));
  });

  self.addEventListener("sync", (event) => {
    if (event.tag !== store.SYNC_TAG) return;
    event.waitUntil((async () => {
      const result = await store.drain({ manifest: config.manifest });
      if (result.outcome === "retry") throw new Error("Not sent yet: the browser tries again later.");
      if (result.sent) await refresh(true);
      await tell({ type: "drained", result });
    })());
  });

  self.addEventListener("fetch", (event) => {
    const request = event.request;
    const url = new URL(request.url);
    if (url.origin !== self.location.origin) return;
    if (request.method === "POST") {
      if (request.mode !== "navigate" || !inScope(url)) return;
      const match = QUEUEABLE.find(([pattern]) => pattern.test(url.pathname));
      if (match) event.respondWith(postOrKeep(request, match[1]));
      return;
    }
    if (request.method !== "GET") return;
    if (request.mode === "navigate") {
      if (inScope(url)) event.respondWith(page(event));
      return;
    }
    if (url.pathname.startsWith(config.static) || inScope(url)) event.respondWith(file(request));
  });
})();
