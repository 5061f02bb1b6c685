// Window rating pad (评价器): shows the ticket just finished at its window and five big buttons;
// one rating per service. Authenticates as a rating-pad device with a bearer token kept in
// localStorage (from a pairing code typed in once, a configured token, or ?device-token=… which is
// then removed from the URL). Its periodic refresh carries the token, so it needs no heartbeat.
// Shows the ticket number, service and the serving staff member's name — nothing about the resident.
"use strict";
(() => {
  const storageKey = "hall.padToken";
  const $ = (id) => document.getElementById(id);
  let token = Hall.deviceToken(storageKey);
  let view = null;
  let thanksUntil = 0;
  const stars = { very_satisfied: 5, satisfied: 4, basically_satisfied: 3, dissatisfied: 2, very_dissatisfied: 1 };

  function show(section) {
    for (const id of ["setup", "idle", "rate", "thanks"]) $(id).classList.toggle("hidden", id !== section);
  }

  async function refresh() {
    if (!token) { show("setup"); return; }
    if (Date.now() < thanksUntil) return;
    try {
      const answer = await Hall.api("GET", "/api/rating-pad", undefined, token);
      if (Date.now() < thanksUntil) return; // a rating was given while this was loading
      view = answer;
      Hall.showError($("error"), null);
      $("title").replaceChildren(HallLanguages.say("page.rating.title", { window: view.window }, "{window}号窗口 · 服务评价"));
      if (!view.offer) { show("idle"); return; }
      $("rate-number").textContent = view.offer.ticketNumber;
      $("rate-service").textContent = view.offer.serviceName;
      $("rate-staff").textContent = view.offer.staffName ? " · 为您服务的是 " + view.offer.staffName : "";
      $("levels").replaceChildren(...view.levels.map((c) => Hall.el("button", { type: "button", "data-level": c.level,
        onclick: () => rate(c.level) }, Hall.el("span", { class: "face" }, "★".repeat(stars[c.level] || 0)),
        HallLanguages.say("page.rating." + c.level, {}, c.label))));
      show("rate");
    } catch (e) {
      if (e.status === 401 || e.status === 403) { localStorage.removeItem(storageKey); token = null; show("setup"); }
      Hall.showError($("error"), e);
    }
  }

  async function rate(level) {
    if (!view || !view.offer) return;
    for (const b of document.querySelectorAll(".levels button")) b.disabled = true;
    thanksUntil = Date.now() + 8000; // hold off refreshes (the rating's own event arrives before the answer)
    try {
      const receipt = await Hall.api("POST", "/api/rating-pad", { ticket: view.offer.ticketID, level }, token);
      $("thanks-message").textContent = receipt.message;
      show("thanks");
      thanksUntil = Date.now() + 8000;
      setTimeout(() => { thanksUntil = 0; refresh(); }, 8000);
    } catch (e) {
      Hall.showError($("error"), e);
      thanksUntil = 0;
      setTimeout(refresh, 3000);
    }
  }

  Hall.wireDeviceSetup($("setup-form"), $("setup-token"), storageKey, (value) => { token = value; refresh(); }, "rating_pad", $("error"));

  // A ticket finished at this window appears at once; a periodic refresh drops an offer that expired.
  Hall.events((e) => {
    if (view && e.window === view.window && (e.type === "ticket.finished" || e.type === "rating.submitted")) refresh();
  }, (up) => {
    Hall.showLive($("live"), up);
    if (up) refresh();
  });
  setInterval(refresh, 30000);
  refresh();
})();
