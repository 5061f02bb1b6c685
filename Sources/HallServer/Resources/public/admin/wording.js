// A bilingual hall's resident wording on the admin page (目录与日历 tab): every string residents see,
// the Chinese beside the Mongolian in use; the head corrects a Mongolian draft, marks it reviewed,
// puts the shipped draft back, and exports the catalog to send upstream. The server checks the
// role (the center head or the administrator) and the text (script, placeholders).
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  if (!$("wording-card")) return;
  // Where each key's string appears, from its first part.
  const places = {
    kiosk: "取号机", screen: "叫号屏", status: "排队进度页", rating: "评价", ticket: "号票", error: "办事提示", led: "窗口屏",
    voice: "叫号语音", doc: "通知书",
  };
  const place = (key) => places[key.split(".")[key.startsWith("page.") ? 1 : 0]] || key;

  function row(entry, language) {
    const text = entry.texts[language];
    const input = Hall.el("textarea", { rows: 2, lang: "mn-Mong", class: "wording-text", "data-key": entry.key }, text.text);
    const reviewed = Hall.el("input", { type: "checkbox", "data-reviewed": entry.key, checked: text.reviewed });
    const save = () => HallAdmin.run(async () => {
      await Hall.api("PUT", `/api/wording/${language}/${encodeURIComponent(entry.key)}`, { text: input.value, reviewed: reviewed.checked });
      await load();
    });
    const restore = () => HallAdmin.run(async () => {
      await Hall.api("DELETE", `/api/wording/${language}/${encodeURIComponent(entry.key)}`);
      await load();
    });
    const state = text.correctedBy
      ? `${text.correctedBy} 于 ${Hall.time(text.correctedAt)} 校改`
      : "程序自带初稿";
    return Hall.el("tr", { "data-wording": entry.key },
      Hall.el("td", {}, place(entry.key)),
      Hall.el("td", {}, entry.chinese),
      Hall.el("td", {}, input),
      Hall.el("td", {},
        Hall.el("label", { class: "inline" }, reviewed, " 已审校"), Hall.el("div", { class: "muted small" }, state),
        Hall.el("button", { type: "button", "data-save": entry.key, onclick: save }, "保存"),
        text.correctedBy ? Hall.el("button", { type: "button", class: "secondary", onclick: restore }, "恢复初稿") : ""));
  }

  async function load() {
    const listing = await Hall.api("GET", "/api/wording");
    const language = listing.correctable[0];
    $("wording-card").classList.toggle("hidden", !language);
    if (!language) return;
    $("wording-export").href = `/api/wording/${language}/catalog`;
    const entries = listing.entries.filter((e) => e.texts[language]);
    const unreviewed = entries.filter((e) => !e.texts[language].reviewed).length;
    $("wording-summary").textContent = `共 ${entries.length} 条，未审校 ${unreviewed} 条。`;
    $("wording-rows").replaceChildren(...entries.map((e) => row(e, language)));
  }

  HallAdmin.onTab("imports", () => HallAdmin.run(load));
})();
