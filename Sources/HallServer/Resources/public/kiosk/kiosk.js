// Kiosk: choose a service → the ticket on screen (number, people ahead, estimated wait), with a
// clear notice when printing failed. Authenticates as a kiosk device with a bearer token kept in
// localStorage (from a pairing code typed in once, a configured token, or ?device-token=… which is
// then removed from the URL).
"use strict";
(() => {
  const storageKey = "hall.kioskToken";
  const $ = (id) => document.getElementById(id);
  let token = Hall.deviceToken(storageKey);
  let backTimer = null;

  function show(section) {
    for (const id of ["setup", "choose", "ticket"]) $(id).classList.toggle("hidden", id !== section);
  }

  const weekdays = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];
  function tick() {
    const now = new Date();
    const [y, m, d] = Hall.day(now).split("-");
    // Noon of the hall's day, read in UTC, has the hall's weekday whatever the browser's zone.
    $("date").textContent = `${y}年${Number(m)}月${Number(d)}日 ${weekdays[new Date(`${y}-${m}-${d}T12:00:00Z`).getUTCDay()]}`;
    $("clock").textContent = Hall.clock(now, true);
  }
  setInterval(tick, 1000); tick();

  // One line on what each service covers (the services' `description` in the configuration).
  const descriptions = (window.HallConfig && window.HallConfig.serviceDescriptions) || {};
  const say = HallLanguages.say;

  /** What a resident reads on a service button: people waiting and the wait of a ticket taken now
   *  (the same estimate the ticket and the hall screen show). */
  function waitLine(q) {
    if (q.estimatedWaitMinutes > 0) {
      return say("page.kiosk.waiting", { count: q.waiting, minutes: q.estimatedWaitMinutes }, "等候 {count} 人 · 现在取号约 {minutes} 分钟");
    }
    return q.waiting > 0 ? say("page.kiosk.waitingSoon", { count: q.waiting }, "等候 {count} 人 · 现在取号即将叫号") : say("page.kiosk.noWait", {}, "无需等候");
  }

  // Outside opening hours and on days off the kiosk says so before anyone touches it, with the next
  // opening (the same text the API's refusal gives).
  async function loadHours() {
    try {
      const status = await Hall.api("GET", "/api/extended");
      const refusal = status && status.kioskRefusal;
      $("closed").classList.toggle("hidden", !refusal);
      $("closed-message").textContent = refusal || "";
      $("services").classList.toggle("closed-now", !!refusal);
    } catch (_) { /* the refusal still comes with a touch */ }
  }
  setInterval(loadHours, 60000);

  async function loadServices() {
    Hall.showError($("error"), null);
    try {
      const status = await Hall.api("GET", "/api/status");
      const box = $("services");
      box.replaceChildren(...status.services.map((q) => Hall.el("button", {
        class: "service-button", type: "button", "data-service": q.service.id,
        onclick: () => take(q.service.id),
      }, Hall.el("span", { class: "name" }, HallLanguages.service(q.service.id, q.service.name)),
      descriptions[q.service.id] ? Hall.el("span", { class: "what" }, descriptions[q.service.id]) : "",
      Hall.el("span", { class: "wait", "data-wait": q.service.id }, waitLine(q)))));
    } catch (e) { Hall.showError($("error"), e); }
  }

  async function take(serviceID) {
    Hall.showError($("error"), null);
    for (const b of document.querySelectorAll(".service-button")) b.disabled = true;
    try {
      const issued = await Hall.api("POST", "/api/tickets", { service: serviceID }, token);
      showTicket(issued);
    } catch (e) {
      if (e.status === 401) { try { localStorage.removeItem(storageKey); } catch (_) { /* private mode */ } token = null; }
      Hall.showError($("error"), e);
      if (!token) show("setup");
    } finally {
      for (const b of document.querySelectorAll(".service-button")) b.disabled = false;
    }
  }

  function showTicket(issued) {
    $("ticket-number").textContent = issued.ticket.number;
    $("ticket-service").replaceChildren(HallLanguages.service(issued.ticket.serviceID, issued.serviceName));
    $("ticket-ahead").textContent = issued.peopleAhead;
    if (HallLanguages.bilingual) {
      $("ticket-facts").replaceChildren(say("page.kiosk.ahead", { count: issued.peopleAhead }, "前面还有 {count} 人"), issued.estimatedWaitMinutes > 0
        ? say("page.kiosk.wait", { minutes: issued.estimatedWaitMinutes }, "预计等候约 {minutes} 分钟") : say("page.kiosk.soon", {}, "即将叫号"));
    } else {
      $("ticket-wait-line").replaceChildren(...(issued.estimatedWaitMinutes > 0
        ? ["预计等候约 ", Hall.el("b", { id: "ticket-wait" }, issued.estimatedWaitMinutes), " 分钟"] : [Hall.el("b", { id: "ticket-wait" }, "即将叫号")]));
    }
    // Printing is reported by the issue response once the printer is integrated:
    // print: { status: "printed" | "queued" | "failed", message }.
    const print = issued.print;
    const failed = print && print.status && print.status !== "printed";
    $("print-failed").classList.toggle("hidden", !failed);
    if (failed) {
      $("print-failed-number").textContent = issued.ticket.number;
      $("print-failed-message").textContent = print.message || "";
    }
    show("ticket");
    countDown(failed ? 60 : 20);
  }

  // Back to the service buttons after a while: the next resident finds the start screen.
  let countdown = null;
  function countDown(seconds) {
    clearTimeout(backTimer);
    clearInterval(countdown);
    let left = seconds;
    // Chinese only: the page's own line, its number changed in place; bilingual: the line in each language.
    const showLeft = () => {
      if (HallLanguages.bilingual) $("back-line").replaceChildren(say("page.kiosk.back", { seconds: left }, "本页 {seconds} 秒后自动返回首页"));
      else $("back-seconds").textContent = left;
    };
    showLeft();
    countdown = setInterval(() => { left = Math.max(0, left - 1); showLeft(); }, 1000);
    backTimer = setTimeout(backToStart, seconds * 1000);
  }

  function backToStart() {
    clearTimeout(backTimer);
    clearInterval(countdown);
    show("choose");
    loadServices();
    loadHours();
  }

  $("done").addEventListener("click", backToStart);
  Hall.wireDeviceSetup($("setup-form"), $("setup-token"), storageKey, (value) => { token = value; backToStart(); }, "kiosk", $("error"));
  // A kiosk revoked on the admin page asks to be paired again.
  Hall.deviceHeartbeat(() => token, (e) => {
    try { localStorage.removeItem(storageKey); } catch (_) { /* private mode */ }
    token = null;
    show("setup");
    Hall.showError($("error"), e);
  });

  if (!token) { show("setup"); } else { backToStart(); }
  // Keep waiting counts fresh while idle on the service screen.
  Hall.events((e) => {
    if ($("choose").classList.contains("hidden")) return;
    loadServices();
    if (String(e.type).startsWith("hours.") || String(e.type).startsWith("extended.")) loadHours();
  });
})();
