// Ratings (好差评) on the admin page: bad ratings' follow-ups (overdue ones first, flagged red),
// closed by the head with a note; the ratings of a period with their distribution chart.
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const levels = ["very_satisfied", "satisfied", "basically_satisfied", "dissatisfied", "very_dissatisfied"];
  const levelLabels = { very_satisfied: "非常满意", satisfied: "满意", basically_satisfied: "基本满意", dissatisfied: "不满意",
    very_dissatisfied: "非常不满意" };
  const channelLabels = { pad: "窗口评价器", qr: "扫码评价" };
  Hall.roleLabels.rating_pad = "评价器"; // the audit tab shows the rating pads' device role in Chinese
  const today = () => Hall.day();

  async function loadFollowUps() {
    const openOnly = $("follow-ups-open-only").checked;
    const [list] = await Promise.all([Hall.api("GET", "/api/rating-follow-ups" + (openOnly ? "?state=open" : "")), Hall.staffNames()]);
    const open = list.filter((s) => s.followUp.state === "open"), overdue = list.filter((s) => s.isOverdue);
    $("follow-up-summary").replaceChildren(Hall.el("span", {}, "待处理 " + open.length + " 件"),
      overdue.length ? Hall.el("b", { class: "bad", id: "overdue-flag" }, "，其中已超时 " + overdue.length + " 件，请尽快处理") : "");
    $("follow-ups").replaceChildren(...(list.length ? list.map(row) : [Hall.el("tr", {}, Hall.el("td", { colspan: 8, class: "muted" }, "暂无差评回访"))]));
  }

  function row(s) {
    const f = s.followUp;
    const due = f.dueDay + (f.isProvisional ? "（未导入当年节假日，按周末推算）" : "") +
      (s.workingDaysLeft === null || s.workingDaysLeft === undefined ? "" :
        s.isOverdue ? "，已超时" : s.workingDaysLeft === 0 ? "，今日到期" : "，剩 " + s.workingDaysLeft + " 个工作日");
    let handling;
    if (f.state === "open") {
      const note = Hall.el("input", { "data-note": f.id, placeholder: "回访或处理情况", maxlength: 500 });
      handling = Hall.el("div", { class: "row" }, note, Hall.el("button", { type: "button", "data-close": f.id, onclick: () => HallAdmin.run(async () => {
        await Hall.api("POST", "/api/rating-follow-ups/" + f.id + "/close", { note: note.value });
        await loadFollowUps();
      }) }, "办结"));
    } else {
      handling = Hall.el("div", {}, f.note || "", Hall.el("div", { class: "muted" }, (f.closedBy || "") + " " + Hall.time(f.closedAt)));
    }
    return Hall.el("tr", { "data-follow-up": f.id, class: s.isOverdue ? "overdue" : null },
      Hall.el("td", {}, "#" + f.id), Hall.el("td", {}, f.ticketNumber), Hall.el("td", {}, f.window ? f.window + "号" : "-"),
      Hall.el("td", {}, Hall.personName(f.staff) || "-"), Hall.el("td", { class: "bad" }, levelLabels[f.level] || f.level), Hall.el("td", {}, due),
      Hall.el("td", { class: s.isOverdue ? "bad" : f.state === "open" ? "" : "ok", "data-state": f.state },
        s.isOverdue ? "超时未办结" : f.state === "open" ? "待处理" : "已办结"),
      Hall.el("td", {}, handling));
  }

  async function loadRatings() {
    if (!$("ratings-from").value) $("ratings-from").value = today();
    if (!$("ratings-to").value) $("ratings-to").value = $("ratings-from").value;
    const list = await Hall.api("GET", "/api/ratings?from=" + $("ratings-from").value + "&to=" + $("ratings-to").value);
    HallChart.bars($("ratings-chart"), { title: "评价分布", unit: "次", labels: levels.map((l) => levelLabels[l]),
      series: [{ name: "评价次数", values: levels.map((l) => list.filter((r) => r.level === l).length) }] });
    $("ratings").replaceChildren(...list.slice().reverse().map((r) => Hall.el("tr", {},
      Hall.el("td", {}, Hall.time(r.at)), Hall.el("td", {}, r.ticketNumber), Hall.el("td", {}, r.window ? r.window + "号" : "-"),
      Hall.el("td", {}, r.staff || "-"), Hall.el("td", { class: levels.indexOf(r.level) >= 3 ? "bad" : "" }, levelLabels[r.level]),
      Hall.el("td", {}, channelLabels[r.channel] || r.channel))));
  }

  HallAdmin.onTab("ratings", async () => { await loadFollowUps(); await loadRatings(); });
  $("follow-ups-open-only").addEventListener("change", () => HallAdmin.run(loadFollowUps));
  $("ratings-form").addEventListener("submit", (event) => { event.preventDefault(); HallAdmin.run(loadRatings); });
  // New bad ratings and overdue flags arrive live while the tab is open.
  Hall.events((e) => {
    if (String(e.type).startsWith("rating.") && !$("tab-ratings").classList.contains("hidden") && HallAdmin.session()) {
      HallAdmin.run(async () => { await loadFollowUps(); await loadRatings(); });
    }
  });
})();
