// Clerk console, 受理办件 tab: one case — its facts, then the panels of the other scripts in order
// (pre-review answer, checklist, notices, department answers, result, actions). Reloaded live when
// its state changes elsewhere (a department answered).
"use strict";
(() => {
  const C = window.HallCases;
  const { $, el, state } = C;

  async function openCase(id) {
    [state.current] = await Promise.all([Hall.api("GET", "/api/cases/" + encodeURIComponent(id)), Hall.staffNames()]);
    if (!state.lastPreReview || state.lastPreReview.case.id !== state.current.case.id) state.lastPreReview = null;
    renderDetail();
    C.showPane("detail");
    for (const row of document.querySelectorAll("[data-case-row]")) row.classList.toggle("selected", row.dataset.caseRow === String(id));
  }

  function renderDetail() {
    const c = state.current.case;
    const a = c.applicant;
    const who = a.kind === "person" ? [a.name, "身份证 " + a.idNumber]
      : [a.name, "信用代码 " + a.creditCode, "联系人 " + a.contactPerson];
    const delivery = c.delivery.kind === "post"
      ? "邮寄送达：" + c.delivery.address + "（" + c.delivery.recipient + " " + c.delivery.phone + "）" : "窗口领取";
    const rows = [["事项", c.item.name + " · " + C.limitLabel(c.item.timeLimit)], ["申请人", who.join(" · ")], ["联系电话", a.phone],
      ["送达方式", delivery + (c.trackingNumber ? " · 邮寄单号 " + c.trackingNumber : "")],
      ["经办人", Hall.personName(c.owner) + (c.window ? " · " + c.window + "号窗口" : "") + (c.ticketID ? " · 来自号票 #" + c.ticketID : "")]];
    if (c.acceptedDay) rows.push(["受理日期", c.acceptedDay]);
    if (c.promisedDay) rows.push(["承诺办结日期", c.promisedDay + (c.hasProvisionalDates ? "（按暂定日历计算）" : "")]);
    if (c.state === "correction_needed") rows.push(["补正期限", c.correctionDeadline + "（第 " + c.correctionRounds + " 次补正）"]);
    const parts = [
      el("div", { class: "case-head" }, el("h2", { id: "case-title" }, C.caseTitle(c)),
        el("span", { class: "pill state-" + c.state, id: "case-state" }, C.stateLabel(c)),
        el("button", { type: "button", class: "secondary", onclick: () => { state.current = null; C.showPane("empty"); C.loadList(); } }, "返回列表")),
      el("table", { class: "facts" }, rows.map(([k, v]) => el("tr", {}, el("th", {}, k), el("td", {}, v)))),
    ];
    if (state.lastPreReview) parts.push(C.preReviewResult(state.lastPreReview));
    if (c.state === "pre_review" || c.state === "correction_needed") parts.push(C.checklist(c));
    if (c.state === "correction_needed" && !state.lastPreReview) parts.push(C.correctionList(c));
    parts.push(C.noticesPanel(c));
    if (c.reviews.length) parts.push(C.reviewsPanel(c));
    if (c.result) parts.push(C.resultPanel(c));
    parts.push(C.actionsPanel(c));
    $("case-detail").replaceChildren(...parts);
    mountCaptures();
  }

  /** Lets the scanner helper (captures.js) fill each checklist row with its scans. */
  function mountCaptures() {
    if (!window.HallCaptures || typeof window.HallCaptures.mount !== "function") return;
    for (const node of document.querySelectorAll("#case-detail .captures")) {
      try { window.HallCaptures.mount(node, { caseRef: node.dataset.case, materialID: node.dataset.material }); }
      catch (e) { console.warn("captures", e); }
    }
  }

  C.openCase = openCase;
  window.addEventListener("hall:session", () => {
    if (state.session) return;
    state.current = null;
    state.lastPreReview = null;
    C.showPane("empty");
  });
  window.addEventListener("hall:event", (e) => {
    const event = e.detail;
    if (!state.session || !event.type || !event.type.startsWith("case.")) return;
    // Reload the open case when its state changed elsewhere (a department answered), not while marking materials.
    const current = state.current;
    if (current && event.data && event.data.caseID === String(current.case.id) && event.data.state !== current.case.state) {
      C.run(() => openCase(current.case.id));
    }
  });
})();
