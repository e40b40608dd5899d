// e2e.mjs drives the playground in a headless Chromium and writes what it
// sees as JSON: web_test.go serves the page, writes the input and checks
// the output against the engine's packages.
//
//	node e2e.mjs INPUT.json OUTPUT.json
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const input = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const out = { cases: {}, requestsAfterLoad: [], errors: [] };

const context = await chromium.launchPersistentContext(input.profile, {
  executablePath: input.chromium,
  headless: true,
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
  viewport: { width: 1400, height: 900 },
});
let loaded = false;
context.on('request', (r) => { if (loaded) out.requestsAfterLoad.push(`${r.method()} ${r.url()}`); });
const page = context.pages()[0] ?? await context.newPage();
page.on('pageerror', (e) => out.errors.push(`page error: ${e.message}`));
page.on('console', (m) => { if (m.type() === 'error') out.errors.push(`console: ${m.text()}`); });
page.on('dialog', (d) => { out.errors.push(`unexpected dialog: ${d.message()}`); d.dismiss(); });

const linted = () => page.waitForFunction(() => globalThis.playground.linted() === globalThis.playground.text());
const text = () => page.evaluate(() => globalThis.playground.text());
const findings = () => page.$$eval('#findings li[data-rule]', (lis) =>
  lis.map((li) => ({ line: +li.dataset.line, rule: li.dataset.rule, severity: li.dataset.severity })));
async function load(t) {
  await page.evaluate((t) => globalThis.playground.setText(t), t);
  await page.waitForFunction((t) => globalThis.playground.linted() === t, t);
}

try {
  // Load, a first and a repeat visit (the server forbids caching): until
  // the engine has linted the first example.
  out.loads = [];
  for (let i = 0; i < input.loads; i++) {
    const start = Date.now();
    await page.goto(input.url);
    await page.waitForFunction(() => globalThis.playground?.ready && globalThis.playground.linted() === globalThis.playground.text());
    out.loads.push({ ms: Date.now() - start, ...await page.evaluate(() => ({ ...globalThis.playground.marks(), firstLint: Math.round(globalThis.playground.lintTimes[0]) })) });
  }
  loaded = true;
  out.privacyNote = await page.textContent('.privacy');

  // The examples, one click each.
  out.examples = {};
  for (const name of input.examples) {
    await page.click(`[data-example="${name}"]`);
    out.examples[name] = await text();
  }

  // Every case: the findings the page lists.
  for (const c of input.cases) {
    await load(c.text);
    out.cases[c.name] = await findings();
  }

  // Settings: the job kind forced and a rule turned off, as a .ie.yaml would.
  await load(input.defective);
  await page.click('[data-tab="settings"]');
  await page.selectOption('select[data-rule="yes-no"]', 'off');
  await page.selectOption('#kind', 's3-export');
  await page.waitForFunction(() => document.getElementById('config').textContent.includes('kind: s3-export'));
  out.config = await page.textContent('#config');
  out.settingsFindings = await findings();
  await page.selectOption('select[data-rule="yes-no"]', '');
  await page.selectOption('#kind', '');
  await page.click('[data-tab="findings"]');

  // Hover: a squiggle shows its finding and its rule's documentation.
  await page.hover('.cm-lintRange-error >> nth=-1');
  await page.waitForSelector('.cm-tooltip .hover pre');
  out.hoverRule = await page.textContent('.cm-tooltip .hover a.rule');
  out.hoverHelp = await page.textContent('.cm-tooltip .hover pre');
  await page.screenshot({ path: input.screenshot.replace(/\.png$/, '-hover.png') });
  await page.mouse.move(0, 0);

  // Typing: the defective manifest arrives as a paste of all but its last
  // line, which is typed key by key; then the screenshot.
  const d = input.defective;
  const cut = d.lastIndexOf('\n', d.length - 2) + 1;
  await load('');
  await page.click('.cm-content');
  await page.keyboard.insertText(d.slice(0, cut));
  await page.keyboard.type(d.slice(cut), { delay: 20 });
  await linted();
  out.typed = await text();
  out.typedFindings = await findings();
  await page.screenshot({ path: input.screenshot });

  // A quick fix, by its button in the list.
  await page.click(`#findings li[data-rule="${input.fixRule}"] button.fix`);
  await page.waitForFunction((d) => globalThis.playground.text() !== d, out.typed);
  await linted();
  out.fixed = await text();

  // Fix all: the safe fixes of the typed manifest.
  await load(input.defective);
  await page.click('#fix-all');
  await page.waitForFunction((d) => globalThis.playground.text() !== d, input.defective);
  out.fixedAll = await text();

  // Format: a messy manifest, then a broken one.
  await load(input.messy);
  await page.click('#format');
  await linted();
  out.formatted = await text();
  await load(input.broken);
  await page.click('#format');
  out.refusedText = await text();
  out.refusedLines = await page.$$eval('#format-status li', (lis) => lis.map((li) => +li.dataset.line));

  // The request tab: body, HTTP and the -explain view.
  await load(input.requestManifest);
  await page.click('[data-tab="request"]');
  out.requestBody = await page.textContent('#request-output');
  await page.click('[data-view="http"]');
  out.requestHTTP = await page.textContent('#request-output');
  await page.click('[data-view="explain"]');
  out.requestExplain = await page.textContent('#request-output');
  await page.screenshot({ path: input.screenshot.replace(/\.png$/, '-request.png') });
  await page.click('[data-tab="findings"]');

  // Sharing: nothing in the address until confirmed, secrets redacted.
  await load(input.secret);
  out.secretFindings = await page.textContent('#findings');
  await page.click('#share');
  out.sharePreview = await page.textContent('#share-preview');
  out.urlBeforeConfirm = page.url();
  await page.click('#share-cancel');
  out.urlAfterCancel = page.url();
  await page.click('#share');
  await page.click('#share-confirm');
  await page.waitForFunction(() => location.hash.startsWith('#m='));
  out.urlAfterConfirm = page.url();
  out.shareField = await page.inputValue('#share-url');

  // Lint after a keystroke, warm, on a 1 KB manifest: each key waits
  // for its lint, whose time the page records.
  await load(input.kilobyte);
  await page.click('.cm-content');
  await page.keyboard.press('Control+End');
  const before = await page.evaluate(() => globalThis.playground.lintTimes.length);
  for (const ch of '\n# typed') {
    await page.keyboard.type(ch);
    await linted();
  }
  out.keystrokeLintMs = await page.evaluate((n) => globalThis.playground.lintTimes.slice(n), before);

  // The share link, opened: the page starts with the shared text.
  loaded = false;
  await page.goto('about:blank');
  await page.goto(out.urlAfterConfirm);
  await page.waitForFunction(() => globalThis.playground?.ready);
  out.sharedOpened = await text();
} catch (e) {
  out.errors.push(`driver: ${e.stack || e}`);
  await page.screenshot({ path: input.screenshot }).catch(() => {});
} finally {
  writeFileSync(process.argv[3], JSON.stringify(out, null, 2));
  await context.close();
}
