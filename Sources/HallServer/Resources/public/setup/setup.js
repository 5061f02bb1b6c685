// First-run setup of a fresh hall: the setup code, the center, the address residents' phones use
// (offered from the machine's LAN addresses), the admin password, services and windows. After
// setup halld starts the hall: the page waits for it, then links to the admin page.
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);

  function show(id) {
    for (const section of ["loading", "done-view", "setup-form"]) $(section).classList.toggle("hidden", section !== id);
  }

  function offerAddresses(status) {
    const isLoopback = (url) => /^https?:\/\/(localhost|127\.|\[::1\])/.test(url);
    const offered = [...(status.addresses || [])];
    if (!isLoopback(location.origin) && !offered.includes(location.origin)) offered.unshift(location.origin);
    const select = $("public-url");
    select.replaceChildren(...offered.map((url) => Hall.el("option", { value: url }, url)),
      Hall.el("option", { value: "" }, "其他地址…"));
    const toggle = () => $("public-url-other").classList.toggle("hidden", select.value !== "");
    select.addEventListener("change", toggle);
    toggle();
  }

  function publicURL() {
    return $("public-url").value || $("public-url-other").value.trim();
  }

  async function waitForHall() {
    $("starting").classList.remove("hidden");
    $("admin-link").classList.add("hidden");
    for (let attempt = 0; attempt < 240; attempt++) {
      try {
        const status = await Hall.api("GET", "/api/setup");
        if (status.state !== "pending") break;
      } catch (_) { /* halld is restarting into the hall */ }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    $("starting").classList.add("hidden");
    $("admin-link").classList.remove("hidden");
  }

  $("setup-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    Hall.showError($("error"), null);
    if ($("admin-password").value !== $("admin-password-again").value) {
      Hall.showError($("error"), new Error("两次输入的管理员密码不一致。"));
      return;
    }
    const body = { code: $("code").value.trim(), centerName: $("center-name").value.trim(), centerPhone: $("center-phone").value.trim(),
      publicBaseURL: publicURL(), adminPassword: $("admin-password").value };
    const catalog = SetupCatalog.read();
    if (catalog) Object.assign(body, catalog);
    $("submit").disabled = true;
    try {
      await Hall.api("POST", "/api/setup", body);
      $("done-title").textContent = "设置完成";
      show("done-view");
      await waitForHall();
    } catch (e) {
      Hall.showError($("error"), e);
      if (e.status === 409 && e.code === "setup_done") show("done-view");
    } finally {
      $("submit").disabled = false;
    }
  });

  (async () => {
    try {
      const status = await Hall.api("GET", "/api/setup");
      if (status.state !== "pending") { show("done-view"); return; }
      offerAddresses(status);
      if (status.catalogConfigured) {
        $("catalog-configured").classList.remove("hidden");
        for (const id of ["catalog-sample", "catalog-own"]) $(id).closest("label").classList.add("hidden");
      } else if (status.sample) {
        SetupCatalog.init(status.sample);
      }
      show("setup-form");
    } catch (e) {
      show("setup-form");
      Hall.showError($("error"), e);
    }
  })();
})();
