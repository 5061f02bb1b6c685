// 今日大厅, the tab the head lands on: each window (who is on duty, what it serves now, paused), the
// queues, running cases overdue or due soon, follow-ups due today or overdue. Live: refreshed on
// every event while shown (at most once a second). A section the role may not read says so.
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const E = Hall.el;
  const none = (text) => E("li", { class: "muted" }, text);
  const visible = () => !$("tab-today").classList.contains("hidden");

  async function part(path) {
    try { return await Hall.api("GET", path); } catch (e) { return e.status === 403 ? "forbidden" : null; }
  }

  async function load() {
    const [status, posts, board, due] = await Promise.all([
      Hall.api("GET", "/api/status"), part("/api/posts"), part("/api/cases/board"), part("/api/follow-ups/due")]);
    const duty = Object.fromEntries((Array.isArray(posts) ? posts : []).map((p) => [p.window, p.onDuty ? p.onDuty.displayName : "—"]));
    $("today-windows").replaceChildren(...status.windows.map((w) => E("tr", { "data-today-window": w.window.number },
      E("td", {}, w.window.number + "号 " + w.window.name), E("td", {}, duty[w.window.number] || "—"),
      E("td", {}, w.current ? w.current.number : "—"),
      E("td", { class: w.window.isPaused ? "bad" : "ok" },
        w.window.isPaused ? "已暂停" : w.current ? Hall.stateLabels[w.current.state] : "空闲"))));
    $("today-queues").replaceChildren(...status.services.map((q) => E("tr", { "data-today-service": q.service.id },
      E("td", {}, q.service.prefix + " " + q.service.name), E("td", {}, q.waiting + " 人"),
      E("td", {}, q.estimatedWaitMinutes > 0 ? "约 " + q.estimatedWaitMinutes + " 分钟" : "无需等候"))));
    const urgent = Array.isArray(board) ? board.filter((b) => b.level !== "on_track") : [];
    $("today-cases").replaceChildren(...(board === "forbidden" ? [none("本角色无权查看办件")]
      : urgent.length ? urgent.slice(0, 8).map((b) => E("li", { class: b.level === "overdue" ? "bad" : "" },
        (b.number || "#" + b.caseID) + " " + b.itemName + "（" + (b.level === "overdue" ? "已超期" : "即将到期") + "，承诺 " + b.promisedDay + "）"))
        : [none("暂无")]));
    $("today-follow-ups").replaceChildren(...(due === "forbidden" ? [none("本角色无权查看回告督办")]
      : Array.isArray(due) && due.length ? due.slice(0, 8).map((f) => E("li", { class: f.due === "overdue" ? "bad" : "" },
        f.title + "（" + (f.due === "overdue" ? "已逾期" : "今日到期") + "，" + f.dueDay + "）"))
        : [none("暂无")]));
    const waiting = status.services.reduce((n, q) => n + q.waiting, 0);
    const open = status.windows.filter((w) => !w.window.isPaused).length;
    $("today-figures").replaceChildren(
      E("div", {}, "今日取号", E("b", { id: "today-issued" }, status.issuedToday)), E("div", {}, "已办结", E("b", {}, status.servedToday)),
      E("div", {}, "正在等候", E("b", { id: "today-waiting" }, waiting)), E("div", {}, "开放窗口", E("b", {}, open + " / " + status.windows.length)),
      E("div", {}, "超期办件", E("b", { class: urgent.some((b) => b.level === "overdue") ? "bad" : "" },
        urgent.filter((b) => b.level === "overdue").length)));
    $("today-updated").textContent = "更新于 " + Hall.clock(new Date(), true);
  }

  HallAdmin.onTab("today", load);
  let pending = null;
  Hall.events(() => {
    if (!visible() || !HallAdmin.session() || pending) return;
    pending = setTimeout(() => { pending = null; HallAdmin.run(load); }, 1000);
  });
})();
