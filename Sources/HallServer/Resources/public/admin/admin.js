// Center head / administrator pages: accounts, audit log, windows, services. The server checks
// every action's role; refusals (403) are shown with the API's message.
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const staffRoles = ["clerk", "reviewer", "head", "admin"];
  let session = null;
  let services = [];

  function showViews() {
    $("login-view").classList.toggle("hidden", !!session);
    $("admin-view").classList.toggle("hidden", !session);
    $("logout").classList.toggle("hidden", !session);
    $("who").textContent = session ? session.displayName + "（" + session.roles.map((r) => Hall.roleLabels[r] || r).join("、") + "）" : "";
  }

  function fail(e) {
    Hall.showError($("error"), e);
    if (e.status === 401) { session = null; showViews(); }
  }

  async function run(work) {
    Hall.showError($("error"), null);
    try { await work(); } catch (e) { fail(e); }
  }

  function roleBoxes(container, prefix, selected) {
    container.replaceChildren(...staffRoles.map((r) => Hall.el("label", {},
      Hall.el("input", { type: "checkbox", value: r, name: prefix + "-role", checked: selected.includes(r) || null }), " " + Hall.roleLabels[r])));
  }

  async function loadAccounts() {
    const list = await Hall.api("GET", "/api/accounts");
    $("accounts").replaceChildren(...list.map((a) => {
      const rolesCell = Hall.el("td", { class: "roles" });
      roleBoxes(rolesCell, "acct-" + a.username, a.roles);
      return Hall.el("tr", { "data-username": a.username },
        Hall.el("td", {}, a.username), Hall.el("td", {}, a.displayName), rolesCell,
        Hall.el("td", { class: a.isActive ? "ok" : "bad" }, a.isActive ? "启用" : "已停用"),
        Hall.el("td", {}, Hall.el("div", { class: "row" },
          Hall.el("button", { type: "button", class: "secondary", onclick: () => run(async () => {
            const roles = [...rolesCell.querySelectorAll("input:checked")].map((i) => i.value);
            await Hall.api("PATCH", "/api/accounts/" + encodeURIComponent(a.username), { roles });
            await loadAccounts();
          }) }, "保存角色"),
          Hall.el("button", { type: "button", class: "secondary", onclick: () => run(async () => {
            const password = prompt("为 " + a.username + " 设置新密码（至少 8 位）：");
            if (!password) return;
            await Hall.api("POST", "/api/accounts/" + encodeURIComponent(a.username) + "/password", { password });
            alert("密码已重置，该账号需重新登录。");
          }) }, "重置密码"),
          a.isActive ? Hall.el("button", { type: "button", class: "danger", onclick: () => run(async () => {
            if (!confirm("确定停用账号 " + a.username + "？")) return;
            await Hall.api("POST", "/api/accounts/" + encodeURIComponent(a.username) + "/deactivate");
            await loadAccounts();
          }) }, "停用") : Hall.el("button", { type: "button", class: "secondary", onclick: () => run(async () => {
            await Hall.api("PATCH", "/api/accounts/" + encodeURIComponent(a.username), { isActive: true });
            await loadAccounts();
          }) }, "启用"))));
    }));
  }

  async function loadAudit() {
    const q = new URLSearchParams();
    if ($("audit-from").value) q.set("from", $("audit-from").value);
    if ($("audit-to").value) q.set("to", $("audit-to").value);
    const actor = $("audit-actor");
    if (actor.options.length <= 1) {
      // People by display name (the user name in brackets: this is account management).
      const accounts = await Hall.api("GET", "/api/accounts");
      actor.append(...accounts.map((a) => Hall.el("option", { value: a.username }, a.displayName + "（" + a.username + "）")));
    }
    if (actor.value) q.set("actor", actor.value);
    const records = await Hall.api("GET", "/api/audit?" + q.toString());
    $("audit").replaceChildren(...records.map((r) => Hall.el("tr", {},
      Hall.el("td", {}, Hall.time(r.at)), Hall.el("td", {}, r.actor), Hall.el("td", {}, r.role.split(",").map((x) => Hall.roleLabels[x] || x).join("、")),
      Hall.el("td", {}, r.action), Hall.el("td", {}, r.target), Hall.el("td", {}, r.remoteAddress || "-"))));
  }

  async function loadWindows() {
    const status = await Hall.api("GET", "/api/status");
    services = status.services;
    const name = (id) => (services.find((q) => q.service.id === id) || { service: { name: id } }).service.name;
    $("windows").replaceChildren(...status.windows.map((w) => Hall.el("tr", {},
      Hall.el("td", {}, w.window.number + "号 " + w.window.name), Hall.el("td", {}, w.window.serviceIDs.map(name).join("、")),
      Hall.el("td", { class: w.window.isPaused ? "bad" : "ok" }, w.window.isPaused ? "已暂停" : "服务中"),
      Hall.el("td", {}, Hall.el("button", { type: "button", class: "secondary", "data-window": w.window.number,
        onclick: () => run(async () => {
          await Hall.api("POST", "/api/windows/" + w.window.number + (w.window.isPaused ? "/unpause" : "/pause"));
          await loadWindows();
        }) }, w.window.isPaused ? "恢复窗口" : "暂停窗口")))));
    $("services").replaceChildren(...services.map((q) => Hall.el("tr", {},
      Hall.el("td", {}, q.service.prefix), Hall.el("td", {}, q.service.name), Hall.el("td", { class: "muted" }, q.service.id),
      Hall.el("td", {}, q.service.typicalServiceMinutes + " 分钟"), Hall.el("td", {}, q.waiting + " 人"))));
  }

  const loaders = { accounts: loadAccounts, audit: loadAudit, windows: loadWindows, services: loadWindows };
  // Tabs in their own scripts add or extend a tab: HallAdmin.onTab("reports", async () => { … }).
  const extraLoaders = {};
  window.HallAdmin = { onTab(tab, loader) { (extraLoaders[tab] = extraLoaders[tab] || []).push(loader); }, run,
    session: () => session };
  function openTab(tab) {
    for (const b of document.querySelectorAll("nav.tabs button")) b.classList.toggle("active", b.dataset.tab === tab);
    for (const s of document.querySelectorAll(".tab")) s.classList.toggle("hidden", s.id !== "tab-" + tab);
    run(async () => {
      if (loaders[tab]) await loaders[tab]();
      for (const extra of extraLoaders[tab] || []) await extra();
    });
  }
  for (const b of document.querySelectorAll("nav.tabs button")) b.addEventListener("click", () => openTab(b.dataset.tab));

  roleBoxes($("new-roles"), "new", ["clerk"]);
  $("create-form").addEventListener("submit", (event) => {
    event.preventDefault();
    run(async () => {
      const form = event.target;
      const body = { username: form.username.value.trim(), displayName: form.displayName.value.trim(), password: form.password.value,
        roles: [...$("new-roles").querySelectorAll("input:checked")].map((i) => i.value) };
      if (form.departmentID.value.trim()) body.departmentID = form.departmentID.value.trim();
      await Hall.api("POST", "/api/accounts", body);
      form.reset();
      roleBoxes($("new-roles"), "new", ["clerk"]);
      await loadAccounts();
    });
  });
  $("audit-form").addEventListener("submit", (event) => { event.preventDefault(); run(loadAudit); });
  $("logout").addEventListener("click", async () => { await Hall.signOut(); session = null; showViews(); });
  Hall.wireLogin($("login-form"), $("login-error"), (s) => {
    session = s; showViews(); openTab("today"); Hall.showHallWarnings($("hall-warnings"), $("public-url"));
  });

  (async () => {
    session = await Hall.whoAmI().catch(() => null);
    if (session && session.isDevice) session = null;
    showViews();
    if (session) openTab("today");
    if (session) Hall.showHallWarnings($("hall-warnings"), $("public-url"));
  })();
})();
