// Rating from the ticket's QR page (好差评): once the service is finished, the ticket holder rates
// it once. The QR code printed on the ticket carries the ticket's secret key (&k=…); an old link
// with only ?id= shows the progress read-only. Nothing personal is shown.
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const params = new URLSearchParams(location.search);
  const id = params.get("id"), key = params.get("k") || "";
  const levels = [["very_satisfied", "非常满意"], ["satisfied", "满意"], ["basically_satisfied", "基本满意"],
    ["dissatisfied", "不满意"], ["very_dissatisfied", "非常不满意"]];
  let done = false;

  async function refresh() {
    if (done || !id || !/^[0-9]+$/.test(id)) return;
    try {
      const s = await Hall.api("GET", "/api/tickets/" + id + "/rating" + (key ? "?k=" + encodeURIComponent(key) : ""));
      $("rating").classList.toggle("hidden", !s.isFinished);
      if (!s.isFinished) return;
      if (s.level) { showRated(s.level); return; }
      $("rating-note").textContent = s.canRate ? "每次服务只能评价一次。" : s.reason;
      if (s.canRate && !$("rating-levels").children.length) {
        $("rating-levels").replaceChildren(...levels.map(([level, label]) => Hall.el("button", { type: "button", "data-level": level,
          class: level.includes("dissatisfied") ? "negative" : null, onclick: () => rate(level) }, HallLanguages.say("page.rating." + level, {}, label))));
      }
      if (!s.canRate) $("rating-levels").replaceChildren();
    } catch (e) { /* the status part of the page shows connection problems */ }
  }

  function showRated(level) {
    done = true;
    $("rating-levels").replaceChildren();
    $("rating-note").textContent = "";
    $("rating-result").textContent = "您已评价：" + (levels.find((l) => l[0] === level) || [level, level])[1] + "。感谢您的评价！";
  }

  async function rate(level) {
    for (const b of document.querySelectorAll("#rating-levels button")) b.disabled = true;
    try {
      const receipt = await Hall.api("POST", "/api/tickets/" + id + "/rating", { key, level });
      showRated(level);
      $("rating-result").textContent = receipt.message;
    } catch (e) {
      $("rating-note").textContent = e.message;
      $("rating-levels").replaceChildren();
      if (e.code === "already_rated") done = true;
    }
  }

  refresh();
  setInterval(refresh, 15000);
})();
