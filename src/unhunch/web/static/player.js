// The session player: runs a timeline in the browser. The page says which one (data-timeline:
// today's routine at /api/timeline, or a movement break's at /api/breaks/timeline) and in which
// mode (data-mode: "session" saves to /api/sessions with check-ins before and after; "break"
// records the break as taken when it starts and has no pain check-ins).
// Safety decisions come from the server (/api/stop-check, core/stop_rules.decide); every save
// goes to /api/sessions under one id made here, so a retried save never doubles a session.
// No inline script or style anywhere: the pacer moves through the CSSOM (element.style).

const $ = (id) => document.getElementById(id);
const root = $("player");
const speed = Math.max(1, Number(root.dataset.speed) || 1);
const regions = (root.dataset.regions || "").split(",").filter(Boolean);
const timelineUrl = root.dataset.timeline || "/api/timeline";
const isBreak = root.dataset.mode === "break";

const s = {
  sessionId: newId(),
  timeline: null,
  steps: [],
  index: 0,
  elapsed: 0, // timeline seconds spent in the current step
  running: false,
  last: null,
  outcomes: new Map(), // item -> {item, exercise, outcome, reason, seconds}
  itemSeconds: new Map(),
  eased: new Set(),
  painBefore: null,
  painAfter: null,
  endStatus: null,
  stopReason: null,
  advice: null,
  shownFigure: "",
  spoken: -1,
  voice: localStorage.getItem("unhunch-voice") === "on",
  wakeLock: null,
};

function newId() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function show(id) {
  for (const sec of ["loading", "checkin", "stage", "advice", "after", "done", "emergency"]) {
    $(sec).hidden = sec !== id;
  }
}

async function post(url, body) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const r = await fetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      if (r.ok) return await r.json();
      if (r.status < 500) throw new Error(await r.text());
    } catch (err) {
      if (attempt === 2) throw err;
    }
    await new Promise((ok) => setTimeout(ok, 400 * (attempt + 1)));
  }
  throw new Error("no answer");
}

function fail(message) {
  const e = $("error");
  e.textContent = message;
  e.hidden = false;
}

// ---- saving ------------------------------------------------------------------------------

function record(status) {
  return {
    id: s.sessionId,
    status,
    stop_reason: s.stopReason,
    pain_before: s.painBefore,
    pain_after: s.painAfter,
    items: [...s.outcomes.values()].sort((a, b) => a.item - b.item),
  };
}

async function save(final = false) {
  if (isBreak) return; // a break is one "taken" event, recorded when it starts
  const body = record(final ? s.endStatus || "completed" : "running");
  try {
    await post("/api/sessions", body);
    if (final) $("save-state").textContent = "Saved to your diary.";
  } catch (err) {
    if (final) {
      $("save-state").textContent =
        "We could not save this session. Please keep this page open and try again.";
    }
  }
}

// ---- steps and items -----------------------------------------------------------------------

const step = () => s.steps[s.index];

function markItem(item, outcome, reason = null) {
  if (item === null || item === undefined || s.outcomes.has(item)) return;
  const st = s.steps.find((x) => x.item === item) || step();
  const kind = outcome === "done" && s.eased.has(item) ? "eased" : outcome;
  s.outcomes.set(item, {
    item,
    exercise: st.exercise,
    outcome: kind,
    reason,
    seconds: Math.round(s.itemSeconds.get(item) || 0),
  });
}

function closeRemaining(reason) {
  for (let i = 0; i < s.timeline.items.length; i++) {
    if (!s.outcomes.has(i)) {
      const ex = s.timeline.items[i].exercise;
      const current = step().item === i;
      s.outcomes.set(i, { item: i, exercise: current ? step().exercise : ex, outcome: current ? "stopped" : "skipped", reason, seconds: Math.round(s.itemSeconds.get(i) || 0) });
    }
  }
}

function enter(index) {
  const before = step();
  s.index = Math.min(index, s.steps.length - 1);
  s.elapsed = 0;
  const now = step();
  if (before && before.item !== null && before.item !== undefined && before.item !== now.item) {
    markItem(before.item, "done");
    save();
  }
  if (now.kind === "check_in" && now.check === "after") {
    finishSteps();
    return;
  }
  render(true);
}

function nextItemStart(item) {
  const i = s.steps.findIndex((x, k) => k > s.index && x.item !== item);
  return i === -1 ? s.steps.length - 1 : i;
}

function segmentStart(i) {
  i = Math.max(0, i);
  while (i > 0 && !["check_in", "get_ready", "switch_side", "rest"].includes(s.steps[i].kind)) i--;
  return i;
}

// ---- the clock -------------------------------------------------------------------------------

function tick(t) {
  if (s.running) {
    if (s.last !== null) {
      const dt = ((t - s.last) / 1000) * speed;
      s.elapsed += dt;
      const item = step().item;
      if (item !== null && item !== undefined) s.itemSeconds.set(item, (s.itemSeconds.get(item) || 0) + dt);
      while (s.running && s.elapsed >= step().seconds) {
        const carry = s.elapsed - step().seconds;
        enter(s.index + 1);
        s.elapsed = s.running ? carry : 0;
      }
    }
    s.last = t;
    if (s.running) render(false);
  }
  requestAnimationFrame(tick);
}

function setRunning(on) {
  s.running = on;
  s.last = null;
  $("pause").textContent = on ? "Pause" : "Continue";
  $("paused-note").hidden = on;
  if (on) keepAwake();
}

// ---- drawing ---------------------------------------------------------------------------------

function runRemaining() {
  // The countdown covers the whole hold or set (consecutive steps of one kind), not one breath.
  const cur = step();
  let left = cur.seconds - s.elapsed;
  for (let i = s.index + 1; i < s.steps.length; i++) {
    const x = s.steps[i];
    if (x.kind !== cur.kind || x.item !== cur.item || x.side !== cur.side || x.set_index !== cur.set_index) break;
    left += x.seconds;
  }
  return Math.max(0, left);
}

function render(changed) {
  const cur = step();
  const items = s.timeline.items;
  const total = s.steps.reduce((a, x) => a + x.seconds, 0) || 1;
  const done = s.steps.slice(0, s.index).reduce((a, x) => a + x.seconds, 0) + s.elapsed;
  $("overall").value = Math.min(1, done / total);
  if (changed) {
    const n = cur.item ?? 0;
    const item = items[n];
    const part = isBreak ? "movement break" : item ? blockWords(item.block) : "";
    $("where").textContent = `Exercise ${n + 1} of ${items.length}` + (part ? ` · ${part}` : "");
    $("ex-name").textContent = cur.name || (item ? item.name : "");
    const words = stepWords(cur);
    $("step-text").textContent = words.main;
    $("step-detail").textContent = words.detail;
    $("count-label").textContent = countWords(cur);
    // Rep and breath numbers are already in the step's words; here only the set and side.
    const parts = [];
    if (cur.set_count > 1) parts.push(`Set ${cur.set_index} of ${cur.set_count}`);
    if (cur.side) parts.push(`${cur.side === "left" ? "Left" : "Right"} side`);
    $("rep-side").textContent = parts.join(" · ");
    if (cur.instructions && cur.instructions.length) showHow(cur.instructions);
    showFigure(cur);
    $("back").disabled = s.index <= 1;
    speak(words.spoken);
  }
  $("count").textContent = String(Math.ceil(runRemaining()));
  pace(cur);
}

// What the person reads. The get-ready step's own text names the exercise again ("Get ready:
// <name> — <dose>.", "Next: …" before), which the heading already shows: the page says "Get
// ready" and keeps the rest (the dose, a change of position, which side first) as the detail.
function stepWords(cur) {
  if (cur.kind === "get_ready") {
    const detail = cur.text
      .replace(`Get ready: ${cur.name} — `, "")
      .replace(`Next: ${cur.name} — `, "")
      .replace(`An easier version: ${cur.name} — `, "An easier version: ");
    const start = cur.cue ? ` ${cur.cue}` : "";
    return { main: "Get ready", detail: `${detail}${start}`, spoken: `Get ready: ${cur.name}. ${detail}${start}` };
  }
  const cue = cur.kind === "hold" || cur.kind === "reps" ? cur.cue || "" : "";
  return { main: cur.text, detail: cue, spoken: cur.text };
}

function countWords(cur) {
  return {
    get_ready: "seconds to get ready",
    rest: "seconds of rest",
    switch_side: "seconds to switch sides",
    hold: "seconds left in this hold",
    reps: cur.set_count > 1 ? "seconds left in this set" : "seconds left",
  }[cur.kind] || "";
}

function showHow(instructions) {
  const list = $("how-steps");
  const text = instructions.join("\n");
  if (list.dataset.for === text) return;
  list.dataset.for = text;
  list.replaceChildren(...instructions.map((line) => {
    const li = document.createElement("li");
    li.textContent = line;
    return li;
  }));
}

function figureUrl(exercise) {
  // Animated figures do a two-sided exercise left then right by themselves.
  return `/figures/${exercise}.svg?animated=true`;
}

function showFigure(cur) {
  const ex = cur.exercise;
  if (!ex) return;
  const src = figureUrl(ex);
  if (src === s.shownFigure) return;
  const img = $("figure");
  img.src = src;
  img.alt = `Moving drawing of ${cur.name || ex}`;
  s.shownFigure = src;
}

function preloadFigures() {
  // Fetched while the person answers the check-in, so each step's picture is ready at once.
  s.preloaded = [...new Set(s.steps.map((x) => x.exercise).filter(Boolean))].map((ex) => {
    const img = new Image();
    img.src = figureUrl(ex);
    return img;
  });
}

function blockWords(block) {
  return { warm_up: "warm-up", main: "main part", cool_down: "cool-down" }[block] || "";
}

function pace(cur) {
  const box = $("pacer-box");
  const word = $("breath-word");
  const pacer = $("pacer");
  if (!cur.phases || cur.phases.length === 0) {
    // Reps set their own breathing in the cue; an idle circle would only distract.
    box.hidden = true;
    word.textContent = "";
    return;
  }
  box.hidden = false;
  let passed = 0;
  for (const ph of cur.phases) {
    if (s.elapsed < passed + ph.seconds || ph === cur.phases[cur.phases.length - 1]) {
      const f = Math.min(1, Math.max(0, (s.elapsed - passed) / ph.seconds));
      const scale = ph.breath === "in" ? 0.55 + 0.45 * f : 1 - 0.45 * f;
      pacer.style.transform = `scale(${scale.toFixed(3)})`;
      word.textContent = ph.breath === "in" ? "Breathe in" : "Breathe out";
      return;
    }
    passed += ph.seconds;
  }
}

// ---- spoken cues and keeping the screen awake ------------------------------------------------

function speak(text) {
  if (!s.voice || !("speechSynthesis" in window) || s.spoken === s.index) return;
  s.spoken = s.index;
  speechSynthesis.cancel();
  speechSynthesis.speak(new SpeechSynthesisUtterance(text));
}

function showVoice() {
  const b = $("voice");
  b.setAttribute("aria-pressed", String(s.voice));
  b.textContent = `Spoken cues: ${s.voice ? "on" : "off"}`;
}

async function keepAwake() {
  if (!("wakeLock" in navigator) || s.wakeLock) return;
  try {
    s.wakeLock = await navigator.wakeLock.request("screen");
    s.wakeLock.addEventListener("release", () => (s.wakeLock = null));
  } catch (err) {
    s.wakeLock = null; // not allowed here (battery saver, hidden tab): the session still runs
  }
}

function letSleep() {
  if (s.wakeLock) s.wakeLock.release();
  s.wakeLock = null;
}

// ---- controls --------------------------------------------------------------------------------

function togglePause() {
  if ($("stage").hidden) return;
  setRunning(!s.running);
}

function skipItem() {
  const item = step().item;
  if (item === null || item === undefined) return;
  markItem(item, "skipped", "skipped by you");
  save();
  enter(nextItemStart(item));
}

function nextStep() {
  if (s.index < s.steps.length - 1) enter(s.index + 1);
}

function back() {
  if (s.index <= 1) return;
  let target = segmentStart(s.index);
  if (target === s.index) target = segmentStart(s.index - 1);
  if (s.steps[target].kind === "check_in") target += 1;
  const item = s.steps[target].item;
  for (const k of [...s.outcomes.keys()]) if (item === null || item === undefined || k >= item) s.outcomes.delete(k);
  s.index = target;
  s.elapsed = 0;
  render(true);
}

function endEarly() {
  closeRemaining("you ended the session");
  s.endStatus = "quit";
  s.stopReason = "you ended the session";
  finishSteps();
}

function openTooMuch() {
  if ($("stage").hidden) return;
  setRunning(false);
  $("too-much-form").reset();
  $("tm-pain-out").textContent = $("tm-pain").value;
  $("too-much-dialog").showModal();
}

async function reportTooMuch() {
  const worstStart = Math.max(...Object.values(s.painBefore || {}), -1);
  const check = {
    pain: Number($("tm-pain").value),
    start_pain: worstStart >= 0 ? worstStart : null,
    spreading: $("tm-spreading").checked,
    cardiac_or_faint: $("tm-cardiac").checked,
    too_much: true,
  };
  let decision;
  try {
    decision = await post("/api/stop-check", check);
  } catch (err) {
    decision = { action: "ease", rule: "too_much", message: "Stop this exercise. You can skip to the next one or end here." };
  }
  s.advice = decision;
  const item = step().item;
  if (decision.action === "continue") {
    s.advice = null;
    $("step-text").textContent = decision.message;
    setRunning(true);
    return;
  }
  if (decision.action === "stop_emergency" || decision.action === "stop_rescreen") {
    if (item !== null && item !== undefined) markItem(item, "stopped", decision.rule);
    closeRemaining("session stopped");
    s.endStatus = "stopped";
    s.stopReason = decision.rule;
    if (decision.action === "stop_emergency") {
      letSleep();
      show("emergency");
      $("emergency-text").textContent = decision.message;
      $("emergency-title").focus();
      s.painAfter = null;
      if (!isBreak) await post("/api/sessions", record("stopped")).catch(() => {});
      return;
    }
    finishSteps();
    return;
  }
  // ease: offer the easier version when there is one, else move on.
  const easier = s.timeline.easier[String(item)];
  $("advice-text").textContent = decision.message;
  $("advice-easier").hidden = !easier || s.eased.has(item);
  show("advice");
  $("advice-title").focus?.();
}

function useEasier() {
  const item = step().item;
  const easier = s.timeline.easier[String(item)];
  const first = s.steps.findIndex((x) => x.item === item);
  const last = s.steps.map((x) => x.item).lastIndexOf(item);
  s.steps = [...s.steps.slice(0, first), ...easier, ...s.steps.slice(last + 1)].map((x, i) => ({ ...x, index: i }));
  s.eased.add(item);
  s.index = first;
  s.elapsed = 0;
  s.advice = null;
  show("stage");
  render(true);
  setRunning(true);
}

function adviceNext() {
  const item = step().item;
  markItem(item, "skipped", `${s.advice ? s.advice.rule : "too_much"}: moved on`);
  s.advice = null;
  show("stage");
  save();
  enter(nextItemStart(item));
  setRunning(true);
}

// ---- check-ins -------------------------------------------------------------------------------

function painFrom(form) {
  const out = {};
  for (const r of regions) out[r] = Number(form.elements[r].value);
  return out;
}

function wireSliders(prefix) {
  for (const r of regions) {
    const input = $(`${prefix}-${r}`);
    const out = $(`${prefix}-out-${r}`);
    input.addEventListener("input", () => (out.textContent = input.value));
  }
}

function finishSteps() {
  setRunning(false);
  letSleep();
  s.index = s.steps.length - 1;
  if (isBreak) {
    finishBreak();
    return;
  }
  show("after");
  $("after-title").textContent = s.endStatus === "stopped" ? "We stopped the session. How is your pain now?" : s.endStatus === "quit" ? "Session ended. How is your pain now?" : "All done. How is your pain now?";
  for (const r of regions) {
    const v = s.painBefore?.[r] ?? 0;
    $(`after-${r}`).value = v;
    $(`after-out-${r}`).textContent = v;
  }
}

async function afterCheckIn(ev) {
  ev.preventDefault();
  s.painAfter = painFrom($("after-form"));
  const start = s.painBefore || {};
  const now = Object.values(s.painAfter);
  const starts = Object.keys(s.painAfter).filter((r) => r in start).map((r) => start[r]);
  let message = null;
  try {
    const d = await post("/api/stop-check", {
      pain: now.length ? Math.max(...now) : null,
      start_pain: starts.length ? Math.max(...starts) : null,
    });
    // The stop rules' words are for during an exercise ("stop this exercise; try the easier
    // version"); after the session the page says what happens next instead.
    if (d.action !== "continue") message = $("done-advice").dataset.afterEase || d.message;
  } catch (err) {
    message = null;
  }
  if (!s.endStatus) s.endStatus = "completed";
  for (let i = 0; i < s.timeline.items.length; i++) if (!s.outcomes.has(i)) markItem(i, "done");
  show("done");
  const counts = { done: 0, eased: 0, skipped: 0, stopped: 0 };
  for (const o of s.outcomes.values()) counts[o.outcome]++;
  $("done-title").textContent = s.endStatus === "completed" ? "Well done" : "Session saved";
  $("done-summary").textContent = `${counts.done + counts.eased} of ${s.timeline.items.length} exercises done` + (counts.eased ? ` (${counts.eased} made easier)` : "") + (counts.skipped ? `, ${counts.skipped} skipped` : "") + ".";
  const rescreen = s.stopReason === "spreading";
  const extra = rescreen ? (s.advice?.message || "Please answer the safety questions again before your next session.") : message;
  if (extra) {
    $("done-advice").textContent = extra;
    $("done-advice").hidden = false;
  }
  $("to-screen").hidden = !rescreen;
  $("done-title").focus();
  await save(true);
}

function finishBreak() {
  if (!s.endStatus) s.endStatus = "completed";
  for (let i = 0; i < s.timeline.items.length; i++) if (!s.outcomes.has(i)) markItem(i, "done");
  const done = [...s.outcomes.values()].filter((o) => o.outcome === "done" || o.outcome === "eased").length;
  show("done");
  $("done-title").textContent = s.endStatus === "completed" ? "Break done" : "Break ended";
  $("done-summary").textContent = `${done} of ${s.timeline.items.length} exercises done. Back to your day.`;
  if (s.stopReason === "spreading" && s.advice) {
    $("done-advice").textContent = s.advice.message;
    $("done-advice").hidden = false;
    $("to-screen").hidden = false;
  }
  $("save-state").textContent = s.breakSaved ? "Saved as a break taken." : "";
  $("done-title").focus();
}

async function startBreak() {
  // Starting is taking the break (the banner's Start only brought the person here).
  try {
    await post("/api/breaks/taken", {});
    s.breakSaved = true;
  } catch (err) {
    s.breakSaved = false;
  }
}

async function beforeCheckIn(ev) {
  ev.preventDefault();
  s.painBefore = isBreak ? null : painFrom($("checkin-form"));
  if (isBreak) startBreak();
  show("stage");
  s.index = 0;
  enter(1);
  setRunning(true);
  save();
}

// ---- start -----------------------------------------------------------------------------------

function onKey(ev) {
  if (ev.target.closest("input, textarea, select, dialog, button, a")) return;
  if ($("stage").hidden) return;
  if (ev.key === " ") {
    ev.preventDefault();
    togglePause();
  } else if (ev.key === "ArrowLeft") back();
  else if (ev.key === "ArrowRight") nextStep();
  else if (ev.key === "s" || ev.key === "S") openTooMuch(); // as in the terminal coach
}

async function main() {
  showVoice();
  wireSliders("check");
  wireSliders("after");
  $("tm-pain").addEventListener("input", () => ($("tm-pain-out").textContent = $("tm-pain").value));
  $("checkin-form").addEventListener("submit", beforeCheckIn);
  $("after-form").addEventListener("submit", afterCheckIn);
  $("pause").addEventListener("click", togglePause);
  $("skip").addEventListener("click", skipItem);
  $("back").addEventListener("click", back);
  $("end").addEventListener("click", endEarly);
  $("too-much").addEventListener("click", openTooMuch);
  $("too-much-dialog").addEventListener("close", () => {
    if ($("too-much-dialog").returnValue === "report") reportTooMuch();
    else setRunning(true);
  });
  $("advice-easier").addEventListener("click", useEasier);
  $("advice-next").addEventListener("click", adviceNext);
  $("advice-end").addEventListener("click", () => {
    show("stage");
    endEarly();
  });
  $("voice").addEventListener("click", () => {
    s.voice = !s.voice;
    localStorage.setItem("unhunch-voice", s.voice ? "on" : "off");
    if (!s.voice && "speechSynthesis" in window) speechSynthesis.cancel();
    s.spoken = -1;
    showVoice();
  });
  document.addEventListener("keydown", onKey);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible" && s.running) keepAwake();
  });

  const r = await fetch(timelineUrl);
  if (!r.ok) {
    fail(isBreak ? "We could not load this break. Please go back to the Today page." : "We could not load today's routine. Please go back to the Today page.");
    $("loading").hidden = true;
    return;
  }
  const doc = await r.json();
  s.timeline = doc.timeline;
  s.steps = doc.timeline.steps;
  preloadFigures();
  const first = s.steps.find((x) => x.exercise);
  if (first) showFigure(first);
  root.dataset.ready = "true";
  show("checkin");
  $("checkin-title").focus?.();
  requestAnimationFrame(tick);
}

main();
