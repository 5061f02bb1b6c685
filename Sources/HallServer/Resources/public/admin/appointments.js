// Center head: appointments and home visits. Open weekend/holiday slots and assign staff on duty,
// lift booking suspensions, review home-visit requests (approve with time, staff and materials, or
// refuse with a reason and an alternative), watch review and follow-up deadlines, and see the quality
// records (satisfaction calls, spot checks). Lives in its own tab of /admin/. People and items are
// picked from lists (HallPickers): display names and item names, never typed user names or ids.
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const el = Hall.el;
  const tab = $("tab-appointments");
  if (!tab) return;
  const value = (id) => $(id).value.trim();
  const time = (m) => String(Math.floor(m / 60)).padStart(2, "0") + ":" + String(m % 60).padStart(2, "0");
  const levels = { overdue: "已超期", due_soon: "今日到期", on_track: "正常" };
  const outcomes = { very_satisfied: "非常满意", satisfied: "满意", neutral: "基本满意", dissatisfied: "不满意", unreachable: "未接通" };

  async function run(work) {
    Hall.showError($("error"), null);
    try { await work(); } catch (e) { Hall.showError($("error"), e); }
  }

  async function loadSlots() {
    const status = await Hall.api("GET", "/api/status");
    if (!$("slot-service").options.length) {
      $("slot-service").replaceChildren(...status.services.map((q) => el("option", { value: q.service.id }, q.service.name)));
    }
    if (!$("slot-staff").values) await Promise.all([HallPickers.staffList($("slot-staff")), HallPickers.itemList($("slot-items"))]);
    const slots = await Hall.api("GET", "/api/appointment-slots");
    const rows = await Promise.all(slots.map(async (s) => {
      const staff = await HallPickers.staffList(el("div", { "data-slot-staff": s.slot.id }), s.slot.staff.map((x) => x.username));
      return el("tr", {}, el("td", {}, s.slot.day + " " + time(s.slot.time.startMinute) + "–" + time(s.slot.time.endMinute)
        + (s.slot.holidayName ? "（" + s.slot.holidayName + "）" : "")),
        el("td", {}, s.booked + " / " + s.slot.capacity), el("td", {}, s.slot.staff.map((x) => x.displayName).join("、") || "未安排"),
        el("td", {}, el("details", {}, el("summary", {}, "调整值班"), staff,
          el("button", { type: "button", class: "secondary", "data-slot-save": s.slot.id, onclick: () => run(async () => {
            await Hall.api("PUT", "/api/appointment-slots/" + s.slot.id + "/staff", { staff: staff.values() });
            await loadSlots();
          }) }, "保存值班"))));
    }));
    $("slots").replaceChildren(...(rows.length ? rows : [el("tr", {}, el("td", { colspan: 4, class: "muted" }, "未开放预约时段"))]));
  }

  async function loadSuspensions() {
    const rows = await Hall.api("GET", "/api/appointment-suspensions");
    $("suspensions").replaceChildren(...(rows.length ? rows.map((s) => el("tr", {}, el("td", {}, s.contact.name + " " + s.contact.phone),
      el("td", {}, Hall.time(s.startsAt) + " 至 " + Hall.time(s.endsAt)), el("td", {}, "连续无故取消 " + s.appointmentIDs.length + " 次"),
      el("td", {}, el("button", { type: "button", class: "secondary", "data-lift": s.id, onclick: () => run(async () => {
        const reason = prompt("解除暂停的理由：");
        if (!reason) return;
        await Hall.api("POST", "/api/appointment-suspensions/" + s.id + "/lift", { reason });
        await loadSuspensions();
      }) }, "解除暂停")))) : [el("tr", {}, el("td", { colspan: 4, class: "muted" }, "没有暂停预约的人员"))]));
  }

  async function loadReviews() {
    const [requests, board] = await Promise.all([Hall.api("GET", "/api/visits?state=requested"), Hall.api("GET", "/api/visits/board")]);
    const rows = await Promise.all(requests.map(async (v) => {
      const due = board.find((b) => b.visitID === v.id && b.kind === "review");
      const day = el("input", { type: "date", value: v.preferredDay, "aria-label": "上门日期" });
      const at = el("input", { type: "time", value: /^\d\d:\d\d$/.test(v.preferredTime || "") ? v.preferredTime : "09:30", "aria-label": "上门时间" });
      const staff = await HallPickers.staffList(el("div", { "data-visit-staff": v.number }));
      return el("tr", { "data-visit": v.number }, el("td", {}, v.number), el("td", {}, v.itemName + " · " + v.applicant.name
        + (v.agent ? "（代理人 " + v.agent.name + "，" + v.agent.relation + "）" : "")),
        el("td", {}, v.address + "；期望 " + v.preferredDay + (v.preferredTime ? " " + v.preferredTime : "")),
        el("td", { class: due && due.level === "overdue" ? "bad" : "" }, v.reviewDue + (due ? " " + levels[due.level] : "")),
        el("td", {}, el("details", {}, el("summary", {}, "确认上门…"),
          el("div", { class: "row" }, day, at), staff,
          el("button", { type: "button", "data-visit-approve": v.number, onclick: () => run(async () => {
            if (!staff.values().length) throw new Error("请勾选上门工作人员");
            await Hall.api("POST", "/api/visits/" + v.number + "/approve", { day: day.value, time: at.value, staff: staff.values() });
            await loadReviews();
          }) }, "确认上门")),
          el("div", { class: "row" },
          el("button", { type: "button", class: "danger", onclick: () => run(async () => {
            const reason = prompt("不予上门的理由：");
            const alternative = reason && prompt("替代解决方案（必填）：");
            if (!alternative) return;
            await Hall.api("POST", "/api/visits/" + v.number + "/refuse", { reason, alternative });
            await loadReviews();
          }) }, "不予上门"))));
    }));
    $("visit-reviews").replaceChildren(...(rows.length ? rows : [el("tr", {}, el("td", { colspan: 5, class: "muted" }, "没有待审核的申请"))]));
    $("visit-board").replaceChildren(...(board.length ? board.map((b) => el("li", { class: b.level === "overdue" ? "bad" : "" },
      b.number + " " + b.itemName + "：" + (b.kind === "review" ? "审核" : "办结") + "期限 " + b.dueDay + "，" + levels[b.level]))
      : [el("li", { class: "muted" }, "没有到期事项")]));
  }

  async function loadQuality() {
    const visits = await Hall.api("GET", "/api/visits?state=completed,follow_up,closed");
    await Hall.staffNames();
    $("visit-quality").replaceChildren(...(visits.length ? visits.map((v) => el("tr", {}, el("td", {}, v.number + " " + v.itemName),
      el("td", {}, v.plan ? v.plan.staff.map((s) => s.displayName).join("、") : ""),
      el("td", {}, v.satisfactionCalls.map((c) => Hall.personName(c.by) + "：" + outcomes[c.outcome] + (c.note ? "（" + c.note + "）" : "")).join("；") || "未回访"),
      el("td", {}, v.spotChecks.map((c) => Hall.personName(c.by) + "：" + (c.result === "passed" ? "合格" : "发现问题") + (c.note ? "（" + c.note + "）" : "")).join("；") || "未抽查"),
      el("td", {}, el("button", { type: "button", class: "secondary", onclick: () => run(async () => {
        const passed = confirm("抽查结果：确定 = 合格，取消 = 发现问题");
        const note = prompt(passed ? "抽查记录（可留空）：" : "发现的问题（必填）：");
        if (!passed && !note) return;
        await Hall.api("POST", "/api/visits/" + v.number + "/spot-checks", { result: passed ? "passed" : "problems_found", note: note || undefined });
        await loadQuality();
      }) }, "登记抽查"))))
      : [el("tr", {}, el("td", { colspan: 5, class: "muted" }, "还没有完成的上门服务"))]));
  }

  async function loadAll() { await Promise.all([loadSlots(), loadSuspensions(), loadReviews(), loadQuality()]); }

  $("slot-form").addEventListener("submit", (event) => {
    event.preventDefault();
    run(async () => {
      await Hall.api("POST", "/api/appointment-slots", { day: value("slot-day"), start: value("slot-start"), end: value("slot-end"),
        capacity: Number(value("slot-capacity")), service: $("slot-service").value, items: $("slot-items").values(),
        staff: $("slot-staff").values(), note: value("slot-note") || undefined });
      await loadSlots();
    });
  });

  // This tab is switched here (admin.js knows only its own tabs): a capturing listener on the tab bar.
  document.querySelector("nav.tabs").addEventListener("click", (event) => {
    const button = event.target.closest("button[data-tab]");
    if (!button) return;
    if (button.dataset.tab !== "appointments") return; // admin.js hides this tab with the others
    event.stopPropagation();
    for (const b of document.querySelectorAll("nav.tabs button")) b.classList.toggle("active", b === button);
    for (const s of document.querySelectorAll(".tab")) s.classList.toggle("hidden", s !== tab);
    run(loadAll);
  }, true);
})();
