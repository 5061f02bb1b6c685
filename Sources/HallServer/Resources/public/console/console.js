// Clerk console: sign in, choose a window, act on its ticket, watch the queue live.
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  let session = null;
  let status = null;
  let windowNumber = null;
  // The window a clerk works at is remembered per account (this browser), else the window where the
  // head made them A or B post (GET /api/posts), else the first window.
  const windowKey = () => "hall.consoleWindow." + (session ? session.username : "");
  function rememberedWindow() {
    try { return Number(localStorage.getItem(windowKey())) || null; } catch (_) { return null; }
  }
  async function chooseWindow() {
    windowNumber = rememberedWindow();
    if (windowNumber || !session) return;
    try {
      const posts = await Hall.api("GET", "/api/posts");
      const mine = posts.find((p) => (p.a && p.a.username === session.username) || (p.b && p.b.username === session.username));
      if (mine && !windowNumber) windowNumber = mine.window;
    } catch (_) { /* no posts: the first window */ }
  }

  // The console's tabs (#console-tabs [data-view]): every panel names the tab it belongs to
  // (data-view-panel) and is shown only there. Feature scripts hear the tab shown (hall:view).
  function showView(view) {
    for (const b of document.querySelectorAll("#console-tabs [data-view]")) b.classList.toggle("active", b.dataset.view === view);
    for (const panel of document.querySelectorAll("[data-view-panel]")) panel.classList.toggle("hidden", panel.dataset.viewPanel !== view);
    window.dispatchEvent(new CustomEvent("hall:view", { detail: view }));
  }
  for (const b of document.querySelectorAll("#console-tabs [data-view]")) b.addEventListener("click", () => showView(b.dataset.view));
  showView("queue");

  function showViews() {
    $("login-view").classList.toggle("hidden", !!session);
    $("work-view").classList.toggle("hidden", !session);
    $("logout").classList.toggle("hidden", !session);
    $("who").textContent = session ? session.displayName + "（" + session.roles.map((r) => Hall.roleLabels[r] || r).join("、") + "）" : "";
    window.dispatchEvent(new CustomEvent("hall:session", { detail: session })); // the case scripts (cases.js …)
  }

  let chosen = null; // the session the window was chosen for
  async function refresh() {
    try {
      if (chosen !== session) { chosen = session; await chooseWindow(); }
      status = await Hall.api("GET", "/api/status");
      render();
    } catch (e) { Hall.showError($("error"), e); }
  }

  function serviceName(id) {
    const q = status && status.services.find((s) => s.service.id === id);
    return q ? q.service.name : id;
  }

  function render() {
    if (!status) return;
    const select = $("window-select");
    if (select.options.length !== status.windows.length) {
      select.replaceChildren(...status.windows.map((w) => Hall.el("option", { value: w.window.number }, w.window.number + "号 " + w.window.name)));
      $("transfer-window").replaceChildren(Hall.el("option", { value: "" }, "（任意窗口）"),
        ...status.windows.map((w) => Hall.el("option", { value: w.window.number }, w.window.number + "号窗口")));
      $("transfer-service").replaceChildren(Hall.el("option", { value: "" }, "（不变）"),
        ...status.services.map((q) => Hall.el("option", { value: q.service.id }, q.service.name)));
    }
    if (!windowNumber || !status.windows.some((w) => w.window.number === windowNumber)) windowNumber = status.windows[0].window.number;
    select.value = String(windowNumber);
    const w = status.windows.find((x) => x.window.number === windowNumber);
    $("window-state").textContent = w.window.isPaused ? "已暂停" : "服务中";
    $("pause").classList.toggle("hidden", w.window.isPaused);
    $("unpause").classList.toggle("hidden", !w.window.isPaused);
    const t = w.current;
    $("current-number").textContent = t ? t.number : "—";
    $("current-detail").textContent = t ? serviceName(t.serviceID) + " · " + Hall.stateLabels[t.state] + (t.recalls ? " · 已重呼 " + t.recalls + " 次" : "")
      : (w.window.isPaused ? "窗口已暂停" : "空闲，可呼叫下一位");
    const called = t && t.state === "called", serving = t && t.state === "serving";
    $("call-next").disabled = !!t || w.window.isPaused;
    $("recall").disabled = !called;
    $("skip").disabled = !called;
    $("start").disabled = !called;
    $("finish").disabled = !serving;
    $("hold").disabled = !serving;
    $("transfer").disabled = !t;
    $("held").replaceChildren(...(w.held.length ? w.held.map((h) => Hall.el("li", {}, h.number + " " + serviceName(h.serviceID),
      Hall.el("button", { type: "button", class: "secondary", "data-resume": h.number, disabled: t ? true : null,
        onclick: () => act("resume", { ticket: h.number }) }, "恢复办理"))) : [Hall.el("li", { class: "muted" }, "暂无")]));
    const mine = status.services.filter((q) => w.window.serviceIDs.includes(q.service.id));
    $("waiting").replaceChildren(...mine.map((q) => Hall.el("tr", {}, Hall.el("td", {}, q.service.name),
      Hall.el("td", { "data-waiting": q.service.id }, q.waiting), Hall.el("td", {}, q.estimatedWaitMinutes > 0 ? "约 " + q.estimatedWaitMinutes + " 分钟" : "无需等候"))));
    window.dispatchEvent(new CustomEvent("hall:window", { detail: { window: windowNumber, ticket: t || null } })); // case-open.js
  }

  async function act(action, body) {
    Hall.showError($("error"), null);
    try {
      await Hall.api("POST", "/api/windows/" + windowNumber + "/" + action, body);
      await refresh();
    } catch (e) {
      Hall.showError($("error"), e);
      if (e.status === 401) { session = null; showViews(); }
    }
  }

  async function reprint(event) {
    event.preventDefault();
    const number = $("reprint-number").value.trim().toUpperCase();
    if (!number) return;
    Hall.showError($("error"), null);
    try {
      const report = await Hall.api("POST", "/api/tickets/" + encodeURIComponent(number) + "/reprint");
      $("reprint-result").textContent = report.message;
      loadDevices();
    } catch (e) {
      Hall.showError($("error"), e);
    }
  }
  $("reprint-form").addEventListener("submit", reprint);

  // /healthz names devices for machines (led-window-3, `responding`, tty paths): the clerk reads
  // what each is and whether it works, in Chinese.
  function deviceName(name) {
    const fixed = { "ticket-printer": "取号打印机", "led-bus": "窗口LED屏线路", calendar: "工作日历", disk: "存储空间", "public-url": "号票二维码地址" };
    if (fixed[name]) return fixed[name];
    const m = /^(led|scanner)-window-(\d+)$/.exec(name);
    if (m) return m[2] + "号窗口" + (m[1] === "led" ? "LED屏" : "高拍仪");
    return "其他设备";
  }
  function deviceState(d) {
    const words = { responding: "正常", unconfirmed: "正常（已发送）", not_responding: "无响应，请检查电源和连线", unknown: "等待首次显示",
      disconnected: "未连接" };
    if (words[d.condition]) return words[d.condition];
    // A condition written for people is in Chinese; anything else (a device path, a code) is not shown.
    if (d.condition && /[\u4e00-\u9fff]/.test(d.condition)) return d.condition;
    return d.ok ? "正常" : "故障，请联系管理员";
  }

  async function loadDevices() {
    try {
      const response = await fetch("/healthz");
      const health = await response.json();
      const list = health.devices || [];
      $("devices").replaceChildren(Hall.el("li", { "data-device": "database" }, "数据库：",
        Hall.el("b", { class: health.database === "ok" ? "ok" : "bad" }, health.database === "ok" ? "正常" : "异常")),
        ...(list.length ? list.map((d) => Hall.el("li", { "data-device": d.name }, deviceName(d.name) + "：",
          Hall.el("b", { class: d.ok ? "ok" : "bad" }, deviceState(d))))
          : [Hall.el("li", { class: "muted" }, "未接入外部设备")]));
      $("devices-updated").textContent = "更新于 " + Hall.clock(new Date(), true);
    } catch (e) { $("devices-updated").textContent = "设备状态读取失败"; }
  }

  for (const action of ["call-next", "recall", "skip", "start", "finish", "hold", "pause", "unpause"]) {
    $(action).addEventListener("click", () => act(action));
  }
  $("transfer").addEventListener("click", () => {
    const body = {};
    if ($("transfer-service").value) body.service = $("transfer-service").value;
    if ($("transfer-window").value) body.window = Number($("transfer-window").value);
    act("transfer", body);
  });
  $("window-select").addEventListener("change", () => {
    windowNumber = Number($("window-select").value);
    try { localStorage.setItem(windowKey(), String(windowNumber)); } catch (_) { /* private mode */ }
    render();
  });
  $("logout").addEventListener("click", async () => { await Hall.signOut(); session = null; showViews(); });
  Hall.wireLogin($("login-form"), $("login-error"), (s) => {
    session = s; showViews(); refresh();
    if (session.roles.includes("head")) Hall.showHallWarnings($("hall-warnings"));
  });

  Hall.events((e) => { refresh(); window.dispatchEvent(new CustomEvent("hall:event", { detail: e })); }, (up) => {
    Hall.showLive($("live"), up);
    if (up) refresh();
  });
  (async () => {
    session = await Hall.whoAmI().catch(() => null);
    if (session && session.isDevice) session = null;
    showViews();
    if (session) refresh();
    if (session && session.roles.includes("head")) Hall.showHallWarnings($("hall-warnings"));
  })();
  loadDevices();
  setInterval(loadDevices, 30000);
})();
