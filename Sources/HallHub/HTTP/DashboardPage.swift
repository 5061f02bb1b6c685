import Hummingbird

/// The banner dashboard's page, script and style, served by the hub itself (no CDN, no external
/// asset): sign-in, the day's table of every hall, and the monthly comparison with its CSV and charts.
enum DashboardPage {
    static func response(_ text: String, type: String) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: type, .cacheControl: "no-store",
                .contentSecurityPolicy: "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'",
                .xContentTypeOptions: "nosniff",
            ],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static let html = """
        <!doctype html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>全旗政务服务大厅总览</title>
        <link rel="stylesheet" href="/dashboard.css">
        </head>
        <body>
        <header><h1>全旗政务服务大厅总览</h1><span id="who"></span><button id="signout" hidden>退出</button></header>
        <main>
        <form id="signin" hidden>
          <h2>旗级账号登录</h2>
          <label>用户名 <input name="username" autocomplete="username" required></label>
          <label>密码 <input name="password" type="password" autocomplete="current-password" required></label>
          <button type="submit">登录</button>
          <p id="signin-error" class="error" role="alert"></p>
        </form>
        <section id="board" hidden>
          <div class="bar"><h2>当日概况</h2><label>日期 <input id="day" type="date"></label><span id="updated"></span></div>
          <table id="today">
            <thead><tr>
              <th>大厅</th><th>最近数据</th><th>开放 / 配置窗口</th><th>等候（按事项）</th><th>最长等候</th>
              <th>今日取号</th><th>差评</th><th>未结回访</th><th>超期办件</th><th>临期办件</th><th>目录 / 日历</th>
            </tr></thead>
            <tbody></tbody>
          </table>
          <div class="bar"><h2>月度对比</h2><label>月份 <input id="month" type="month"></label>
            <a id="csv" href="#" download>导出 CSV</a></div>
          <table id="monthly">
            <thead><tr>
              <th>大厅</th><th>取号数</th><th>等候 P90</th><th>评价数</th><th>满意率</th><th>预约服务（分钟）</th><th>延时服务（分钟）</th>
            </tr></thead>
            <tbody></tbody>
          </table>
          <div id="charts"></div>
        </section>
        </main>
        <script src="/dashboard.js"></script>
        </body>
        </html>
        """

    static let style = """
        * { box-sizing: border-box; }
        [hidden] { display: none !important; }
        body { margin: 0; font-family: "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; color: #1d2733; background: #f3f5f8; }
        header { display: flex; align-items: center; gap: 16px; padding: 10px 20px; background: #1b4f8a; color: #fff; }
        header h1 { font-size: 20px; margin: 0; flex: 1; }
        main { padding: 12px 20px; max-width: 100%; }
        .bar { display: flex; align-items: center; gap: 16px; flex-wrap: wrap; }
        h2 { font-size: 17px; margin: 14px 0 8px; }
        table { width: 100%; table-layout: fixed; border-collapse: collapse; background: #fff; font-size: 14px; }
        th, td { border: 1px solid #d5dbe3; padding: 5px 6px; text-align: left; overflow-wrap: anywhere; }
        th { background: #e8edf4; font-weight: 600; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        .late { color: #b42318; font-weight: 600; }
        .error { color: #b42318; }
        form#signin { max-width: 360px; margin: 40px auto; display: grid; gap: 10px; background: #fff; padding: 20px; }
        input, button { font: inherit; padding: 4px 8px; }
        #charts { display: flex; flex-wrap: wrap; gap: 16px; margin: 14px 0; }
        #charts figure { margin: 0; background: #fff; padding: 8px; flex: 1 1 400px; min-width: 0; }
        #charts svg { width: 100%; height: auto; display: block; }
        #charts figcaption { font-size: 14px; margin-bottom: 4px; }
        """

    static let script = """
        "use strict";
        const $ = (s) => document.querySelector(s);
        const td = (text, cls) => { const c = document.createElement("td"); c.textContent = text; if (cls) c.className = cls; return c; };
        const minutes = (s) => s == null ? "—" : (s < 60 ? s + " 秒" : Math.floor(s / 60) + " 分钟");
        async function api(path, options) {
          const r = await fetch(path, Object.assign({ credentials: "same-origin" }, options || {}));
          if (r.status === 401) { showSignIn(); throw new Error("signed out"); }
          if (!r.ok) { const b = await r.json().catch(() => ({})); throw new Error(b.message || ("HTTP " + r.status)); }
          return r.status === 204 ? null : r.json();
        }
        function showSignIn() { $("#signin").hidden = false; $("#board").hidden = true; $("#signout").hidden = true; $("#who").textContent = ""; }
        function fresh(h) {
          if (!h.lastBatchAt) return ["未接入数据", "late"];
          const lag = h.lagSeconds || 0;
          return ["延迟 " + minutes(lag), lag > 3600 ? "late" : ""];
        }
        function versions(v) {
          if (!v || (!v.catalog && !v.calendarYears && !v.refused)) return td("—");
          const text = (v.catalog || "未下发目录") + " / " + (v.calendarYears ? v.calendarYears + " 年" : "未下发日历");
          return v.refused ? td(text + "（拒收 " + v.refused + " 版）", "late") : td(text);
        }
        function windows(h) {
          if (h.windowsConfigured == null) return td(String(h.windowsOpen), "num");
          const cell = td(h.windowsOpen + " / " + h.windowsConfigured, "num");
          cell.title = (h.windows || []).map((w) => w.number + "号 " + w.name + "（" + (w.isOpen ? "开放" : "暂停") + "）").join("；");
          return cell;
        }
        async function loadDay() {
          const day = $("#day").value;
          const data = await api("/api/dashboard" + (day ? "?day=" + encodeURIComponent(day) : ""));
          $("#day").value = data.day;
          const body = $("#today tbody"); body.replaceChildren();
          for (const h of data.halls) {
            const row = document.createElement("tr");
            const [freshText, freshClass] = fresh(h);
            const services = Object.keys(h.waitingByService).sort().map((k) => k + " " + h.waitingByService[k]).join("，");
            row.append(td(h.name), td(freshText, freshClass), windows(h),
              td(h.waiting + (services ? "（" + services + "）" : "")), td(minutes(h.longestWaitSeconds), "num"),
              td(String(h.ticketsIssued), "num"), td(String(h.badRatings), "num" + (h.badRatings ? " late" : "")),
              td(String(h.openFollowUps), "num"), td(String(h.overdueCases), "num" + (h.overdueCases ? " late" : "")),
              td(String(h.dueSoonCases), "num"), versions(h.versions));
            row.dataset.hall = h.hall;
            body.append(row);
          }
          $("#updated").textContent = "更新于 " + new Date().toLocaleTimeString("zh-CN");
        }
        function chart(title, halls, value, unit) {
          const ns = "http://www.w3.org/2000/svg", width = 600, barH = 22, left = 150;
          const svg = document.createElementNS(ns, "svg");
          svg.setAttribute("viewBox", "0 0 " + width + " " + (halls.length * (barH + 6) + 10));
          svg.setAttribute("role", "img");
          const max = Math.max(1, ...halls.map((h) => value(h) || 0));
          halls.forEach((h, i) => {
            const y = 5 + i * (barH + 6), v = value(h) || 0, w = Math.round((width - left - 80) * v / max);
            const label = document.createElementNS(ns, "text");
            label.setAttribute("x", left - 6); label.setAttribute("y", y + 16); label.setAttribute("text-anchor", "end");
            label.setAttribute("font-size", "13"); label.textContent = h.name.length > 10 ? h.name.slice(0, 10) + "…" : h.name;
            const bar = document.createElementNS(ns, "rect");
            bar.setAttribute("x", left); bar.setAttribute("y", y); bar.setAttribute("width", w); bar.setAttribute("height", barH);
            bar.setAttribute("fill", "#3b78c3");
            const text = document.createElementNS(ns, "text");
            text.setAttribute("x", left + w + 6); text.setAttribute("y", y + 16); text.setAttribute("font-size", "13");
            text.textContent = value(h) == null ? "—" : v + unit;
            svg.append(label, bar, text);
          });
          const fig = document.createElement("figure"), cap = document.createElement("figcaption");
          cap.textContent = title; fig.append(cap, svg); return fig;
        }
        async function loadMonth() {
          const month = $("#month").value;
          const data = await api("/api/dashboard/monthly" + (month ? "?month=" + encodeURIComponent(month) : ""));
          $("#month").value = data.month;
          $("#csv").href = "/api/dashboard/monthly.csv?month=" + encodeURIComponent(data.month);
          const body = $("#monthly tbody"); body.replaceChildren();
          for (const h of data.halls) {
            const row = document.createElement("tr");
            row.append(td(h.name), td(String(h.ticketsIssued), "num"),
              td(h.waitingP90Seconds == null ? "—" : minutes(Math.round(h.waitingP90Seconds)), "num"), td(String(h.ratings), "num"),
              td(h.satisfactionRate == null ? "—" : (h.satisfactionRate * 100).toFixed(1) + "%", "num"),
              td(String(h.appointmentMinutes), "num"), td(String(h.extendedMinutes), "num"));
            body.append(row);
          }
          $("#charts").replaceChildren(
            chart("取号数", data.halls, (h) => h.ticketsIssued, ""),
            chart("等候时长 P90（分钟）", data.halls, (h) => h.waitingP90Seconds == null ? null : Math.round(h.waitingP90Seconds / 60), ""),
            chart("满意率（%）", data.halls, (h) => h.satisfactionRate == null ? null : Math.round(h.satisfactionRate * 1000) / 10, "%"));
        }
        async function start() {
          try {
            const me = await api("/api/session");
            $("#who").textContent = me.displayName + "（" + (me.role === "banner-admin" ? "旗管理员" : "旗领导") + "）";
            $("#signin").hidden = true; $("#board").hidden = false; $("#signout").hidden = false;
            await Promise.all([loadDay(), loadMonth()]); // the banner's today and month, unless chosen
            document.body.dataset.ready = "1";
          } catch (e) { if (e.message !== "signed out") $("#updated").textContent = e.message; }
        }
        $("#signin").addEventListener("submit", async (ev) => {
          ev.preventDefault();
          const f = new FormData(ev.target);
          const r = await fetch("/api/session", { method: "POST", headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ username: f.get("username"), password: f.get("password") }) });
          if (r.ok) { $("#signin-error").textContent = ""; ev.target.reset(); start(); }
          else { const b = await r.json().catch(() => ({})); $("#signin-error").textContent = b.message || "登录失败"; }
        });
        $("#signout").addEventListener("click", async () => { await fetch("/api/session", { method: "DELETE" }); showSignIn(); });
        $("#day").addEventListener("change", () => loadDay().catch(() => {}));
        $("#month").addEventListener("change", () => loadMonth().catch(() => {}));
        setInterval(() => { if (!$("#board").hidden) loadDay().catch(() => {}); }, 30000);
        start();
        """
}
