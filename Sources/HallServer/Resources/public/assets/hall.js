// Shared helpers of the hall's pages: JSON API calls with the API's Chinese error messages,
// sign-in, the live event stream with reconnect. No framework, no external CDN.
"use strict";
const Hall = (() => {
  class ApiError extends Error {
    constructor(status, code, message, values) { super(message); this.status = status; this.code = code; this.values = values || {}; }
  }

  /** Calls the API. `token` (a device token) goes in the Authorization header; staff pages use
   *  the HttpOnly session cookie. Errors throw ApiError with the server's Chinese message. */
  async function api(method, path, body, token) {
    const headers = {};
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (token) headers["Authorization"] = "Bearer " + token;
    let response;
    try {
      response = await fetch(path, { method, headers, credentials: "same-origin",
        body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (e) {
      throw new ApiError(0, "unreachable", "无法连接服务器，请检查网络。");
    }
    if (response.status === 204) return null;
    const text = await response.text();
    let data = null;
    try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
    if (!response.ok) {
      throw new ApiError(response.status, data && data.error || "http_" + response.status,
        data && data.message || ("请求失败（HTTP " + response.status + "）"), data && data.values);
    }
    return data;
  }

  /** Shows an error (or clears it with null) in the element. */
  function showError(element, error) {
    if (!element) return;
    if (!error) { element.textContent = ""; element.classList.add("hidden"); return; }
    // In a bilingual hall a resident's page says it in every language (languages.js).
    if (window.HallLanguages && HallLanguages.bilingual) element.replaceChildren(HallLanguages.failure(error));
    else element.textContent = error.message || String(error);
    element.classList.remove("hidden");
  }

  /** Who is signed in (null when nobody). */
  async function whoAmI() {
    try { return await api("GET", "/api/session"); } catch (e) { if (e.status === 401) return null; throw e; }
  }

  /** Wires a sign-in form: on success calls `onSignedIn(session)`. The button says 正在登录…
   *  and is disabled the moment it is pressed (no double submit), until the answer comes. */
  function wireLogin(form, errorBox, onSignedIn) {
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      showError(errorBox, null);
      const username = form.querySelector("[name=username]").value.trim();
      const password = form.querySelector("[name=password]").value;
      const button = form.querySelector("button[type=submit], button:not([type])");
      const label = button ? button.textContent : "";
      if (button) { button.disabled = true; button.textContent = "正在登录…"; }
      form.setAttribute("aria-busy", "true");
      try {
        const session = await api("POST", "/api/session", { username, password });
        form.querySelector("[name=password]").value = "";
        onSignedIn(session);
      } catch (e) { showError(errorBox, e); } finally {
        if (button) { button.disabled = false; button.textContent = label; }
        form.removeAttribute("aria-busy");
      }
    });
  }

  let staffNameMap = null;
  /** What staff are called (GET /api/staff/names, signed-in pages): loaded once per page, retried after a failure. */
  async function staffNames() {
    if (!staffNameMap) staffNameMap = await api("GET", "/api/staff/names").catch(() => null);
    return staffNameMap || {};
  }
  /** A person named by display name once `staffNames()` has loaded; the user name until then. */
  function personName(username) {
    return (username && staffNameMap && staffNameMap[username]) || username || "";
  }

  async function signOut() {
    try { await api("DELETE", "/api/session"); } catch (e) { /* already signed out */ }
  }

  /** Subscribes to /ws/events; reconnects with a growing delay. `onState(true|false)` tells
   *  whether the stream is connected (pages resynchronise from /api/status on reconnect). */
  function events(onEvent, onState) {
    let delay = 500;
    function connect() {
      const ws = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/ws/events");
      ws.onopen = () => { delay = 500; onState && onState(true); };
      ws.onmessage = (m) => { try { onEvent(JSON.parse(m.data)); } catch (e) { /* ignore malformed */ } };
      ws.onclose = () => { onState && onState(false); setTimeout(connect, delay); delay = Math.min(delay * 2, 10000); };
      ws.onerror = () => ws.close();
    }
    connect();
  }

  /** Shows the event stream's state in a page's `live` pill. */
  function showLive(pill, up) {
    pill.textContent = up ? "实时连接" : "重新连接中…";
    pill.className = "pill " + (up ? "ok" : "bad");
  }

  /** A device page's first-run form. Six digits are a pairing code from the admin page: they are
   *  exchanged for the device's token (POST /api/pairing, as a device of `kind`); anything longer is
   *  a token from the configuration file, kept as it is. The token is kept under `storageKey` and
   *  handed to `onSaved`; a refused code shows the API's message in `errorBox`. */
  function wireDeviceSetup(form, input, storageKey, onSaved, kind, errorBox) {
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      showError(errorBox, null);
      let value = input.value.trim();
      if (!value) return;
      if (/^[0-9][0-9 -]*$/.test(value) && value.replace(/[ -]/g, "").length === 6) {
        try {
          value = (await api("POST", "/api/pairing", { code: value, kind })).token;
        } catch (e) { showError(errorBox, e); return; }
      }
      try { localStorage.setItem(storageKey, value); } catch (_) { /* private mode: this page only */ }
      input.value = "";
      onSaved(value);
    });
  }

  /** Tells halld every minute that a device page is alive (its last contact on the admin page), and
   *  calls `onRevoked` when its token is refused (revoked on the admin page). */
  function deviceHeartbeat(currentToken, onRevoked) {
    async function beat() {
      const token = currentToken();
      if (!token) return;
      try { await api("GET", "/api/session", undefined, token); } catch (e) { if (e.status === 401) onRevoked(e); }
    }
    setInterval(beat, 60000);
    beat();
  }

  const stateLabels = { waiting: "等候中", called: "已呼叫", serving: "办理中", held: "暂挂", done: "已办结",
    no_show: "过号", left: "已离开" };
  const roleLabels = { clerk: "窗口工作人员", reviewer: "部门审核人员", head: "中心负责人", admin: "系统管理员",
    kiosk: "取号机", screen: "叫号屏", rating_pad: "评价器" };

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes || {})) {
      if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else if (value !== undefined && value !== null && value !== false) node.setAttribute(key, value === true ? "" : value);
    }
    for (const child of children.flat()) node.append(child instanceof Node ? child : String(child));
    return node;
  }

  // The hall's time zone, as halld is configured (/assets/hall-config.js); the browser's own when absent.
  const timeZone = (window.HallConfig && window.HallConfig.timeZone) || undefined;

  /** Date and time of an ISO instant in the hall's time zone, e.g. 2026/12/2 09:30:00. */
  function time(iso) {
    if (!iso) return "-";
    return new Date(iso).toLocaleString("zh-CN", { hour12: false, timeZone });
  }

  /** The hall's wall-clock time of an instant (ISO text or Date): 09:30, or 09:30:05 with `seconds`. */
  function clock(when, seconds) {
    return new Date(when).toLocaleTimeString("zh-CN", { hour: "2-digit", minute: "2-digit",
      second: seconds ? "2-digit" : undefined, hour12: false, timeZone });
  }

  /** The hall's local day of an instant (default now) as yyyy-MM-dd. */
  function day(when) {
    return new Date(when || Date.now()).toLocaleDateString("sv-SE", { timeZone });
  }

  /** The configured center's name (/assets/hall-config.js) wherever a page names the center
   *  (`data-center` elements and the title say 便民服务中心 until then). */
  const centerName = (window.HallConfig && window.HallConfig.center) || "便民服务中心";
  for (const node of document.querySelectorAll("[data-center]")) node.textContent = node.textContent.replace("便民服务中心", centerName);
  document.title = document.title.replace("便民服务中心", centerName);

  /** Shows in `container` what /healthz says needs the head's or the administrator's hand (next
   *  year's official calendar not imported yet); hides it otherwise. */
  /** The hall-wide warnings of /healthz (next year's calendar, a public URL phones cannot reach) in
   *  `container`; with `urlLine`, also the address that tickets' QR codes carry. */
  async function showHallWarnings(container, urlLine) {
    try {
      const health = await api("GET", "/healthz");
      const warnings = (health.devices || []).filter((d) => (d.name === "calendar" || d.name === "public-url") && !d.ok).map((d) => d.condition);
      container.textContent = warnings.join(" ");
      container.classList.toggle("hidden", warnings.length === 0);
      if (urlLine && health.publicURL) urlLine.textContent = "票据二维码地址：" + health.publicURL;
    } catch (_) {
      container.classList.add("hidden");
    }
  }

  /** A device page's bearer token (kiosk, rating pad, hall screen): a `?device-token=…` in the
   *  address is kept in localStorage under `storageKey` and taken out of the address bar (other
   *  parameters stay). Returns the kept token, or null when there is none. */
  function deviceToken(storageKey) {
    const params = new URLSearchParams(location.search);
    const given = params.get("device-token");
    if (given) {
      try { localStorage.setItem(storageKey, given); } catch (_) { /* private mode: this page only */ }
      params.delete("device-token");
      history.replaceState(null, "", location.pathname + (params.toString() ? "?" + params : ""));
    }
    try { return localStorage.getItem(storageKey) || given || null; } catch (_) { return given || null; }
  }

  return { api, ApiError, showError, whoAmI, wireLogin, signOut, staffNames, personName, events, stateLabels, roleLabels, el, time, centerName, clock, day, timeZone, deviceToken, showLive, wireDeviceSetup, deviceHeartbeat,
    showHallWarnings };
})();
