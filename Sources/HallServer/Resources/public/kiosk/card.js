// Kiosk, ID card (刷证取号): choose a service, place the resident ID card on the reader, get the
// ticket; or check a booking in by card (刷证签到). The card is read by halld on the kiosk's reader;
// this page only ever sees the ticket and the holder's masked name. Self-contained: it adds its own
// buttons (into #idcard-kiosk when the page has it) and its own views.
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const el = Hall.el;
  const token = () => Hall.deviceToken("hall.kioskToken");
  const waitPerRequest = 5;      // seconds halld waits for a card per request
  const giveUpAfter = 60000;     // the resident walked away
  let attempt = 0;               // bumped to abandon a read in progress
  let backTimer = null;
  const say = HallLanguages.say;
  const words = {
    choose: () => say("page.kiosk.card.choose", {}, "刷身份证取号：请选择业务"),
    place: () => say("page.kiosk.card.place", {}, "请将第二代居民身份证平放在读卡区"),
    checkIn: () => say("page.kiosk.card.checkIn", {}, "刷证签到"),
  };

  const view = el("section", { id: "idcard-view", class: "idcard hidden" },
    el("p", { class: "prompt", id: "idcard-title" }, words.choose()),
    el("div", { id: "idcard-services", class: "services" }),
    el("p", { id: "idcard-prompt", class: "idcard-prompt hidden" }, words.place()),
    el("div", { id: "idcard-error", class: "error hidden", role: "alert" }),
    el("button", { id: "idcard-cancel", class: "secondary big", type: "button", onclick: () => back() }, say("page.kiosk.cancel", {}, "返回")));
  const result = el("section", { id: "idcard-ticket", class: "hidden" },
    el("div", { class: "ticket-card" },
      el("p", { class: "label" }, el("span", { id: "idcard-ticket-label" }), " ", el("span", { id: "idcard-holder", class: "muted" })),
      el("p", { id: "idcard-ticket-number", class: "number" }),
      el("p", { id: "idcard-ticket-service", class: "service" }),
      el("p", { class: "facts", id: "idcard-ticket-facts" }),
      el("p", { id: "idcard-print", class: "muted" }),
      el("p", { class: "muted" }, say("page.kiosk.card.takeCard", {}, "请取走身份证，并留意大厅叫号屏和语音叫号。"))),
    el("button", { id: "idcard-done", class: "big", type: "button", onclick: () => back() }, say("page.kiosk.done", {}, "完成")));
  document.body.insertBefore(view, $("error") || null);
  document.body.insertBefore(result, $("error") || null);

  const entry = $("idcard-kiosk") || (document.querySelector("#choose .extra")) || document.body;
  entry.append(
    el("button", { id: "idcard-start", class: "secondary big", type: "button", onclick: () => start() }, say("page.kiosk.card.start", {}, "刷身份证取号")),
    el("button", { id: "idcard-check-in", class: "secondary big", type: "button", onclick: () => checkIn() }, words.checkIn()));

  const others = () => ["setup", "choose", "ticket", "check-in-view", "check-in-result"].map($).filter(Boolean);

  function showOnly(section) {
    for (const s of others()) s.classList.add("hidden");
    view.classList.toggle("hidden", section !== view);
    result.classList.toggle("hidden", section !== result);
  }

  function back() {
    attempt++;
    clearTimeout(backTimer);
    view.classList.add("hidden");
    result.classList.add("hidden");
    const choose = $("choose");
    if (choose) choose.classList.remove("hidden");
  }

  async function start() {
    Hall.showError($("idcard-error"), null);
    $("idcard-title").replaceChildren(words.choose());
    $("idcard-prompt").classList.add("hidden");
    showOnly(view);
    try {
      const status = await Hall.api("GET", "/api/status");
      $("idcard-services").replaceChildren(...status.services.map((q) => el("button", {
        class: "service-button idcard-service", type: "button", "data-service": q.service.id,
        onclick: () => take(q.service.id, q.service.name),
      }, HallLanguages.service(q.service.id, q.service.name))));
    } catch (e) { Hall.showError($("idcard-error"), e); }
  }

  /** Asks halld to read the card, again while none is placed, until it is read or refused. */
  async function untilRead(send) {
    const mine = ++attempt;
    const started = Date.now();
    for (;;) {
      try {
        return await send();
      } catch (e) {
        if (mine !== attempt) return null;
        if (e.code !== "idcard_no_card" || Date.now() - started > giveUpAfter) throw e;
      }
      if (mine !== attempt) return null;
    }
  }

  function reading(...nodes) {
    Hall.showError($("idcard-error"), null);
    $("idcard-prompt").replaceChildren(...nodes);
    $("idcard-prompt").classList.remove("hidden");
    for (const b of document.querySelectorAll(".idcard-service")) b.disabled = true;
  }

  function done() {
    $("idcard-prompt").classList.add("hidden");
    for (const b of document.querySelectorAll(".idcard-service")) b.disabled = false;
  }

  async function take(service, name) {
    if (HallLanguages.bilingual) reading(HallLanguages.service(service, name), " ", words.place());
    else reading("【" + name + "】请将第二代居民身份证平放在读卡区");
    try {
      const ticket = await untilRead(() => Hall.api("POST", "/api/idcard/tickets", { service, wait: waitPerRequest }, token()));
      if (ticket) showTicket(ticket, say("page.kiosk.yourNumber", {}, "您的号码"), ticket.holder);
    } catch (e) {
      Hall.showError($("idcard-error"), e);
    } finally { done(); }
  }

  async function checkIn() {
    Hall.showError($("idcard-error"), null);
    $("idcard-title").replaceChildren(words.checkIn());
    $("idcard-services").replaceChildren();
    showOnly(view);
    reading(say("page.kiosk.card.placeBooked", {}, "请将预约时登记的第二代居民身份证平放在读卡区"));
    try {
      const answer = await untilRead(() => Hall.api("POST", "/api/idcard/check-in", { wait: waitPerRequest }, token()));
      if (answer) showTicket(answer, say("page.kiosk.checkIn.done", {}, "预约签到成功"), answer.appointment && answer.appointment.contact ? answer.appointment.contact.name : "");
    } catch (e) {
      Hall.showError($("idcard-error"), e);
    } finally { done(); }
  }

  function showTicket(issued, label, holder) {
    $("idcard-ticket-label").replaceChildren(label);
    $("idcard-holder").textContent = holder ? "（" + holder + "）" : "";
    $("idcard-ticket-number").textContent = issued.ticket.number;
    $("idcard-ticket-service").replaceChildren(HallLanguages.service(issued.ticket.serviceID, issued.serviceName));
    $("idcard-ticket-facts").replaceChildren(
      say("page.kiosk.ahead", { count: issued.peopleAhead }, "前面还有 {count} 人"), HallLanguages.bilingual ? "" : "，",
      say("page.kiosk.wait", { minutes: issued.estimatedWaitMinutes }, "预计等候约 {minutes} 分钟"));
    const print = issued.print || {};
    $("idcard-print").replaceChildren(print.status === "printed" ? say("page.kiosk.printed", {}, "号票已打印，请取票。") : (print.message || ""));
    showOnly(result);
    clearTimeout(backTimer);
    backTimer = setTimeout(back, 20000);
  }
})();
