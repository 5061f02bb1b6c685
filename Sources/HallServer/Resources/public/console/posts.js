// AB posts (AB岗) on the clerk console: who is on duty at the chosen window, and — when the
// signed-in clerk is neither its A nor its B — a warning to confirm. The check is recorded
// (POST /api/posts/{n}/check → audit log and a `post.cover` event). It warns rather than refuses:
// the head may send anyone to cover a window whose A and B are both away.
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  // The line sits inside the window row (fixed height, console.css): showing it never moves the tabs.
  const banner = Hall.el("span", { id: "post-banner", class: "post-banner hidden", role: "status" },
    Hall.el("span", { id: "post-duty" }), Hall.el("span", { id: "post-warning", class: "hidden" },
      Hall.el("b", { id: "post-warning-text" }), " ",
      Hall.el("button", { type: "button", id: "post-confirm", class: "secondary" }, "确认临时顶岗")));
  const select = $("window-select");
  $("window-row").append(banner);

  let checked = null; // "window|user" last checked
  let confirmed = new Set(JSON.parse(sessionStorage.getItem("hall.postConfirmed") || "[]"));

  function signedIn() { return !$("work-view").classList.contains("hidden"); }

  async function check(force) {
    if (!signedIn() || !select.value) return;
    const session = await Hall.whoAmI().catch(() => null);
    if (!session || session.isDevice) return;
    const key = select.value + "|" + session.username;
    if (!force && key === checked) return;
    checked = key;
    try {
      const result = await Hall.api("POST", "/api/posts/" + select.value + "/check");
      show(result, key);
    } catch (e) {
      banner.classList.add("hidden"); // e.g. an older server without posts
    }
  }

  function show(result, key) {
    // Only what concerns this clerk: their own post, or a warning to confirm. A window without AB
    // posts says nothing (it is the usual case in a small hall).
    const roleText = { a: "您是本窗口A岗", b: "您是本窗口B岗" }[result.role] || "";
    const warn = !!result.warning && !confirmed.has(key);
    const duty = result.onDuty && (roleText || result.warning) ? "当前值岗：" + result.onDuty.displayName : "";
    $("post-duty").textContent = [roleText, duty].filter(Boolean).join(" · ");
    $("post-warning").classList.toggle("hidden", !warn);
    $("post-warning-text").textContent = result.warning || "";
    banner.classList.toggle("hidden", !$("post-duty").textContent && !warn);
    banner.classList.toggle("error", warn);
    banner.dataset.role = result.role;
  }

  $("post-confirm").addEventListener("click", () => {
    if (checked) confirmed.add(checked);
    sessionStorage.setItem("hall.postConfirmed", JSON.stringify([...confirmed]));
    check(true);
  });
  select.addEventListener("change", () => check(false));
  // The console fills the window list after sign-in: check when the window or the sign-in changes.
  let seen = "";
  setInterval(() => {
    const now = signedIn() + "|" + select.value;
    if (now !== seen) { seen = now; if (!signedIn()) { checked = null; banner.classList.add("hidden"); } else check(false); }
  }, 500);
  Hall.events((e) => { if (String(e.type).startsWith("post.") && e.type !== "post.cover") check(true); });
})();
