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
    eventsPath: "/ws/events",
    // The daemon speaks the call with its own phrase template and repeat count (hardware.voice).
    voiceURL: "/api/voice",
    recentCount: 8,
    reconnectMaxMilliseconds: 10000,
    muted: params.get("mute") === "1",
  };

  const state = {
    services: new Map(), // id -> {name, prefix, waiting, estimatedWaitMinutes, openWindows}
    windows: new Map(), // number -> {name, ticket, paused, freshUntil}
    recent: [], // [{number, window}]
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
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function renderWindows() {
    const list = $("windows");
    list.replaceChildren();
    const now = Date.now();
    [...state.windows.entries()].sort((a, b) => a[0] - b[0]).forEach(([number, w]) => {
      const li = el("li", w.ticket ? "" : (w.paused ? "paused" : "idle"));
      if (w.freshUntil && w.freshUntil > now) li.classList.add("fresh");
      li.append(el("span", "window-name", `${number}号窗口`));
      li.append(el("span", "window-ticket", w.ticket || (w.paused ? "暂停服务" : "—")));
      list.append(li);
    });
  }

  function renderRecent() {
    const list = $("recent");
    list.replaceChildren();
    state.recent.forEach((c) => {
      const li = el("li");
      li.append(el("span", "recent-number", c.number));
      li.append(el("span", "recent-window", `${c.window}号窗口`));
      list.append(li);
    });
  }

  function renderWaiting() {
    const body = $("waiting");
    body.replaceChildren();
    state.services.forEach((s) => {
      const tr = el("tr");
      tr.append(el("td", "", s.name));
      tr.append(el("td", "count", `${s.waiting}人`));
      tr.append(el("td", "", s.waiting > 0 ? `约${s.estimatedWaitMinutes}分钟` : "—"));
      body.append(tr);
    });
  }

  function showLatest(number, window) {
    const latest = $("latest-call");
    latest.textContent = `请 ${number} 号到 ${window} 号窗口`;
    latest.classList.remove("flash");
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
      const current = w.current && ["called", "serving"].includes(w.current.state) ? w.current.number : null;
      const old = previous.get(w.window.number);
      state.windows.set(w.window.number, {
        name: w.window.name,
        ticket: current,
        paused: !!w.window.isPaused,
        freshUntil: old ? old.freshUntil : 0,
      });
    });
    renderWindows();
    renderWaiting();
  }

  let statusTimer = null;
  async function loadStatus() {
    try {
      const response = await fetch(config.statusURL, { cache: "no-store" });
      if (response.ok) applyStatus(await response.json());
    } catch (_) {
      // The WebSocket reconnect loop reports the outage; the next refresh tries again.
    }
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
        w.freshUntil = Date.now() + 8000;
        state.windows.set(window, w);
        state.recent = [{ number: ticket.number, window }]
          .concat(state.recent.filter((c) => !(c.number === ticket.number && c.window === window)))
          .slice(0, config.recentCount);
        showLatest(ticket.number, window);
        renderWindows();
        renderRecent();
        speak(ticket.number, window, event.type === "ticket.recalled");
        setTimeout(renderWindows, 8100);
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
  loadStatus();
  connect();
})();
