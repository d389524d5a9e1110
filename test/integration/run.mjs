#!/usr/bin/env node
// Integration test runner: runs the extension's tests in a real VS Code, offline.
//
//   node test/integration/run.mjs [--layer host|ui|all] [--grep PATTERN]      (npm run test:integration)
//
// 1. provisions the test VS Code (scripts/vscode-test-env.sh: Debian chromium + code-server into .vscode-test/),
// 2. builds the extension (npm run build) and bundles the suites with esbuild into out/test/integration-run-<pid>/,
// 3. host layer: starts code-server on a free loopback port with throwaway state, opens its web workbench in headless
//    chromium with the extension under development + extensionTestsPath, and mocha runs host/*.test.ts inside the real
//    extension host; the report comes back through a file,
// 4. ui layer: a fresh code-server + browser page with the extension under development; mocha runs ui/*.test.ts here,
//    driving the workbench like a person (screenshots in test-results/integration/),
// 5. prints the results and one final `N passed, N failed` line; exits non-zero on any failure, error or timeout.
// Every process started (code-server's and chromium's process groups) and every temporary folder is removed at the end,
// also on errors and Ctrl-C.
//
// Environment: POSTMORTEM_TEST_VSCODE=latest (VS Code 1.139.1 instead of 1.100.3, the engines.vscode minimum),
// POSTMORTEM_TEST_TIMEOUT_S (per layer, default 420), KEEP_STATE=1 (keep the temporary folders for inspection),
// VERBOSE=1 (browser console), CHROMIUM (browser path).
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const HERE = path.join(ROOT, 'test/integration');
// per run: several people may run the suites in one checkout at the same time
const OUT = path.join(ROOT, `out/test/integration-run-${process.pid}`);
const RESULTS = path.join(ROOT, 'test-results/integration');
const WORKSPACE_FIXTURE = path.join(HERE, 'fixtures/workspace');
const LAYER_TIMEOUT_MS = Number(process.env.POSTMORTEM_TEST_TIMEOUT_S || 420) * 1000;
const STARTUP_TIMEOUT_MS = 60_000;

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return fallback;
  return args[i].includes('=') ? args[i].slice(args[i].indexOf('=') + 1) : args[i + 1];
};
const LAYERS = { all: ['host', 'ui'], host: ['host'], ui: ['ui'] }[option('layer', 'all')];
if (!LAYERS) fail(`unknown --layer ${option('layer')}; use host, ui or all`);
const GREP = option('grep', process.env.POSTMORTEM_TEST_GREP || '');

const log = (...a) => console.log('[integration]', ...a);
function fail(message) {
  console.error(`[integration] ${message}`);
  process.exit(2);
}

// ---- cleanup: process groups and temporary folders, whatever happens ------------------------------------------------
const groups = new Set(); // pids of process-group leaders we started
const tempDirs = new Set();
function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // already gone
  }
}
async function stopGroup(pid) {
  if (!groups.has(pid)) return;
  killGroup(pid, 'SIGTERM');
  for (let i = 0; i < 50 && killGroup(pid, 0); i++) await sleep(100);
  killGroup(pid, 'SIGKILL');
  groups.delete(pid);
}
/** Pids of processes whose command line names `dir` (one of our throwaway folders): they were started by this run. */
function processesUsing(dir) {
  if (process.platform !== 'linux') return [];
  const pids = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(dir)) pids.push(Number(entry));
    } catch {
      // exited meanwhile
    }
  }
  return pids;
}
function cleanupSync() {
  for (const pid of groups) killGroup(pid, 'SIGKILL');
  groups.clear();
  // chromium's crash handler leaves the browser's process group (it daemonizes): find it by its state folder
  for (const dir of tempDirs) for (const pid of processesUsing(dir)) try { process.kill(pid, 'SIGKILL'); } catch {}
  for (const dir of tempDirs) {
    if (process.env.KEEP_STATE) console.log(`[integration] kept ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
  tempDirs.clear();
}
process.on('exit', cleanupSync);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.error(`[integration] ${signal}: cleaning up`);
    cleanupSync();
    process.exit(130);
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${Math.round(ms / 1000)} s: ${what}`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

// ---- 1. provision ----------------------------------------------------------------------------------------------------
function provision() {
  const t0 = Date.now();
  const r = spawnSync('bash', [path.join(ROOT, 'scripts/vscode-test-env.sh')], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    timeout: 20 * 60_000,
  });
  if (r.error || r.status !== 0) fail(`provisioning the test VS Code failed (${r.error?.message ?? `exit ${r.status}`})`);
  const env = Object.fromEntries(
    r.stdout
      .split('\n')
      .filter((l) => /^[A-Z_]+=/.test(l))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  log(`VS Code ${env.VSCODE_VERSION} (code-server) ready in ${Date.now() - t0} ms`);
  return env;
}

// ---- 2. build --------------------------------------------------------------------------------------------------------
async function build() {
  const t0 = Date.now();
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) fail('npm run build failed');
  const esbuild = await import('esbuild');
  fs.rmSync(OUT, { recursive: true, force: true });
  tempDirs.add(OUT);
  const entries = (dir) =>
    fs.readdirSync(path.join(HERE, dir)).filter((f) => f.endsWith('.test.ts') || f === 'index.ts').map((f) => path.join(HERE, dir, f));
  try {
    await esbuild.build({
      entryPoints: [...entries('host'), ...entries('ui')],
      outbase: HERE,
      outdir: OUT,
      bundle: true, // each suite is one CommonJS file (the extension host's entry must be CommonJS)
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      sourcemap: 'inline',
      external: ['vscode', 'mocha', 'playwright-core'],
      logLevel: 'warning',
    });
  } catch {
    fail('bundling the integration tests failed (see the esbuild errors above)');
  }
  log(`built the extension and the suites in ${Date.now() - t0} ms`);
}

// ---- code-server + chromium ------------------------------------------------------------------------------------------
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** A throwaway state folder: workspace copy, user data, extensions, XDG dirs, TMPDIR (VS Code's IPC sockets). */
function makeState(layer) {
  const state = fs.mkdtempSync(path.join(os.tmpdir(), `postmortem-${layer}-`));
  tempDirs.add(state);
  const dirs = { state, ws: path.join(state, 'ws'), data: path.join(state, 'data'), xdg: path.join(state, 'xdg'), tmp: path.join(state, 'tmp') };
  for (const d of [dirs.data, dirs.xdg, dirs.tmp]) fs.mkdirSync(d, { recursive: true });
  fs.cpSync(WORKSPACE_FIXTURE, dirs.ws, { recursive: true }); // tests may save edits: run on a copy
  fs.mkdirSync(path.join(dirs.data, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(dirs.data, 'User/settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'extensions.autoUpdate': false,
        'extensions.autoCheckUpdates': false,
        'extensions.ignoreRecommendations': true,
        'update.mode': 'none',
        'telemetry.telemetryLevel': 'off',
        'security.workspace.trust.enabled': false,
        'git.enabled': false,
        'chat.disableAIFeatures': true,
        'editor.minimap.enabled': false,
        'files.autoSave': 'off',
      },
      null,
      2,
    ),
  );
  return dirs;
}

async function startCodeServer(env, dirs, extraEnv) {
  const port = await freePort();
  const logFile = path.join(dirs.state, 'code-server.log');
  const out = fs.openSync(logFile, 'a');
  const nodePath = env.NODE_BIN_DIR ? `${env.NODE_BIN_DIR}${path.delimiter}${process.env.PATH}` : process.env.PATH;
  const child = spawn(
    env.CODE_SERVER,
    [
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--user-data-dir', dirs.data,
      '--extensions-dir', path.join(dirs.state, 'extensions'),
      '--config', path.join(dirs.state, 'config.yaml'),
      ...(env.CS_EXTRA_ARGS ? env.CS_EXTRA_ARGS.split(' ').filter(Boolean) : []),
    ],
    {
      cwd: dirs.state,
      env: {
        ...process.env,
        ...extraEnv,
        PATH: nodePath,
        TMPDIR: dirs.tmp,
        XDG_CONFIG_HOME: dirs.xdg,
        XDG_DATA_HOME: dirs.xdg,
        XDG_CACHE_HOME: dirs.xdg,
      },
      stdio: ['ignore', out, out],
      detached: true, // its own process group: code-server, its VS Code server, extension hosts, ptys
    },
  );
  fs.closeSync(out);
  groups.add(child.pid);
  let exited = null;
  child.on('exit', (code, signal) => (exited = signal ?? code));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  for (;;) {
    if (exited !== null) throw new Error(`code-server exited (${exited}) while starting:\n${tail(logFile)}`);
    if (await fetch(`${base}/healthz`).then((r) => r.ok, () => false)) break;
    if (Date.now() > deadline) throw new Error(`code-server did not answer on ${base} within ${STARTUP_TIMEOUT_MS / 1000} s:\n${tail(logFile)}`);
    await sleep(150);
  }
  return { child, port, base, logFile, remote: (p) => `vscode-remote://127.0.0.1:${port}${p}` };
}

function tail(file, lines = 30) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

async function launchBrowser(env, dirs) {
  const { chromium } = await import('playwright-core');
  // launchServer (not launch) exposes chromium's pid, so its process group can be killed whatever happens
  const server = await chromium.launchServer({
    executablePath: process.env.CHROMIUM || env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    timeout: STARTUP_TIMEOUT_MS,
    env: { ...process.env, HOME: dirs.state, XDG_CONFIG_HOME: dirs.xdg, XDG_CACHE_HOME: dirs.xdg, TMPDIR: dirs.tmp },
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
    ],
  });
  const pid = server.process().pid;
  if (pid) groups.add(pid); // playwright starts chromium as a process-group leader
  const browser = await chromium.connect(server.wsEndpoint(), { timeout: STARTUP_TIMEOUT_MS });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('pageerror', (e) => process.env.VERBOSE && console.log('[pageerror]', e.message));
  page.on('console', (m) => process.env.VERBOSE && console.log(`[browser ${m.type()}]`, m.text()));
  return { browser, server, page, pid };
}

function workbenchUrl(server, ws, payload) {
  return `${server.base}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

async function screenshot(page, name) {
  try {
    fs.mkdirSync(RESULTS, { recursive: true });
    const file = path.join(RESULTS, `${name}.png`);
    await page.screenshot({ path: file, timeout: 10_000 });
    return file;
  } catch {
    return undefined;
  }
}

async function shutdown(session, server) {
  if (session) {
    await withTimeout(session.browser.close(), 15_000, 'closing the browser connection').catch(() => {});
    await withTimeout(session.server.close(), 15_000, 'closing chromium').catch(() => {});
    if (session.pid) await stopGroup(session.pid);
  }
  if (server) await stopGroup(server.child.pid);
}

// ---- 3. extension-host layer -----------------------------------------------------------------------------------------
async function runHostLayer(env) {
  const dirs = makeState('host');
  const report = path.join(dirs.state, 'report.txt');
  fs.writeFileSync(report, '');
  let server, session;
  const result = { passed: 0, failed: 0 };
  try {
    server = await startCodeServer(env, dirs, { POSTMORTEM_TEST_REPORT: report, POSTMORTEM_TEST_GREP: GREP });
    session = await launchBrowser(env, dirs);
    const { page } = session;
    let exitCode;
    const finished = new Promise((resolve) =>
      page.exposeFunction('codeAutomationExit', (code) => {
        exitCode = code;
        resolve();
      }),
    );
    const serverDied = new Promise((_, reject) =>
      server.child.on('exit', (c, s) => reject(new Error(`code-server exited (${s ?? c}) during the tests:\n${tail(server.logFile)}`))),
    );
    await page.goto(
      workbenchUrl(server, dirs.ws, [
        ['extensionDevelopmentPath', server.remote(ROOT)],
        ['extensionTestsPath', server.remote(path.join(OUT, 'host/index.js'))],
      ]),
    );
    try {
      await withTimeout(Promise.race([finished, serverDied]), LAYER_TIMEOUT_MS, 'the extension-host tests did not finish');
    } catch (err) {
      const shot = await screenshot(page, 'host-layer-timeout');
      throw new Error(`${err.message}${shot ? `\n  screenshot: ${shot}` : ''}\n  code-server log (tail):\n${tail(server.logFile)}`);
    } finally {
      const lines = fs.readFileSync(report, 'utf8').split('\n');
      const summary = lines.find((l) => l.startsWith('RESULT '));
      console.log(lines.filter((l) => !l.startsWith('RESULT ')).join('\n'));
      if (summary) Object.assign(result, JSON.parse(summary.slice('RESULT '.length)));
      else result.failed += 1; // the suites never finished
    }
    if (exitCode !== 0 && result.failed === 0) {
      result.failed = 1;
      console.log(`  extension host exited with code ${exitCode} although no test failed; see ${server.logFile}`);
    }
    if (result.passed + result.failed === 0) {
      result.failed = 1;
      console.log('  no extension-host test ran');
    }
  } catch (err) {
    console.log(`  ✗ extension-host layer: ${err.message}`);
    result.failed = Math.max(result.failed, 1);
  } finally {
    await shutdown(session, server);
  }
  return result;
}

// ---- 4. browser (UI) layer -------------------------------------------------------------------------------------------
async function runUiLayer(env) {
  const dirs = makeState('ui');
  let server, session;
  const result = { passed: 0, failed: 0 };
  try {
    server = await startCodeServer(env, dirs, {});
    session = await launchBrowser(env, dirs);
    const { page } = session;
    await page.goto(workbenchUrl(server, dirs.ws, [['extensionDevelopmentPath', server.remote(ROOT)]]));
    await page.locator('.monaco-workbench').waitFor({ timeout: STARTUP_TIMEOUT_MS });
    globalThis.postmortemUi = { page, workspace: dirs.ws, screenshots: RESULTS, vscodeVersion: env.VSCODE_VERSION };

    const { default: Mocha } = await import('mocha');
    const mocha = new Mocha({ ui: 'tdd', timeout: 60_000, slow: 10_000, color: false, reporter: 'spec' });
    if (GREP) mocha.grep(GREP);
    const files = fs.readdirSync(path.join(OUT, 'ui')).filter((f) => f.endsWith('.test.js')).sort();
    for (const f of files) mocha.addFile(path.join(OUT, 'ui', f));
    mocha.suite.afterEach(async function () {
      if (this.currentTest?.state === 'failed') {
        const shot = await screenshot(page, `FAILED-${this.currentTest.fullTitle().replace(/[^\w.-]+/g, '_').slice(0, 80)}`);
        if (shot) console.log(`    screenshot: ${shot}`);
      }
    });
    await mocha.loadFilesAsync();
    await withTimeout(
      new Promise((resolve) => {
        const runner = mocha.run(() => resolve());
        runner.on('pass', () => result.passed++);
        runner.on('fail', () => result.failed++);
      }),
      LAYER_TIMEOUT_MS,
      'the browser tests did not finish',
    );
    if (result.passed + result.failed === 0) {
      result.failed = 1;
      console.log('  no browser test ran');
    }
  } catch (err) {
    console.log(`  ✗ browser layer: ${err.message}`);
    if (session) {
      const shot = await screenshot(session.page, 'ui-layer-error');
      if (shot) console.log(`    screenshot: ${shot}`);
    }
    if (server) console.log(`  code-server log (tail):\n${tail(server.logFile)}`);
    result.failed += 1;
  } finally {
    delete globalThis.postmortemUi;
    await shutdown(session, server);
  }
  return result;
}

// ---- main ------------------------------------------------------------------------------------------------------------
const t0 = Date.now();
const env = provision();
await build();
fs.rmSync(RESULTS, { recursive: true, force: true });
const total = { passed: 0, failed: 0 };
for (const layer of LAYERS) {
  const tl = Date.now();
  log(`--- ${layer === 'host' ? 'extension-host tests (vscode API)' : 'browser tests (what a person sees)'} in VS Code ${env.VSCODE_VERSION} ---`);
  const r = layer === 'host' ? await runHostLayer(env) : await runUiLayer(env);
  log(`${layer} layer: ${r.passed} passed, ${r.failed} failed in ${Math.round((Date.now() - tl) / 1000)} s`);
  total.passed += r.passed;
  total.failed += r.failed;
}
cleanupSync();
log(`integration tests took ${Math.round((Date.now() - t0) / 1000)} s; screenshots in ${path.relative(ROOT, RESULTS)}/`);
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exit(total.failed > 0 ? 1 : 0);
