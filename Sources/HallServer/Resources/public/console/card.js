// Console, ID card: the case form's applicant from the card on the window's reader. The clerk
// reads the card, checks what it says, and only then fills the form (name, ID number, address);
// discarding or filling clears the preview, so the card's data stays in the page no longer than
// needed. Every read is audited by halld. Adds its own controls (into #idcard-console when the
// page has it, else above the person fields).
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const el = Hall.el;
  let card = null;

  const preview = el("div", { id: "idcard-confirm", class: "idcard-confirm hidden" },
    el("p", { id: "idcard-summary" }),
    el("div", { class: "row" },
      el("button", { id: "idcard-fill", type: "button", onclick: () => fill() }, "确认填入"),
      el("button", { id: "idcard-discard", type: "button", class: "secondary", onclick: () => clear() }, "放弃")));
  const box = el("div", { id: "idcard-box", class: "idcard-box" },
    el("button", { id: "idcard-read", type: "button", class: "secondary", onclick: () => read() }, "读取身份证"),
    el("span", { id: "idcard-status", class: "muted" }),
    el("div", { id: "idcard-read-error", class: "error hidden", role: "alert" }),
    preview);
  const hook = $("idcard-console");
  if (hook) hook.append(box);
  else if ($("case-person")) $("case-person").before(box);
  else if ($("case-open-form")) $("case-open-form").prepend(box);

  function windowNumber() {
    const select = $("window-select");
    return select && select.value ? Number(select.value) : null;
  }

  function clear() {
    card = null;
    $("idcard-summary").textContent = "";
    preview.classList.add("hidden");
    $("idcard-status").textContent = "";
  }

  // A clerk reads only on the reader of the window they work at. The console takes its window
  // when it is chosen (posts.js); a server restarted since then has forgotten it: take it again
  // (halld refuses when another clerk works there) and read once more.
  async function readAt(window) {
    try {
      return await Hall.api("POST", "/api/idcard/read", { window, wait: 10 });
    } catch (e) {
      if (e.code !== "idcard_window_not_taken") throw e;
      await Hall.api("POST", "/api/posts/" + window + "/check");
      return await Hall.api("POST", "/api/idcard/read", { window, wait: 10 });
    }
  }

  async function read() {
    clear();
    Hall.showError($("idcard-read-error"), null);
    const window = windowNumber();
    if (!window) { Hall.showError($("idcard-read-error"), new Error("请先选择当前窗口。")); return; }
    $("idcard-read").disabled = true;
    $("idcard-status").textContent = "请将身份证放在本窗口读卡器上…";
    try {
      card = await readAt(window);
      $("idcard-summary").textContent = "姓名：" + card.name + "　性别：" + card.sex + "　出生：" + card.birthDate
        + "　公民身份号码：" + card.idNumber + "　住址：" + card.address + "　有效期限：" + card.validFrom + " 至 " + card.validUntil
        + (card.expired ? "　（证件已过期，请核实）" : "");
      preview.classList.remove("hidden");
      $("idcard-status").textContent = "请核对证件与本人，确认后填入。";
    } catch (e) {
      $("idcard-status").textContent = "";
      Hall.showError($("idcard-read-error"), e);
    } finally { $("idcard-read").disabled = false; }
  }

  function set(id, value) {
    const input = $(id);
    if (!input) return;
    input.value = value;
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }

  function fill() {
    if (!card) return;
    const person = document.querySelector("input[name=case-kind][value=person]");
    if (person && !person.checked) { person.checked = true; person.dispatchEvent(new Event("change", { bubbles: true })); }
    set("case-name", card.name);
    set("case-id-number", card.idNumber);
    set("case-address", card.address);
    set("case-recipient", card.name);
    clear();
    $("idcard-status").textContent = "已从身份证填入。";
  }
})();
