// The policy playground: a working copy of the policy files lives in this page; every action sends it to the
// server, which compiles it and answers. No framework and no build step: this file is served as written.
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const state = { files: [], current: 0, diagnostics: [], timer: 0, lintSeq: 0 };

  const post = async (name, extra) => {
    const body = Object.assign({ files: state.files.map((f) => ({ path: f.path, text: f.text })) }, extra || {});
    const response = await fetch("api/" + name, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    return response.json();
  };

  const el = (tag, attrs, text) => {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
    if (text !== undefined) node.textContent = text;
    return node;
  };

  const where = (d) => `${d.file || "(policy)"}:${d.line}:${d.column}`;
  const errorsOf = (path) => state.diagnostics.filter((d) => d.file === path);

  function renderTabs() {
    const tabs = $("tabs");
    tabs.replaceChildren();
    state.files.forEach((file, i) => {
      const button = el("button", { type: "button", "data-path": file.path }, file.path);
      if (i === state.current) button.classList.add("active");
      if (errorsOf(file.path).length) button.classList.add("has-error");
      button.addEventListener("click", () => select(i));
      tabs.append(button);
    });
  }

  function renderGutter() {
    const lines = $("source").value.split("\n").length;
    const errors = errorsOf(state.files[state.current].path);
    const gutter = $("gutter");
    gutter.replaceChildren();
    for (let n = 1; n <= lines; n++) {
      const span = el("span", { "data-line": String(n) }, String(n));
      const here = errors.filter((d) => d.line === n);
      if (here.length) {
        span.classList.add("error");
        span.title = here.map((d) => `${d.code}: ${d.message}`).join("\n");
      }
      gutter.append(span);
    }
    gutter.scrollTop = $("source").scrollTop;
  }

  function select(i) {
    state.current = i;
    $("source").value = state.files[i].text;
    renderTabs();
    renderGutter();
  }

  function goTo(d) {
    const i = state.files.findIndex((f) => f.path === d.file);
    if (i < 0) return;
    select(i);
    const source = $("source");
    const lines = source.value.split("\n");
    const offset = lines.slice(0, d.line - 1).reduce((sum, l) => sum + l.length + 1, 0) + Math.max(d.column - 1, 0);
    source.focus();
    source.setSelectionRange(offset, offset);
  }

  function showDiagnostics(diagnostics) {
    state.diagnostics = diagnostics || [];
    const list = $("problems");
    list.replaceChildren(...state.diagnostics.map((d) => {
      const item = el("li", { class: "problem", "data-file": d.file || "", "data-line": String(d.line), "data-column": String(d.column), "data-code": d.code },
        `${where(d)}: ${d.severity} ${d.code}: ${d.message}`);
      item.addEventListener("click", () => goTo(d));
      return item;
    }));
    const status = $("lint-status");
    status.textContent = state.diagnostics.length ? `${state.diagnostics.length} problem(s)` : "no problems";
    status.className = "status " + (state.diagnostics.length ? "bad" : "ok");
    renderTabs();
    renderGutter();
  }

  async function lint() {
    const seq = ++state.lintSeq;
    $("lint-status").textContent = "checking…";
    const result = await post("lint");
    if (seq === state.lintSeq) showDiagnostics(result.diagnostics);
  }

  async function runTests() {
    $("test-summary").textContent = "running…";
    const result = await post("test");
    showDiagnostics(result.diagnostics);
    $("test-summary").textContent = result.diagnostics && result.diagnostics.length && !result.cases.length
      ? "the policy does not compile" : `${result.passed} passed, ${result.failed} failed`;
    $("test-results").replaceChildren(...(result.cases || []).map((c) => el("li", { class: c.passed ? "pass" : "fail" },
      `${c.passed ? "PASS" : "FAIL"} ${c.suite} > ${c.name}` + (c.passed ? "" : ` (${c.file}:${c.line}:${c.column}): expected ${c.expected}, got ${c.actual}`))));
  }

  async function runCheck(event) {
    event.preventDefault();
    const check = { principal: $("check-principal").value, org: $("check-org").value, action: $("check-action").value, resource: $("check-resource").value || null };
    const result = await post("check", { check });
    const decision = $("check-decision");
    const explanation = $("check-explanation");
    if (result.error || !result.ok) {
      decision.textContent = result.error || "the policy does not compile";
      decision.className = "deny";
      explanation.replaceChildren();
      if (result.diagnostics) showDiagnostics(result.diagnostics);
      return;
    }
    decision.textContent = result.decision;
    decision.className = result.decision;
    const lines = [...result.reasons.map((r) => "because " + r)];
    result.rules.forEach((r) => lines.push(`${r.effect} rule '${r.package}/${r.name}' (${r.file}:${r.line}:${r.column})`));
    if (result.why_not) lines.push("why not: " + result.why_not);
    explanation.replaceChildren(...lines.map((l) => el("li", {}, l)));
  }

  async function runImpact() {
    $("impact-summary").textContent = "comparing…";
    const result = await post("impact");
    const body = $("impact-changes").tBodies[0];
    if (!result.ok) {
      showDiagnostics(result.diagnostics);
      $("impact-summary").textContent = "fix the problems first: the working copy must compile and pass its tests";
      body.replaceChildren();
      return;
    }
    const s = result.summary;
    $("impact-summary").textContent = result.changes.length
      ? `${result.changes.length} decision(s) change: ${s.gained} gained, ${s.lost} lost, for ${s.principals} principal(s) in ${s.orgs} organization(s)`
      : `no decision changes (${s.decisions_compared} compared)`;
    body.replaceChildren(...result.changes.map((c) => {
      const row = el("tr", { class: "change" });
      [c.org, c.principal, c.action + (c.resource ? " on " + c.resource : ""), `${c.before} → ${c.after}`, c.because_after]
        .forEach((text) => row.append(el("td", {}, text)));
      return row;
    }));
  }

  $("source").addEventListener("input", () => {
    state.files[state.current].text = $("source").value;
    renderGutter();
    clearTimeout(state.timer);
    state.timer = setTimeout(lint, 300);
  });
  $("source").addEventListener("scroll", () => { $("gutter").scrollTop = $("source").scrollTop; });
  $("run-tests").addEventListener("click", runTests);
  $("check-form").addEventListener("submit", runCheck);
  $("run-impact").addEventListener("click", runImpact);

  fetch("api/files").then((r) => r.json()).then((result) => {
    state.files = result.files;
    select(Math.max(0, state.files.findIndex((f) => f.path === "roles.yaml")));
    return lint();
  });
})();
