// The page a resident reaches from the QR code on the ticket: only the ticket's own facts, nothing
// personal. /t/?id=<ticket id>&k=<ticket key> (the key lets the holder rate; see rating.js).
// Follows the public event stream, so a call shows within a second; alerts when N are ahead
// (default 3, the resident's choice is kept) and when called: vibration, a beep, a flashing title.
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const id = new URLSearchParams(location.search).get("id");
  const title = document.title;
  let alerted = ""; // the last alert given ("near" or "called:<window>"), so each is given once
  let audio = null;
  let last = null;
  try { $("alert-ahead").value = localStorage.getItem("hall.alertAhead") || "3"; } catch (_) { /* private mode */ }
  const threshold = () => Number($("alert-ahead").value) || 3;

  $("alert-ahead").addEventListener("change", () => {
    try { localStorage.setItem("hall.alertAhead", $("alert-ahead").value); } catch (_) { /* private mode */ }
    alerted = "";
    if (last) show(last);
  });
  // Browsers play sound only after a touch: this button is that touch.
  $("alert-enable").addEventListener("click", () => {
    try { audio = audio || new (window.AudioContext || window.webkitAudioContext)(); audio.resume(); } catch (_) { audio = null; }
    beep();
    $("alert-enable").textContent = "提醒已开启";
    $("alert-enable").disabled = true;
  });

  function beep() {
    if (!audio) return;
    for (const [at, freq] of [[0, 880], [0.35, 660], [0.7, 880]]) {
      const osc = audio.createOscillator(), gain = audio.createGain();
      osc.frequency.value = freq; gain.gain.value = 0.3;
      osc.connect(gain); gain.connect(audio.destination);
      osc.start(audio.currentTime + at); osc.stop(audio.currentTime + at + 0.25);
    }
  }

  let flashing = null;
  function flashTitle(text) {
    clearInterval(flashing);
    let on = false;
    flashing = setInterval(() => { on = !on; document.title = on ? "【" + text + "】" : title; }, 1000);
    document.title = "【" + text + "】";
  }
  function stopFlashing() { clearInterval(flashing); flashing = null; document.title = title; }

  /** Gives the alert `key` once: the banner, vibration, a sound and the flashing title. */
  function alertOnce(key, text, called) {
    $("alert").textContent = text;
    $("alert").className = "alert" + (called ? " called" : "");
    if (alerted === key) return;
    alerted = key;
    if (navigator.vibrate) navigator.vibrate(called ? [400, 200, 400, 200, 400] : [300, 150, 300]);
    beep();
    flashTitle(called ? text : "快到您了");
  }

  const advice = {
    no_show: "您的号码已过号（呼叫后未到窗口）。请到任一窗口向工作人员说明，工作人员可为您重新呼叫；或在取号机重新取号。",
    left: "您已放弃本次排队。如仍需办理，请在取号机重新取号。",
    held: "您的业务已暂挂：请备齐所缺材料后回到原窗口，工作人员会继续为您办理。",
    done: "业务已办结，感谢您的耐心等候。",
  };

  function show(s) {
    last = s;
    const t = s.ticket;
    $("number").textContent = t.number;
    $("service").textContent = s.serviceName;
    const stateKey = { waiting: "page.status.waiting", serving: "page.status.serving", done: "page.status.done" }[t.state];
    const label = Hall.stateLabels[t.state] || t.state;
    $("state").replaceChildren(stateKey ? HallLanguages.say(stateKey, {}, label) : label);
    $("state").className = "state " + t.state;
    const waiting = t.state === "waiting";
    // Bilingual: each language's sentence (#waiting-bi) instead of the Chinese table of facts.
    $("waiting-facts").classList.toggle("hidden", !waiting || HallLanguages.bilingual);
    $("waiting-bi").classList.toggle("hidden", !waiting || !HallLanguages.bilingual);
    if (waiting && HallLanguages.bilingual) {
      $("waiting-bi").replaceChildren(HallLanguages.say("page.status.ahead", { count: s.peopleAhead }, "前面还有 {count} 人"),
        s.estimatedWaitMinutes > 0 ? HallLanguages.say("page.status.wait", { minutes: s.estimatedWaitMinutes }, "预计等候约 {minutes} 分钟")
          : HallLanguages.say("page.kiosk.soon", {}, "即将叫号"));
    }
    $("ahead").textContent = s.peopleAhead;
    $("wait-line").replaceChildren(...(s.estimatedWaitMinutes > 0
      ? ["约 ", Hall.el("span", { id: "wait" }, s.estimatedWaitMinutes), " 分钟"] : [Hall.el("span", { id: "wait" }, "即将叫号")]));
    const atWindow = (t.state === "called" || t.state === "serving") && t.windowNumber;
    $("go").classList.toggle("hidden", !atWindow);
    if (atWindow) $("go").replaceChildren(HallLanguages.say("page.status.called", { window: t.windowNumber }, "请到 {window}号窗口"));
    $("advice").replaceChildren(t.state === "no_show" ? HallLanguages.say("page.status.missed", {}, advice.no_show) : advice[t.state] || "");
    $("advice").classList.toggle("hidden", !advice[t.state]);
    $("alert-settings").classList.toggle("hidden", !(waiting || t.state === "called"));
    if (t.state === "called" && t.windowNumber) {
      alertOnce("called:" + t.windowNumber + ":" + t.recalls, "请到 " + t.windowNumber + " 号窗口办理", true);
    } else if (waiting && s.peopleAhead <= threshold()) {
      alertOnce("near", s.peopleAhead === 0 ? "下一位就是您，请留意叫号" : "快到您了：前面还有 " + s.peopleAhead + " 人", false);
    } else {
      $("alert").className = "alert hidden";
      stopFlashing();
    }
    $("updated").textContent = Hall.clock(new Date(), true);
  }

  async function refresh() {
    if (!id || !/^[0-9A-Za-z]+$/.test(id)) { Hall.showError($("error"), new Error("链接无效：缺少号票编号。")); return; }
    try {
      const s = await Hall.api("GET", "/api/tickets/" + encodeURIComponent(id));
      Hall.showError($("error"), null);
      show(s);
    } catch (e) { Hall.showError($("error"), e); }
  }

  // Any ticket event may move this ticket forward: refresh, at most once a second.
  let pending = null;
  function soon() { if (!pending) pending = setTimeout(() => { pending = null; refresh(); }, 1000); }
  Hall.events((e) => { if (String(e.type).startsWith("ticket.") || String(e.type).startsWith("window.")) soon(); }, (up) => { if (up) soon(); });
  refresh();
  setInterval(refresh, 15000);
})();
