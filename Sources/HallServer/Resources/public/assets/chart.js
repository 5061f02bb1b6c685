// A tiny SVG chart helper for the hall's report pages: grouped bar charts and line charts with
// axes, gridlines, value labels and a legend. Served locally (no CDN); no dependencies.
//   HallChart.bars(container, { labels: ["社保医保", …], series: [{ name: "取号", values: [3, …] }], unit: "人" })
//   HallChart.line(container, { labels: ["11-01", …], series: [{ name: "取号", values: [30, …] }] })
"use strict";
const HallChart = (() => {
  const NS = "http://www.w3.org/2000/svg";
  const palette = ["#0b57a4", "#1b7f3b", "#b3261e", "#a35c00", "#6a3d9a", "#00838f"];

  function node(tag, attributes, text) {
    const e = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attributes || {})) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = String(text);
    return e;
  }

  /** A "nice" axis maximum and step for values up to `max` (1, 2 or 5 × 10^n steps; whole steps for counts). */
  function niceScale(max, ticks, integers) {
    if (!(max > 0)) return { top: 1, step: 1 };
    const raw = max / ticks;
    const power = Math.pow(10, Math.floor(Math.log10(raw)));
    let step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw);
    if (integers) step = Math.max(1, step);
    return { top: Math.ceil(max / step) * step, step };
  }

  function format(value) {
    return Number.isInteger(value) ? String(value) : value.toFixed(1);
  }

  /** Frame shared by both charts: the SVG, plot area, y axis with gridlines, x labels, legend. */
  function frame(container, spec, kind) {
    const width = spec.width || 720, height = spec.height || 300;
    const pad = { left: 48, right: 16, top: 28, bottom: 56 };
    const values = spec.series.flatMap((s) => s.values).filter((v) => typeof v === "number");
    const scale = niceScale(Math.max(0, ...values), 5, values.every(Number.isInteger));
    const svg = node("svg", { viewBox: `0 0 ${width} ${height}`, width: "100%", role: "img", class: "hall-chart " + kind,
      "aria-label": spec.title || "图表", "data-series": spec.series.length, "data-points": spec.labels.length });
    if (spec.title) svg.append(node("title", {}, spec.title));
    const plot = { x: pad.left, y: pad.top, w: width - pad.left - pad.right, h: height - pad.top - pad.bottom };
    const y = (v) => plot.y + plot.h - (v / scale.top) * plot.h;
    for (let v = 0; v <= scale.top + 1e-9; v += scale.step) {
      svg.append(node("line", { x1: plot.x, x2: plot.x + plot.w, y1: y(v), y2: y(v), stroke: v === 0 ? "#555" : "#d5dde8" }));
      svg.append(node("text", { x: plot.x - 6, y: y(v) + 4, "text-anchor": "end", "font-size": 12, fill: "#555" }, format(v)));
    }
    if (spec.unit) svg.append(node("text", { x: 4, y: 14, "font-size": 12, fill: "#555" }, spec.unit));
    spec.series.forEach((s, i) => {
      const lx = plot.x + i * 110, ly = height - 12;
      svg.append(node("rect", { x: lx, y: ly - 10, width: 12, height: 12, fill: s.color || palette[i % palette.length] }));
      svg.append(node("text", { x: lx + 16, y: ly, "font-size": 13, fill: "#1a1a1a" }, s.name));
    });
    container.replaceChildren(svg);
    return { svg, plot, y, height };
  }

  /** Grouped vertical bars: one group per label, one bar per series, value above each bar. */
  function bars(container, spec) {
    const { svg, plot, y } = frame(container, spec, "bars");
    const groups = spec.labels.length || 1, n = spec.series.length;
    const groupWidth = plot.w / groups, barWidth = Math.max(4, Math.min(40, (groupWidth * 0.8) / n));
    spec.labels.forEach((label, g) => {
      const x0 = plot.x + g * groupWidth + (groupWidth - barWidth * n) / 2;
      spec.series.forEach((s, i) => {
        const v = s.values[g] || 0, x = x0 + i * barWidth;
        const bar = node("rect", { x, y: y(v), width: barWidth - 2, height: Math.max(0, y(0) - y(v)),
          fill: s.color || palette[i % palette.length], class: "bar", "data-series": s.name, "data-label": label, "data-value": v });
        bar.append(node("title", {}, `${label} ${s.name}：${format(v)}${spec.unit || ""}`));
        svg.append(bar);
        if (v > 0) svg.append(node("text", { x: x + barWidth / 2 - 1, y: y(v) - 3, "text-anchor": "middle", "font-size": 11 }, format(v)));
      });
      svg.append(node("text", { x: plot.x + g * groupWidth + groupWidth / 2, y: plot.y + plot.h + 18, "text-anchor": "middle",
        "font-size": 12 }, label));
    });
    return svg;
  }

  /** Lines over evenly spaced labels (e.g. the days of a month), a dot per point. */
  function line(container, spec) {
    const { svg, plot, y } = frame(container, spec, "line");
    const count = spec.labels.length, step = count > 1 ? plot.w / (count - 1) : 0;
    const x = (i) => plot.x + (count > 1 ? i * step : plot.w / 2);
    const every = Math.ceil(count / 12);
    spec.labels.forEach((label, i) => {
      if (i % every === 0) svg.append(node("text", { x: x(i), y: plot.y + plot.h + 18, "text-anchor": "middle", "font-size": 12 }, label));
    });
    spec.series.forEach((s, si) => {
      const color = s.color || palette[si % palette.length];
      const points = s.values.map((v, i) => `${x(i)},${y(v || 0)}`).join(" ");
      svg.append(node("polyline", { points, fill: "none", stroke: color, "stroke-width": 2, class: "series", "data-series": s.name }));
      s.values.forEach((v, i) => {
        const dot = node("circle", { cx: x(i), cy: y(v || 0), r: 3, fill: color, class: "point", "data-value": v || 0 });
        dot.append(node("title", {}, `${spec.labels[i]} ${s.name}：${format(v || 0)}`));
        svg.append(dot);
      });
    });
    return svg;
  }

  return { bars, line, niceScale };
})();
