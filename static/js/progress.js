// Keeps a progress bar current by asking the server; without JavaScript the page refreshes.
document.addEventListener("DOMContentLoaded", () => {
  const box = document.querySelector("[data-progress-url]");
  if (!box) return;
  const bar = box.querySelector("progress");
  const label = box.querySelector(".progress__text");
  const poll = async () => {
    try {
      const response = await fetch(box.dataset.progressUrl, { headers: { Accept: "application/json" } });
      const progress = await response.json();
      bar.value = progress.percent;
      // The server words the line in the reader's language, numbers in their place.
      if (progress.label) label.textContent = progress.label;
      if (["queued", "running", "checking"].includes(progress.status)) {
        window.setTimeout(poll, 1500);
      } else {
        window.location.reload();
      }
    } catch {
      window.setTimeout(poll, 5000);
    }
  };
  window.setTimeout(poll, 1500);
});
