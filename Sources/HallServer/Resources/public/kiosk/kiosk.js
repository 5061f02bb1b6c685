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

  function tick() { $("clock").textContent = Hall.clock(new Date(), true); }
  setInterval(tick, 1000); tick();

  async function loadServices() {
    Hall.showError($("error"), null);
    try {
      const status = await Hall.api("GET", "/api/status");
      const box = $("services");
      box.replaceChildren(...status.services.map((q) => Hall.el("button", {
        class: "service-button", type: "button", "data-service": q.service.id,
        onclick: () => take(q.service.id),
      }, q.service.name, Hall.el("small", {}, "等候 " + q.waiting + " 人 · 约 " + q.estimatedWaitMinutes + " 分钟"))));
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
    $("ticket-service").textContent = issued.serviceName;
    $("ticket-ahead").textContent = issued.peopleAhead;
    $("ticket-wait").textContent = issued.estimatedWaitMinutes;
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
    clearTimeout(backTimer);
    backTimer = setTimeout(backToStart, failed ? 60000 : 20000);
  }

  function backToStart() {
    clearTimeout(backTimer);
    show("choose");
    loadServices();
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
  Hall.events(() => { if (!$("choose").classList.contains("hidden")) loadServices(); });
})();
