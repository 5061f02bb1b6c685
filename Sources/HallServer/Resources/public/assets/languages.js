// Residents' languages (center.languages, in /assets/hall-config.js). In a bilingual hall every
// element marked `data-msg="key"`, and every string a page builds through HallLanguages.say,
// shows each configured language in order from the message catalogs, Mongolian in a vertical
// column (languages.css). A Chinese-only hall keeps the page's own Chinese wording untouched.
"use strict";
window.HallLanguages = (() => {
  const config = window.HallConfig || {};
  const order = Array.isArray(config.languages) && config.languages.length ? config.languages : ["zh"];
  const messages = config.messages || {};
  const bilingual = order.length > 1 && order.every((code) => messages[code]);
  const tags = { mn: "mn-Mong", zh: "zh-CN" };

  /** `template` with each `{name}` of `values` replaced. */
  function fill(template, values) {
    return String(template).replace(/\{(\w+)\}/g, (all, name) => (values && name in values ? String(values[name]) : all));
  }

  /** One language's line: a span with the language's class and tag (Mongolian is set vertical by the class). */
  function line(code, text) {
    return Hall.el("span", { class: "lang lang-" + code, lang: tags[code] || code }, text);
  }

  /** The text of `key` filled with `values`. Bilingual: a `.bi` span holding one line per language in
   *  the configured order. Chinese-only: `chinese` (the page's own wording) filled, as a string. */
  function say(key, values, chinese) {
    if (!bilingual) return fill(chinese, values);
    return Hall.el("span", { class: "bi" }, order.map((code) => line(code, fill((messages[code] || {})[key] ?? chinese, values))));
  }

  /** The page's own Chinese rendering (`chinese`: nodes or text, e.g. a call with its large
   *  numbers) with, in a bilingual hall, the other languages' lines of `key` filled with `values`
   *  before or after it in the configured order. Returns the nodes to put in place. */
  function around(key, values, chinese) {
    const own = Array.isArray(chinese) ? chinese : [chinese];
    if (!bilingual) return own;
    return order.flatMap((code) => (code === "zh" ? own : [line(code, fill((messages[code] || {})[key] ?? "", values))]));
  }

  /** A refusal (an ApiError, or an Error the page made with a catalog `key`) in every language, the
   *  Chinese being halld's own message: the catalog's `error.<code>` filled with the values halld
   *  sent, or `error.other` (ask the staff) for a refusal residents are not expected to meet. */
  function failure(error) {
    const chinese = error.message || String(error);
    if (!bilingual) return chinese;
    const own = error.key || "error." + error.code;
    const known = order.every((code) => code === "zh" || (messages[code] || {})[own] !== undefined);
    return Hall.el("span", { class: "bi" }, order.map((code) => line(code, code === "zh" ? chinese
      : fill((messages[code] || {})[known ? own : "error.other"] ?? "", error.values))));
  }

  /** The same as `say` for text that has no catalog key (a center or service name): `names` maps a
   *  language code to the name; a language without a name is left out. */
  function names(byLanguage) {
    if (!bilingual) return byLanguage.zh;
    const present = order.filter((code) => byLanguage[code]);
    return present.length > 1 ? Hall.el("span", { class: "bi" }, present.map((code) => line(code, byLanguage[code]))) : byLanguage.zh;
  }

  /** A service's name (`id`, Chinese `name`) in the hall's languages: the Mongolian name comes
   *  with the configuration (services[].mongolianName). */
  function service(id, name) {
    return names({ zh: name, mn: (config.mongolianServices || {})[id] });
  }

  /** A group too wide for its place (a long sentence on a phone) is stacked, the Mongolian above
   *  the Chinese, and its columns made taller until they fit the width. */
  function fit() {
    for (const group of document.querySelectorAll(".bi")) {
      const mn = group.querySelector(":scope > .lang-mn");
      if (!mn || !group.offsetParent) continue;
      // The width available: that of the nearest ancestor that is a block (an inline one has none).
      let place = group.parentElement;
      while (place && place !== document.body && getComputedStyle(place).display.startsWith("inline")) place = place.parentElement;
      if (!place) continue;
      const room = place.clientWidth;
      if (group.scrollWidth <= room + 1 && !group.classList.contains("stacked")) continue;
      group.classList.add("stacked");
      let height = parseFloat(getComputedStyle(mn).fontSize) * 4;
      mn.style.maxHeight = height + "px";
      while (mn.scrollWidth > room + 1 && height < 20000) {
        height *= 1.2;
        mn.style.maxHeight = height + "px";
      }
    }
  }
  let fitting = false;
  function fitSoon() {
    if (fitting) return;
    fitting = true;
    requestAnimationFrame(() => { fitting = false; fit(); });
  }

  if (bilingual) {
    document.documentElement.classList.add("bilingual");
    new MutationObserver(fitSoon).observe(document.body, { childList: true, subtree: true, characterData: true });
    window.addEventListener("resize", fitSoon);
    if (document.fonts) document.fonts.ready.then(fitSoon);
    fitSoon();
    for (const node of document.querySelectorAll("[data-msg]")) node.replaceChildren(say(node.dataset.msg, {}, node.textContent));
    // The center's name in Mongolian: a strip down the left edge, as on the hall's vertical signboards.
    if (config.mongolianCenter && document.querySelector("[data-center]") && order.includes("mn")) {
      document.body.prepend(Hall.el("div", { class: "mn-strip lang-mn", lang: tags.mn, id: "center-mn" }, config.mongolianCenter));
    }
  }
  return { bilingual, order, say, around, names, service, failure };
})();
