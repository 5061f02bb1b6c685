// Pick lists for the admin forms: people by their display names and catalog items by their names,
// never typed user names or ids. A pick list is a row of checkboxes; `values()` gives the checked
// user names (or item ids) the API takes.
"use strict";
window.HallPickers = (() => {
  const el = Hall.el;
  let accounts = null, catalog = null;

  /** Active staff who can serve at a window or on a visit (clerks and heads), cached per page load. */
  async function staff() {
    if (!accounts) accounts = await Hall.api("GET", "/api/accounts");
    return accounts.filter((a) => a.isActive && (a.roles.includes("clerk") || a.roles.includes("head")));
  }

  /** The catalog's items, cached per page load. */
  async function items() {
    if (!catalog) catalog = await Hall.api("GET", "/api/catalog");
    return catalog.items;
  }

  /** Fills `box` with one checkbox per option ({ value, label, title }); `selected` values start checked. */
  function fill(box, options, selected, empty) {
    const name = box.id || box.dataset.pick || "pick";
    box.classList.add("pick-list");
    box.setAttribute("role", "group");
    box.replaceChildren(...(options.length ? options.map((o) => el("label", { title: o.title || o.label },
      el("input", { type: "checkbox", name, value: o.value, checked: selected.includes(o.value) || null }), " " + o.label))
      : [el("span", { class: "muted" }, empty)]));
    box.values = () => [...box.querySelectorAll("input:checked")].map((i) => i.value);
    return box;
  }

  /** A pick list of staff by display name (the user name only as a tooltip). */
  async function staffList(box, selected = []) {
    const people = await staff();
    return fill(box, people.map((a) => ({ value: a.username, label: a.displayName, title: a.displayName + "（" + a.username + "）" })),
      selected, "暂无可安排的工作人员");
  }

  /** A pick list of catalog items by name, grouped by category in the label's tooltip. */
  async function itemList(box, selected = []) {
    const list = await items();
    return fill(box, list.map((i) => ({ value: i.id, label: i.name, title: (i.category ? i.category + "：" : "") + i.name })),
      selected, "事项目录为空");
  }

  return { staffList, itemList, staff };
})();
