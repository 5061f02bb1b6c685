// Hall TV screen: current call per window, recent calls, waiting counts, clock, spoken calls.
// Plain JS, no framework, no external resources. Shows ticket numbers, service and window names
// only: no personal data ever reaches this page (events carry none; `actor` is ignored).
"use strict";

(function () {
  // A screen opened with ?device-token=… (as kiosks are) keeps it and takes it out of the address bar;
  // the screen reads only public data, so the token is kept for the record, never shown.
  Hall.deviceToken("hall.screen.deviceToken");
  const params = new URLSearchParams(location.search);
  const config = {
    statusURL: "/api/status",
    // Recent calls and the tickets called next, from the server: a reloaded screen shows them again.
    callsURL: "/api/calls",
    // The head's scrolling notice (admin page); read again every minute and on each reconnect.
    noticeURL: "/api/screen/notice",
    eventsPath: "/ws/events",
    // The daemon speaks the call with its own phrase template and repeat count (hardware.voice).
    voiceURL: "/api/voice",
    recentCount: 8,
    reconnectMaxMilliseconds: 10000,
    muted: params.get("mute") === "1",
  };

  const state = {
    services: new Map(), // id -> {name, prefix, waiting, estimatedWaitMinutes, openWindows}
    windows: new Map(), // number -> {name, ticket, state (called|serving), recalls, paused, freshUntil}
    recent: [], // [{number, window, state, recalls}], newest first
    next: [], // [{number, serviceID}]
    online: false,
    connections: 0, // WebSocket connections opened so far (reconnects included)
    voice: [], // announcements: {url, number, window, recall, started, ended}, oldest first (last 50)
  };
  const listeners = [];

  const $ = (id) => document.getElementById(id);

  // ---- Clock ---------------------------------------------------------------------------------
  const weekdays = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];
  function tick() {
    const now = new Date();
    const [y, m, d] = Hall.day(now).split("-");
    $("date").textContent = `${y}年${m}月${d}日`;
    // Noon of the hall's day, read in UTC, has the hall's weekday whatever the browser's zone.
    $("weekday").textContent = weekdays[new Date(`${y}-${m}-${d}T12:00:00Z`).getUTCDay()];
    $("time").textContent = Hall.clock(now, true);
  }

  // ---- Rendering (textContent only: nothing from the server is parsed as HTML) ---------------
  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text instanceof Node) e.append(text);
    else if (text !== undefined) e.textContent = text;
    return e;
  }

  // A window's card: its number as large as the ticket's, the ticket, and a state label (called,
  // recalled, serving) that differs in colour as well as in words.
  function windowClass(w) {
    if (!w.ticket) return w.paused ? "paused" : "idle";
    if (w.state === "serving") return "serving";
    return w.recalls > 0 ? "recalled" : "called";
  }
  const stateWords = { called: "请到窗口", recalled: "重呼", serving: "办理中" };

  function renderWindows() {
    const list = $("windows");
    list.replaceChildren();
    const now = Date.now();
    [...state.windows.entries()].sort((a, b) => a[0] - b[0]).forEach(([number, w]) => {
      const kind = windowClass(w);
      const li = el("li", kind);
      li.dataset.window = String(number);
      if (w.freshUntil && w.freshUntil > now) li.classList.add("fresh");
      const name = el("span", "window-name");
      name.append(...HallLanguages.around("page.screen.window", { window: number },
        [el("b", "window-number", String(number)), el("span", "", "号窗口")]));
      const what = el("span", "window-what");
      what.append(el("span", "window-ticket", w.ticket || (w.paused ? "暂停服务" : "—")));
      if (w.ticket) what.append(el("span", "window-state", stateWords[kind]));
      li.append(name, what);
      list.append(li);
    });
    fitWindows();
  }

  /** A hall with many windows: the cards (two columns in a bilingual hall past five windows) take
   *  smaller type, step by step, until none is clipped and the list ends above the main area's
   *  bottom; never below 45% of the full size. */
  function fitWindows() {
    const list = $("windows");
    list.classList.toggle("many", HallLanguages.bilingual && list.children.length > 5);
    list.style.removeProperty("--window-scale");
    const main = list.closest("main");
    if (!list.children.length || !main) return;
    const spills = () => list.getBoundingClientRect().bottom > main.getBoundingClientRect().bottom + 1
      || [...list.children].some((li) => li.scrollWidth > li.clientWidth + 1);
    for (let scale = 1; spills() && scale > 0.45;) {
      scale = Math.max(0.45, scale * 0.96);
      list.style.setProperty("--window-scale", String(scale));
    }
  }
  window.addEventListener("resize", fitWindows);
  if (document.fonts) document.fonts.ready.then(fitWindows);

  /** A bilingual hall's side column (next up, the legend of services): its type is lowered step by
   *  step until the legend ends above the main area's content bottom; never below 60% of the full size. */
  function fitSide() {
    const side = document.querySelector(".side"), legend = $("legend"), main = legend && legend.closest("main");
    if (!side || !main || !HallLanguages.bilingual) return;
    side.style.removeProperty("--side-scale");
    const bottom = () => main.getBoundingClientRect().bottom - parseFloat(getComputedStyle(main).paddingBottom);
    const spills = () => legend.getBoundingClientRect().bottom > bottom() + 1;
    for (let scale = 1; spills() && scale > 0.6;) {
      scale = Math.max(0.6, scale * 0.95);
      side.style.setProperty("--side-scale", String(scale));
    }
  }
  /** After languages.js has set the new text in both scripts (it stacks a group too wide). */
  function fitSideSoon() {
    requestAnimationFrame(() => requestAnimationFrame(fitSide));
  }
  window.addEventListener("resize", fitSide);
  if (document.fonts) document.fonts.ready.then(fitSide);

  const recentWords = { called: "已呼叫", serving: "办理中", held: "暂挂", done: "已办结", no_show: "过号", left: "已离开" };
  function renderRecent() {
    const list = $("recent");
    list.replaceChildren();
    state.recent.forEach((c) => {
      const li = el("li", c.state === "called" && c.recalls > 0 ? "recalled" : c.state || "called");
      li.append(el("span", "recent-number", c.number));
      li.append(el("span", "recent-window", HallLanguages.say("page.screen.window", { window: c.window }, "{window}号窗口")));
      li.append(el("span", "recent-state", c.state === "called" && c.recalls > 0 ? "重呼" : recentWords[c.state] || "已呼叫"));
      list.append(li);
    });
  }

  function renderNext() {
    const list = $("next-up");
    list.replaceChildren(...(state.next.length ? state.next.map((t) => el("li", "", t.number)) : [el("li", "none", "暂无等候")]));
    fitSideSoon();
  }

  // One row per service: letter (the legend), name, waiting, the estimate for a ticket taken now.
  function renderWaiting() {
    const body = $("waiting");
    body.replaceChildren();
    state.services.forEach((s, id) => {
      const tr = el("tr");
      tr.dataset.service = id;
      const letter = el("td", "letter");
      letter.append(el("b", "", s.prefix));
      tr.append(letter);
      tr.append(el("td", "service-name", HallLanguages.service(id, s.name)));
      tr.append(el("td", "count", `${s.waiting}人`));
      // The wait of a ticket taken now (GET /api/status), not of the tickets already waiting.
      tr.append(el("td", "estimate", s.estimatedWaitMinutes > 0 ? `取号约${s.estimatedWaitMinutes}分钟` : "无需等候"));
      body.append(tr);
    });
    fitSideSoon();
  }

  /** Shows the latest call; `quiet` (restored after a reload) does not flash. */
  function showLatest(number, window, quiet) {
    const latest = $("latest-call");
    const word = (text) => el("span", "word", text);
    const ticket = el("b", "", number);
    ticket.id = "latest-number";
    const place = el("b", "", String(window));
    place.id = "latest-window";
    latest.replaceChildren(...HallLanguages.around("page.screen.call", { number, window },
      [word("请 "), ticket, word(" 号到 "), place, word(" 号窗口")]));
    // The banner grows with a long Mongolian call (screen.css): the cards and the side column below fit again.
    if (HallLanguages.bilingual) { fitWindows(); fitSideSoon(); }
    latest.classList.remove("flash");
    if (quiet) return;
    void latest.offsetWidth; // restart the animation
    latest.classList.add("flash");
  }

  // ---- Initial state: GET /api/status (HallCore HallStatus) ----------------------------------
  function applyStatus(status) {
    state.services.clear();
    (status.services || []).forEach((q) => {
      state.services.set(q.service.id, {
        name: q.service.name,
        prefix: q.service.prefix,
        waiting: q.waiting,
        openWindows: q.openWindows,
        estimatedWaitMinutes: q.estimatedWaitMinutes,
      });
    });
    const previous = state.windows;
    state.windows = new Map();
    (status.windows || []).forEach((w) => {
      const current = w.current && ["called", "serving"].includes(w.current.state) ? w.current : null;
      const old = previous.get(w.window.number);
      state.windows.set(w.window.number, {
        name: w.window.name,
        ticket: current ? current.number : null,
        state: current ? current.state : null,
        recalls: current ? current.recalls : 0,
        paused: !!w.window.isPaused,
        freshUntil: old ? old.freshUntil : 0,
      });
    });
    renderWindows();
    renderWaiting();
  }

  function applyCalls(board) {
    state.recent = (board.recent || []).slice(0, config.recentCount)
      .map((c) => ({ number: c.number, window: c.window, state: c.state, recalls: c.recalls }));
    state.next = (board.next || []).slice(0, 12);
    renderRecent();
    renderNext();
    const latest = state.recent[0];
    if (latest && $("latest-call").textContent === "—") showLatest(latest.number, latest.window, true);
  }

  async function fetchJSON(url) {
    const response = await fetch(url, { cache: "no-store" });
    return response.ok ? response.json() : null;
  }

  let statusTimer = null;
  async function loadStatus() {
    try {
      const [status, board] = await Promise.all([fetchJSON(config.statusURL), fetchJSON(config.callsURL)]);
      if (status) applyStatus(status);
      if (board) applyCalls(board);
    } catch (_) {
      // The WebSocket reconnect loop reports the outage; the next refresh tries again.
    }
  }

  async function loadNotice() {
    try {
      const notice = await fetchJSON(config.noticeURL);
      const text = notice && notice.text ? notice.text : "";
      $("scroll-notice-text").textContent = text;
      $("scroll-notice").hidden = !text;
    } catch (_) { /* shown again at the next try */ }
  }
  // Counts change with every issue/finish: refresh at most once a second after events.
  function scheduleStatus() {
    if (statusTimer) return;
    statusTimer = setTimeout(() => {
      statusTimer = null;
      loadStatus();
    }, 1000);
  }

  // ---- Events: WebSocket /ws/events (HallCore HallEvent) -------------------------------------
  function windowOf(event) {
    if (typeof event.window === "number") return event.window;
    return event.ticket && typeof event.ticket.windowNumber === "number" ? event.ticket.windowNumber : null;
  }

  function handleEvent(event) {
    if (!event || typeof event.type !== "string") return;
    listeners.forEach((listener) => {
      try { listener(event, state); } catch (error) { console.error(error); }
    });
    const ticket = event.ticket || null;
    const window = windowOf(event);
    switch (event.type) {
      case "ticket.called":
      case "ticket.recalled": {
        if (!ticket || window === null) break;
        const w = state.windows.get(window) || { name: `${window}号窗口`, paused: false };
        w.ticket = ticket.number;
        w.state = "called";
        w.recalls = ticket.recalls || (event.type === "ticket.recalled" ? 1 : 0);
        w.freshUntil = Date.now() + 8000;
        state.windows.set(window, w);
        state.recent = [{ number: ticket.number, window, state: "called", recalls: w.recalls }]
          .concat(state.recent.filter((c) => !(c.number === ticket.number && c.window === window)))
          .slice(0, config.recentCount);
        showLatest(ticket.number, window);
        renderWindows();
        renderRecent();
        speak(ticket.number, window, event.type === "ticket.recalled");
        setTimeout(renderWindows, 8100);
        break;
      }
      case "ticket.serving": {
        const w = window !== null ? state.windows.get(window) : null;
        if (w && ticket && w.ticket === ticket.number) {
          w.state = "serving";
          renderWindows();
        }
        break;
      }
      case "ticket.finished":
      case "ticket.no_show":
      case "ticket.left":
      case "ticket.transferred":
      case "ticket.held": {
        const w = window !== null ? state.windows.get(window) : null;
        if (w && ticket && w.ticket === ticket.number) {
          w.ticket = null;
          renderWindows();
        }
        break;
      }
      case "screen.notice":
        loadNotice();
        break;
      case "window.paused":
      case "window.resumed": {
        const w = window !== null ? state.windows.get(window) : null;
        if (w) {
          w.paused = event.type === "window.paused";
          renderWindows();
        }
        break;
      }
    }
    scheduleStatus();
  }

  let socket = null;
  let attempt = 0;
  function setOnline(online) {
    state.online = online;
    const c = $("connection");
    c.className = `connection ${online ? "online" : "offline"}`;
    c.textContent = online ? "已连接" : "连接中断，正在重连…";
  }

  function connect() {
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    socket = new WebSocket(`${scheme}//${location.host}${config.eventsPath}`);
    socket.onopen = () => {
      attempt = 0;
      state.connections += 1;
      setOnline(true);
      loadStatus(); // catch up on whatever happened while disconnected
      loadNotice();
    };
    socket.onmessage = (message) => {
      let data;
      try {
        data = JSON.parse(message.data);
      } catch (_) {
        return;
      }
      (Array.isArray(data) ? data : [data]).forEach(handleEvent);
    };
    socket.onclose = () => {
      setOnline(false);
      // Exponential backoff with jitter: 1 s, 2 s, 4 s … capped, so the hall screen is back soon
      // after the daemon restarts.
      const delay = Math.min(config.reconnectMaxMilliseconds, 1000 * 2 ** attempt) * (0.75 + Math.random() * 0.5);
      attempt = Math.min(attempt + 1, 5);
      setTimeout(connect, delay);
    };
    socket.onerror = () => socket.close();
  }

  // ---- Voice: one announcement at a time -------------------------------------------------------
  const voiceQueue = [];
  let current = null;
  const player = new Audio();
  player.addEventListener("ended", finished);
  player.addEventListener("error", finished);

  function speak(number, window, recall) {
    if (config.muted) return;
    const query = new URLSearchParams({ number, window: String(window) });
    if (recall) query.set("recall", "1");
    voiceQueue.push({ url: `${config.voiceURL}?${query}`, number, window, recall, started: null, ended: null });
    if (voiceQueue.length > 10) voiceQueue.shift(); // never fall minutes behind the hall
    if (!current) playNext();
  }

  function finished() {
    if (current) current.ended = Date.now();
    current = null;
    playNext();
  }

  function playNext() {
    const next = voiceQueue.shift();
    if (!next) return;
    current = next;
    player.src = next.url;
    player.play().then(() => {
      next.started = Date.now();
      state.voice = state.voice.concat([next]).slice(-50);
    }).catch(() => {
      // Autoplay blocked until someone touches the screen once (or the kiosk browser allows it).
      if (current === next) current = null;
      voiceQueue.unshift(next);
      $("enable-sound").hidden = false;
    });
  }

  $("enable-sound").addEventListener("click", () => {
    $("enable-sound").hidden = true;
    if (!current) playNext();
  });

  // ---- Hook for further scripts (e.g. closing-time notices) ------------------------------------
  // window.hallScreen.state: what the page shows; .onEvent(fn): fn(event, state) for every event
  // from /ws/events; .notices: an empty area (hidden until used) for extra notices.
  window.hallScreen = Object.freeze({
    state,
    config,
    notices: $("notices"),
    onEvent(listener) { listeners.push(listener); },
    refresh: loadStatus,
  });

  // ---- Start ----------------------------------------------------------------------------------
  tick();
  setInterval(tick, 1000);
  setInterval(loadNotice, 60000);
  loadStatus();
  loadNotice();
  connect();
})();
