// Clerk console, 受理办件 tab: my open cases (首问负责), with their deadline standing. Reloaded when
// the tab is shown, on sign-in and on every case event.
"use strict";
(() => {
  const C = window.HallCases;
  const { $, el, state } = C;

  async function loadList() {
    if (!state.session) return;
    try {
      const [cases, board] = await Promise.all([Hall.api("GET", "/api/cases?owner=me"), Hall.api("GET", "/api/cases/board")]);
      const levels = Object.fromEntries(board.map((b) => [b.caseID, b]));
      $("case-count").textContent = cases.length ? String(cases.length) : "";
      $("case-list").replaceChildren(...(cases.length ? cases.map((c) => {
        const standing = levels[c.id];
        const deadline = c.state === "correction_needed" ? "补正至 " + c.correctionDeadline
          : c.promisedDay ? "承诺 " + c.promisedDay : "—";
        const level = standing ? standing.level : "";
        return el("tr", { "data-case-row": c.id, class: (state.current && state.current.case.id === c.id ? "selected " : "") + "clickable",
            onclick: () => C.run(() => C.openCase(c.id)) },
          el("td", {}, C.caseTitle(c)), el("td", {}, c.item.name, el("div", { class: "muted small" },
            c.applicant.kind === "person" ? C.maskName(c.applicant.name) : c.applicant.name)),
          el("td", { "data-case-state": c.state }, C.stateLabel(c)),
          el("td", { class: "deadline " + level }, deadline,
            level === "overdue" ? el("div", { class: "small" }, "已超期") : level === "due_soon" ? el("div", { class: "small" }, "即将到期") : ""));
      }) : [el("tr", {}, el("td", { colspan: 4, class: "muted" }, "暂无未办结的办件"))]));
    } catch (e) { C.fail(e); }
  }

  C.loadList = loadList;
  window.addEventListener("hall:view", (e) => { if (e.detail === "cases") loadList(); });
  window.addEventListener("hall:session", () => { if (state.session) loadList(); });
  window.addEventListener("hall:event", (e) => {
    const event = e.detail;
    if (state.session && event.type && event.type.startsWith("case.")) loadList();
  });
})();
