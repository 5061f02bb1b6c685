// Reports (报表) on the admin page: daily or monthly figures with SVG charts (HallChart, served
// locally) and the CSV download of the same report (UTF-8 with BOM, opens in Excel/WPS).
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const el = Hall.el;
  const today = () => Hall.day();
  const minutes = (s) => (s === null || s === undefined) ? "-" : (s / 60).toFixed(1);
  const chartMinutes = (s) => (s === null || s === undefined) ? 0 : Math.round(s / 6) / 10;

  function period() {
    if ($("report-kind").value === "monthly") return $("report-month").value || today().slice(0, 7);
    return $("report-day").value || today();
  }

  function syncForm() {
    const monthly = $("report-kind").value === "monthly";
    $("report-day-field").classList.toggle("hidden", monthly);
    $("report-month-field").classList.toggle("hidden", !monthly);
    if (!$("report-day").value) $("report-day").value = today();
    if (!$("report-month").value) $("report-month").value = today().slice(0, 7);
    $("report-csv").href = "/api/reports/" + period() + "?format=csv";
    $("report-csv").setAttribute("download", "hall-report-" + period() + ".csv");
  }

  function card(title, ...children) { return el("div", { class: "card" }, el("h2", {}, title), ...children); }
  function chart(id) { return el("div", { class: "chart", id }); }

  // The staff ledger's minutes of the period, per staff member (预约服务 / 延时服务).
  function ledgerTable(ledger) {
    const row = (key, name, appointment, extended) => el("tr", { "data-staff": key }, el("td", {}, name),
      el("td", {}, appointment), el("td", {}, extended), el("td", {}, appointment + extended));
    const rows = ledger.staff.map((s) => row(s.staff, s.displayName, s.appointmentMinutes, s.minutes));
    rows.push(row("total", "合计", ledger.appointmentMinutes, ledger.totalMinutes));
    return el("table", { id: "report-ledger" }, el("thead", {}, el("tr", {},
      ...["工作人员", "预约服务(分钟)", "延时服务(分钟)", "合计(分钟)"].map((h) => el("th", {}, h)))), el("tbody", {}, rows));
  }

  async function loadReport() {
    syncForm();
    const r = await Hall.api("GET", "/api/reports/" + period());
    const t = r.totals;
    const rate = r.ratings.satisfactionRate === null || r.ratings.satisfactionRate === undefined ? "-"
      : (r.ratings.satisfactionRate * 100).toFixed(1) + "%";
    const figures = el("div", { class: "figures", id: "report-figures" },
      ...[["取号", t.issued, "issued"], ["办结", t.served, "served"], ["过号", t.noShows, "no-shows"],
        ["平均等候(分钟)", minutes(t.waiting.averageSeconds), "wait-avg"], ["等候P90(分钟)", minutes(t.waiting.p90Seconds), "wait-p90"],
        ["平均办理(分钟)", minutes(t.service.averageSeconds), "service-avg"], ["办理P90(分钟)", minutes(t.service.p90Seconds), "service-p90"],
        ["评价", r.ratings.total, "ratings"], ["满意率", rate, "satisfaction"], ["逾期办件", r.cases.overdue, "overdue-cases"],
        ["预约服务(分钟)", r.extendedHours ? r.extendedHours.appointmentMinutes : "待台账接入", "appointment-minutes"],
        ["延时服务(分钟)", r.extendedHours ? r.extendedHours.totalMinutes : "待台账接入", "extended-hours"]]
        .map(([label, value, key]) => el("div", {}, label, el("b", { "data-figure": key }, value))));
    const rows = r.services.concat([t]).map((s) => el("tr", { "data-service": s.serviceID || "total" },
      el("td", {}, s.serviceName), el("td", {}, s.issued), el("td", {}, s.served), el("td", {}, s.noShows), el("td", {}, s.left),
      el("td", {}, minutes(s.waiting.averageSeconds)), el("td", {}, minutes(s.waiting.p90Seconds)),
      el("td", {}, minutes(s.service.averageSeconds)), el("td", {}, minutes(s.service.p90Seconds))));
    const table = el("table", {}, el("thead", {}, el("tr", {}, ...["业务", "取号", "办结", "过号", "离开", "平均等候(分)", "等候P90(分)",
      "平均办理(分)", "办理P90(分)"].map((h) => el("th", {}, h)))), el("tbody", { id: "report-services" }, rows));
    const c = r.cases;
    const cases = el("p", { id: "report-cases" }, "承诺办结日在本期的办件 " + c.due + " 件：按时办结 " + c.onTime + " 件，逾期 " + c.overdue
      + " 件（逾期办结 " + (c.overdue - c.stillOpen) + " 件，逾期未办结 " + c.stillOpen + " 件），未到期在办 " + c.notYetDue + " 件，申请人撤回 "
      + c.withdrawn + " 件" +
      (r.cases.overdueCaseNumbers.length ? "：" + r.cases.overdueCaseNumbers.join("、") : "。"));
    const body = [card(r.period.label + (r.period.kind === "monthly" ? " 月报" : " 日报"), figures),
      card("各业务取号与办结", chart("chart-services"), table),
      card("等候与办理时长（分钟）", chart("chart-times"))];
    if (r.period.kind === "monthly") body.push(card("每日取号与办结", chart("chart-days")));
    body.push(card("评价分布", chart("chart-ratings")), card("办件时限", cases));
    if (r.extendedHours) body.push(card("登记台账（预约与延时服务）", ledgerTable(r.extendedHours)));
    $("report-body").replaceChildren(...body);

    const names = r.services.map((s) => s.serviceName);
    HallChart.bars($("chart-services"), { title: "各业务取号与办结", unit: "人", labels: names, series: [
      { name: "取号", values: r.services.map((s) => s.issued) }, { name: "办结", values: r.services.map((s) => s.served) },
      { name: "过号", values: r.services.map((s) => s.noShows) }] });
    HallChart.bars($("chart-times"), { title: "等候与办理时长", unit: "分钟", labels: names, series: [
      { name: "平均等候", values: r.services.map((s) => chartMinutes(s.waiting.averageSeconds)) },
      { name: "等候P90", values: r.services.map((s) => chartMinutes(s.waiting.p90Seconds)) },
      { name: "平均办理", values: r.services.map((s) => chartMinutes(s.service.averageSeconds)) },
      { name: "办理P90", values: r.services.map((s) => chartMinutes(s.service.p90Seconds)) }] });
    if (r.period.kind === "monthly") {
      HallChart.line($("chart-days"), { title: "每日取号与办结", unit: "人", labels: r.days.map((d) => d.day.slice(5)), series: [
        { name: "取号", values: r.days.map((d) => d.issued) }, { name: "办结", values: r.days.map((d) => d.served) }] });
    }
    HallChart.bars($("chart-ratings"), { title: "评价分布", unit: "次", labels: r.ratings.distribution.map((d) => d.label),
      series: [{ name: "评价次数", values: r.ratings.distribution.map((d) => d.count) }] });
  }

  $("report-kind").addEventListener("change", syncForm);
  $("report-day").addEventListener("change", syncForm);
  $("report-month").addEventListener("change", syncForm);
  $("report-form").addEventListener("submit", (event) => { event.preventDefault(); HallAdmin.run(loadReport); });
  HallAdmin.onTab("reports", loadReport);
})();
