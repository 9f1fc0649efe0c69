// Movement-break notifications. Only after the person presses the button (never on load) does
// the browser ask for permission; then each break that falls due shows one notification.
// The banner itself is HTMX (partials/_break_banner.html); this module only listens to it.

const shown = new Set();

function offerButton() {
  const button = document.getElementById("break-notify");
  if (!button || !("Notification" in window)) return;
  if (Notification.permission !== "default") return;
  button.hidden = false;
  button.addEventListener("click", async () => {
    await Notification.requestPermission();
    button.hidden = true;
  }, { once: true });
}

function notifyIfDue() {
  const banner = document.getElementById("break-banner");
  if (!banner || banner.dataset.due !== "true") return;
  const key = banner.dataset.key || "";
  if (shown.has(key)) return;
  shown.add(key);
  if ("Notification" in window && Notification.permission === "granted") {
    new Notification("Time for a movement break", { body: banner.dataset.text || "", tag: "unhunch-break" });
  }
}

document.addEventListener("htmx:afterSettle", () => {
  offerButton();
  notifyIfDue();
});
