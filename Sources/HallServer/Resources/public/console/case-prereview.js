// Clerk console, 受理办件 tab: pre-review (材料预审) — the materials checklist, marked received,
// missing or defective; the answer (accepted with number and promised day, or every correction at
// once); the corrections asked last time.
"use strict";
(() => {
  const C = window.HallCases;
  const { $, el, state } = C;
  const forms = { original: "原件", copy: "复印件", "original+copy": "原件及复印件" };

  function checklist(c) {
    const received = new Set((c.received || []).map((m) => m.materialID));
    const rows = c.item.materials.map((m) => {
      const on = (status) => received.has(m.id) && status === "received" ? " on" : "";
      const mark = (status, label) => el("button", { type: "button", class: "mark " + status + on(status),
        "data-material": m.id, "data-mark": status, onclick: (e) => setMark(status, e.currentTarget.closest("tr"), true) }, label);
      return el("tr", { "data-material-row": m.id, "data-status": received.has(m.id) ? "received" : "" },
        el("td", {}, el("b", {}, m.name), el("div", { class: "muted small" },
          (m.required ? "必交" : "按需") + " · " + forms[m.form] + " " + m.count + " 份" + (m.notes ? " · " + m.notes : "")),
          el("div", { class: "captures", "data-case": C.ref(c), "data-material": m.id })),
        el("td", { class: "marks" }, mark("received", "已收"), mark("missing", "缺少"), mark("defective", "不合格"),
          el("input", { class: "reason hidden", id: "reason-" + m.id, placeholder: "不合格原因（必填），如：复印件不清晰" })));
    });
    return el("section", { class: "checklist" },
      el("h3", {}, c.state === "correction_needed" ? "补正材料核验" : "材料预审"),
      el("p", { class: "muted small" }, "逐项标记。未标记的必交材料按“缺少”处理，未标记的按需材料视为本案不需要。"),
      el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, "材料"), el("th", {}, "核验"))), el("tbody", { id: "checklist" }, rows)),
      el("div", { class: "row" },
        el("button", { type: "button", class: "secondary", id: "mark-all-received", onclick: () => {
          for (const row of document.querySelectorAll("[data-material-row]")) setMark("received", row, false);
        } }, "全部已收"),
        el("button", { type: "button", id: "case-submit-review", onclick: () => C.run(submitPreReview) }, "提交预审")));
  }

  /** Marks a checklist row; pressing the same mark again clears it (when `toggle`). */
  function setMark(status, row, toggle) {
    const same = toggle && row.dataset.status === status;
    row.dataset.status = same ? "" : status;
    for (const b of row.querySelectorAll("button.mark")) b.classList.toggle("on", !same && b.dataset.mark === status);
    row.querySelector(".reason").classList.toggle("hidden", same || status !== "defective");
  }

  async function submitPreReview() {
    const marks = [];
    for (const row of document.querySelectorAll("[data-material-row]")) {
      const status = row.dataset.status;
      if (!status) continue;
      const mark = { material: row.dataset.materialRow, status };
      if (status === "defective") mark.reason = row.querySelector(".reason").value.trim();
      marks.push(mark);
    }
    $("case-submit-review").disabled = true;
    try {
      state.lastPreReview = await Hall.api("POST", "/api/cases/" + C.ref(state.current.case) + "/pre-review", { marks });
      await C.openCase(state.lastPreReview.case.id);
      C.loadList();
    } finally { if ($("case-submit-review")) $("case-submit-review").disabled = false; }
  }

  function preReviewResult(answer) {
    const c = answer.case;
    const box = answer.outcome === "accepted"
      ? el("div", { class: "outcome accepted", id: "case-outcome" }, el("h3", {}, "已受理"),
          el("p", {}, "案件编号 ", el("b", { id: "case-number" }, c.number), "，承诺办结日期 ", el("b", { id: "case-promised" }, c.promisedDay),
            "（" + C.limitDays(c.item.timeLimit) + " 个工作日）"),
          el("p", {}, "已同时分送：" + c.reviews.map((r) => r.department.name).join("、")))
      : el("div", { class: "outcome correction", id: "case-outcome" }, el("h3", {}, "材料需补正（一次性告知，共 " + answer.corrections.length + " 项）"),
          el("p", {}, "补正期限：", el("b", { id: "case-correction-deadline" }, c.correctionDeadline)),
          el("ol", {}, answer.corrections.map((x) => el("li", {}, x.name + "：" + x.reason))));
    if (answer.noticeError) box.append(el("p", { class: "error" }, answer.noticeError.message));
    return box;
  }

  function correctionList(c) {
    return el("div", { class: "outcome correction" }, el("h3", {}, "上次告知需补正的材料"),
      el("ol", {}, c.corrections.map((x) => el("li", {}, x.name + "：" + x.reason))));
  }

  Object.assign(C, { checklist, preReviewResult, correctionList });
})();
