// Catalog and calendar imports on the admin page: a JSON file is read in the browser and sent
// to POST /api/catalog/import or /api/calendar/import; the imported catalog and the covered
// years are shown. The server validates and answers in Chinese.
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const el = Hall.el;

  async function readJSON(input) {
    const file = input.files && input.files[0];
    if (!file) throw new Error("请先选择文件。");
    const text = await file.text();
    try { return JSON.parse(text); } catch (e) { throw new Error("文件“" + file.name + "”不是有效的 JSON，请检查后重新选择。"); }
  }

  function limit(t) {
    if (!t) return "-";
    if (t.kind === "simple") return "3个工作日";
    if (t.kind === "complex") return "7个工作日";
    return (t.workingDays || "?") + "个工作日（法定）";
  }

  async function loadCatalog() {
    let catalog;
    try { catalog = await Hall.api("GET", "/api/catalog"); } catch (e) {
      if (e.status === 404 || e.status === 409) { $("catalog-items").replaceChildren(); $("catalog-version").textContent = e.message; return; }
      throw e;
    }
    $("catalog-version").textContent = "当前目录：" + (catalog.version || "（未标版本）") + "，共 " + catalog.items.length + " 项";
    $("catalog-items").replaceChildren(...catalog.items.map((i) => el("tr", { "data-item": i.id },
      el("td", { class: "muted" }, i.id), el("td", {}, i.name), el("td", {}, i.category), el("td", {}, limit(i.timeLimit)),
      el("td", {}, i.departments.map((d) => d.name).join("、")), el("td", {}, i.materials.length + " 项"))));
  }

  async function loadCalendar() {
    const calendar = await Hall.api("GET", "/api/calendar");
    $("calendar-years").textContent = calendar.coveredYears && calendar.coveredYears.length ? calendar.coveredYears.join("、") : "无";
  }

  $("catalog-import-form").addEventListener("submit", (event) => {
    event.preventDefault();
    $("catalog-import-result").textContent = "";
    HallAdmin.run(async () => {
      const result = await Hall.api("POST", "/api/catalog/import", await readJSON($("catalog-file")));
      $("catalog-import-result").textContent = "已导入事项目录：" + result.items + " 项" + (result.version ? "（" + result.version + "）" : "") + "。";
      await loadCatalog();
    });
  });
  $("calendar-import-form").addEventListener("submit", (event) => {
    event.preventDefault();
    $("calendar-import-result").textContent = "";
    HallAdmin.run(async () => {
      const path = "/api/calendar/import" + ($("calendar-replace").checked ? "?replace=true" : "");
      const result = await Hall.api("POST", path, await readJSON($("calendar-file")));
      $("calendar-import-result").textContent = "已导入 " + result.year + " 年节假日安排。";
      await loadCalendar();
    });
  });
  HallAdmin.onTab("imports", async () => { await loadCatalog(); await loadCalendar(); });
})();
