// Clerk console, 受理办件 tab: opening a case from the ticket being served (its number and window
// carried over) or directly — item, applicant (person or enterprise), delivery. The server's checks
// (ID number by GB 11643, credit code, phone) are shown under their fields.
"use strict";
(() => {
  const C = window.HallCases;
  const { $, el, state } = C;

  async function ensureCatalog() {
    if (state.catalog) return state.catalog;
    state.catalog = await Hall.api("GET", "/api/catalog");
    $("case-item").replaceChildren(el("option", { value: "" }, "（请选择事项）"),
      ...state.catalog.items.map((i) => el("option", { value: i.id }, i.name)));
    return state.catalog;
  }

  function itemInfo() {
    const item = state.catalog && state.catalog.items.find((i) => i.id === $("case-item").value);
    $("case-item-info").textContent = item ? C.limitLabel(item.timeLimit) + " · 审批部门：" + item.departments.map((d) => d.name).join("、")
      + " · 材料 " + item.materials.length + " 项" : "";
  }

  async function startOpen(fromTicket) {
    await ensureCatalog();
    state.openFromTicket = fromTicket ? state.ticket : null;
    state.current = null;
    $("case-open-form").reset();
    for (const id of ["case-open-error", "case-id-number-error", "case-credit-code-error", "case-phone-error"]) Hall.showError($(id), null);
    for (const input of $("case-open-form").querySelectorAll(".invalid")) input.classList.remove("invalid");
    toggleKind();
    $("case-source").textContent = (state.openFromTicket ? "来自号码 " + state.openFromTicket.number + " · " : "直接开立 · ")
      + (state.windowNumber ? state.windowNumber + "号窗口" : "综合受理窗口");
    itemInfo();
    C.showPane("open");
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
    if (state.openFromTicket) body.ticketID = state.openFromTicket.id;
    if (state.windowNumber) body.window = state.windowNumber;
    $("case-open-submit").disabled = true;
    try {
      const opened = await Hall.api("POST", "/api/cases", body);
      state.openFromTicket = null;
      await C.openCase(opened.id);
      C.loadList();
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

  window.addEventListener("hall:view", (e) => { if (e.detail === "cases") ensureCatalog().catch(C.fail); });
  $("case-new").addEventListener("click", () => C.run(() => startOpen(false)));
  $("case-from-ticket").addEventListener("click", () => C.run(() => startOpen(true)));
  $("case-open-cancel").addEventListener("click", () => C.showPane(state.current ? "detail" : "empty"));
  $("case-open-form").addEventListener("submit", submitOpen);
  $("case-item").addEventListener("change", itemInfo);
  for (const r of document.querySelectorAll("input[name=case-kind], input[name=case-delivery]")) r.addEventListener("change", toggleKind);

  window.addEventListener("hall:window", (e) => {
    state.windowNumber = e.detail.window;
    state.ticket = e.detail.ticket;
    const ticket = state.ticket;
    const usable = ticket && (ticket.state === "serving" || ticket.state === "called");
    $("case-ticket").textContent = ticket ? ticket.number : "—";
    $("case-ticket-detail").textContent = ticket ? (Hall.stateLabels[ticket.state] || ticket.state) + " · " + state.windowNumber + "号窗口" : "";
    $("case-from-ticket").disabled = !usable;
  });
})();
