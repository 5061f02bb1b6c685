// Clerk console, 受理办件 tab: the case's newest acceptance and correction notices (受理通知书、补正告知书)
// with their print status — download the PDF, print again, retry a failed print.
"use strict";
(() => {
  const C = window.HallCases;
  const { el, state } = C;
  const noticeKinds = { acceptance: "受理通知书", correction: "补正告知书" };
  const printLabels = { printed: "已打印", failed: "打印失败", pending: "打印中", not_configured: "未配置打印机，请下载后打印" };

  function noticesPanel(c) {
    const latest = {};
    for (const n of state.current.notices) if (!latest[n.kind] || latest[n.kind].sequence < n.sequence) latest[n.kind] = n;
    const kinds = Object.keys(latest);
    if (!kinds.length) return el("span");
    return el("section", { class: "notices" }, el("h3", {}, "告知书"), kinds.map((kind) => {
      const n = latest[kind];
      const failed = n.printStatus === "failed";
      return el("div", { class: "notice-row", "data-notice": kind },
        el("b", {}, noticeKinds[kind] || kind), " 第 " + n.sequence + " 份 · ",
        el("span", { class: failed ? "bad" : n.printStatus === "printed" ? "ok" : "muted", "data-print-status": n.printStatus },
          printLabels[n.printStatus] || n.printStatus),
        failed && n.printError ? el("div", { class: "error", "data-print-error": kind }, "打印失败：" + n.printError) : "",
        el("div", { class: "row" },
          el("a", { class: "button secondary", href: "/api/cases/" + C.ref(c) + "/notices/" + kind + ".pdf", target: "_blank" }, "下载 PDF"),
          el("button", { type: "button", class: failed ? "" : "secondary", "data-reprint": kind,
            onclick: (e) => C.run(() => reprint(kind, e.currentTarget)) },
            failed ? "重试打印" : "重新打印")));
    }));
  }

  async function reprint(kind, button) {
    button.disabled = true;
    button.textContent = "打印中…";
    try {
      await Hall.api("POST", "/api/cases/" + C.ref(state.current.case) + "/notices/" + kind + "/print");
    } finally {
      await C.openCase(state.current.case.id);
    }
  }

  C.noticesPanel = noticesPanel;
})();
