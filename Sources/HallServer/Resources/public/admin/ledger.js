// Center head / administrator: extended hours and the staff ledger (登记台账). Opening hours (view,
// replace as JSON, reset), today's absence reports and replacements, the month's ledger with CSV and
// PDF export and printing, balances and compensatory time off (grant, taken, cancel), manual entries
// and adjustments. Follow-ups due or overdue are on the 回告督办 tab (follow-ups.js). The server checks
// every action's role.
"use strict";
(() => {
  const section = document.getElementById("tab-ledger");
  if (!section) return;
  const E = Hall.el;
  const $ = (id) => document.getElementById(id);
  const error = $("error");
  const run = async (work) => { Hall.showError(error, null); try { await work(); } catch (e) { Hall.showError(error, e); } };
  const hours = (m) => (Math.round(m / 6) / 10).toString();
  const clock = (iso) => Hall.clock(iso);
  const thisMonth = () => Hall.day().slice(0, 7);

  const card = (title, ...children) => E("div", { class: "card" }, E("h2", {}, title), ...children);
  const input = (id, label, attrs) => E("div", {}, E("label", { for: id }, label), E("input", Object.assign({ id }, attrs || {})));

  section.append(
    card("本月台账",
      E("form", { id: "ledger-form", class: "form-grid" }, input("ledger-month", "月份", { type: "month" }),
        input("ledger-staff", "工作人员（可不填）"), E("div", {}, E("button", { type: "submit" }, "查询"))),
      E("div", { class: "row", style: "margin:10px 0" },
        E("a", { id: "ledger-csv", class: "button secondary", href: "#" }, "导出 CSV"),
        E("a", { id: "ledger-pdf", class: "button secondary", href: "#", target: "_blank" }, "导出 PDF"),
        E("button", { id: "ledger-print", type: "button", class: "secondary" }, "打印台账"),
        E("span", { id: "ledger-print-result", class: "muted" })),
      E("table", {}, E("thead", {}, E("tr", {}, ...["#", "日期", "工作人员", "类型", "时段", "时长", "办理事项", "来源", "调整"].map((h) => E("th", {}, h)))),
        E("tbody", { id: "ledger-entries" })),
      E("h2", { style: "margin-top:16px" }, "累计与调休"),
      E("table", {}, E("thead", {}, E("tr", {}, ...["工作人员", "预约服务", "延时服务", "已安排调休", "结余", "状态"].map((h) => E("th", {}, h)))),
        E("tbody", { id: "ledger-balances" }))),
    card("安排调休",
      E("form", { id: "leave-form", class: "form-grid" }, input("leave-staff", "工作人员账号", { required: true }),
        input("leave-day", "调休日期（工作日）", { type: "date", required: true }),
        input("leave-hours", "小时", { type: "number", step: "0.5", min: "0.5", max: "24", value: "8", required: true }),
        input("leave-note", "备注"), E("div", {}, E("button", { type: "submit" }, "安排调休"))),
      E("table", {}, E("thead", {}, E("tr", {}, ...["#", "工作人员", "日期", "小时", "状态", "操作"].map((h) => E("th", {}, h)))),
        E("tbody", { id: "leave-list" }))),
    card("手工登记",
      E("form", { id: "entry-form", class: "form-grid" }, input("entry-staff", "工作人员账号", { required: true }),
        E("div", {}, E("label", { for: "entry-kind" }, "类型"), E("select", { id: "entry-kind" },
          E("option", { value: "appointment" }, "预约服务"), E("option", { value: "extended" }, "延时服务"))),
        input("entry-start", "开始", { type: "datetime-local", required: true }), input("entry-end", "结束", { type: "datetime-local", required: true }),
        input("entry-note", "备注"), E("div", {}, E("button", { type: "submit" }, "登记")))),
    card("今日延时替岗",
      E("form", { id: "replace-form", class: "form-grid" }, input("replace-window", "窗口", { type: "number", min: "1", required: true }),
        input("replace-clerk", "替岗人员账号", { required: true }), input("replace-absent", "被替换人员（无人报告时）"),
        E("div", {}, E("button", { type: "submit" }, "安排替岗"))),
      E("ul", { id: "replacements" })),
    card("办公时间",
      E("p", { id: "hours-source", class: "muted" }), E("ul", { id: "hours-days" }),
      E("label", { for: "hours-json" }, "季节作息（JSON）"),
      E("textarea", { id: "hours-json", rows: 10, style: "width:100%;font:16px monospace" }),
      E("div", { class: "row" }, E("button", { id: "hours-save", type: "button" }, "保存办公时间"),
        E("button", { id: "hours-reset", type: "button", class: "secondary" }, "恢复配置文件的办公时间"))));

  async function loadLedger() {
    const month = $("ledger-month").value || thisMonth();
    $("ledger-month").value = month;
    const staff = $("ledger-staff").value.trim();
    const query = "month=" + encodeURIComponent(month) + (staff ? "&staff=" + encodeURIComponent(staff) : "");
    $("ledger-csv").href = "/api/ledger/export?format=csv&" + query;
    $("ledger-pdf").href = "/api/ledger/export?format=pdf&" + query;
    const view = await Hall.api("GET", "/api/ledger?" + query);
    const names = Object.fromEntries(view.staff.map((s) => [s.staff, s.displayName]));
    $("ledger-entries").replaceChildren(...(view.entries.length ? view.entries.map((e) => E("tr", { "data-entry": e.id },
      E("td", {}, e.id), E("td", {}, e.day), E("td", {}, names[e.staff] || e.staff), E("td", {}, e.kind === "extended" ? "延时服务" : "预约服务"),
      E("td", {}, clock(e.start) + "–" + clock(e.end)), E("td", {}, e.minutes + " 分钟"), E("td", {}, e.served.join("、") || e.note),
      E("td", {}, ({ queue: "叫号记录", appointment: "预约值班", manual: "手工登记" })[e.source]),
      E("td", {}, E("button", { type: "button", class: "secondary", onclick: () => adjust(e) }, "调整"))))
      : [E("tr", {}, E("td", { colspan: 9, class: "muted" }, "本月没有登记"))]));
    const balances = await Hall.api("GET", "/api/ledger/balances");
    $("ledger-balances").replaceChildren(...balances.map((b) => E("tr", { "data-staff": b.staff },
      E("td", {}, b.displayName + "（" + b.staff + "）"), E("td", {}, b.appointmentMinutes + " 分钟"), E("td", {}, b.extendedMinutes + " 分钟"),
      E("td", {}, hours(b.leaveMinutes) + " 小时"), E("td", {}, hours(b.balanceMinutes) + " 小时"),
      E("td", { class: b.owesLeave ? "bad" : "ok" }, b.owesLeave ? "应安排调休" : "未达标准（" + hours(b.thresholdMinutes) + " 小时）"))));
    const leave = await Hall.api("GET", "/api/ledger/leave");
    $("leave-list").replaceChildren(...leave.map((g) => E("tr", { "data-grant": g.id },
      E("td", {}, g.id), E("td", {}, g.staff), E("td", {}, g.day), E("td", {}, hours(g.minutes)),
      E("td", {}, ({ granted: "已安排", taken: "已调休", cancelled: "已撤销" })[g.state]),
      E("td", {}, g.state === "granted" ? E("div", { class: "row" },
        E("button", { type: "button", class: "secondary", onclick: () => run(async () => { await Hall.api("POST", `/api/ledger/leave/${g.id}/taken`); await loadLedger(); }) }, "已调休"),
        E("button", { type: "button", class: "secondary", onclick: () => cancelLeave(g.id) }, "撤销")) : ""))));
  }

  function adjust(entry) {
    const minutes = prompt(`#${entry.id} 计入多少分钟？（0 为作废）`, String(entry.minutes));
    if (minutes === null) return;
    const reason = prompt("调整原因");
    if (!reason) return;
    run(async () => { await Hall.api("PATCH", `/api/ledger/entries/${entry.id}`, { minutes: Number(minutes), reason }); await loadLedger(); });
  }

  function cancelLeave(id) {
    const reason = prompt("撤销原因");
    if (!reason) return;
    run(async () => { await Hall.api("POST", `/api/ledger/leave/${id}/cancel`, { reason }); await loadLedger(); });
  }

  async function loadReplacements() {
    const list = await Hall.api("GET", "/api/extended/replacements");
    $("replacements").replaceChildren(...(list.length ? list.map((r) => E("li", {},
      `${r.window}号窗口 ${r.absentClerk}（${r.reason}）` + (r.replacement ? ` → ${r.replacement} 替岗（${clock(r.assignedAt)}）` : " 待安排")))
      : [E("li", { class: "muted" }, "今天没有报告")]));
  }

  async function loadHours() {
    const view = await Hall.api("GET", "/api/hours?days=14");
    $("hours-source").textContent = view.source === "override" ? `当前为负责人修改的办公时间（${view.updatedBy}，${Hall.time(view.updatedAt)}）` : "当前为配置文件中的办公时间";
    $("hours-days").replaceChildren(...view.days.map((d) => E("li", {}, `${d.day} ${["", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"][new Date(d.day + "T00:00:00Z").getUTCDay() || 7]}`
      + (d.isMakeUpWorkday ? "（调休上班）" : "") + "：" + (d.sessions.length ? d.sessions.map((s) => s.start + "–" + s.end).join("、") : "不办公" + (d.holidayName ? "（" + d.holidayName + "）" : "")))));
    $("hours-json").value = JSON.stringify(view.openingHours, null, 2);
  }

  async function load() {
    await run(loadLedger);
    await run(loadReplacements);
    await run(loadHours);
  }

  $("ledger-form").addEventListener("submit", (e) => { e.preventDefault(); run(loadLedger); });
  $("ledger-print").addEventListener("click", () => run(async () => {
    const answer = await Hall.api("POST", "/api/ledger/print", { month: $("ledger-month").value || thisMonth() });
    $("ledger-print-result").textContent = answer.print.status === "printed" ? "已打印" : (answer.print.message || "未打印");
  }));
  $("leave-form").addEventListener("submit", (e) => {
    e.preventDefault();
    run(async () => {
      await Hall.api("POST", "/api/ledger/leave", { staff: $("leave-staff").value.trim(), day: $("leave-day").value,
        hours: Number($("leave-hours").value), note: $("leave-note").value });
      await loadLedger();
    });
  });
  $("entry-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const iso = (v) => v + ":00+08:00";
    run(async () => {
      await Hall.api("POST", "/api/ledger/entries", { staff: $("entry-staff").value.trim(), kind: $("entry-kind").value,
        start: iso($("entry-start").value), end: iso($("entry-end").value), note: $("entry-note").value });
      await loadLedger();
    });
  });
  $("replace-form").addEventListener("submit", (e) => {
    e.preventDefault();
    run(async () => {
      const body = { window: Number($("replace-window").value), replacement: $("replace-clerk").value.trim() };
      if ($("replace-absent").value.trim()) body.absent = $("replace-absent").value.trim();
      await Hall.api("POST", "/api/extended/replacements", body);
      await loadReplacements();
    });
  });
  $("hours-save").addEventListener("click", () => run(async () => {
    let body;
    try { body = JSON.parse($("hours-json").value); } catch (e) { throw new Error("办公时间不是有效的 JSON：" + e.message); }
    await Hall.api("PUT", "/api/hours", body);
    await loadHours();
  }));
  $("hours-reset").addEventListener("click", () => run(async () => { await Hall.api("DELETE", "/api/hours"); await loadHours(); }));

  for (const b of document.querySelectorAll('nav.tabs button[data-tab="ledger"]')) b.addEventListener("click", load);
})();
