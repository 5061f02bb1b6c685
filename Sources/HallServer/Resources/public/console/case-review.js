// Clerk console, 受理办件 tab: the departments' answers (并联审批) and the combined result.
"use strict";
(() => {
  const C = window.HallCases;
  const { el } = C;
  const decisions = { pending: "待审批", approved: "通过", rejected: "不予通过", needsInspection: "需现场核查" };

  function reviewsPanel(c) {
    return el("section", { class: "reviews" }, el("h3", {}, "部门并联审批"),
      el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, "部门"), el("th", {}, "结论"), el("th", {}, "审核人"), el("th", {}, "时间"))),
        el("tbody", {}, c.reviews.map((r) => el("tr", { "data-review": r.department.id },
          el("td", {}, r.department.name), el("td", {}, decisionText(r.decision)), el("td", {}, Hall.personName(r.reviewer) || "—"),
          el("td", {}, r.answeredAt ? Hall.time(r.answeredAt) : "—"))))));
  }

  function decisionText(d) {
    const name = typeof d === "string" ? d : Object.keys(d)[0];
    const detail = typeof d === "object" && d[name] ? (d[name].reason || d[name].note || "") : "";
    return (decisions[name] || name) + (detail ? "：" + detail : "");
  }

  function resultPanel(c) {
    const approved = "approved" in c.result;
    return el("section", { class: "outcome " + (approved ? "accepted" : "correction"), id: "case-result" },
      el("h3", {}, "办理结果：" + (approved ? "准予办理" : "不予办理")),
      approved ? el("p", {}, "各部门均已审批通过。")
        : el("ol", {}, c.result.rejected.reasons.map((r) => el("li", {}, r.department.name + "：" + r.reason))));
  }

  Object.assign(C, { reviewsPanel, resultPanel });
})();
