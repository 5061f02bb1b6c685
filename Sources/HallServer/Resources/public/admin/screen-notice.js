// The hall screen's scrolling notice on the admin page (设备 tab): read it, change it, clear it.
// The server checks the role (the center head or the administrator).
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  if (!$("screen-notice-form")) return;

  function show(notice) {
    $("screen-notice-text").value = notice.text || "";
    $("screen-notice-state").textContent = notice.text
      ? "叫号屏正在滚动显示此通知" + (notice.updatedAt ? "（" + Hall.time(notice.updatedAt) + " 设置）" : "") + "。"
      : "当前没有滚动通知。";
  }

  async function load() { show(await Hall.api("GET", "/api/screen/notice")); }

  $("screen-notice-form").addEventListener("submit", (event) => {
    event.preventDefault();
    HallAdmin.run(async () => show(await Hall.api("PUT", "/api/screen/notice", { text: $("screen-notice-text").value })));
  });
  HallAdmin.onTab("devices", load);
})();
