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
      label.textContent = label.textContent.replace(/^\d+/, String(progress.done));
      if (progress.status === "queued" || progress.status === "running") {
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
