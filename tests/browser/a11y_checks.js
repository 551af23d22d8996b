// Checks the accessibility gate runs inside a page, beyond axe-core's rules. Evaluated
// through the browser's debugging protocol (so the page's content security policy does not
// apply); each check returns plain data for the test to assert on.
window.__a11y = (() => {
  const FOCUSABLE = [
    "a[href]",
    "button:not([disabled])",
    "input:not([type=hidden]):not([disabled])",
    "select:not([disabled])",
    "textarea:not([disabled])",
    "summary",
    "[tabindex]:not([tabindex='-1'])",
  ].join(", ");

  const describe = (el) => {
    const classes = typeof el.className === "string" && el.className.trim()
      ? "." + el.className.trim().split(/\s+/).join(".")
      : "";
    const text = (el.textContent || el.value || el.name || "").replace(/\s+/g, " ").trim();
    return `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${classes} "${text.slice(0, 40)}"`;
  };

  const seconds = (value) => Math.max(0, ...value.split(",").map((part) => {
    part = part.trim();
    return part.endsWith("ms") ? parseFloat(part) / 1000 : parseFloat(part) || 0;
  }));

  // WCAG 2.5.8: a link inside a sentence is exempt. It is inline, and the block around it
  // holds letters or digits outside any link or button.
  const inRunningText = (el) => {
    if (el.tagName !== "A" || getComputedStyle(el).display !== "inline") return false;
    let block = el.parentElement;
    while (block && getComputedStyle(block).display === "inline") block = block.parentElement;
    if (!block) return false;
    const copy = block.cloneNode(true);
    copy.querySelectorAll("a, button, .visually-hidden").forEach((node) => node.remove());
    return /[\p{L}\p{N}]/u.test(copy.textContent);
  };

  const smallTargets = () => {
    const small = [];
    for (const el of document.querySelectorAll(FOCUSABLE)) {
      if (el.matches(".skip-link") || el.closest("[hidden], .visually-hidden")) continue;
      if (getComputedStyle(el).visibility === "hidden") continue;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue; // not rendered: a closed panel
      if (rect.width >= 24 && rect.height >= 24) continue;
      if (inRunningText(el)) continue;
      small.push(`${describe(el)} ${Math.round(rect.width)}x${Math.round(rect.height)}`);
    }
    return small;
  };

  // What a focus indicator may change, on the element, its ::before (used by card links)
  // and its nearest ancestors (cards and choices highlight with :focus-within or :has()).
  const KEYS = ["outlineStyle", "outlineWidth", "outlineColor", "boxShadow", "borderTopColor",
    "borderBottomColor", "backgroundColor", "color", "textDecorationLine"];
  const focusStyle = (el) => {
    const chain = [];
    for (let node = el, depth = 0; node && node.nodeType === 1 && depth < 4; depth++) {
      const style = getComputedStyle(node);
      chain.push(KEYS.map((key) => style[key]).join("|"));
      const before = getComputedStyle(node, "::before");
      chain.push(`${before.outlineStyle}|${before.boxShadow}`);
      node = node.parentElement;
    }
    return chain.join("\n");
  };
  let unfocused = [];
  const markFocusable = () => {
    const all = [...document.querySelectorAll(FOCUSABLE)];
    all.forEach((el, index) => { el.dataset.a11yIndex = String(index); });
    unfocused = all.map(focusStyle);
    return all.length;
  };
  const focused = () => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const index = el.dataset.a11yIndex;
    if (index === undefined) return { index: null, label: describe(el), changed: true };
    return {
      index: Number(index),
      label: describe(el),
      changed: focusStyle(el) !== unfocused[Number(index)],
    };
  };

  const moving = () => {
    const found = [];
    for (const el of document.querySelectorAll("*")) {
      for (const pseudo of [null, "::before", "::after"]) {
        const style = getComputedStyle(el, pseudo);
        const what = describe(el) + (pseudo || "");
        if (style.animationName !== "none" && seconds(style.animationDuration) > 0.01) {
          found.push(`${what}: animation ${style.animationName} ${style.animationDuration}`);
        }
        if (style.transitionProperty !== "none" && seconds(style.transitionDuration) > 0.01) {
          found.push(`${what}: transition ${style.transitionProperty} ${style.transitionDuration}`);
        }
      }
    }
    if (getComputedStyle(document.documentElement).scrollBehavior === "smooth") {
      found.push("html: smooth scrolling");
    }
    for (const animation of document.getAnimations()) {
      const timing = animation.effect && animation.effect.getComputedTiming();
      if (timing && timing.duration > 10) {
        found.push(`running animation ${animation.animationName || animation.id}`);
      }
    }
    return found;
  };

  // WCAG 3.3.1 and 1.3.1: the error summary is announced, and each of its links leads to a
  // field that is marked invalid and described by its own message.
  const CONTROL = "input, select, textarea";
  const formErrors = () => {
    const summary = document.querySelector("[data-error-summary]");
    if (!summary) return { summary: false };
    const links = [...summary.querySelectorAll("a[href^='#']")].map((link) => {
      const href = decodeURIComponent(link.getAttribute("href").slice(1));
      const target = document.getElementById(href);
      const control = target && (target.matches(CONTROL) ? target : target.querySelector(CONTROL));
      const describer = control && (control.closest("fieldset[aria-describedby]") || control);
      const described = describer ? describer.getAttribute("aria-describedby") || "" : "";
      const messages = described.split(/\s+/).filter(Boolean)
        .map((id) => document.getElementById(id))
        .filter((el) => el && el.classList.contains("field__error"))
        .map((el) => el.textContent.trim());
      return {
        text: link.textContent.trim(),
        href,
        found: !!control,
        invalid: control ? control.getAttribute("aria-invalid") : null,
        messages,
      };
    });
    // Every invalid control is linked, itself or through the group of choices it is in.
    const group = (el) => el.closest("fieldset") || el;
    const linkedGroups = links.filter((link) => link.found)
      .map((link) => group(document.getElementById(link.href)));
    const unlinked = [...document.querySelectorAll("[aria-invalid='true']")]
      .filter((el) => !linkedGroups.some((linked) => linked === group(el) || linked.contains(el)))
      .map(describe);
    return {
      summary: true,
      role: summary.getAttribute("role"),
      focused: document.activeElement === summary,
      links,
      unlinked,
    };
  };

  // WCAG 1.4.10: nothing but a scrollable table region needs sideways scrolling.
  const overflow = () => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    return [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > width + 1)
      .filter((el) => !el.closest(".table-wrap, .visually-hidden, .skip-link"))
      .slice(0, 5)
      .map((el) => `${describe(el)} ends at ${Math.round(el.getBoundingClientRect().right)}px`);
  };

  return { smallTargets, markFocusable, focused, moving, formErrors, overflow };
})();
