// The voice packs on the admin page (设备 tab, 语音包): per language other than Chinese, every clip
// a call needs (digits, the letters of the ticket prefixes, the words of the call phrase), recorded
// or missing. A clip is recorded in the browser (MediaRecorder), decoded, resampled to the pack's
// rate with an OfflineAudioContext and encoded as 16-bit mono PCM WAV here, then uploaded; or a
// WAV file is uploaded as it is. The server checks the role and the file.
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  if (!$("voice-packs-card")) return;
  const names = { mn: "蒙古语" };
  const kinds = { digit: "数字", letter: "字母", word: "词语" };
  let rules = { sampleRate: 22050, maxSeconds: 3 };
  // While a clip is being recorded the list is not redrawn (that would drop its 停止 button).
  let recording = false;

  /** Mono 16-bit PCM WAV bytes of Float32 samples. */
  function wav(samples, rate) {
    const out = new DataView(new ArrayBuffer(44 + samples.length * 2));
    const text = (at, s) => { for (let i = 0; i < s.length; i++) out.setUint8(at + i, s.charCodeAt(i)); };
    text(0, "RIFF"); out.setUint32(4, 36 + samples.length * 2, true); text(8, "WAVE");
    text(12, "fmt "); out.setUint32(16, 16, true); out.setUint16(20, 1, true); out.setUint16(22, 1, true);
    out.setUint32(24, rate, true); out.setUint32(28, rate * 2, true); out.setUint16(32, 2, true); out.setUint16(34, 16, true);
    text(36, "data"); out.setUint32(40, samples.length * 2, true);
    samples.forEach((v, i) => out.setInt16(44 + i * 2, Math.max(-1, Math.min(1, v)) * 0x7fff, true));
    return new Blob([out.buffer], { type: "audio/wav" });
  }

  /** A recording (any format the browser made) as the pack's WAV: decoded, mixed to mono, resampled. */
  async function toPackWAV(blob) {
    const decoded = await new AudioContext().decodeAudioData(await blob.arrayBuffer());
    const seconds = Math.min(decoded.duration, rules.maxSeconds - 0.05);
    const offline = new OfflineAudioContext(1, Math.max(1, Math.round(seconds * rules.sampleRate)), rules.sampleRate);
    const source = offline.createBufferSource();
    source.buffer = decoded;
    source.connect(offline.destination);
    source.start();
    const rendered = await offline.startRendering();
    return wav(rendered.getChannelData(0), rules.sampleRate);
  }

  async function upload(language, clip, body) {
    const response = await fetch(`/api/voice-packs/${language}/clips/${encodeURIComponent(clip)}`,
      { method: "PUT", headers: { "Content-Type": "audio/wav" }, credentials: "same-origin", body });
    if (!response.ok) {
      const data = await response.json().catch(() => null);
      throw Object.assign(new Error(data && data.message || `上传失败（HTTP ${response.status}）`), { status: response.status });
    }
    await load();
  }

  /** Records until 停止 or the clip's longest length, then uploads. */
  async function record(language, clip, button) {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    recording = true;
    const recorder = new MediaRecorder(stream);
    const chunks = [];
    recorder.ondataavailable = (e) => { if (e.data.size) chunks.push(e.data); };
    const stopped = new Promise((resolve) => { recorder.onstop = resolve; });
    recorder.start();
    button.textContent = "停止";
    button.dataset.recording = "1";
    const stop = () => { if (recorder.state === "recording") recorder.stop(); };
    button.onclick = stop;
    const timer = setTimeout(stop, (rules.maxSeconds - 0.2) * 1000);
    await stopped;
    clearTimeout(timer);
    stream.getTracks().forEach((t) => t.stop());
    recording = false;
    button.textContent = "上传中…";
    await upload(language, clip, await toPackWAV(new Blob(chunks, { type: recorder.mimeType })));
  }

  function row(language, clip) {
    const recordButton = Hall.el("button", { type: "button", "data-record": clip.name }, clip.recorded ? "重录" : "录音");
    recordButton.onclick = () => HallAdmin.run(() => record(language, clip.name, recordButton).catch((e) => { load(); throw e; }));
    const file = Hall.el("input", { type: "file", accept: ".wav,audio/wav", class: "hidden", "data-file": clip.name });
    file.onchange = () => file.files[0] && HallAdmin.run(() => upload(language, clip.name, file.files[0]));
    const play = () => new Audio(`/api/voice-packs/${language}/clips/${encodeURIComponent(clip.name)}?t=${Date.now()}`).play();
    return Hall.el("tr", { "data-clip": clip.name },
      Hall.el("td", {}, kinds[clip.kind] || clip.kind),
      Hall.el("td", { lang: clip.kind === "word" ? "mn-Mong" : null }, clip.label),
      Hall.el("td", { class: clip.recorded ? "ok" : "bad", "data-state": clip.name }, clip.recorded ? `已录（${clip.seconds} 秒）` : "缺少"),
      Hall.el("td", {}, Hall.el("div", { class: "row" }, recordButton,
        clip.recorded ? Hall.el("button", { type: "button", class: "secondary", onclick: play }, "播放") : "",
        Hall.el("button", { type: "button", class: "secondary", onclick: () => file.click() }, "上传文件"), file)));
  }

  function pack(p) {
    const label = names[p.language] || p.language;
    const state = p.problem ? p.problem
      : p.complete ? "已录齐：叫号时按语言顺序先后播报。" : `缺少 ${p.missing.length} 段录音：录齐之前叫号只用汉语播报。`;
    const missing = p.clips.filter((c) => !c.recorded).map((c) => c.label);
    return Hall.el("div", { "data-pack": p.language },
      Hall.el("h3", {}, `${label}语音包`), Hall.el("p", { class: p.complete ? "ok" : "muted" }, state),
      Hall.el("p", { id: `voice-missing-${p.language}`, "data-missing": p.missing.length },
        missing.length ? "缺少：" + missing.join("、") : "没有缺少的录音。"),
      Hall.el("table", {}, Hall.el("thead", {}, Hall.el("tr", {},
        Hall.el("th", {}, "类别"), Hall.el("th", {}, "内容"), Hall.el("th", {}, "状态"), Hall.el("th", {}, "操作"))),
        Hall.el("tbody", {}, ...p.clips.map((c) => row(p.language, c)))));
  }

  async function load() {
    const listing = await Hall.api("GET", "/api/voice-packs");
    if (recording) return;
    rules = listing;
    $("voice-packs-card").classList.toggle("hidden", listing.packs.length === 0);
    $("voice-packs").replaceChildren(...listing.packs.map(pack));
  }

  HallAdmin.onTab("devices", () => HallAdmin.run(load));
})();
