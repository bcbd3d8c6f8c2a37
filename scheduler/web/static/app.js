// kurssi serve: a little hand-written JavaScript, no libraries.
"use strict";
const Kurssi = (() => {
  const token = () => document.querySelector('meta[name="csrf-token"]').content;
  async function post(url, body) {
    const response = await fetch(url, {
      method: "POST",
      headers: {"Content-Type": "application/json", "Accept": "application/json", "X-CSRF-Token": token()},
      body: JSON.stringify(body || {}),
    });
    let data = {};
    try { data = await response.json(); } catch (e) { data = {problems: [response.statusText]}; }
    return {status: response.status, data};
  }
  const el = (id) => document.getElementById(id);
  function text(node, value) { node.textContent = value; return node; }
  function fmt(template, values) { return template.replace(/\{(\w+)\}/g, (_, k) => values[k] ?? ""); }

  function solvePage(job) {
    const form = el("solve-form"), box = el("progress"), stop = el("stop-button");
    const line = el("progress-text");
    let timer = null;
    function draw(points) {
      const canvas = el("penalty-chart"), g = canvas.getContext("2d");
      g.clearRect(0, 0, canvas.width, canvas.height);
      if (!points || points.length < 1) return;
      const xs = points.map(p => p[0]), ys = points.map(p => p[1]);
      const x0 = 0, x1 = Math.max(...xs, 1), y0 = Math.min(...ys), y1 = Math.max(...ys, y0 + 1);
      g.strokeStyle = "#3B6EA5"; g.lineWidth = 2; g.beginPath();
      points.forEach((p, i) => {
        const x = 6 + (canvas.width - 12) * (p[0] - x0) / (x1 - x0);
        const y = 6 + (canvas.height - 12) * (1 - (p[1] - y0) / (y1 - y0));
        if (i) g.lineTo(x, y); else g.moveTo(x, y);
      });
      g.stroke();
    }
    function show(state) {
      if (!state || state.state === "idle") return;
      box.hidden = false;
      const running = state.state === "running";
      stop.hidden = !running; el("solve-button").disabled = running;
      el("progress-fill").style.width = Math.min(100, 100 * state.elapsed / state.limit) + "%";
      const values = {elapsed: state.elapsed.toFixed(0), limit: state.limit.toFixed(0),
        penalty: state.penalty === null ? "–" : state.penalty,
        gap: state.gap === null ? "–" : (100 * state.gap).toFixed(1) + " %"};
      const key = running ? (state.penalty === null ? "none" : "running") : state.state;
      text(line, fmt(line.dataset[key] || "", values));
      draw(state.points);
      const list = el("progress-messages"); list.innerHTML = "";
      if (state.state === "failed") (state.messages || []).forEach(m => list.appendChild(text(document.createElement("li"), m)));
      if (state.version) {
        el("progress-result").hidden = false;
        el("result-link").href = form.dataset.course + "/v/" + encodeURIComponent(state.version);
      }
      if (!running && timer) { clearInterval(timer); timer = null; if (state.version) setTimeout(() => location.reload(), 600); }
    }
    async function poll() {
      const response = await fetch(form.dataset.progress, {headers: {"Accept": "application/json"}});
      show(await response.json());
    }
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const limit = Number(form.elements.time_limit.value) || null;
      const {status, data} = await post(form.action, {time_limit: limit});
      if (status === 409) text(line, line.dataset.busy);
      show(data);
      if (!timer) timer = setInterval(poll, 700);
    });
    stop.addEventListener("click", () => post(form.dataset.stop));
    if (job && job.state) { show(job); if (job.state === "running") timer = setInterval(poll, 700); }
  }

  function timetablePage(sessions) {
    const panel = el("panel"), form = el("move-form");
    const date = el("move-date"), start = el("move-start"), staff = el("move-staff"), room = el("move-room");
    const verdict = el("move-verdict"), save = el("save-move");
    let current = null, checking = 0;
    const url = (kind) => form.dataset[kind].replace("__ID__", encodeURIComponent(current.id));
    function choice() {
      return {date: date.value, start: Number(start.value),
        staff: Array.from(staff.selectedOptions).map(o => o.value), room: room.value || null};
    }
    function unchanged(c) {
      return c.date === current.date && c.start === current.start && c.room === current.room &&
        c.staff.slice().sort().join() === current.staff.slice().sort().join();
    }
    async function check() {
      const mine = ++checking, c = choice();
      if (unchanged(c)) { text(verdict, verdict.dataset.same); save.disabled = true; return; }
      const {status, data} = await post(url("check"), c);
      if (mine !== checking) return;
      verdict.innerHTML = ""; save.disabled = !(status === 200 && data.passed);
      if (status !== 200) { text(verdict, (data.problems || []).join("; ")); return; }
      if (data.passed) { verdict.appendChild(text(document.createElement("span"), verdict.dataset.ok)).className = "ok"; return; }
      data.failures.forEach(f => {
        const row = document.createElement("div");
        row.appendChild(text(document.createElement("span"), f.rule + " " + f.title + ": ")).className = "rule";
        row.appendChild(document.createTextNode(f.reasons.join(" / ")));
        verdict.appendChild(row);
      });
    }
    function open(id) {
      current = sessions[id]; if (!current) return;
      document.querySelectorAll(".block.selected").forEach(b => b.classList.remove("selected"));
      document.querySelectorAll(`.block[data-session="${CSS.escape(id)}"]`).forEach(b => b.classList.add("selected"));
      panel.hidden = false; el("suggestions").hidden = true;
      text(el("panel-title"), current.title);
      const clock = (m) => String(Math.floor(m / 60)).padStart(2, "0") + ":" + String(m % 60).padStart(2, "0");
      text(el("panel-now"), current.date + " " + clock(current.start) + "–" + clock(current.end) + (current.locked ? " 🔒" : ""));
      date.value = current.date; start.value = String(current.start); room.value = current.room || "";
      Array.from(staff.options).forEach(o => { o.selected = current.staff.includes(o.value); });
      text(verdict, verdict.dataset.same); save.disabled = true;
      el("unlock-button").hidden = !current.locked;
      panel.scrollIntoView({block: "nearest"});
    }
    document.querySelectorAll(".block").forEach(b => b.addEventListener("click", () => open(b.dataset.session)));
    [date, start, staff, room].forEach(input => input.addEventListener("change", check));
    save.addEventListener("click", async () => {
      const {status, data} = await post(url("save"), choice());
      if (status === 200 && data.url) location.href = data.url; else check();
    });
    el("suggest-button").addEventListener("click", async () => {
      const box = el("suggestions"), wait = el("suggest-wait"), list = el("suggestion-list");
      box.hidden = false; list.innerHTML = ""; text(wait, wait.dataset.wait);
      const {status, data} = await post(url("suggest"));
      if (status !== 200) { text(wait, (data.problems || []).join("; ")); return; }
      text(wait, data.suggestions.length ? "" : wait.dataset.none);
      data.suggestions.forEach(s => {
        const item = document.createElement("li");
        const accept = text(document.createElement("button"), list.dataset.accept);
        accept.className = "accept-suggestion";
        accept.addEventListener("click", async () => {
          const result = await post(form.dataset.accept, {key: s.key});
          if (result.data.url) location.href = result.data.url;
        });
        item.appendChild(accept);
        item.appendChild(text(document.createElement("b"), `${s.day} ${s.times}`));
        item.appendChild(document.createElement("br"));
        item.appendChild(document.createTextNode(`${s.staff}${s.room ? " · " + s.room : ""} · ` +
          fmt(list.dataset.penalty, {change: (s.penalty > 0 ? "+" : "") + s.penalty}) +
          (s.moved.length ? " · " + fmt(list.dataset.moves, {count: s.moved.length, sessions: s.moved.join(", ")}) : "")));
        list.appendChild(item);
      });
    });
    document.querySelectorAll(".lock-button").forEach(b => b.addEventListener("click", async () => {
      const {data} = await post(url("lock"), {scope: b.dataset.scope});
      if (data.url) location.href = data.url;
    }));
    const kind = el("replan-kind");
    function kindChanged() {
      const k = kind.value;
      document.querySelectorAll("#replan-form .for-staff").forEach(n => n.hidden = k === "leaves");
      document.querySelectorAll("#replan-form .for-replace").forEach(n => n.hidden = k !== "replace");
      document.querySelectorAll("#replan-form .for-leaves").forEach(n => n.hidden = k !== "leaves");
      document.querySelectorAll("#replan-form .for-span").forEach(n => n.hidden = k !== "unavailable");
    }
    kind.addEventListener("change", kindChanged); kindChanged();
  }
  return {solvePage, timetablePage};
})();
