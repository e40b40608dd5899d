// The playground page: a CodeMirror editor over the iekit engine, which
// cmd/playground compiles to WebAssembly. The engine sets the global
// object iekit; each of its functions takes strings and returns JSON.
import { EditorState, StateEffect } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, drawSelection, highlightActiveLine } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { linter, lintGutter, forceLinting } from '@codemirror/lint';
import './style.css';

const $ = (id) => document.getElementById(id);

// call runs an engine function and parses its answer; a failure shows in
// the status line and returns null.
function call(name, ...args) {
  let out;
  try {
    out = JSON.parse(globalThis.iekit[name](...args));
  } catch (e) {
    status(`the engine stopped (${e.message}): reload the page`, true);
    return null;
  }
  if (out && out.error !== undefined) {
    status(out.error, true);
    return null;
  }
  return out;
}

function status(text, bad = false) {
  const s = $('status');
  s.textContent = text;
  s.classList.toggle('bad', bad);
}

const examples = JSON.parse($('examples').textContent);
const settings = { kind: '', rules: {} };
let rules = [];
let last = { src: null, findings: [] }; // the findings of the text last linted
const lintTimes = []; // milliseconds of each lint, engine call included

// relint lints again now, after a change of settings: the linter runs
// by itself only when the text changes.
const relintEffect = StateEffect.define();
function relint(view) {
  view.dispatch({ effects: relintEffect.of(null) });
  forceLinting(view);
}

// setText replaces the editor's text with text, changing only the part
// that differs so that the cursor and the undo history stay sensible.
function setText(view, text) {
  const old = view.state.doc.toString();
  if (old === text) return;
  let from = 0;
  while (from < old.length && from < text.length && old[from] === text[from]) from++;
  let endOld = old.length, endNew = text.length;
  while (endOld > from && endNew > from && old[endOld - 1] === text[endNew - 1]) { endOld--; endNew--; }
  view.dispatch({ changes: { from, to: endOld, insert: text.slice(from, endNew) } });
}

function settingsJSON() {
  return JSON.stringify(settings);
}

// lint is the editor's lint source: it runs the engine, lists the
// findings beside the editor and returns them as squiggles.
function lint(view) {
  const src = view.state.doc.toString();
  const t0 = performance.now();
  const res = call('lint', src, settingsJSON());
  lintTimes.push(performance.now() - t0);
  if (!res) return [];
  last = { src, findings: res.findings };
  if (src !== formatted) $('format-status').hidden = true;
  $('config').textContent = res.config || '# the defaults: nothing to set\n';
  renderFindings(view, res);
  if (!$('panel-request').hidden) renderRequest(view);
  const len = view.state.doc.length;
  return res.findings.map((f, i) => ({
    from: Math.min(f.from, len),
    to: Math.min(Math.max(f.to, f.from), len),
    severity: f.severity,
    source: f.rule,
    message: f.message,
    renderMessage: () => findingMessage(f),
    actions: (f.fixes || []).map((x, j) => ({ name: x.title, apply: (v) => applyFix(v, i, j) })),
  }));
}

// findingMessage is a finding's hover text: its message, then its rule's
// documentation, as ie explain prints it.
function findingMessage(f) {
  const box = document.createElement('div');
  box.className = 'hover';
  const msg = document.createElement('div');
  msg.textContent = f.message + ' ';
  msg.append(ruleLink(f.rule));
  box.append(msg);
  const rule = rules.find((r) => r.name === f.rule);
  if (rule) {
    const help = document.createElement('pre');
    help.textContent = rule.help;
    box.append(help);
  }
  return box;
}

function ruleLink(name) {
  const a = document.createElement('a');
  a.href = `rules/${name}.html`;
  a.target = '_blank';
  a.rel = 'noopener';
  a.className = 'rule';
  a.textContent = name;
  return a;
}

function applyFix(view, finding, fix) {
  if (view.state.doc.toString() !== last.src) return; // stale: the next lint lists fresh fixes
  const res = call('fix', last.src, settingsJSON(), finding, fix);
  if (res) setText(view, res.text);
}

function renderFindings(view, res) {
  const list = $('findings');
  list.replaceChildren();
  res.findings.forEach((f, i) => {
    const li = document.createElement('li');
    li.className = f.severity;
    li.dataset.line = f.line;
    li.dataset.col = f.col;
    li.dataset.rule = f.rule;
    li.dataset.severity = f.severity;
    const where = document.createElement('button');
    where.className = 'where';
    where.textContent = `${f.severity} ${f.line}:${f.col}`;
    where.title = 'go to the finding';
    where.onclick = () => {
      view.dispatch({ selection: { anchor: Math.min(f.from, view.state.doc.length) }, scrollIntoView: true });
      view.focus();
    };
    const msg = document.createElement('span');
    msg.className = 'message';
    msg.textContent = f.message;
    li.append(where, msg, ruleLink(f.rule));
    (f.fixes || []).forEach((x, j) => {
      const b = document.createElement('button');
      b.className = 'fix';
      b.textContent = x.safe ? x.title : `${x.title} (review)`;
      b.onclick = () => applyFix(view, i, j);
      li.append(b);
    });
    list.append(li);
  });
  const n = res.findings.length;
  $('count').textContent = n ? `(${n})` : '';
  if (n === 0) {
    const li = document.createElement('li');
    li.className = 'clean';
    li.textContent = `No findings (${res.kind} job).`;
    list.append(li);
  }
}

function fixAll(view) {
  const res = call('fixAll', view.state.doc.toString(), settingsJSON(), false);
  if (!res) return;
  setText(view, res.text);
  status(`${res.applied} fix${res.applied === 1 ? '' : 'es'} applied`);
}

function runFormat(view) {
  const res = call('format', view.state.doc.toString());
  if (!res) return;
  const out = $('format-status');
  out.hidden = false;
  out.replaceChildren();
  if (res.errors) {
    out.className = 'refused';
    const n = res.errors.length;
    out.append(`Not formatted: fix the syntax error${n > 1 ? 's' : ''} first.`);
    const ul = document.createElement('ul');
    for (const e of res.errors) {
      const li = document.createElement('li');
      li.dataset.line = e.line;
      li.textContent = `${e.line}:${e.col}: ${e.message}`;
      ul.append(li);
    }
    out.append(ul);
  } else {
    out.className = 'formatted';
    const changed = res.text !== view.state.doc.toString();
    setText(view, res.text);
    out.append(changed ? 'Formatted.' : 'Already in the canonical form.');
  }
  formatted = view.state.doc.toString();
  selectTab('findings');
}

let formatted = null; // the text the format status is about

let requestView = 'body';

function renderRequest(view) {
  const res = call('request', view.state.doc.toString(), JSON.stringify({
    ...settings, keepComments: $('keep-comments').checked, validateOnly: $('validate-only').checked,
  }));
  if (!res) return;
  const refused = $('request-refused');
  refused.hidden = !res.refused;
  if (res.errors || res.problem) {
    refused.textContent = res.problem
      ? `No request: ${res.problem}; pick the job kind above.`
      : 'No request: the manifest has syntax errors. ' + res.errors.map((e) => `${e.line}:${e.col}: ${e.message}`).join('; ');
    $('request-output').textContent = '';
    return;
  }
  refused.textContent = 'The manifest has lint errors: ie encode refuses it unless -force.';
  $('request-output').textContent = res[requestView];
}

function selectTab(name) {
  for (const b of document.querySelectorAll('#side > .tabs [data-tab]')) {
    b.setAttribute('aria-selected', String(b.dataset.tab === name));
    $(`panel-${b.dataset.tab}`).hidden = b.dataset.tab !== name;
  }
}

function renderSettings(view) {
  const table = $('rules');
  for (const r of rules) {
    if (r.name === 'syntax') continue; // a manifest must parse: not configurable
    const tr = table.insertRow();
    tr.insertCell().append(ruleLink(r.name));
    const sel = document.createElement('select');
    sel.dataset.rule = r.name;
    for (const level of ['', 'off', 'error', 'warning', 'info']) {
      const o = document.createElement('option');
      o.value = level;
      o.textContent = level || `default (${r.severity})`;
      sel.append(o);
    }
    sel.onchange = () => {
      if (sel.value) settings.rules[r.name] = sel.value;
      else delete settings.rules[r.name];
      relint(view);
    };
    tr.insertCell().append(sel);
    tr.insertCell().textContent = r.summary;
  }
}

// The share link holds the manifest, secrets redacted, in the fragment.
function encodeShare(text) {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function decodeShare(s) {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

function share(view) {
  const res = call('share', view.state.doc.toString());
  if (!res) return;
  $('share-preview').textContent = res.text;
  const dialog = $('share-dialog');
  dialog.onclose = () => {
    if (dialog.returnValue !== 'confirm') return;
    const url = new URL(location.href);
    url.hash = 'm=' + encodeShare(res.text);
    window.history.replaceState(null, '', url);
    $('share-url').value = url.href;
    $('share-link').hidden = false;
  };
  dialog.returnValue = '';
  dialog.showModal();
}

function sharedText() {
  const m = /^#m=([A-Za-z0-9_-]*)$/.exec(location.hash);
  if (!m) return null;
  try {
    return decodeShare(m[1]);
  } catch {
    status('the share link is damaged', true);
    return null;
  }
}

async function start() {
  const go = new Go();
  const ready = new Promise((resolve) => { globalThis.iekitReady = resolve; });
  let module;
  try {
    module = await globalThis.iekitWasm; // index.html starts compiling early
  } catch {
    // A server that does not say application/wasm.
    module = await WebAssembly.compile(await (await fetch('iekit.wasm')).arrayBuffer());
  }
  const instance = await WebAssembly.instantiate(module, go.importObject);
  performance.mark('compiled');
  go.run(instance);
  await ready;
  performance.mark('engine');
  rules = call('rules') || [];

  const view = new EditorView({
    parent: $('editor'),
    state: EditorState.create({
      doc: sharedText() ?? examples[0].text,
      extensions: [
        lineNumbers(), history(), drawSelection(), highlightActiveLine(),
        keymap.of([
          { key: 'Shift-Alt-f', run: (v) => { runFormat(v); return true; } },
          ...defaultKeymap, ...historyKeymap, indentWithTab,
        ]),
        linter(lint, {
          delay: 100,
          needsRefresh: (u) => u.transactions.some((tr) => tr.effects.some((e) => e.is(relintEffect))),
        }), lintGutter(),
        EditorView.lineWrapping,
      ],
    }),
  });

  for (const ex of examples) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = ex.name;
    b.dataset.example = ex.name;
    b.onclick = () => setText(view, ex.text);
    $('examples-bar').append(b);
  }
  $('kind').onchange = (e) => { settings.kind = e.target.value; relint(view); };
  $('format').onclick = () => runFormat(view);
  $('fix-all').onclick = () => fixAll(view);
  $('share').onclick = () => share(view);
  for (const b of document.querySelectorAll('#side > .tabs [data-tab]')) {
    b.onclick = () => { selectTab(b.dataset.tab); if (b.dataset.tab === 'request') renderRequest(view); };
  }
  for (const b of document.querySelectorAll('#panel-request [data-view]')) {
    b.onclick = () => {
      requestView = b.dataset.view;
      for (const o of document.querySelectorAll('#panel-request [data-view]')) o.setAttribute('aria-selected', String(o === b));
      renderRequest(view);
    };
  }
  $('keep-comments').onchange = $('validate-only').onchange = () => renderRequest(view);
  renderSettings(view);
  forceLinting(view);
  performance.mark('linted');

  // What the browser test reads: the editor, and the times of the lints.
  globalThis.playground = {
    view,
    lintTimes,
    text: () => view.state.doc.toString(),
    setText: (t) => setText(view, t),
    linted: () => last.src,
    marks: () => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)])),
    ready: true,
  };
  status('ready: nothing leaves this page');
}

start().catch((e) => status(`the engine did not start: ${e}`, true));
