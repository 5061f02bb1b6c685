// Material capture for one checklist row of a case: thumbnails of the material's pages, a 扫描
// button (the window's 高拍仪/scanner), delete per page, and the case's PDF export.
// Usage: HallCaptures.mount(element, { caseRef, materialID, window }) — `window` defaults to the
// console's selected window (or the case's window on the server). Needs /assets/hall.js.
// Read-only (department review): HallCaptures.mount(element, { caseRef, readOnly: true }) shows
// the pages of every material of the case (or of `materialID`), each opening its image, and the
// case's PDF, without scanning or deleting.
"use strict";
window.HallCaptures = (() => {
  const mounted = new Set();
  let listening = false;

  function injectStyle() {
    if (document.getElementById("hall-captures-style")) return;
    const style = document.createElement("style");
    style.id = "hall-captures-style";
    style.textContent = `
      .hc-bar { display: flex; gap: 10px; align-items: center; flex-wrap: wrap; }
      .hc-bar label { display: inline-flex; align-items: center; gap: 6px; margin: 0; color: var(--muted, #555); font-size: 18px; }
      .hc-bar input[type=checkbox] { min-height: 0; width: 22px; height: 22px; }
      .hc-pages { display: flex; gap: 10px; flex-wrap: wrap; margin-top: 8px; }
      .hc-page { margin: 0; border: 1px solid var(--line, #d5dde8); border-radius: 8px; padding: 6px; background: #fff; text-align: center; }
      .hc-page img { display: block; max-width: 160px; max-height: 160px; margin: 0 auto 4px; }
      .hc-page figcaption { font-size: 16px; display: flex; gap: 8px; align-items: center; justify-content: center; }
      .hc-page button { min-height: 36px; padding: 4px 10px; font-size: 16px; }
      .hc-status { font-size: 16px; }
      .hc-error { margin: 8px 0; font-size: 18px; padding: 8px 12px; }`;
    document.head.append(style);
  }

  /** Re-renders every mounted component of a case when a capture event for it arrives. */
  function listen() {
    if (listening || typeof Hall === "undefined" || !Hall.events) return;
    listening = true;
    Hall.events((event) => {
      if (!event || !event.type || !event.type.startsWith("case.capture_")) return;
      const caseID = event.data && event.data.caseID;
      for (const component of mounted) {
        if (!component.element.isConnected) { mounted.delete(component); continue; }
        if (String(component.caseID) === String(caseID)) component.refresh();
      }
    });
  }

  function windowNumber(options) {
    if (options.window) return Number(options.window);
    const stored = Number(localStorage.getItem("hall.consoleWindow"));
    return stored > 0 ? stored : undefined;
  }

  function mount(element, options) {
    if (!element || !options || !options.caseRef || (!options.materialID && !options.readOnly)) {
      throw new Error("HallCaptures.mount needs an element, caseRef and materialID (or readOnly)");
    }
    const readOnly = !!options.readOnly;
    injectStyle();
    for (const other of mounted) if (other.element === element) mounted.delete(other);
    const base = "/api/cases/" + encodeURIComponent(options.caseRef) + "/captures";
    const scan = Hall.el("button", { type: "button", class: "hc-scan" }, "扫描");
    const adf = Hall.el("input", { type: "checkbox", class: "hc-adf" });
    const status = Hall.el("span", { class: "hc-status muted" });
    const error = Hall.el("div", { class: "error hc-error hidden", role: "alert" });
    const pages = Hall.el("div", { class: "hc-pages" });
    const pdf = Hall.el("a", { class: "hc-pdf hidden", href: base + ".pdf", download: "", target: "_blank" },
      readOnly ? "下载本办件扫描材料 PDF" : "导出本办件材料 PDF");
    element.replaceChildren(Hall.el("div", { class: "hc-bar" }, ...(readOnly ? [] : [scan, Hall.el("label", {}, adf, "自动进纸（多页）")]),
      status, pdf), error, pages);
    if (readOnly) element.classList.add("hc-read-only");

    const component = { element, caseID: null, refresh };
    mounted.add(component);
    listen();

    function page(capture) {
      const label = (options.materialID ? "" : capture.materialName + " ") + "第" + capture.page + "页";
      const image = Hall.el("a", { href: capture.imageURL, target: "_blank", rel: "noopener" },
        Hall.el("img", { src: capture.thumbnailURL, alt: capture.materialName + " 第" + capture.page + "页" }));
      if (readOnly) {
        return Hall.el("figure", { class: "hc-page", "data-page-id": capture.id, "data-material": capture.material },
          image, Hall.el("figcaption", {}, label));
      }
      const remove = Hall.el("button", { type: "button", class: "secondary hc-delete", "data-page-id": capture.id }, "删除");
      remove.addEventListener("click", async () => {
        if (!remove.classList.contains("hc-confirm")) {
          remove.classList.add("hc-confirm");
          remove.textContent = "确认删除";
          setTimeout(() => { remove.classList.remove("hc-confirm"); remove.textContent = "删除"; }, 5000);
          return;
        }
        remove.disabled = true;
        Hall.showError(error, null);
        try {
          await Hall.api("DELETE", base + "/" + encodeURIComponent(capture.id));
          await refresh();
        } catch (e) { Hall.showError(error, e); remove.disabled = false; }
      });
      return Hall.el("figure", { class: "hc-page", "data-page-id": capture.id }, image, Hall.el("figcaption", {}, label, remove));
    }

    async function refresh() {
      try {
        const list = await Hall.api("GET", base);
        component.caseID = list.caseID;
        const mine = options.materialID ? list.captures.filter((c) => c.material === options.materialID) : list.captures;
        pages.replaceChildren(...mine.map(page));
        status.textContent = mine.length ? (readOnly && !options.materialID ? "共 " : "已采集 ") + mine.length + " 页"
          : readOnly ? "没有扫描件" : "尚未采集";
        pdf.href = list.pdfURL;
        pdf.classList.toggle("hidden", list.captures.length === 0);
      } catch (e) { Hall.showError(error, e); }
    }

    scan.addEventListener("click", async () => {
      scan.disabled = true;
      Hall.showError(error, null);
      status.textContent = "正在扫描…";
      const body = { material: options.materialID };
      const number = windowNumber(options);
      if (number) body.window = number;
      if (adf.checked) body.source = "adf";
      try {
        const result = await Hall.api("POST", base, body);
        status.textContent = "已扫描 " + result.captures.length + " 页";
        await refresh();
      } catch (e) {
        Hall.showError(error, e);
        status.textContent = "";
      } finally { scan.disabled = false; }
    });

    refresh();
    return { refresh, unmount() { mounted.delete(component); element.replaceChildren(); } };
  }

  return { mount };
})();
