// Small progressive enhancements; every page works without this file.
document.addEventListener("DOMContentLoaded", () => {
  // Move focus to the error summary so that the problem is announced and reachable.
  const summary = document.querySelector("[data-error-summary]");
  if (summary) summary.focus();

  // Role forms: show the school, region, training area and specialism fields only for the
  // roles they apply to. Without JavaScript every field shows and the server explains.
  document.querySelectorAll("select[name=role]").forEach((role) => {
    const form = role.form;
    const update = () => {
      form.querySelectorAll("[data-for-roles]").forEach((input) => {
        const applies = input.dataset.forRoles.split(" ").includes(role.value);
        const wrapper = input.closest(".field");
        if (!wrapper) return;
        wrapper.hidden = role.value !== "" && !applies;
        if (wrapper.hidden) input.value = "";
      });
    };
    role.addEventListener("change", update);
    update();
  });

  // Signing out on a shared device: forget what the supervision pages kept for offline
  // use, before the sign-out goes (their own pages also send what waits, first).
  document.querySelectorAll('form[action$="/accounts/logout/"]').forEach((form) => {
    form.addEventListener("submit", async (event) => {
      if (event.defaultPrevented || !("caches" in window)) return;
      event.preventDefault();
      const forget = (async () => {
        const names = await caches.keys();
        await Promise.all(names.filter((name) => name.startsWith("qamqor-offline")).map((name) => caches.delete(name)));
        if ("indexedDB" in window) indexedDB.deleteDatabase("qamqor-offline");
      })().catch(() => {});
      await Promise.race([forget, new Promise((resolve) => setTimeout(resolve, 2000))]);
      HTMLFormElement.prototype.submit.call(form);
    });
  });

  // On a phone the main links fold behind a "Menu" button, so that the header stays small.
  // Without JavaScript the button stays hidden and the links show.
  document.querySelectorAll(".site-nav").forEach((nav) => {
    const toggle = nav.querySelector(".site-nav__toggle");
    const list = nav.querySelector(".site-nav__list");
    if (!toggle || !list) return;
    const setOpen = (open) => {
      toggle.setAttribute("aria-expanded", String(open));
      list.classList.toggle("is-open", open);
    };
    nav.classList.add("is-collapsible");
    toggle.hidden = false;
    toggle.addEventListener("click", () => setOpen(toggle.getAttribute("aria-expanded") !== "true"));
    nav.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
        setOpen(false);
        toggle.focus();
      }
    });
  });

  // Close the account menu with Escape and return focus to its toggle.
  document.querySelectorAll("details.account-menu").forEach((menu) => {
    menu.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && menu.open) {
        menu.open = false;
        menu.querySelector("summary").focus();
      }
    });
  });
});
