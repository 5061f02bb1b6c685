// Hall TV screen: current call per window, recent calls, waiting counts, clock, spoken calls.
// Plain JS, no framework, no external resources. Shows ticket numbers, service and window names
// only: no personal data ever reaches this page (events carry none; `actor` is ignored).
"use strict";

(function () {
  const params = new URLSearchParams(location.search);
  const config = {
    statusURL: "/api/status",
    eventsPath: "/ws/events",
    voiceURL: "/api/voice",
    recentCount: 8,
    // Must match the daemon's AnnouncementSettings when events carry no voice URL.
    voiceTemplate: "请 {number} 号 到 {window} 号窗口 办理",
    voiceRepeat: Math.min(Math.max(parseInt(params.get("repeat") || "2", 10) || 2, 1), 5),
    muted: params.get("mute") === "1",
  };

  const state = {
    services: new Map(), // id -> {name, prefix, waiting, estimatedWaitMinutes, openWindows}
    windows: new Map(), // number -> {name, ticket, paused, freshUntil}
    recent: [], // [{number, window, at}]
  };

  const $ = (id) => document.getElementById(id);

  // ---- Clock ---------------------------------------------------------------------------------
  const weekdays = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];
  const pad = (n) => String(n).padStart(2, "0");
  function tick() {
    const d = new Date();
    $("date").textContent = `${d.getFullYear()}年${pad(d.getMonth() + 1)}月${pad(d.getDate())}日`;
    $("weekday").textContent = weekdays[d.getDay()];
    $("time").textContent = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
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
        speak(event, ticket.number, window);
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
    const c = $("connection");
    c.className = `connection ${online ? "online" : "offline"}`;
    c.textContent = online ? "已连接" : "连接中断，正在重连…";
  }

  function connect() {
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    socket = new WebSocket(`${scheme}//${location.host}${config.eventsPath}`);
    socket.onopen = () => {
      attempt = 0;
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
      // Exponential backoff with jitter: 1 s, 2 s, 4 s … capped at 30 s.
      const delay = Math.min(30000, 1000 * 2 ** attempt) * (0.75 + Math.random() * 0.5);
      attempt = Math.min(attempt + 1, 5);
      setTimeout(connect, delay);
    };
    socket.onerror = () => socket.close();
  }

  // ---- Voice: one announcement at a time ------------------------------------------------------
  const digitNames = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
  function spokenTicket(number) {
    return [...number].map((c) => (/[0-9]/.test(c) ? digitNames[+c] : /[A-Za-z]/.test(c) ? c.toUpperCase() : ""))
      .filter(Boolean).join(" ");
  }
  function spokenCardinal(n) {
    if (n < 10) return digitNames[n];
    if (n < 20) return "十" + (n === 10 ? "" : digitNames[n - 10]);
    if (n < 100) return digitNames[Math.floor(n / 10)] + "十" + (n % 10 ? digitNames[n % 10] : "");
    return String(n).split("").map((d) => digitNames[+d]).join(" ");
  }
  function spokenText(number, window) {
    const phrase = config.voiceTemplate
      .replace("{number}", spokenTicket(number))
      .replace("{window}", spokenCardinal(window))
      .replace("{service}", "");
    return Array(config.voiceRepeat).fill(phrase + "。").join("");
  }

  const voiceQueue = [];
  let playing = false;
  const player = new Audio();
  player.addEventListener("ended", playNext);
  player.addEventListener("error", playNext);

  function speak(event, number, window) {
    if (config.muted) return;
    const url = (event.data && event.data.voiceURL) ||
      `${config.voiceURL}?text=${encodeURIComponent(spokenText(number, window))}`;
    voiceQueue.push(url);
    if (voiceQueue.length > 10) voiceQueue.shift(); // never fall minutes behind the hall
    if (!playing) playNext();
  }

  function playNext() {
    const url = voiceQueue.shift();
    if (!url) {
      playing = false;
      return;
    }
    playing = true;
    player.src = url;
    player.play().catch(() => {
      // Autoplay blocked until someone touches the screen once (or the kiosk browser allows it).
      playing = false;
      voiceQueue.unshift(url);
      $("enable-sound").hidden = false;
    });
  }

  $("enable-sound").addEventListener("click", () => {
    $("enable-sound").hidden = true;
    playNext();
  });

  // ---- Start ----------------------------------------------------------------------------------
  tick();
  setInterval(tick, 1000);
  loadStatus();
  connect();
})();
