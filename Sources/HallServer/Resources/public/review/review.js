// Department reviewer page (并联办理): the cases routed to the signed-in reviewer's department,
// waiting ones first with their deadlines; one case's identity, materials and this department's
// review and scanned pages (read-only, /console/captures.js); approve / reject with reason / needs
// on-site inspection. The server decides what a reviewer may see and answer (their own department
// only; the head names one).
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const el = Hall.el;
  const decisions = { pending: "待审批", approved: "通过", rejected: "不予通过", needsInspection: "需现场核查" };
  const forms = { original: "原件", copy: "复印件", "original+copy": "原件及复印件" };
  let session = null;
  let departments = [];      // [{id, name}] from the catalog
  let department = null;     // the department acted for
  let selected = null;       // the open ReviewerCaseView
  let choice = null;         // approved | rejected | needs_inspection
  let captures = null;       // { number, node }: the open case's scanned pages, kept across re-renders

  const isHead = () => !!session && session.roles.includes("head");
  const departmentName = (id) => (departments.find((d) => d.id === id) || { name: id || "（未设置）" }).name;
  const query = () => isHead() && department ? "?department=" + encodeURIComponent(department) : "";

  function showViews() {
    $("login-view").classList.toggle("hidden", !!session);
    $("review-view").classList.toggle("hidden", !session);
    $("logout").classList.toggle("hidden", !session);
    $("who").textContent = session ? session.displayName + "（" + session.roles.map((r) => Hall.roleLabels[r] || r).join("、") + "）" : "";
  }

  function fail(e) {
    Hall.showError($("error"), e);
    if (e && e.status === 401) { session = null; showViews(); }
  }

  async function run(work) {
    Hall.showError($("error"), null);
    try { await work(); } catch (e) { fail(e); }
  }

  async function start() {
    showViews();
    if (!session) return;
    try {
      const catalog = await Hall.api("GET", "/api/catalog");
      const byID = new Map();
      for (const item of catalog.items) for (const d of item.departments) byID.set(d.id, d);
      departments = [...byID.values()];
    } catch (e) { departments = []; }
    department = session.departmentID || (isHead() && departments.length ? departments[0].id : null);
    const select = $("department-select");
    select.classList.toggle("hidden", !isHead());
    $("department-name").classList.toggle("hidden", isHead());
    if (isHead()) {
      select.replaceChildren(...departments.map((d) => el("option", { value: d.id }, d.name)));
      select.value = department || "";
    }
    $("department-name").textContent = departmentName(department);
    selected = null;
    renderDetail();
    await run(loadInbox);
    // A link to one case (/review/?case=BM…) opens it; the server refuses a case of another department.
    const linked = new URLSearchParams(location.search).get("case");
    if (linked) await run(() => openCase(linked));
  }

  async function loadInbox() {
    const views = await Hall.api("GET", "/api/reviews" + query());
    $("inbox").replaceChildren(...(views.length ? views.map((v) => {
      const deadline = v.awaitingAnswer && v.deadlineLevel === "overdue" ? "已超期"
        : v.awaitingAnswer && v.workingDaysLeft !== null && v.workingDaysLeft !== undefined ? "剩 " + v.workingDaysLeft + " 个工作日" : "";
      return el("tr", { "data-case": v.number, class: (v.awaitingAnswer ? "" : "answered") + (selected && selected.caseID === v.caseID ? " selected" : ""),
          onclick: () => run(() => openCase(v.number)) },
        el("td", {}, v.number), el("td", {}, v.itemName, el("div", { class: "muted small" }, v.applicant.name)),
        el("td", { "data-decision": decisionName(v.review.decision) }, decisionText(v.review.decision)),
        el("td", { class: "deadline " + (v.awaitingAnswer ? v.deadlineLevel || "" : "") }, v.promisedDay || "—",
          deadline ? el("div", { class: "small" }, deadline) : ""));
    }) : [el("tr", {}, el("td", { colspan: 4, class: "muted" }, "暂无分送本部门的案件"))]));
  }

  function decisionName(d) { return typeof d === "string" ? d : Object.keys(d)[0]; }

  function decisionText(d) {
    const name = decisionName(d);
    const detail = typeof d === "object" && d[name] ? (d[name].reason || d[name].note || "") : "";
    return (decisions[name] || name) + (detail ? "：" + detail : "");
  }

  async function openCase(number) {
    [selected] = await Promise.all([Hall.api("GET", "/api/reviews/" + encodeURIComponent(number) + query()), Hall.staffNames()]);
    choice = null;
    renderDetail();
    for (const row of document.querySelectorAll("#inbox tr")) row.classList.toggle("selected", row.dataset.case === number);
  }

  function renderDetail() {
    $("detail-empty").classList.toggle("hidden", !!selected);
    $("detail").classList.toggle("hidden", !selected);
    if (!selected) { $("detail").replaceChildren(); captures = null; return; }
    const v = selected;
    const a = v.applicant;
    const rows = [
      ["案件编号", v.number], ["事项", v.itemName + " · " + v.timeLimit], ["状态", v.stateLabel],
      ["申请人", a.name], [a.kind === "person" ? "身份证号码" : "统一社会信用代码", a.idNumber],
    ];
    if (a.contactPerson) rows.push(["联系人", a.contactPerson]);
    rows.push(["联系电话", a.phone + "（请通过受理窗口联系申请人）"], ["受理窗口", (v.window ? v.window + "号窗口 · " : "") + "经办人 " + v.owner],
      ["受理日期", v.acceptedDay || "—"], ["承诺办结日期", (v.promisedDay || "—") + (v.hasProvisionalDates ? "（暂定）" : "")],
      ["结果送达", v.delivery]);
    if (v.otherDepartments.length) rows.push(["同时审批", v.otherDepartments.join("、") + "（各部门独立审批）"]);
    const parts = [
      el("h2", { id: "detail-title" }, v.number + " · " + v.itemName),
      el("table", { class: "facts" }, rows.map(([k, x]) => el("tr", {}, el("th", {}, k), el("td", {}, x)))),
      el("h3", {}, "已收材料"),
      v.received.length ? el("ol", { id: "materials" }, v.received.map((m) => el("li", {}, m.name + "（" + forms[m.form] + " " + m.count + " 份）")))
        : el("p", { class: "muted" }, "无"),
      el("h3", {}, "扫描材料"),
      scannedPages(v.number),
    ];
    const history = v.review.history || [];
    if (history.length) {
      parts.push(el("h3", {}, "本部门此前意见"), el("ul", {}, history.map((d) => el("li", {}, decisionText(d)))));
    }
    if (v.awaitingAnswer && decisionName(v.review.decision) !== "pending") {
      parts.push(el("p", { class: "notice", id: "current-opinion" }, "本部门当前意见：" + decisionText(v.review.decision)
        + "（核查后请作出通过或不予通过的结论）"));
    }
    if (v.awaitingAnswer) parts.push(decisionForm());
    else {
      parts.push(el("div", { class: "answered-box", id: "answered" }, el("b", {}, v.department.name + "：" + decisionText(v.review.decision)),
        el("div", { class: "muted" }, Hall.personName(v.review.reviewer) + (v.review.answeredAt ? " · " + Hall.time(v.review.answeredAt) : ""))));
    }
    $("detail").replaceChildren(...parts);
  }

  /** The case's scanned pages, read-only; mounted once per opened case (the detail re-renders often). */
  function scannedPages(number) {
    if (!captures || captures.number !== number) {
      const node = el("div", { id: "review-captures", "data-case": number });
      HallCaptures.mount(node, { caseRef: number, readOnly: true });
      captures = { number, node };
    }
    return captures.node;
  }

  function decisionForm() {
    const button = (value, label) => el("button", { type: "button", "data-decision": value, class: choice === value ? "on" : "",
      onclick: () => { choice = value; renderDetail(); } }, label);
    const needsText = choice === "rejected" || choice === "needs_inspection";
    return el("section", { id: "decision-form" },
      el("h3", {}, selected.department.name + " 审批意见"),
      el("div", { class: "decisions" }, button("approved", "通过"), button("rejected", "不予通过"), button("needs_inspection", "需现场核查")),
      needsText ? el("label", { for: "decision-text" }, choice === "rejected" ? "不予通过的理由（必填，将告知申请人）" : "需现场核查的事项（必填）") : "",
      needsText ? el("textarea", { id: "decision-text" }) : "",
      el("button", { type: "button", id: "submit-decision", disabled: choice ? null : true, onclick: () => run(submitDecision) }, "提交审批意见"));
  }

  async function submitDecision() {
    const body = { decision: choice };
    if (choice === "rejected") body.reason = $("decision-text").value.trim();
    if (choice === "needs_inspection") body.note = $("decision-text").value.trim();
    if (isHead()) body.department = department;
    $("submit-decision").disabled = true;
    try {
      await Hall.api("POST", "/api/cases/" + encodeURIComponent(selected.number) + "/reviews", body);
      await openCase(selected.number);
      await loadInbox();
    } finally { if ($("submit-decision")) $("submit-decision").disabled = false; }
  }

  $("department-select").addEventListener("change", () => {
    department = $("department-select").value;
    selected = null;
    renderDetail();
    run(loadInbox);
  });
  $("logout").addEventListener("click", async () => { await Hall.signOut(); session = null; selected = null; showViews(); });
  Hall.wireLogin($("login-form"), $("login-error"), (s) => { session = s; start(); });
  Hall.events((event) => {
    if (!session || !event.type || !event.type.startsWith("case.")) return;
    run(loadInbox);
  }, (up) => {
    Hall.showLive($("live"), up);
  });
  (async () => {
    session = await Hall.whoAmI().catch(() => null);
    if (session && session.isDevice) session = null;
    start();
  })();
})();
