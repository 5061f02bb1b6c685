// AB posts (AB岗) on the admin page's 窗口 tab: A and B per window, mark A away / back.
// The server checks the role (the center head); refusals show the API's message.
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);

  function staffOptions(accounts, selected) {
    const window_staff = accounts.filter((a) => a.isActive && (a.roles.includes("clerk") || a.roles.includes("head")));
    return [Hall.el("option", { value: "" }, "（未设）"),
      ...window_staff.map((a) => Hall.el("option", { value: a.username, selected: a.username === selected || null },
        a.displayName + "（" + a.username + "）"))];
  }

  async function loadPosts() {
    const posts = await Hall.api("GET", "/api/posts");
    // Only the head and the administrator may list accounts; without it the names are shown read-only.
    const accounts = await Hall.api("GET", "/api/accounts").catch(() => null);
    $("posts").replaceChildren(...posts.map((p) => {
      const name = (s) => s ? s.displayName + "（" + s.username + "）" : "—";
      let a = Hall.el("span", {}, name(p.a)), b = Hall.el("span", {}, name(p.b));
      const actions = Hall.el("div", { class: "row" });
      if (accounts) {
        a = Hall.el("select", { "data-post-a": p.window }, staffOptions(accounts, p.a && p.a.username));
        b = Hall.el("select", { "data-post-b": p.window }, staffOptions(accounts, p.b && p.b.username));
        actions.append(Hall.el("button", { type: "button", class: "secondary", "data-post-save": p.window, onclick: () => HallAdmin.run(async () => {
          await Hall.api("PUT", "/api/posts/" + p.window, { a: a.value || null, b: b.value || null });
          await loadPosts();
        }) }, "保存"));
      }
      if (p.a && !p.aAway) {
        actions.append(Hall.el("button", { type: "button", class: "secondary", "data-post-away": p.window, onclick: () => HallAdmin.run(async () => {
          const reason = prompt("A岗 " + p.a.displayName + " 离岗原因（可不填）：", "");
          if (reason === null) return;
          await Hall.api("POST", "/api/posts/" + p.window + "/away", { reason });
          await loadPosts();
        }) }, "标记A岗离岗"));
      } else if (p.aAway) {
        actions.append(Hall.el("button", { type: "button", class: "secondary", "data-post-back": p.window, onclick: () => HallAdmin.run(async () => {
          await Hall.api("POST", "/api/posts/" + p.window + "/back");
          await loadPosts();
        }) }, "A岗返岗"));
      }
      const duty = p.onDuty ? p.onDuty.displayName + (p.aAway ? "（B岗顶岗）" : "（A岗）") : "—";
      const away = p.aAway ? Hall.el("div", { class: "bad" }, "A岗离岗" + (p.awayReason ? "：" + p.awayReason : "") + " · " + Hall.time(p.awaySince)) : "";
      return Hall.el("tr", { "data-window": p.window },
        Hall.el("td", {}, p.window + "号 " + p.windowName), Hall.el("td", {}, a, away), Hall.el("td", {}, b),
        Hall.el("td", { "data-on-duty": p.window }, duty), Hall.el("td", {}, actions));
    }));
  }

  HallAdmin.onTab("windows", loadPosts);
})();
