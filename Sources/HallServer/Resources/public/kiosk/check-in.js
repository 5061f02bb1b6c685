// Kiosk: appointment check-in (预约签到). The resident keys in the six-digit booking code and gets a
// priority ticket; a check-in outside the booked time is refused with the API's message. Uses the
// kiosk's device token kept by kiosk.js; hands back to kiosk.js through its 完成 button.
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const open = $("check-in");
  if (!open) return;
  const mine = ["check-in-view", "check-in-result"];
  let backTimer = null;

  function show(id) {
    for (const s of ["setup", "choose", "ticket", ...mine]) $(s).classList.toggle("hidden", s !== id);
  }

  function back() {
    clearTimeout(backTimer);
    $("check-in-code").value = "";
    Hall.showError($("check-in-error"), null);
    for (const s of mine) $(s).classList.add("hidden");
    $("done").click(); // kiosk.js goes back to the service buttons
  }

  function startOver(seconds) {
    clearTimeout(backTimer);
    backTimer = setTimeout(back, seconds * 1000);
  }

  async function submit() {
    const code = $("check-in-code").value.replace(/\D/g, "");
    Hall.showError($("check-in-error"), null);
    if (code.length !== 6) {
      Hall.showError($("check-in-error"), Object.assign(new Error("请输入6位预约码。"), { key: "page.kiosk.checkIn.codeRequired" }));
      return;
    }
    $("check-in-submit").disabled = true;
    try {
      const answer = await Hall.api("POST", "/api/appointments/check-in", { code }, localStorage.getItem("hall.kioskToken"));
      showResult(answer);
    } catch (e) {
      Hall.showError($("check-in-error"), e);
      startOver(60);
    } finally {
      $("check-in-submit").disabled = false;
    }
  }

  function showResult(answer) {
    $("checkin-ticket-number").textContent = answer.ticket.number;
    $("checkin-service").textContent = answer.serviceName;
    if (HallLanguages.bilingual) {
      $("checkin-facts").replaceChildren(HallLanguages.say("page.kiosk.ahead", { count: answer.peopleAhead }, "前面还有 {count} 人"),
        HallLanguages.say("page.kiosk.wait", { minutes: answer.estimatedWaitMinutes }, "预计等候约 {minutes} 分钟"));
    } else {
      $("checkin-ahead").textContent = answer.peopleAhead;
      $("checkin-wait").textContent = answer.estimatedWaitMinutes;
    }
    $("checkin-who").textContent = answer.appointment.contact.name + " · " + answer.appointment.itemName
      + " · " + answer.appointment.day + " " + answer.appointment.time;
    const failed = answer.print && answer.print.status !== "printed";
    $("checkin-print-failed").classList.toggle("hidden", !failed);
    if (failed) $("checkin-print-message").textContent = answer.print.message || "";
    $("check-in-code").value = "";
    show("check-in-result");
    startOver(failed ? 60 : 20);
  }

  const pad = $("check-in-keypad");
  const words = { 清空: ["page.kiosk.checkIn.clear", "清空"], 删除: ["page.kiosk.checkIn.delete", "删除"] };
  for (const key of ["1", "2", "3", "4", "5", "6", "7", "8", "9", "清空", "0", "删除"]) {
    const label = words[key] ? HallLanguages.say(words[key][0], {}, words[key][1]) : key;
    pad.append(Hall.el("button", { type: "button", class: /\d/.test(key) ? "" : "secondary", "data-key": key, onclick: () => {
      const input = $("check-in-code");
      if (key === "清空") input.value = "";
      else if (key === "删除") input.value = input.value.slice(0, -1);
      else if (input.value.length < 6) input.value += key;
      startOver(60);
    } }, label));
  }
  open.classList.remove("hidden");
  open.addEventListener("click", () => {
    $("check-in-code").value = "";
    Hall.showError($("check-in-error"), null);
    show("check-in-view");
    startOver(60);
  });
  $("check-in-form").addEventListener("submit", (event) => { event.preventDefault(); submit(); });
  $("check-in-cancel").addEventListener("click", back);
  $("check-in-done").addEventListener("click", back);
})();
