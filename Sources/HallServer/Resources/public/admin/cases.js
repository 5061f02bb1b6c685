// 办件时限 tab of the head's pages: running cases past or near their promised completion day
// (GET /api/cases/board), with the departments still to answer (督办). Live: the deadline sweep's
// case.overdue / case.due_soon and every case change refresh the board.
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const el = Hall.el;
  const levels = { overdue: "已超期", due_soon: "即将到期", on_track: "正常" };
  let filter = "attention";

  const visible = () => !$("tab-cases").classList.contains("hidden");

  async function load() {
    const [board] = await Promise.all([Hall.api("GET", "/api/cases/board"), Hall.staffNames()]);
    const overdue = board.filter((b) => b.level === "overdue").length;
    const dueSoon = board.filter((b) => b.level === "due_soon").length;
    $("board-summary").textContent = "在办 " + board.length + " 件：超期 " + overdue + " 件，即将到期 " + dueSoon + " 件。";
    $("board-summary").className = overdue ? "bad" : dueSoon ? "notice" : "muted";
    for (const b of document.querySelectorAll("#board-filter button")) b.classList.toggle("secondary", b.dataset.level !== filter);
    const rows = board.filter((b) => filter === "all" || b.level !== "on_track");
    $("board").replaceChildren(...(rows.length ? rows.map((b) => el("tr", { "data-case": b.number || b.caseID, "data-level": b.level },
      el("td", {}, b.number || "#" + b.caseID), el("td", {}, b.itemName), el("td", {}, Hall.personName(b.owner)),
      el("td", {}, b.promisedDay + (b.isProvisional ? "（暂定）" : "")),
      el("td", { class: b.level === "overdue" ? "bad" : b.level === "due_soon" ? "" : "ok",
                 style: b.level === "due_soon" ? "color: var(--amber); font-weight: bold" : null },
        levels[b.level] || b.level, el("div", { class: "muted" },
          b.level === "overdue" ? "超期" + (b.workingDaysLeft < 0 ? " " + -b.workingDaysLeft + " 个工作日" : "")
            : "剩 " + b.workingDaysLeft + " 个工作日")),
      el("td", {}, b.waitingFor.length ? b.waitingFor.join("、") : "—")))
      : [el("tr", {}, el("td", { colspan: 6, class: "muted" }, filter === "all" ? "暂无在办案件" : "暂无超期或即将到期的案件"))]));
  }

  for (const b of document.querySelectorAll("#board-filter button")) {
    b.addEventListener("click", () => { filter = b.dataset.level; load().catch((e) => Hall.showError($("error"), e)); });
  }
  HallAdmin.onTab("cases", load);
  Hall.events((event) => {
    if (visible() && event.type && event.type.startsWith("case.")) load().catch((e) => Hall.showError($("error"), e));
  });
})();
