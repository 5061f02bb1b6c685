// First-run setup, step 4: the hall's own services and windows, edited as two tables (prefilled
// from the sample ones). A service's id is service-<prefix>; a window lists the prefixes it serves.
"use strict";
const SetupCatalog = (() => {
  const $ = (id) => document.getElementById(id);
  const input = (attributes) => Hall.el("input", attributes);
  const remove = () => Hall.el("button", { type: "button", class: "secondary", onclick: (e) => e.target.closest("tr").remove() }, "删除");

  function addService(service) {
    $("services").append(Hall.el("tr", { class: "service-row" },
      Hall.el("td", {}, input({ class: "prefix", maxlength: "2", value: service.prefix || "", "aria-label": "号码字头" })),
      Hall.el("td", {}, input({ class: "name", maxlength: "16", value: service.name || "", "aria-label": "业务名称" })),
      Hall.el("td", {}, input({ class: "minutes", type: "number", min: "1", max: "240", value: service.typicalServiceMinutes || 10,
        "aria-label": "平均办理分钟" })),
      Hall.el("td", {}, remove())));
  }

  function addWindow(window, prefixOf) {
    const prefixes = (window.serviceIDs || []).map((id) => prefixOf[id] || "").filter((p) => p).join(",");
    $("windows").append(Hall.el("tr", { class: "window-row" },
      Hall.el("td", {}, input({ class: "number", type: "number", min: "1", max: "999", value: window.number || "", "aria-label": "窗口号" })),
      Hall.el("td", {}, input({ class: "name", maxlength: "16", value: window.name || "", "aria-label": "窗口名称" })),
      Hall.el("td", {}, input({ class: "serves", value: prefixes, placeholder: "A,B", "aria-label": "办理的业务（字头，用逗号分隔）" })),
      Hall.el("td", {}, remove())));
  }

  /** Shows the sample's summary and prefills the tables with it. */
  function init(sample) {
    const prefixOf = Object.fromEntries(sample.services.map((s) => [s.id, s.prefix]));
    $("sample-summary").textContent = "示例业务：" + sample.services.map((s) => s.prefix + " " + s.name).join("、") +
      "；示例窗口：" + sample.windows.map((w) => w.number + "号 " + w.name).join("、") + "。";
    sample.services.forEach(addService);
    sample.windows.forEach((w) => addWindow(w, prefixOf));
    $("add-service").addEventListener("click", () => addService({}));
    $("add-window").addEventListener("click", () => addWindow({}, {}));
    for (const radio of document.querySelectorAll("input[name=catalog]")) {
      radio.addEventListener("change", () => $("own-catalog").classList.toggle("hidden", !$("catalog-own").checked));
    }
  }

  /** The services and windows typed in, as POST /api/setup takes them; null to keep the sample ones. */
  function read() {
    if (!$("catalog-own").checked) return null;
    const services = [...document.querySelectorAll(".service-row")].map((row) => {
      const prefix = row.querySelector(".prefix").value.trim().toUpperCase();
      return { id: "service-" + prefix.toLowerCase(), prefix, name: row.querySelector(".name").value.trim(),
        typicalServiceMinutes: Number(row.querySelector(".minutes").value) || 10 };
    });
    const windows = [...document.querySelectorAll(".window-row")].map((row) => ({
      number: Number(row.querySelector(".number").value) || 0, name: row.querySelector(".name").value.trim(),
      serviceIDs: row.querySelector(".serves").value.split(/[,，、\s]+/).filter((p) => p).map((p) => "service-" + p.toLowerCase()),
    }));
    return { services, windows };
  }

  return { init, read };
})();
