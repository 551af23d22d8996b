// What a supervisor's device keeps while it works without a connection: submissions
// waiting to be sent (the outbox, photos included), drafts of forms, and whose they are.
// Used by the supervision pages (supervision.js) and by their service worker
// (offline-sw.js), so it touches no page: IndexedDB, fetch and the Cache API only.
//
// Every queued submission carries the id its form was given (client_id), and the server
// saves by that id, so a submission sent twice (a reply lost, two tabs sending) is made
// once. Items go in the order they were made: an observation before the visit's submission.
(function (scope) {
  "use strict";

  const DB_NAME = "qamqor-offline";
  const DB_VERSION = 1;
  const CACHE_PREFIX = "qamqor-offline";
  const LOCK = "qamqor-outbox";
  const CHANNEL = "qamqor-outbox";
  const SYNC_TAG = "qamqor-outbox";

  let opening = null;

  function open() {
    if (!opening) {
      opening = new Promise((resolve, reject) => {
        const request = indexedDB.open(DB_NAME, DB_VERSION);
        request.onupgradeneeded = () => {
          const db = request.result;
          for (const [name, keyPath] of [["outbox", "id"], ["drafts", "key"], ["meta", "key"]]) {
            if (!db.objectStoreNames.contains(name)) db.createObjectStore(name, { keyPath });
          }
        };
        request.onsuccess = () => {
          const db = request.result;
          db.onversionchange = () => { db.close(); opening = null; };
          resolve(db);
        };
        request.onerror = () => { opening = null; reject(request.error); };
      });
    }
    return opening;
  }

  async function run(name, mode, work) {
    const db = await open();
    return new Promise((resolve, reject) => {
      const transaction = db.transaction(name, mode);
      let result;
      const request = work(transaction.objectStore(name));
      if (request) request.onsuccess = () => { result = request.result; };
      transaction.oncomplete = () => resolve(result);
      transaction.onerror = () => reject(transaction.error);
      transaction.onabort = () => reject(transaction.error);
    });
  }

  const table = (name) => ({
    get: (key) => run(name, "readonly", (store) => store.get(key)),
    all: () => run(name, "readonly", (store) => store.getAll()),
    put: (value) => run(name, "readwrite", (store) => store.put(value)),
    remove: (key) => run(name, "readwrite", (store) => store.delete(key)),
    clear: () => run(name, "readwrite", (store) => store.clear()),
  });
  const outbox = table("outbox");
  const drafts = table("drafts");
  const meta = table("meta");

  function newId() {
    if (scope.crypto && crypto.randomUUID) return crypto.randomUUID();
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  function announce() {
    if (typeof BroadcastChannel === "undefined") return;
    const channel = new BroadcastChannel(CHANNEL);
    channel.postMessage({ type: "changed" });
    channel.close();
  }

  function listen(callback) {
    if (typeof BroadcastChannel === "undefined") return;
    new BroadcastChannel(CHANNEL).onmessage = (event) => callback(event.data || {});
  }

  // A few words that tell one queued item from another, from what it holds.
  function describe(kind, fields, files) {
    if (kind === "attachment") return (files || []).map((file) => file.filename).join(", ");
    if (kind !== "action_point") return "";
    const description = (fields || []).find(([name]) => name === "description" || name.endsWith("-description"));
    return description ? String(description[1]).trim().slice(0, 80) : "";
  }

  let sequence = 0;
  const ordered = (items) => items.sort((a, b) => a.created - b.created || a.sequence - b.sequence);

  // The submissions of ``user`` waiting on this device, oldest first.
  async function waiting(user) {
    return ordered((await outbox.all()).filter((item) => item.user === user));
  }

  // Queue a submission: {user, kind, url, fields: [[name, value]], files: [{field, blob,
  // filename}], key, summary, visit, page}. A newer version of the same thing (same key:
  // the same record, the same review, the visit's notes) takes the older one's place.
  async function add(item) {
    const now = Date.now();
    const entry = { id: newId(), created: now, sequence: sequence++, state: "waiting", errors: [], files: [], ...item };
    if (!entry.summary) entry.summary = describe(entry.kind, entry.fields, entry.files);
    if (entry.key) {
      const same = (await outbox.all()).find((other) => other.user === entry.user && other.key === entry.key);
      if (same) Object.assign(entry, { id: same.id, created: same.created, sequence: same.sequence });
    }
    await outbox.put(entry);
    announce();
    return entry;
  }

  async function remove(id) {
    await outbox.remove(id);
    announce();
  }

  // Who is signed in, with a fresh CSRF token and the list of what to keep; or
  // {signedOut: true}. Throws when the server cannot be reached.
  async function session(manifestUrl) {
    const response = await fetch(manifestUrl, {
      credentials: "same-origin",
      redirect: "manual",
      cache: "no-store",
      headers: { Accept: "application/json" },
    });
    if (response.type === "opaqueredirect" || response.status === 401 || response.status === 403) {
      return { signedOut: true };
    }
    if (!response.ok) throw new Error(`The server answered ${response.status}.`);
    return response.json();
  }

  function messages(errors) {
    if (Array.isArray(errors)) return errors.map(String);
    if (errors && typeof errors === "object") {
      return Object.values(errors).flat().map((error) => (error && error.message) || String(error));
    }
    return [];
  }

  // Send one item. The answer: "sent", "failed" (the server refused it, with its reasons),
  // "signed-out" (sign in again, then it can go) or "retry" (no connection or a server
  // error: it waits for the next try).
  async function send(item, csrf) {
    const body = new FormData();
    for (const [name, value] of item.fields) body.append(name, value);
    for (const file of item.files || []) body.append(file.field, file.blob, file.filename);
    let response;
    try {
      response = await fetch(item.url, {
        method: "POST",
        body,
        credentials: "same-origin",
        redirect: "manual",
        headers: { "X-Offline-Sync": "1", "X-CSRFToken": csrf, Accept: "application/json" },
      });
    } catch (error) {
      return { outcome: "retry" };
    }
    if (response.type === "opaqueredirect") return { outcome: "signed-out" };
    let data = null;
    if ((response.headers.get("Content-Type") || "").includes("json")) {
      try { data = await response.json(); } catch (error) { data = null; }
    }
    if (response.ok && data && data.saved) return { outcome: "sent" };
    if (data && response.status >= 400 && response.status < 500) {
      return { outcome: "failed", errors: messages(data.errors) };
    }
    // A refusal that is not ours is the CSRF check: the session changed since.
    if (response.status === 403) return { outcome: "signed-out" };
    if (response.ok || (response.status >= 400 && response.status < 500 && ![408, 429].includes(response.status))) {
      return { outcome: "failed", errors: [] };
    }
    return { outcome: "retry" };
  }

  // Send what waits, in order, for whoever is signed in (or only for ``user``). Items the
  // server refused stay, marked, unless ``retryFailed``. One sender at a time per device.
  async function drain({ manifest, user = "", retryFailed = false }) {
    const work = async () => {
      const result = { sent: 0, failed: 0, left: 0, outcome: "done" };
      const all = ordered(await outbox.all());
      if (!all.length) return result;
      let info;
      try {
        info = await session(manifest);
      } catch (error) {
        return { ...result, outcome: "retry", left: all.length };
      }
      if (info.signedOut) return { ...result, outcome: "signed-out", left: all.length };
      if (user && info.user !== user) return { ...result, outcome: "other-person", left: all.length };
      for (const item of all) {
        if (item.user !== info.user) continue;
        if (item.state === "failed" && !retryFailed) { result.failed += 1; continue; }
        const answer = await send(item, info.csrf);
        if (answer.outcome === "sent") {
          await outbox.remove(item.id);
          result.sent += 1;
        } else if (answer.outcome === "failed") {
          await outbox.put({ ...item, state: "failed", errors: answer.errors });
          result.failed += 1;
        } else {
          result.outcome = answer.outcome;
          break;
        }
        announce();
      }
      result.left = (await waiting(info.user)).length;
      announce();
      return result;
    };
    if (scope.navigator && navigator.locks) return navigator.locks.request(LOCK, work);
    return work();
  }

  async function forgetPages() {
    if (typeof caches === "undefined") return;
    const names = await caches.keys();
    await Promise.all(names.filter((name) => name.startsWith(CACHE_PREFIX)).map((name) => caches.delete(name)));
  }

  // Signing out: nothing of this person stays on the device.
  async function forgetAll() {
    await forgetPages();
    await Promise.all([outbox.clear(), drafts.clear(), meta.clear()]);
    announce();
  }

  scope.QamqorOutbox = {
    CACHE_PREFIX, SYNC_TAG,
    add, remove, waiting, drain, session, send, listen, announce, newId,
    drafts, meta, forgetPages, forgetAll,
  };
})(self);
