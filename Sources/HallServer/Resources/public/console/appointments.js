// Clerk console: appointments (预约服务) and home visits (上门服务). Book a weekend/holiday slot for a
// resident and hand over the confirmation, look residents up by phone or ID number to check them in,
// cancel or record a reason, see one's duty, record home-visit requests and the on-site work.
// The server checks every role; refusals are shown with the API's Chinese message.
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const el = Hall.el;
  const section = $("appointments-section");
  if (!section) return;
  let catalog = null;
  let slots = [];

  function fail(e) { Hall.showError($("appt-error"), e); }
  async function run(work) {
    Hall.showError($("appt-error"), null);
    try { await work(); } catch (e) { fail(e); }
  }
  const value = (id) => $(id).value.trim();
  const stateLabels = { booked: "已预约", checked_in: "已签到", cancelled: "已取消", missed: "未到（视为取消）" };
  const visitLabels = { requested: "待审核", approved: "已确认上门", refused: "不予上门", completed: "当场办结",
    follow_up: "跟踪督办中", closed: "已办结", withdrawn: "已撤回" };

  async function loadCatalog() {
    if (!catalog) catalog = await Hall.api("GET", "/api/catalog");
    return catalog;
  }

  // MARK: booking

  async function loadBooking() {
    await loadCatalog();
    slots = await Hall.api("GET", "/api/appointment-slots");
    $("appt-slot").replaceChildren(...(slots.length ? slots.map((s) => el("option", { value: s.slot.id, disabled: s.remaining === 0 || null },
      s.slot.day + " " + label(s) + "（余 " + s.remaining + "）"))
      : [el("option", { value: "" }, "暂无开放的预约时段")]));
    fillItems();
  }

  function label(s) {
    const t = (m) => String(Math.floor(m / 60)).padStart(2, "0") + ":" + String(m % 60).padStart(2, "0");
    return t(s.slot.time.startMinute) + "–" + t(s.slot.time.endMinute) + (s.slot.holidayName ? " " + s.slot.holidayName : "");
  }

  function fillItems() {
    const slot = slots.find((s) => String(s.slot.id) === $("appt-slot").value);
    const items = catalog.items.filter((i) => !slot || !slot.slot.itemIDs.length || slot.slot.itemIDs.includes(i.id));
    $("appt-item").replaceChildren(...items.map((i) => el("option", { value: i.id }, i.name)));
  }

  async function book(event) {
    event.preventDefault();
    await run(async () => {
      const body = { slot: Number($("appt-slot").value), item: $("appt-item").value, name: value("appt-name"), phone: value("appt-phone"),
        request: value("appt-request"), channel: $("appt-channel").value };
      if (value("appt-id")) body.idNumber = value("appt-id");
      const answer = await Hall.api("POST", "/api/appointments", body);
      const a = answer.appointment;
      $("appt-booked").replaceChildren(
        el("p", {}, "预约成功：预约码 ", el("b", { id: "appt-code" }, a.code), "，" + a.day + " " + label({ slot: { time: a.time } })),
        el("p", {}, "请告知群众携带以下材料："),
        el("ol", {}, ...a.materials.map((m) => el("li", {}, m.name + "（" + ({ original: "原件", copy: "复印件", "original+copy": "原件及复印件" }[m.form] || m.form)
          + " " + m.count + "份）" + (m.notes ? "：" + m.notes : "")))),
        el("p", {}, el("a", { href: answer.confirmationURL, target: "_blank" }, "打开确认单（A4 PDF）"), " ",
          el("button", { type: "button", class: "secondary", onclick: () => run(async () => {
            const r = await Hall.api("POST", answer.confirmationURL + "/print");
            $("appt-booked-print").textContent = r.print.status === "printed" ? "确认单已打印。" : "未打印：" + (r.print.message || r.print.status);
          }) }, "打印确认单"), el("span", { id: "appt-booked-print", class: "muted" })));
      event.target.reset();
      await loadBooking();
    });
  }

  // MARK: lookup and check-in

  async function lookup(event) {
    if (event) event.preventDefault();
    await run(async () => {
      const list = await Hall.api("GET", "/api/appointments?contact=" + encodeURIComponent(value("appt-lookup")));
      $("appt-found").replaceChildren(...(list.length ? list.map(row) : [el("tr", {}, el("td", { colspan: 5, class: "muted" }, "没有找到预约"))]));
    });
  }

  function row(a) {
    const actions = [];
    const again = () => lookup();
    if (a.state === "booked") {
      actions.push(el("button", { type: "button", "data-check-in": a.id, onclick: () => run(async () => {
        const r = await Hall.api("POST", "/api/appointments/" + a.id + "/check-in");
        alert("已签到，优先号 " + r.ticket.number + "（" + r.serviceName + "）");
        await again();
      }) }, "签到"));
      actions.push(el("button", { type: "button", class: "secondary", onclick: () => run(async () => {
        const reason = prompt("取消预约。如群众有正当理由请填写（不计入无故取消）；无理由请留空：");
        if (reason === null) return;
        await Hall.api("POST", "/api/appointments/" + a.id + "/cancel", reason.trim() ? { reason } : {});
        await again();
      }) }, "取消"));
    }
    if ((a.state === "missed" || a.state === "cancelled") && !a.excuse) {
      actions.push(el("button", { type: "button", class: "secondary", onclick: () => run(async () => {
        const reason = prompt("登记正当理由（登记后不计入连续无故取消）：");
        if (!reason) return;
        await Hall.api("POST", "/api/appointments/" + a.id + "/excuse", { reason });
        await again();
      }) }, "登记理由"));
    }
    actions.push(el("a", { href: "/api/appointments/" + a.id + "/confirmation", target: "_blank" }, "确认单"));
    return el("tr", {}, el("td", {}, a.day + " " + label({ slot: { time: a.time } })), el("td", {}, a.itemName),
      el("td", {}, a.contact.name + " " + a.contact.phone), el("td", {}, (stateLabels[a.state] || a.state)
        + (a.ticketNumber ? " " + a.ticketNumber : "") + (a.excuse ? "（理由：" + a.excuse + "）" : "")),
      el("td", {}, el("div", { class: "row" }, ...actions)));
  }

  // MARK: duty

  async function loadDuty() {
    const duty = await Hall.api("GET", "/api/appointment-slots/duty");
    $("appt-duty").replaceChildren(...duty.slots.map((s) => el("li", {}, "预约值班 " + s.slot.day + " " + label(s) + "，已约 " + s.booked + " 人")),
      ...duty.visits.map((v) => el("li", {}, "上门服务 " + v.plan.day + " " + v.plan.time + " " + v.itemName + "，" + v.plan.place)),
      ...(duty.slots.length || duty.visits.length ? [] : [el("li", { class: "muted" }, "今天以后没有值班安排")]));
  }

  // MARK: home visits

  async function loadVisits() {
    await loadCatalog();
    $("visit-item").replaceChildren(...catalog.items.filter((i) => i.homeVisitEligible).map((i) => el("option", { value: i.id }, i.name)));
    const list = await Hall.api("GET", "/api/visits?state=requested,approved,completed,follow_up");
    $("visit-list").replaceChildren(...(list.length ? list.map(visitRow) : [el("tr", {}, el("td", { colspan: 5, class: "muted" }, "没有进行中的上门服务"))]));
  }

  function visitRow(v) {
    const post = (path, body) => run(async () => { await Hall.api("POST", "/api/visits/" + v.number + path, body); await loadVisits(); });
    const actions = [];
    if (v.state === "approved") {
      actions.push(el("a", { href: "/api/visits/" + v.number + "/plan", target: "_blank" }, "确认单"));
      if (!v.caseID) actions.push(el("button", { type: "button", class: "secondary", onclick: () => {
        const id = v.applicant.idNumber ? null : prompt("申请人身份证号码：");
        if (!v.applicant.idNumber && !id) return;
        post("/case", id ? { idNumber: id } : {});
      } }, "开立案件"));
      actions.push(el("button", { type: "button", onclick: () => {
        const summary = prompt("办理情况：");
        if (!summary) return;
        const finished = confirm("是否当场办结？（取消 = 未办结，需设定办结期限）");
        if (finished) { post("/outcome", { finishedOnSite: true, summary }); return; }
        const unfinished = prompt("未办结的事项：");
        if (!unfinished) return;
        const days = Number(prompt("办结期限（工作日）：", "5"));
        post("/outcome", { finishedOnSite: false, summary, unfinished, workingDays: days });
      } }, "登记办理结果"));
    }
    if (v.state === "approved" || v.state === "follow_up") {
      // Identity check: the applicant's card on the reader of the clerk's window, compared by halld
      // (on site, the laptop's reader: hallctl visit verify). Only the outcome is kept.
      actions.push(el("button", { type: "button", class: "secondary visit-identity", onclick: () => run(async () => {
        const window = Number(($("window-select") || {}).value) || null;
        if (!window) throw new Error("请先选择当前窗口。");
        const r = await Hall.api("POST", "/api/visits/" + v.number + "/identity", { window, wait: 10 });
        alert(r.message + "（证件：" + r.card + " " + r.idNumber + "）");
        await loadVisits();
      }) }, "核验身份"));
    }
    if (v.state === "completed" || v.state === "follow_up") {
      actions.push(el("button", { type: "button", onclick: () => run(async () => {
        const r = await Hall.api("POST", "/api/visits/" + v.number + "/receipt");
        alert(r.print.message);
        await loadVisits();
      }) }, "出具回执"));
      actions.push(el("button", { type: "button", class: "secondary", onclick: () => {
        const outcome = prompt("回访结果（very_satisfied 非常满意 / satisfied 满意 / neutral 基本满意 / dissatisfied 不满意 / unreachable 未接通）：", "satisfied");
        if (!outcome) return;
        post("/calls", { outcome, note: prompt("回访记录（可留空）：") || undefined });
      } }, "满意度回访"));
    }
    if (v.state === "follow_up") {
      actions.push(el("button", { type: "button", class: "secondary", onclick: () => {
        const note = prompt("督办情况：");
        if (note) post("/follow-ups", { note });
      } }, "督办"));
      actions.push(el("button", { type: "button", class: "secondary", onclick: () => {
        const note = prompt("办结情况（已告知申请人结果）：");
        if (note) post("/close", { note });
      } }, "办结"));
    }
    const when = v.plan ? v.plan.day + " " + v.plan.time : "期望 " + v.preferredDay + (v.preferredTime ? " " + v.preferredTime : "");
    const due = v.state === "requested" ? "（审核期限 " + v.reviewDue + "）" : v.state === "follow_up" && v.outcome ? "（办结期限 " + v.outcome.deadline + "）" : "";
    const identity = v.identityCheck ? (["matched", "nameMatched"].includes(v.identityCheck.result) ? " · 身份已核验" : " · 身份核验未通过") : "";
    return el("tr", { "data-visit": v.number }, el("td", {}, v.number), el("td", {}, v.itemName + " · " + v.applicant.name),
      el("td", {}, when), el("td", { class: "visit-state" }, (visitLabels[v.state] || v.state) + due + identity), el("td", {}, el("div", { class: "row" }, ...actions)));
  }

  async function requestVisit(event) {
    event.preventDefault();
    await run(async () => {
      const body = { channel: $("visit-channel").value, eligibility: $("visit-eligibility").value, item: $("visit-item").value,
        address: value("visit-address"), preferredDay: value("visit-day"), request: value("visit-request"),
        applicant: { name: value("visit-name"), phone: value("visit-phone") } };
      if (value("visit-id")) body.applicant.idNumber = value("visit-id");
      if (value("visit-agent") || value("visit-relation")) body.agent = { name: value("visit-agent"), relation: value("visit-relation") };
      if (value("visit-note")) body.eligibilityNote = value("visit-note");
      if (value("visit-time")) body.preferredTime = value("visit-time");
      const v = await Hall.api("POST", "/api/visits", body);
      $("visit-recorded").textContent = "已登记 " + v.number + "，审核期限 " + v.reviewDue + "。";
      event.target.reset();
      await loadVisits();
    });
  }

  // MARK: tabs

  const loaders = { book: loadBooking, lookup: async () => {}, duty: loadDuty, visits: loadVisits };
  let shown = "book";
  function openTab(tab) {
    shown = tab;
    for (const b of section.querySelectorAll("[data-appt-tab]")) b.classList.toggle("secondary", b.dataset.apptTab !== tab);
    for (const s of section.querySelectorAll(".appt-tab")) s.classList.toggle("hidden", s.id !== "appt-tab-" + tab);
    run(loaders[tab]);
  }
  for (const b of section.querySelectorAll("[data-appt-tab]")) b.addEventListener("click", () => openTab(b.dataset.apptTab));
  $("appt-slot").addEventListener("change", fillItems);
  $("appt-form").addEventListener("submit", book);
  $("appt-lookup-form").addEventListener("submit", lookup);
  $("visit-form").addEventListener("submit", requestVisit);

  // Load when the console's 预约与上门 tab is shown (console.js), again on each visit.
  window.addEventListener("hall:view", (e) => { if (e.detail === "appointments") openTab(shown); });
})();
