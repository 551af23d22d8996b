// Supervision pages: autosave while recording a visit, and recording without a connection.
// Every page works without this file: forms submit normally.
//
// Offline (supervisors only): the pages register the service worker (offline-sw.js) that
// keeps today's visits on the device; drafts of forms are kept on the device
// (offline-outbox.js, IndexedDB); a form saved with no connection goes to the outbox, which
// this page lists and sends when the connection is back (also on load, and by Background
// Sync where the browser has it). Signing out from a supervision page clears the device.
(() => {
  "use strict";

  // Translated texts and addresses come from the page (templates/supervision/base.html).
  const source = document.querySelector("[data-supervision-text]");
  const t = source ? source.dataset : {};
  const store = window.QamqorOutbox && window.indexedDB ? window.QamqorOutbox : null;
  const me = t.offlineUser || "";
  const PREFIX = "qamqor-autosave:";
  const lang = document.documentElement.lang;
  const time = (when) => new Date(when || Date.now()).toLocaleTimeString(lang, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const newId = () => (store ? store.newId() : crypto.randomUUID());

  // Never keep the token or the form's id: a restored id would turn a new record into an
  // update of the previous one.
  const isId = (name) => name === "client_id" || name.endsWith("-client_id");
  // A form marked data-autosave-keep-id keeps its id with the copy, so that a reopened
  // "new observation" form goes on with the draft the server may already hold.
  const skipper = (form) => {
    const keepId = form.hasAttribute("data-autosave-keep-id");
    return (name) => name === "csrfmiddlewaretoken" || (!keepId && isId(name));
  };

  // --- Drafts on the device ----------------------------------------------------------------
  // In IndexedDB with the person's id, so that nobody else's draft is ever restored; in
  // localStorage (as before) where IndexedDB is missing.
  const drafts = {
    async get(key) {
      if (!store) {
        const kept = localStorage.getItem(key);
        return kept ? JSON.parse(kept) : null;
      }
      const old = localStorage.getItem(key);
      if (old !== null) {
        // Kept by an earlier version of this page: move it into IndexedDB.
        localStorage.removeItem(key);
        try { await store.drafts.put({ key, user: me, data: JSON.parse(old), saved: Date.now() }); } catch (error) { /* gone */ }
      }
      const draft = await store.drafts.get(key);
      return draft && draft.user === me ? draft.data : null;
    },
    put(key, data) {
      if (!store) { localStorage.setItem(key, JSON.stringify(data)); return Promise.resolve(); }
      return store.drafts.put({ key, user: me, data, saved: Date.now() });
    },
    remove(key) {
      localStorage.removeItem(key);
      return store ? store.drafts.remove(key) : Promise.resolve();
    },
  };

  function snapshot(form) {
    const skipped = skipper(form);
    const data = {};
    for (const element of form.elements) {
      if (!element.name || skipped(element.name) || element.type === "file" || element.type === "submit") continue;
      if ((element.type === "radio" || element.type === "checkbox") && !element.checked) continue;
      (data[element.name] = data[element.name] || []).push(element.value);
    }
    return data;
  }

  function restore(form, data) {
    const skipped = skipper(form);
    for (const element of form.elements) {
      if (!element.name || !(element.name in data) || skipped(element.name) || element.type === "file") continue;
      const values = data[element.name];
      if (element.type === "radio" || element.type === "checkbox") element.checked = values.includes(element.value);
      else element.value = values[0];
    }
  }

  function isPristine(form) {
    // Only restore into a form the server sent without errors and without saved values.
    return !form.querySelector(".field--error") && !form.dataset.serverValues;
  }

  const idField = (form) => Array.from(form.elements).find((element) => element.name && isId(element.name));

  // A page kept on the device is the same every time it opens: a form for a new record
  // gets a new id here, so that two records made from it stay two.
  document.querySelectorAll("form[data-offline-fresh-id]").forEach((form) => {
    const field = idField(form);
    if (field && isPristine(form)) field.value = newId();
  });

  // After a successful submission (the server redirected to another page), forget the copy.
  const submitted = sessionStorage.getItem(PREFIX + "submitted");
  if (submitted && !document.querySelector("[data-error-summary]")) {
    drafts.remove(submitted).catch(() => {});
    sessionStorage.removeItem(PREFIX + "submitted");
  }

  const autosaved = new Map();
  document.querySelectorAll("form[data-autosave-local], form[data-autosave]").forEach((form) => {
    const status = form.querySelector("[data-autosave-status]");
    const key = form.dataset.autosaveLocal ? PREFIX + form.dataset.autosaveLocal : "";
    const remoteUrl = form.dataset.autosave || "";
    let timer = null;
    let dirty = false;
    let submitting = false;
    const say = (message) => { if (status) status.textContent = message; };

    if (key) {
      drafts.get(key).then((data) => {
        if (!data) return;
        const current = snapshot(form);
        const differs = Object.keys(data).some(
          (name) => !isId(name) && JSON.stringify(data[name]) !== JSON.stringify(current[name])
        );
        if (differs && isPristine(form)) {
          restore(form, data);
          say(t.restored);
        }
      }).catch(() => drafts.remove(key).catch(() => {}));
    }

    async function saveRemote() {
      if (!remoteUrl || submitting || !navigator.onLine) return;
      const body = new FormData(form);
      try {
        const response = await fetch(remoteUrl, {
          method: "POST",
          body,
          headers: { "X-Autosave": "1" },
          credentials: "same-origin",
        });
        const result = await response.json();
        if (response.ok && result.saved) {
          dirty = false;
          say(`${t.server} ${result.time}`);
        } else {
          say(`${t.device} ${time()}`);
        }
      } catch (error) {
        say(t.failed);
      }
    }

    const changed = () => {
      dirty = true;
      if (key) {
        drafts.put(key, snapshot(form)).then(() => say(`${t.device} ${time()}`)).catch(() => { /* storage full or off */ });
      }
      clearTimeout(timer);
      timer = setTimeout(saveRemote, 4000);
    };
    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    window.addEventListener("pagehide", () => { if (dirty) saveRemote(); });
    autosaved.set(form, {
      key,
      say,
      // A normal submission takes over; the kept copy goes once the page has moved on.
      submitting() {
        submitting = true;
        clearTimeout(timer);
        if (key) sessionStorage.setItem(PREFIX + "submitted", key);
      },
      // Queued on the device: the outbox holds it now.
      queued() {
        dirty = false;
        clearTimeout(timer);
        if (key) drafts.remove(key).catch(() => {});
      },
    });
  });

  // --- The connection and what waits to be sent -------------------------------------------

  const main = document.querySelector("main .container");
  const recordingHere = Boolean(document.querySelector("form[data-offline-queue]"));
  const banner = document.createElement("p");
  banner.className = "offline-banner";
  banner.setAttribute("role", "status");
  banner.hidden = true;
  if (main && (recordingHere || me)) main.prepend(banner);

  const panel = document.querySelector("[data-offline-panel]");
  const summary = panel && panel.querySelector("[data-offline-summary]");
  const list = panel && panel.querySelector("[data-offline-list]");
  const actions = panel && panel.querySelector("[data-offline-actions]");
  const sendButton = panel && panel.querySelector("[data-offline-send]");
  const reloadButton = panel && panel.querySelector("[data-offline-reload]");
  const signIn = panel && panel.querySelector("[data-offline-sign-in]");
  const ready = panel && panel.querySelector("[data-offline-ready]");
  if (panel && main) {
    // After the page's heading: the first thing read after what the page is.
    const heading = main.querySelector("h1");
    if (heading) heading.after(panel);
    else main.prepend(panel);
  }

  let items = [];
  let note = ""; // what just happened, said with the count (until the connection changes)
  let draining = false;

  function waitingText(count) {
    const category = new Intl.PluralRules(lang).select(count);
    const key = `waiting${category.charAt(0).toUpperCase()}${category.slice(1)}`;
    return (t[key] || t.waitingOther || "").replace("%(n)s", count.toLocaleString(lang));
  }

  const kindLabel = (kind) => ({
    observation: t.kindObservation,
    action_point: t.kindActionPoint,
    review: t.kindReview,
    notes: t.kindNotes,
    attachment: t.kindAttachment,
    submit: t.kindSubmit,
  })[kind] || "";

  function itemElement(item) {
    const entry = document.createElement("li");
    entry.className = "offline-item" + (item.state === "failed" ? " offline-item--failed" : "");
    const what = document.createElement("p");
    what.className = "offline-item__what";
    const kind = document.createElement("strong");
    kind.textContent = kindLabel(item.kind);
    what.append(kind);
    if (item.summary) what.append(`: ${item.summary}`);
    const when = document.createElement("p");
    when.className = "offline-item__meta";
    when.textContent = [item.visit, (t.since || "").replace("%(time)s", time(item.created))].filter(Boolean).join(" · ");
    entry.append(what, when);
    if (item.state === "failed") {
      const problem = document.createElement("p");
      problem.className = "offline-item__error";
      const tag = document.createElement("span");
      tag.className = "tag tag--danger";
      tag.textContent = t.notSaved;
      problem.append(tag);
      if (item.errors && item.errors.length) problem.append(` ${item.errors.join(" ")}`);
      const remove = document.createElement("button");
      remove.type = "button";
      remove.className = "button button--secondary button--small";
      remove.textContent = t.remove;
      const context = document.createElement("span");
      context.className = "visually-hidden";
      context.textContent = `: ${kindLabel(item.kind)}${item.summary ? ` ${item.summary}` : ""}`;
      remove.append(context);
      remove.addEventListener("click", async () => {
        if (!window.confirm(t.removeConfirm)) return;
        await store.remove(item.id);
        if (panel) panel.focus();
      });
      entry.append(problem, remove);
    }
    return entry;
  }

  async function render() {
    const online = navigator.onLine;
    banner.hidden = online;
    banner.textContent = online ? "" : t.offline;
    if (!panel || !store) return;
    try { items = await store.waiting(me); } catch (error) { items = []; }
    panel.hidden = !(items.length || recordingHere || !online || note);
    const count = items.length ? waitingText(items.length) : t.nothingWaiting;
    const text = note === t.allSent ? note : [note, count].filter(Boolean).join(" ");
    if (summary.textContent !== text) summary.textContent = text;
    list.replaceChildren(...items.map(itemElement));
    list.hidden = !items.length;
    sendButton.hidden = !items.length || !online || draining;
    signIn.hidden = note !== t.signedOut;
    reloadButton.hidden = note !== t.allSent;
    actions.hidden = sendButton.hidden && signIn.hidden && reloadButton.hidden;
  }

  const worker = () => ("serviceWorker" in navigator ? navigator.serviceWorker.ready : Promise.reject());

  async function sendWaiting(retryFailed) {
    if (!store || !me || draining || !navigator.onLine) return;
    let pending;
    try { pending = await store.waiting(me); } catch (error) { return; }
    if (!pending.some((item) => retryFailed || item.state !== "failed")) return;
    draining = true;
    note = t.sending;
    await render();
    let result;
    try {
      result = await store.drain({ manifest: t.offlineManifest, user: me, retryFailed });
    } catch (error) {
      result = { outcome: "retry", sent: 0, left: pending.length };
    }
    draining = false;
    // Sent here or by the service worker (Background Sync) meanwhile: all went if none is left.
    if (result.outcome === "signed-out") note = t.signedOut;
    else if (result.outcome === "done" && !result.left) note = t.allSent;
    else note = "";
    await render();
    if (result.sent) {
      worker().then((registration) => {
        if (registration.active) registration.active.postMessage({ type: "refresh", force: true });
      }).catch(() => {});
    }
  }

  async function queue(form, submitter) {
    const kind = form.dataset.offlineQueue;
    const data = new FormData(form);
    if (submitter && submitter.name) data.append(submitter.name, submitter.value);
    const fields = [];
    const files = [];
    for (const [name, value] of data.entries()) {
      if (name === "csrfmiddlewaretoken") continue;
      if (typeof value === "string") fields.push([name, value]);
      else if (value.size) files.push({ field: name, blob: value, filename: value.name });
    }
    const id = idField(form);
    // Action points and files are described by the outbox from what they hold.
    let summaryText = form.dataset.offlineLabel || "";
    if (kind === "observation") {
      const observed = form.querySelector("select[name=observed]");
      summaryText = observed && observed.selectedIndex > 0 ? observed.options[observed.selectedIndex].text : "";
    }
    await store.add({
      user: me,
      kind,
      url: form.action,
      fields,
      files,
      key: `${kind}:${kind === "review" || kind === "notes" || kind === "submit" || !id ? form.action : id.value}`,
      summary: summaryText,
      visit: t.offlineVisit || "",
      page: t.offlineVisitUrl || location.pathname,
    });
    worker().then((registration) => registration.sync && registration.sync.register(store.SYNC_TAG)).catch(() => {});
  }

  function missingScores(form, submitter) {
    if (form.dataset.offlineQueue !== "observation" || (submitter && submitter.name === "save_draft")) return null;
    return Array.from(form.querySelectorAll("fieldset.indicator")).find((set) => !set.querySelector("input:checked"));
  }

  // Every form that writes: queued when there is no connection (if it records the visit),
  // or held back with a word (anything else). What happened is said next to the form.
  document.querySelectorAll("main form[method=post]").forEach((form) => {
    const autosave = autosaved.get(form);
    let status = form.querySelector("[data-autosave-status]");
    if (!status && me) {
      status = document.createElement("p");
      status.className = "offline-note";
      status.setAttribute("role", "status");
      // Below a row of buttons (Edit, Delete) rather than inside it.
      const row = form.parentElement.closest(".actions");
      if (row) row.after(status);
      else form.append(status);
    }
    const say = (message) => { if (status) status.textContent = message; };
    form.addEventListener("submit", async (event) => {
      if (event.defaultPrevented) return;
      if (navigator.onLine || !me) {
        if (autosave) autosave.submitting();
        return; // a normal submission; the service worker keeps it if the connection fails
      }
      event.preventDefault();
      if (!form.dataset.offlineQueue || !store) {
        say(t.needsConnection);
        return;
      }
      if (!form.checkValidity()) {
        form.reportValidity();
        return;
      }
      const unscored = missingScores(form, event.submitter);
      if (unscored) {
        say(t.scoreAll);
        unscored.querySelector("input").focus();
        return;
      }
      try {
        await queue(form, event.submitter);
      } catch (error) {
        say(t.failed);
        return;
      }
      if (autosave) autosave.queued();
      const kept = "serviceWorker" in navigator && navigator.serviceWorker.controller;
      if (form.dataset.offlineQueue === "observation" && t.offlineVisitUrl && kept) {
        // As after saving with a connection: back to the visit, whose list shows it waits.
        sessionStorage.setItem(PREFIX + "queued", "1");
        location.assign(`${t.offlineVisitUrl}#offline-queue`);
        return;
      }
      if (form.hasAttribute("data-offline-fresh-id")) {
        form.reset();
        const field = idField(form);
        if (field) field.value = newId();
      }
      say(t.queued);
      render();
    });
  });

  // Ask before deleting (with no connection, the form above says it cannot be done now).
  document.querySelectorAll("form[data-confirm]").forEach((form) => {
    form.addEventListener("submit", (event) => {
      if (!navigator.onLine && me) return;
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
    }, { capture: true });
  });

  let focusPanel = false;
  if (panel && store) {
    sendButton.addEventListener("click", () => sendWaiting(true));
    reloadButton.addEventListener("click", () => location.reload());
    store.listen(() => render());
    if (sessionStorage.getItem(PREFIX + "queued")) {
      // An observation was just queued on its own page, which sent the person here.
      sessionStorage.removeItem(PREFIX + "queued");
      note = t.queued;
      focusPanel = location.hash === "#offline-queue";
    }
  }
  window.addEventListener("online", () => { note = ""; render().then(() => sendWaiting(false)); });
  window.addEventListener("offline", () => { note = ""; render(); });
  render().then(() => {
    if (focusPanel && !panel.hidden) panel.focus();
    sendWaiting(false);
  });

  // --- The service worker ------------------------------------------------------------------

  if ("serviceWorker" in navigator && me && t.offlineWorker) {
    navigator.serviceWorker.addEventListener("message", (event) => {
      const message = event.data || {};
      if (message.type === "ready" && ready) {
        const here = location.pathname + location.search;
        ready.hidden = !(message.pages || []).includes(here);
      } else if (message.type === "drained") {
        const result = message.result || {};
        if (result.sent && !result.left && !draining) note = t.allSent;
        render();
      }
    });
    navigator.serviceWorker.register(t.offlineWorker, { scope: t.offlineScope }).then(async () => {
      const registration = await navigator.serviceWorker.ready;
      if (navigator.onLine && registration.active) registration.active.postMessage({ type: "refresh" });
    }).catch(() => { /* this browser keeps nothing: forms still submit normally */ });
  } else if ("serviceWorker" in navigator && t.offlineScope) {
    // Not a supervisor: this device keeps no supervision pages for this person.
    navigator.serviceWorker.getRegistration(t.offlineScope).then((registration) => {
      if (registration) registration.unregister();
    }).catch(() => {});
    if (store) store.forgetPages().catch(() => {});
  }

  // Signing out here clears what this device kept: pages, drafts and the outbox (after
  // trying to send it, and asking if some of it cannot go).
  document.querySelectorAll('form[action$="/accounts/logout/"]').forEach((form) => {
    form.addEventListener("submit", async (event) => {
      if (form.dataset.cleared) return;
      event.preventDefault();
      if (store) {
        if (me && navigator.onLine) {
          await Promise.race([sendWaiting(true), new Promise((resolve) => setTimeout(resolve, 8000))]);
        }
        let left = [];
        try { left = me ? await store.waiting(me) : []; } catch (error) { left = []; }
        if (left.length && !window.confirm(t.signOutConfirm)) return;
        try { await store.forgetAll(); } catch (error) { /* nothing kept */ }
      } else if (typeof caches !== "undefined") {
        const names = await caches.keys();
        await Promise.all(names.filter((name) => name.startsWith("qamqor-offline")).map((name) => caches.delete(name)));
      }
      Object.keys(localStorage).filter((name) => name.startsWith(PREFIX)).forEach((name) => localStorage.removeItem(name));
      form.dataset.cleared = "1";
      HTMLFormElement.prototype.submit.call(form);
    });
  });
})();
