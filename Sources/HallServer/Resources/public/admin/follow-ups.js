// The center head's one list of follow-ups of every kind (回告督办): residents' results to tell
// (告知办理结果), bad ratings' follow-ups (差评回访) and home visits' unfinished items (上门服务督办),
// due today or overdue first. Each is closed here with a note, through its own kind's API and rules.
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const E = Hall.el;
  const kinds = { follow_up: "告知办理结果", rating: "差评回访", visit: "上门服务督办" };
  const standing = { overdue: "已逾期", due_today: "今日到期", on_track: "未到期" };
  // What each kind's close route takes: the result told to the resident, or the head's note.
  const body = (kind, text) => kind === "follow_up" ? { result: text, done: true } : { note: text };

  async function load() {
    const list = await Hall.api("GET", "/api/follow-ups/due" + ($("due-all").checked ? "?all=1" : ""));
    const overdue = list.filter((f) => f.due === "overdue").length, today = list.filter((f) => f.due === "due_today").length;
    $("due-summary").textContent = `已逾期 ${overdue} 件，今日到期 ${today} 件` + ($("due-all").checked ? `，共 ${list.length} 件未办结` : "");
    $("due-follow-ups").replaceChildren(...(list.length ? list.map(row)
      : [E("tr", {}, E("td", { colspan: 7, class: "muted" }, "没有到期或逾期的回告与督办"))]));
  }

  function row(f) {
    const note = E("input", { "data-note": f.kind + "-" + f.id, placeholder: f.kind === "follow_up" ? "告知群众的结果" : "处理情况", maxlength: 500 });
    const close = E("button", { type: "button", "data-close": f.kind + "-" + f.id, onclick: () => HallAdmin.run(async () => {
      await Hall.api("POST", f.closePath, body(f.kind, note.value));
      await load();
    }) }, "办结");
    return E("tr", { "data-kind": f.kind, "data-id": f.id, class: f.due === "overdue" ? "overdue" : null },
      E("td", {}, kinds[f.kind] || f.kind), E("td", {}, f.title), E("td", {}, f.detail || "-"),
      E("td", {}, f.owners.length ? f.owners.join("、") : "中心负责人"), E("td", {}, f.dueDay),
      E("td", { class: f.due === "on_track" ? "" : "bad", "data-due": f.due }, standing[f.due] || f.due),
      E("td", {}, E("div", { class: "row" }, note, close)));
  }

  HallAdmin.onTab("follow-ups", load);
  $("due-all").addEventListener("change", () => HallAdmin.run(load));
  // Overdue alerts of every kind refresh the list while the tab is open.
  Hall.events((e) => {
    const type = String(e.type);
    if ((type.startsWith("followup.") || type.startsWith("rating.follow_up") || type.startsWith("visit.")) &&
        !$("tab-follow-ups").classList.contains("hidden") && HallAdmin.session()) HallAdmin.run(load);
  });
})();
