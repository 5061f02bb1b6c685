// Clerk console, 受理办件 tab: what its scripts share. The tab is split by job:
//   cases-list.js      my open cases (首问负责)
//   case-open.js       opening a case from the ticket being served, or directly
//   case-detail.js     one case: its facts, and the panels below in order
//   case-prereview.js  the materials checklist and the pre-review's answer
//   case-notices.js    acceptance and correction notices: download, reprint
//   case-review.js     the departments' answers and the combined result
//   case-delivery.js   telling the applicant, handing over or posting, closing
// console.js tells the tab who is signed in (hall:session), the window and its ticket (hall:window)
// and every event of the live stream (hall:event). State labels come from the API (`stateLabel`).
"use strict";
window.HallCases = (() => {
  const $ = (id) => document.getElementById(id);

  /** What the tab shows, shared by its scripts. */
  const state = {
    session: null,
    windowNumber: null,
    ticket: null,
    catalog: null,
    openFromTicket: null,  // the ticket a new case is opened from, or null (directly)
    current: null,         // the case detail shown: { case, notices }
    lastPreReview: null,   // the answer of the last pre-review of `current`
  };

  function showPane(pane) {
    $("case-empty").classList.toggle("hidden", pane !== "empty");
    $("case-open-form").classList.toggle("hidden", pane !== "open");
    $("case-detail").classList.toggle("hidden", pane !== "detail");
  }

  function fail(e) {
    Hall.showError($("case-error"), e);
    if (e) $("case-error").scrollIntoView({ block: "nearest" });
    if (e && e.status === 401) location.reload();
  }

  async function run(work) {
    Hall.showError($("case-error"), null);
    try { await work(); } catch (e) { fail(e); }
  }

  const ref = (c) => String(c.id);
  const caseTitle = (c) => c.number || ("预审第" + c.id + "号");
  const maskName = (n) => !n ? "" : n.length <= 1 ? "*" : n.length === 2 ? n[0] + "*" : n[0] + "*".repeat(n.length - 2) + n[n.length - 1];
  /** The Chinese name of the case's state, as the API gives it (CaseState's label in HallCore). */
  const stateLabel = (c) => c.stateLabel || c.state;
  const limitDays = (limit) => limit.kind === "simple" ? 3 : limit.kind === "complex" ? 7 : limit.workingDays;

  function limitLabel(limit) {
    if (limit.kind === "simple") return "简单事项（3个工作日）";
    if (limit.kind === "complex") return "复杂事项（7个工作日）";
    return "法定时限（" + limit.workingDays + "个工作日）";
  }

  window.addEventListener("hall:session", (e) => { state.session = e.detail; });
  showPane("empty");

  // The other scripts add their entry points (loadList, openCase, the panels) to this object.
  return { $, el: Hall.el, state, showPane, fail, run, ref, caseTitle, maskName, stateLabel, limitDays, limitLabel };
})();
