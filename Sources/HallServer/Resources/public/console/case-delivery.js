// Clerk console, 受理办件 tab: after the result — the applicant told (告知), the result handed over
// at the window or posted with its tracking number (出件), the case closed (办结).
"use strict";
(() => {
  const C = window.HallCases;
  const { $, el, state } = C;

  function actionsPanel(c) {
    const actions = [];
    const approved = c.result && "approved" in c.result;
    if (c.state === "decided") {
      actions.push(el("button", { type: "button", id: "case-notify", onclick: () => C.run(() => act("notify")) }, "已告知申请人办理结果"));
    }
    if (c.state === "notified" && approved) {
      if (c.delivery.kind === "post") {
        actions.push(el("label", { for: "case-tracking" }, "邮寄单号"), el("input", { id: "case-tracking", autocomplete: "off" }),
          el("button", { type: "button", id: "case-deliver",
            onclick: () => C.run(() => act("deliver", { trackingNumber: $("case-tracking").value.trim() })) },
            "已邮寄出件"));
      } else {
        actions.push(el("button", { type: "button", id: "case-deliver", onclick: () => C.run(() => act("deliver", {})) }, "申请人已在窗口领取"));
      }
    }
    if (c.state === "delivered" || (c.state === "notified" && !approved)) {
      actions.push(el("button", { type: "button", id: "case-close", onclick: () => C.run(() => act("close")) }, "办结归档"));
    }
    if (c.state === "in_review") actions.push(el("p", { class: "muted" }, "等待各部门审批，全部答复后在此告知申请人。"));
    return actions.length ? el("section", { class: "case-actions row" }, actions) : el("span");
  }

  async function act(action, body) {
    await Hall.api("POST", "/api/cases/" + C.ref(state.current.case) + "/" + action, body);
    state.lastPreReview = null;
    await C.openCase(state.current.case.id);
    C.loadList();
  }

  C.actionsPanel = actionsPanel;
})();
