// Keeps a bulk certificate job's progress current by asking the server, and reloads the page
// once the job has finished. Without JavaScript the page refreshes itself instead.
document.addEventListener("DOMContentLoaded", () => {
  const panel = document.querySelector("[data-job-status]");
  if (!panel || panel.dataset.jobFinished === "true") return;
  const bar = document.getElementById("job-progress");
  const text = document.getElementById("job-progress-text");
  const show = (id, value) => {
    const element = document.getElementById(id);
    if (element) element.textContent = value;
  };
  const poll = async () => {
    try {
      const response = await fetch(panel.dataset.jobStatus, { headers: { Accept: "application/json" } });
      if (!response.ok) throw new Error(response.statusText);
      const data = await response.json();
      if (bar) {
        bar.max = Math.max(data.total, 1);
        bar.value = data.total ? data.handled : 1;
        bar.textContent = data.percent + "%";
      }
      if (text && text.dataset.format) {
        text.textContent = text.dataset.format
          .replace("{handled}", data.handled)
          .replace("{total}", data.total)
          .replace("{percent}", data.percent);
      }
      show("job-done", data.done);
      show("job-skipped", data.skipped);
      show("job-failed", data.failed);
      if (data.finished) {
        window.location.reload();
        return;
      }
    } catch (error) {
      /* a dropped connection: try again on the next tick */
    }
    window.setTimeout(poll, 1500);
  };
  window.setTimeout(poll, 1500);
});
