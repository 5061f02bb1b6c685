// Clerk console: closing notice and extended hours (延时服务). Shows the day's phase, closing time and
// every waiting ticket's expected wait; per ticket the clerk can print the wait slip, record that the
// resident chose to leave, or keep the resident's contact (with consent) to tell them the result
// later (a follow-up). A clerk who cannot stay reports it for the current window; the head assigns
// a replacement. Also lists the clerk's own open follow-ups.
"use strict";
(() => {
  const card = document.getElementById("closing-card");
  if (!card) return;
  const E = Hall.el;
  const phase = E("span", { class: "pill", id: "closing-phase" });
  const message = E("p", { id: "closing-message", class: "muted" });
  const waits = E("tbody", { id: "closing-waits" });
  const result = E("p", { id: "closing-result", class: "muted" });
  const error = E("div", { class: "error hidden", role: "alert" });
  const form = E("form", { id: "followup-form", class: "hidden" });
  const mine = E("ul", { id: "my-followups" });
  const ledger = E("p", { id: "my-ledger", class: "muted" });
  card.append(E("h2", {}, "下班提醒与延时服务 ", phase), message, error,
    E("table", {}, E("thead", {}, E("tr", {}, E("th", {}, "号码"), E("th", {}, "业务"), E("th", {}, "前面"),
      E("th", {}, "预计等候"), E("th", {}, "操作"))), waits),
    form, result,
    E("div", { class: "row", style: "margin-top:12px" },
      E("input", { id: "absence-reason", placeholder: "不能延时的原因" }),
      E("button", { type: "button", id: "report-absence", class: "secondary", onclick: reportAbsence }, "报告本窗口不能延时服务")),
    E("h2", { style: "margin-top:16px" }, "我的待办回告"), mine,
    E("h2", { style: "margin-top:16px" }, "我的台账"), ledger);

  function windowNumber() { return Number(document.getElementById("window-select").value) || null; }
  function done(text) { Hall.showError(error, null); result.textContent = text; }
  async function attempt(work) {
    Hall.showError(error, null);
    try { await work(); } catch (e) { Hall.showError(error, e); }
  }

  function clock(iso) {
    return Hall.clock(iso);
  }

  async function refresh() {
    let status;
    try { status = await Hall.api("GET", "/api/extended"); } catch (e) { return; }
    phase.textContent = status.phaseLabel;
    phase.className = "pill " + (status.phase === "extended" || status.phase === "closing_soon" ? "bad" : "ok");
    const closing = status.today && status.today.sessions.length ? status.today.sessions[status.today.sessions.length - 1].end : null;
    message.textContent = status.message || (closing ? `今天 ${closing} 下班（${status.today.seasonName}），下班前 ${status.closingNoticeMinutes} 分钟起显示每位等候群众的预计等候时间。` : "");
    waits.replaceChildren(...(status.waiting.length ? status.waiting.map((w) => E("tr", { "data-ticket": w.number },
      E("td", {}, w.number), E("td", {}, w.serviceName), E("td", {}, w.peopleAhead + " 人"),
      E("td", { class: w.afterClosing ? "bad" : "" }, w.estimatedWaitMinutes > 0 ? `约 ${w.estimatedWaitMinutes} 分钟（${clock(w.expectedCallAt)}）` : "即将叫号"),
      E("td", {}, E("div", { class: "row" },
        E("button", { type: "button", class: "secondary", "data-slip": w.number, onclick: () => printSlip(w.number) }, "打印告知单"),
        E("button", { type: "button", class: "secondary", "data-left": w.number, onclick: () => left(w.number) }, "群众自愿离开"),
        E("button", { type: "button", class: "secondary", "data-followup": w.number, onclick: () => openForm(w.number) }, "留联系方式")))))
      : [E("tr", {}, E("td", { colspan: 5, class: "muted" }, status.noticeActive ? "没有等候的号码" : "下班前将在此列出每位等候群众的预计等候时间"))]));
    loadMine();
    loadLedger();
  }

  // The clerk's own standing in the ledger (登记台账): service minutes, leave, balance.
  async function loadLedger() {
    try {
      const me = await Hall.whoAmI();
      if (!me) return;
      const list = await Hall.api("GET", "/api/ledger/balances?staff=" + encodeURIComponent(me.username));
      const b = list[0];
      const h = (m) => (Math.round(m / 6) / 10).toString();
      ledger.textContent = b ? `预约服务 ${b.appointmentMinutes} 分钟，延时服务 ${b.extendedMinutes} 分钟；已安排调休 ${h(b.leaveMinutes)} 小时，`
        + `结余 ${h(b.balanceMinutes)} 小时` + (b.owesLeave ? "，已达调休标准，请与中心负责人商定调休。" : "。") : "暂无登记。";
    } catch (e) { ledger.textContent = ""; }
  }

  function printSlip(number) {
    attempt(async () => {
      const answer = await Hall.api("POST", "/api/extended/slips", { ticket: number });
      done(answer.print.message);
    });
  }

  function left(number) {
    if (!confirm(`确认 ${number} 号群众自愿不再等候？`)) return;
    attempt(async () => { await Hall.api("POST", "/api/tickets/" + encodeURIComponent(number) + "/leave"); done(`${number} 已登记为群众自愿离开。`); refresh(); });
  }

  function openForm(number) {
    form.replaceChildren(
      E("h2", {}, `为 ${number} 号群众留存联系方式`),
      E("label", { for: "fu-subject" }, "待办事项（要告知的结果）"), E("input", { id: "fu-subject", required: true, value: "" }),
      E("label", { for: "fu-name" }, "群众姓名（可不填）"), E("input", { id: "fu-name" }),
      E("label", { for: "fu-phone" }, "联系电话"), E("input", { id: "fu-phone", required: true, inputmode: "tel" }),
      E("label", { for: "fu-days" }, "几个工作日内告知"), E("input", { id: "fu-days", type: "number", min: 0, max: 60, value: 3 }),
      E("label", {}, E("input", { id: "fu-consent", type: "checkbox", style: "min-height:0;width:22px;height:22px" }), " 群众同意留存联系方式"),
      E("div", { class: "row", style: "margin-top:8px" }, E("button", { type: "submit" }, "登记"),
        E("button", { type: "button", class: "secondary", onclick: () => form.classList.add("hidden") }, "取消")));
    form.dataset.ticket = number;
    form.classList.remove("hidden");
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    attempt(async () => {
      const body = { subject: form.querySelector("#fu-subject").value, contactPhone: form.querySelector("#fu-phone").value,
        consent: form.querySelector("#fu-consent").checked, dueWorkingDays: Number(form.querySelector("#fu-days").value),
        source: { kind: "extended", reference: form.dataset.ticket } };
      const name = form.querySelector("#fu-name").value.trim();
      if (name) body.contactName = name;
      const answer = await Hall.api("POST", "/api/follow-ups", body);
      form.classList.add("hidden");
      done(`已登记待办回告（${answer.followUp.dueDay} 前告知 ${answer.maskedContact}）。`);
      loadMine();
    });
  });

  function reportAbsence() {
    const reason = document.getElementById("absence-reason").value.trim();
    attempt(async () => {
      await Hall.api("POST", "/api/extended/absences", { window: windowNumber(), reason });
      done(`已报告：${windowNumber()}号窗口今天不能延时服务，请等待中心负责人安排替岗。`);
    });
  }

  async function loadMine() {
    let list;
    try { list = await Hall.api("GET", "/api/follow-ups"); } catch (e) { mine.replaceChildren(); return; }
    mine.replaceChildren(...(list.length ? list.map((l) => E("li", { "data-followup-id": l.followUp.id },
      `${l.followUp.dueDay}（${({ overdue: "已逾期", due_today: "今日到期", on_track: "未到期" })[l.due] || ""}）${l.followUp.subject} ${l.maskedContact} `,
      E("button", { type: "button", class: "secondary", onclick: () => closeFollowUp(l.followUp.id) }, "已告知结果")))
      : [E("li", { class: "muted" }, "暂无")]));
  }

  function closeFollowUp(id) {
    const text = prompt("告诉了群众什么结果？");
    if (!text) return;
    attempt(async () => { await Hall.api("POST", `/api/follow-ups/${id}/close`, { result: text, done: true }); loadMine(); });
  }

  let pending = null;
  function soon() { if (!pending) pending = setTimeout(() => { pending = null; refresh(); }, 500); }
  Hall.events((event) => {
    const type = event.type || "";
    if (type.startsWith("hall.") || type.startsWith("ticket.")) soon();
  });
  refresh();
  setInterval(refresh, 20000);
})();
