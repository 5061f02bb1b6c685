// Clerk console, 受理办件 tab: open a case from the ticket being served (or directly), pre-review the
// materials checklist, print and reprint the notices, follow the departments' answers, notify,
// deliver and close. console.js tells this file who is signed in (hall:session), the window and
// its ticket (hall:window) and every event of the live stream (hall:event).
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const el = Hall.el;
  const caseStates = { pre_review: "预审中", correction_needed: "待补正", accepted: "已受理", in_review: "部门审批中",
    decided: "已出结果", notified: "已告知", delivered: "已出件", closed: "已办结", withdrawn: "已撤回" };
  const decisions = { pending: "待审批", approved: "通过", rejected: "不予通过", needsInspection: "需现场核查" };
  const forms = { original: "原件", copy: "复印件", "original+copy": "原件及复印件" };
  const noticeKinds = { acceptance: "受理通知书", correction: "补正告知书" };
  const printLabels = { printed: "已打印", failed: "打印失败", pending: "打印中", not_configured: "未配置打印机，请下载后打印" };

  let session = null;
  let windowNumber = null;
  let ticket = null;
  let catalog = null;
  let openFromTicket = null;   // the ticket a new case is opened from, or null (directly)
  let current = null;          // the case detail shown: { case, notices }
  let lastPreReview = null;    // the answer of the last pre-review of `current`

  // MARK: views

  function showPane(pane) {
    $("case-empty").classList.toggle("hidden", pane !== "empty");
    $("case-open-form").classList.toggle("hidden", pane !== "open");
    $("case-detail").classList.toggle("hidden", pane !== "detail");
  }

  function fail(e) {
    Hall.showError($("case-error"), e);
    if (e) $("case-error").scrollIntoView({ block: "nearest" });
    if (e && e.status === 401) location.reload();
  }

  async function run(work) {
    Hall.showError($("case-error"), null);
    try { await work(); } catch (e) { fail(e); }
  }

  const ref = (c) => String(c.id);
  const caseTitle = (c) => c.number || ("预审第" + c.id + "号");
  const maskName = (n) => !n ? "" : n.length <= 1 ? "*" : n.length === 2 ? n[0] + "*" : n[0] + "*".repeat(n.length - 2) + n[n.length - 1];

  // MARK: my open cases

  async function loadList() {
    if (!session) return;
    try {
      const [cases, board] = await Promise.all([Hall.api("GET", "/api/cases?owner=me"), Hall.api("GET", "/api/cases/board")]);
      const levels = Object.fromEntries(board.map((b) => [b.caseID, b]));
      $("case-count").textContent = cases.length ? String(cases.length) : "";
      $("case-list").replaceChildren(...(cases.length ? cases.map((c) => {
        const standing = levels[c.id];
        const deadline = c.state === "correction_needed" ? "补正至 " + c.correctionDeadline
          : c.promisedDay ? "承诺 " + c.promisedDay : "—";
        const level = standing ? standing.level : "";
        return el("tr", { "data-case-row": c.id, class: (current && current.case.id === c.id ? "selected " : "") + "clickable",
            onclick: () => run(() => openCase(c.id)) },
          el("td", {}, caseTitle(c)), el("td", {}, c.item.name, el("div", { class: "muted small" },
            c.applicant.kind === "person" ? maskName(c.applicant.name) : c.applicant.name)),
          el("td", { "data-case-state": c.state }, caseStates[c.state] || c.state),
          el("td", { class: "deadline " + level }, deadline,
            level === "overdue" ? el("div", { class: "small" }, "已超期") : level === "due_soon" ? el("div", { class: "small" }, "即将到期") : ""));
      }) : [el("tr", {}, el("td", { colspan: 4, class: "muted" }, "暂无未办结的办件"))]));
    } catch (e) { fail(e); }
  }

  // MARK: opening a case

  async function ensureCatalog() {
    if (catalog) return catalog;
    catalog = await Hall.api("GET", "/api/catalog");
    $("case-item").replaceChildren(el("option", { value: "" }, "（请选择事项）"),
      ...catalog.items.map((i) => el("option", { value: i.id }, i.name)));
    return catalog;
  }

  function itemInfo() {
    const item = catalog && catalog.items.find((i) => i.id === $("case-item").value);
    $("case-item-info").textContent = item ? limitLabel(item.timeLimit) + " · 审批部门：" + item.departments.map((d) => d.name).join("、")
      + " · 材料 " + item.materials.length + " 项" : "";
  }

  const limitDays = (limit) => limit.kind === "simple" ? 3 : limit.kind === "complex" ? 7 : limit.workingDays;

  function limitLabel(limit) {
    if (limit.kind === "simple") return "简单事项（3个工作日）";
    if (limit.kind === "complex") return "复杂事项（7个工作日）";
    return "法定时限（" + limit.workingDays + "个工作日）";
  }

  async function startOpen(fromTicket) {
    await ensureCatalog();
    openFromTicket = fromTicket ? ticket : null;
    current = null;
    $("case-open-form").reset();
    for (const id of ["case-open-error", "case-id-number-error", "case-credit-code-error", "case-phone-error"]) Hall.showError($(id), null);
    for (const input of $("case-open-form").querySelectorAll(".invalid")) input.classList.remove("invalid");
    toggleKind();
    $("case-source").textContent = (openFromTicket ? "来自号码 " + openFromTicket.number + " · " : "直接开立 · ")
      + (windowNumber ? windowNumber + "号窗口" : "综合受理窗口");
    itemInfo();
    showPane("open");
    $("case-item").focus();
  }

  function toggleKind() {
    const enterprise = document.querySelector("input[name=case-kind]:checked").value === "enterprise";
    $("case-person").classList.toggle("hidden", enterprise);
    $("case-enterprise").classList.toggle("hidden", !enterprise);
    $("case-post").classList.toggle("hidden", document.querySelector("input[name=case-delivery]:checked").value !== "post");
  }

  async function submitOpen(event) {
    event.preventDefault();
    Hall.showError($("case-open-error"), null);
    for (const id of ["case-id-number-error", "case-credit-code-error", "case-phone-error"]) Hall.showError($(id), null);
    for (const input of $("case-open-form").querySelectorAll(".invalid")) input.classList.remove("invalid");
    if (!$("case-item").value) { Hall.showError($("case-open-error"), new Error("请选择办理事项。")); return; }
    const enterprise = document.querySelector("input[name=case-kind]:checked").value === "enterprise";
    const applicant = enterprise
      ? { kind: "enterprise", name: $("case-ent-name").value.trim(), creditCode: $("case-credit-code").value.trim(),
          contactPerson: $("case-contact").value.trim(), phone: $("case-phone").value.trim() }
      : { kind: "person", name: $("case-name").value.trim(), idNumber: $("case-id-number").value.trim(), phone: $("case-phone").value.trim() };
    const body = { item: $("case-item").value, applicant };
    if (document.querySelector("input[name=case-delivery]:checked").value === "post") {
      body.delivery = { kind: "post", address: $("case-address").value.trim(), recipient: $("case-recipient").value.trim(),
        phone: $("case-post-phone").value.trim() };
    } else body.delivery = { kind: "window" };
    if (openFromTicket) body.ticketID = openFromTicket.id;
    if (windowNumber) body.window = windowNumber;
    $("case-open-submit").disabled = true;
    try {
      const opened = await Hall.api("POST", "/api/cases", body);
      openFromTicket = null;
      await openCase(opened.id);
      loadList();
    } catch (e) {
      showFieldError(e);
      Hall.showError($("case-open-error"), e);
      if (e.status === 401) location.reload();
    } finally { $("case-open-submit").disabled = false; }
  }

  /** Puts the server's message under the field it is about (ID number by GB 11643, credit code, phone). */
  function showFieldError(e) {
    const code = e.code || "";
    const field = code.startsWith("id_number") ? "case-id-number" : code.startsWith("credit_code") ? "case-credit-code"
      : code === "phone_invalid" ? "case-phone" : null;
    if (!field) return;
    $(field).classList.add("invalid");
    Hall.showError($(field + "-error"), e);
    $(field).focus();
  }

  // MARK: one case

  async function openCase(id) {
    current = await Hall.api("GET", "/api/cases/" + encodeURIComponent(id));
    if (!lastPreReview || lastPreReview.case.id !== current.case.id) lastPreReview = null;
    renderDetail();
    showPane("detail");
    for (const row of document.querySelectorAll("[data-case-row]")) row.classList.toggle("selected", row.dataset.caseRow === String(id));
  }

  function renderDetail() {
    const c = current.case;
    const a = c.applicant;
    const who = a.kind === "person" ? [a.name, "身份证 " + a.idNumber]
      : [a.name, "信用代码 " + a.creditCode, "联系人 " + a.contactPerson];
    const delivery = c.delivery.kind === "post"
      ? "邮寄送达：" + c.delivery.address + "（" + c.delivery.recipient + " " + c.delivery.phone + "）" : "窗口领取";
    const rows = [["事项", c.item.name + " · " + limitLabel(c.item.timeLimit)], ["申请人", who.join(" · ")], ["联系电话", a.phone],
      ["送达方式", delivery + (c.trackingNumber ? " · 邮寄单号 " + c.trackingNumber : "")],
      ["经办人", c.owner + (c.window ? " · " + c.window + "号窗口" : "") + (c.ticketID ? " · 来自号票 #" + c.ticketID : "")]];
    if (c.acceptedDay) rows.push(["受理日期", c.acceptedDay]);
    if (c.promisedDay) rows.push(["承诺办结日期", c.promisedDay + (c.hasProvisionalDates ? "（按暂定日历计算）" : "")]);
    if (c.state === "correction_needed") rows.push(["补正期限", c.correctionDeadline + "（第 " + c.correctionRounds + " 次补正）"]);
    const parts = [
      el("div", { class: "case-head" }, el("h2", { id: "case-title" }, caseTitle(c)),
        el("span", { class: "pill state-" + c.state, id: "case-state" }, caseStates[c.state] || c.state),
        el("button", { type: "button", class: "secondary", onclick: () => { current = null; showPane("empty"); loadList(); } }, "返回列表")),
      el("table", { class: "facts" }, rows.map(([k, v]) => el("tr", {}, el("th", {}, k), el("td", {}, v)))),
    ];
    if (lastPreReview) parts.push(preReviewResult(lastPreReview));
    if (c.state === "pre_review" || c.state === "correction_needed") parts.push(checklist(c));
    if (c.state === "correction_needed" && !lastPreReview) parts.push(correctionList(c));
    parts.push(noticesPanel(c));
    if (c.reviews.length) parts.push(reviewsPanel(c));
    if (c.result) parts.push(resultPanel(c));
    parts.push(actionsPanel(c));
    $("case-detail").replaceChildren(...parts);
    mountCaptures();
  }

  function checklist(c) {
    const received = new Set((c.received || []).map((m) => m.materialID));
    const rows = c.item.materials.map((m) => {
      const mark = (status, label) => el("button", { type: "button", class: "mark " + status + (received.has(m.id) && status === "received" ? " on" : ""),
        "data-material": m.id, "data-mark": status, onclick: (e) => setMark(status, e.currentTarget.closest("tr"), true) }, label);
      return el("tr", { "data-material-row": m.id, "data-status": received.has(m.id) ? "received" : "" },
        el("td", {}, el("b", {}, m.name), el("div", { class: "muted small" },
          (m.required ? "必交" : "按需") + " · " + forms[m.form] + " " + m.count + " 份" + (m.notes ? " · " + m.notes : "")),
          el("div", { class: "captures", "data-case": ref(c), "data-material": m.id })),
        el("td", { class: "marks" }, mark("received", "已收"), mark("missing", "缺少"), mark("defective", "不合格"),
          el("input", { class: "reason hidden", id: "reason-" + m.id, placeholder: "不合格原因（必填），如：复印件不清晰" })));
    });
    return el("section", { class: "checklist" },
      el("h3", {}, c.state === "correction_needed" ? "补正材料核验" : "材料预审"),
      el("p", { class: "muted small" }, "逐项标记。未标记的必交材料按“缺少”处理，未标记的按需材料视为本案不需要。"),
      el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, "材料"), el("th", {}, "核验"))), el("tbody", { id: "checklist" }, rows)),
      el("div", { class: "row" },
        el("button", { type: "button", class: "secondary", id: "mark-all-received", onclick: () => {
          for (const row of document.querySelectorAll("[data-material-row]")) setMark("received", row, false);
        } }, "全部已收"),
        el("button", { type: "button", id: "case-submit-review", onclick: () => run(submitPreReview) }, "提交预审")));
  }

  /** Marks a checklist row; pressing the same mark again clears it (when `toggle`). */
  function setMark(status, row, toggle) {
    const same = toggle && row.dataset.status === status;
    row.dataset.status = same ? "" : status;
    for (const b of row.querySelectorAll("button.mark")) b.classList.toggle("on", !same && b.dataset.mark === status);
    row.querySelector(".reason").classList.toggle("hidden", same || status !== "defective");
  }

  /** Lets the scanner helper (captures.js) fill each checklist row with its scans. */
  function mountCaptures() {
    if (!window.HallCaptures || typeof window.HallCaptures.mount !== "function") return;
    for (const node of document.querySelectorAll("#case-detail .captures")) {
      try { window.HallCaptures.mount(node, { caseRef: node.dataset.case, materialID: node.dataset.material }); }
      catch (e) { console.warn("captures", e); }
    }
  }

  async function submitPreReview() {
    const marks = [];
    for (const row of document.querySelectorAll("[data-material-row]")) {
      const status = row.dataset.status;
      if (!status) continue;
      const mark = { material: row.dataset.materialRow, status };
      if (status === "defective") mark.reason = row.querySelector(".reason").value.trim();
      marks.push(mark);
    }
    $("case-submit-review").disabled = true;
    try {
      lastPreReview = await Hall.api("POST", "/api/cases/" + ref(current.case) + "/pre-review", { marks });
      await openCase(lastPreReview.case.id);
      loadList();
    } finally { if ($("case-submit-review")) $("case-submit-review").disabled = false; }
  }

  function preReviewResult(answer) {
    const c = answer.case;
    const box = answer.outcome === "accepted"
      ? el("div", { class: "outcome accepted", id: "case-outcome" }, el("h3", {}, "已受理"),
          el("p", {}, "案件编号 ", el("b", { id: "case-number" }, c.number), "，承诺办结日期 ", el("b", { id: "case-promised" }, c.promisedDay),
            "（" + limitDays(c.item.timeLimit) + " 个工作日）"),
          el("p", {}, "已同时分送：" + c.reviews.map((r) => r.department.name).join("、")))
      : el("div", { class: "outcome correction", id: "case-outcome" }, el("h3", {}, "材料需补正（一次性告知，共 " + answer.corrections.length + " 项）"),
          el("p", {}, "补正期限：", el("b", { id: "case-correction-deadline" }, c.correctionDeadline)),
          el("ol", {}, answer.corrections.map((x) => el("li", {}, x.name + "：" + x.reason))));
    if (answer.noticeError) box.append(el("p", { class: "error" }, answer.noticeError.message));
    return box;
  }

  function correctionList(c) {
    return el("div", { class: "outcome correction" }, el("h3", {}, "上次告知需补正的材料"),
      el("ol", {}, c.corrections.map((x) => el("li", {}, x.name + "：" + x.reason))));
  }

  function noticesPanel(c) {
    const latest = {};
    for (const n of current.notices) if (!latest[n.kind] || latest[n.kind].sequence < n.sequence) latest[n.kind] = n;
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
          el("a", { class: "button secondary", href: "/api/cases/" + ref(c) + "/notices/" + kind + ".pdf", target: "_blank" }, "下载 PDF"),
          el("button", { type: "button", class: failed ? "" : "secondary", "data-reprint": kind, onclick: (e) => run(() => reprint(kind, e.currentTarget)) },
            failed ? "重试打印" : "重新打印")));
    }));
  }

  async function reprint(kind, button) {
    button.disabled = true;
    button.textContent = "打印中…";
    try {
      await Hall.api("POST", "/api/cases/" + ref(current.case) + "/notices/" + kind + "/print");
    } finally {
      await openCase(current.case.id);
    }
  }

  function reviewsPanel(c) {
    return el("section", { class: "reviews" }, el("h3", {}, "部门并联审批"),
      el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, "部门"), el("th", {}, "结论"), el("th", {}, "审核人"), el("th", {}, "时间"))),
        el("tbody", {}, c.reviews.map((r) => el("tr", { "data-review": r.department.id },
          el("td", {}, r.department.name), el("td", {}, decisionText(r.decision)), el("td", {}, r.reviewer || "—"),
          el("td", {}, r.answeredAt ? Hall.time(r.answeredAt) : "—"))))));
  }

  function decisionText(d) {
    const name = typeof d === "string" ? d : Object.keys(d)[0];
    const detail = typeof d === "object" && d[name] ? (d[name].reason || d[name].note || "") : "";
    return (decisions[name] || name) + (detail ? "：" + detail : "");
  }

  function resultPanel(c) {
    const approved = "approved" in c.result;
    return el("section", { class: "outcome " + (approved ? "accepted" : "correction"), id: "case-result" },
      el("h3", {}, "办理结果：" + (approved ? "准予办理" : "不予办理")),
      approved ? el("p", {}, "各部门均已审批通过。")
        : el("ol", {}, c.result.rejected.reasons.map((r) => el("li", {}, r.department.name + "：" + r.reason))));
  }

  function actionsPanel(c) {
    const actions = [];
    const approved = c.result && "approved" in c.result;
    if (c.state === "decided") {
      actions.push(el("button", { type: "button", id: "case-notify", onclick: () => run(() => act("notify")) }, "已告知申请人办理结果"));
    }
    if (c.state === "notified" && approved) {
      if (c.delivery.kind === "post") {
        actions.push(el("label", { for: "case-tracking" }, "邮寄单号"), el("input", { id: "case-tracking", autocomplete: "off" }),
          el("button", { type: "button", id: "case-deliver", onclick: () => run(() => act("deliver", { trackingNumber: $("case-tracking").value.trim() })) },
            "已邮寄出件"));
      } else {
        actions.push(el("button", { type: "button", id: "case-deliver", onclick: () => run(() => act("deliver", {})) }, "申请人已在窗口领取"));
      }
    }
    if (c.state === "delivered" || (c.state === "notified" && !approved)) {
      actions.push(el("button", { type: "button", id: "case-close", onclick: () => run(() => act("close")) }, "办结归档"));
    }
    if (c.state === "in_review") actions.push(el("p", { class: "muted" }, "等待各部门审批，全部答复后在此告知申请人。"));
    return actions.length ? el("section", { class: "case-actions row" }, actions) : el("span");
  }

  async function act(action, body) {
    await Hall.api("POST", "/api/cases/" + ref(current.case) + "/" + action, body);
    lastPreReview = null;
    await openCase(current.case.id);
    loadList();
  }

  // MARK: wiring

  window.addEventListener("hall:view", (e) => { if (e.detail === "cases") { loadList(); ensureCatalog().catch(fail); } });
  $("case-new").addEventListener("click", () => run(() => startOpen(false)));
  $("case-from-ticket").addEventListener("click", () => run(() => startOpen(true)));
  $("case-open-cancel").addEventListener("click", () => showPane(current ? "detail" : "empty"));
  $("case-open-form").addEventListener("submit", submitOpen);
  $("case-item").addEventListener("change", itemInfo);
  for (const r of document.querySelectorAll("input[name=case-kind], input[name=case-delivery]")) r.addEventListener("change", toggleKind);

  window.addEventListener("hall:session", (e) => {
    session = e.detail;
    if (!session) { current = null; lastPreReview = null; showPane("empty"); return; }
    loadList();
  });
  window.addEventListener("hall:window", (e) => {
    windowNumber = e.detail.window;
    ticket = e.detail.ticket;
    const usable = ticket && (ticket.state === "serving" || ticket.state === "called");
    $("case-ticket").textContent = ticket ? ticket.number : "—";
    $("case-ticket-detail").textContent = ticket ? (Hall.stateLabels[ticket.state] || ticket.state) + " · " + windowNumber + "号窗口" : "";
    $("case-from-ticket").disabled = !usable;
  });
  window.addEventListener("hall:event", (e) => {
    const event = e.detail;
    if (!session || !event.type || !event.type.startsWith("case.")) return;
    loadList();
    // Reload the open case when its state changed elsewhere (a department answered), not while marking materials.
    if (current && event.data && event.data.caseID === String(current.case.id) && event.data.state !== current.case.state) {
      run(() => openCase(current.case.id));
    }
  });
  showPane("empty");
})();
