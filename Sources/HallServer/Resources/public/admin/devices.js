// Devices on the admin page (设备): pairing codes for kiosks, hall screens and rating pads, the
// paired devices with their last contact, and revocation. The server checks the role (the center
// head or the administrator); refusals show the API's message.
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const kinds = { kiosk: "取号机", screen: "叫号屏", rating_pad: "评价器" };
  const pages = { kiosk: "/kiosk/", screen: "/screen/", rating_pad: "/pad/" };
  let publicURL = location.origin;

  async function loadWindows() {
    const status = await Hall.api("GET", "/api/status");
    $("pairing-window").replaceChildren(...status.windows.map((w) =>
      Hall.el("option", { value: w.window.number }, w.window.number + "号 " + w.window.name)));
    try { publicURL = (await Hall.api("GET", "/healthz")).publicURL || publicURL; } catch (_) { /* keep this page's origin */ }
  }

  async function loadDevices() {
    const devices = await Hall.api("GET", "/api/paired-devices");
    $("paired-devices").replaceChildren(...devices.map((d) => Hall.el("tr", { "data-device": d.id },
      Hall.el("td", {}, d.name), Hall.el("td", {}, kinds[d.kind] || d.kind), Hall.el("td", {}, d.window ? d.window + "号" : "-"),
      Hall.el("td", { class: "muted" }, d.id), Hall.el("td", {}, Hall.time(d.pairedAt)), Hall.el("td", { "data-last-seen": d.id }, Hall.time(d.lastSeenAt)),
      Hall.el("td", { class: d.revokedAt ? "bad" : "ok" }, d.revokedAt ? "已停用 " + Hall.time(d.revokedAt) : "使用中"),
      Hall.el("td", {}, d.revokedAt ? "" : Hall.el("button", { type: "button", class: "danger", "data-revoke": d.id,
        onclick: () => HallAdmin.run(async () => {
          if (!confirm("确定停用" + (kinds[d.kind] || "") + "“" + d.name + "”？停用后需重新配对。")) return;
          await Hall.api("POST", "/api/paired-devices/" + encodeURIComponent(d.id) + "/revoke");
          await loadDevices();
        }) }, "停用")))));
  }

  $("pairing-kind").addEventListener("change", () => {
    $("pairing-window-box").classList.toggle("hidden", $("pairing-kind").value !== "rating_pad");
  });
  $("pairing-form").addEventListener("submit", (event) => {
    event.preventDefault();
    HallAdmin.run(async () => {
      const kind = $("pairing-kind").value;
      const body = { kind };
      if (kind === "rating_pad") body.window = Number($("pairing-window").value);
      if ($("pairing-name").value.trim()) body.name = $("pairing-name").value.trim();
      const issued = await Hall.api("POST", "/api/pairing-codes", body);
      $("pairing-code").textContent = issued.code;
      $("pairing-detail").textContent = "用于" + issued.name + "：在该设备上打开 " + publicURL + pages[kind] + "，输入此配对码。" +
        Hall.clock(issued.expiresAt) + " 前有效，只能使用一次。";
      $("pairing-result").classList.remove("hidden");
      $("pairing-name").value = "";
    });
  });

  HallAdmin.onTab("devices", async () => { await loadWindows(); await loadDevices(); });
  // While the tab is open, the list follows devices pairing and their last contact.
  setInterval(() => {
    if (!$("tab-devices").classList.contains("hidden") && HallAdmin.session()) loadDevices().catch(() => {});
  }, 10000);
})();
