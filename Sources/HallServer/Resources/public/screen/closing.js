// Hall screen: the closing notice (下班前告知) and extended hours (延时服务). From the closing-notice
// lead time on, shows closing time and every waiting ticket's expected wait, as the server computes
// them with the hall's clock (GET /api/extended); during extended hours says that service goes on.
// Ticket numbers and service names only: no personal data. Separate from screen.js on purpose.
"use strict";
(function () {
  const style = document.createElement("style");
  style.textContent = `
    .closing-notice { position: fixed; left: 2vw; right: 2vw; bottom: 7vh; z-index: 20; max-height: 42vh; overflow: hidden;
      background: #fff4d6; color: #3b2500; border: 0.5vh solid #ffd23f; border-radius: 1.2vh; padding: 1.4vh 2vw;
      box-shadow: 0 1vh 3vh rgba(0,0,0,.45); font-size: 2.4vh; }
    .closing-notice[hidden] { display: none; }
    .closing-notice h2 { margin: 0 0 .6vh; font-size: 3.2vh; color: #8a3b00; }
    .closing-notice p { margin: 0 0 1vh; line-height: 1.4; }
    .closing-notice ol { display: flex; flex-wrap: wrap; gap: .8vh 1.6vw; margin: 0; padding: 0; list-style: none; }
    .closing-notice li { background: #ffffff; border: .2vh solid #e0b34a; border-radius: .8vh; padding: .4vh 1vw; font-size: 2.6vh; }
    .closing-notice li b { font-size: 3vh; margin-right: .6vw; }
    .closing-notice li.after { border-color: #c0392b; }
  `;
  document.head.append(style);

  const box = document.createElement("section");
  box.id = "closing-notice";
  box.className = "closing-notice";
  box.setAttribute("aria-live", "polite");
  box.hidden = true;
  const title = document.createElement("h2");
  const message = document.createElement("p");
  const list = document.createElement("ol");
  list.id = "closing-waits";
  box.append(title, message, list);
  document.body.append(box);

  function clock(iso) {
    return Hall.clock(iso);
  }

  function render(status) {
    if (!status || !status.noticeActive) { box.hidden = true; return; }
    const closing = status.today && status.today.sessions.length ? status.today.sessions[status.today.sessions.length - 1].end : "";
    title.textContent = status.phase === "extended" ? "延时服务中" : `今天 ${closing} 下班`;
    message.textContent = status.message || "";
    list.replaceChildren(...status.waiting.map((w) => {
      const li = document.createElement("li");
      li.dataset.ticket = w.number;
      if (w.afterClosing) li.classList.add("after");
      const number = document.createElement("b");
      number.textContent = w.number;
      li.append(number, w.estimatedWaitMinutes > 0
        ? `${w.serviceName} 预计等候约 ${w.estimatedWaitMinutes} 分钟（约 ${clock(w.expectedCallAt)}）`
        : `${w.serviceName} 即将叫号`);
      return li;
    }));
    box.hidden = false;
  }

  let pending = null;
  async function refresh() {
    pending = null;
    try {
      const response = await fetch("/api/extended", { cache: "no-store" });
      if (response.ok) render(await response.json());
    } catch (e) { /* offline: keep what is shown; the next poll retries */ }
  }
  function soon() { if (!pending) pending = setTimeout(refresh, 400); }

  function listen() {
    const ws = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/ws/events");
    ws.onmessage = (m) => {
      try {
        const type = JSON.parse(m.data).type || "";
        if (type.startsWith("hall.") || type.startsWith("ticket.") || type.startsWith("hours.")) soon();
      } catch (e) { /* ignore */ }
    };
    ws.onclose = () => setTimeout(listen, 3000);
    ws.onerror = () => ws.close();
  }

  refresh();
  setInterval(refresh, 15000);
  listen();
})();
