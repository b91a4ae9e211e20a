// The extension's service worker through the browser's CDP session (bench/browser-bench.mjs):
// is it running, and its JS heap (Runtime.getHeapUsage). Playwright gives CDP sessions for pages
// only, so the worker is reached with Target.attachToTarget (flatten: false) and
// Target.sendMessageToTarget; the session is detached after each use, so an attached debugger
// never keeps the worker alive or slows it.

/**
 * `browser` is playwright's Browser (context.browser() of the persistent context), `extId` the
 * extension's id. Returns { running(), heap({ gc }), detach(), close() }.
 */
export async function workerSession(browser, extId) {
  const cdp = await browser.newBrowserCDPSession();
  const pending = new Map();
  let nextId = 1;
  let session = null; // { sessionId, targetId }
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const m = JSON.parse(e.message);
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.error) p.reject(new Error(`${p.method}: ${m.error.message}`));
    else p.resolve(m.result);
  });
  cdp.on('Target.detachedFromTarget', (e) => {
    if (session?.sessionId !== e.sessionId) return;
    session = null;
    for (const [id, p] of pending) {
      pending.delete(id);
      p.reject(new Error(`${p.method}: the worker went away`));
    }
  });

  const find = async () =>
    (await cdp.send('Target.getTargets')).targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extId}/`));

  const call = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject, method });
      cdp.send('Target.sendMessageToTarget', { sessionId: session.sessionId, message: JSON.stringify({ id, method, params }) }).catch((e) => {
        pending.delete(id);
        reject(e);
      });
    });

  async function detach() {
    if (!session) return;
    const { sessionId } = session;
    session = null;
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => {});
  }

  return {
    /** Whether the extension's service worker is running. */
    running: async () => !!(await find()),
    /**
     * Runtime.getHeapUsage of the running worker ({ usedSize, totalSize, ... } bytes, and the worker's
     * targetId: a new one is a new worker), after a full GC if `gc`; null when it is not running.
     */
    async heap({ gc = false } = {}) {
      const target = await find();
      if (!target) return null;
      const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
      session = { sessionId, targetId: target.targetId };
      try {
        if (gc) await call('HeapProfiler.collectGarbage');
        return { ...(await call('Runtime.getHeapUsage')), targetId: target.targetId };
      } finally {
        await detach();
      }
    },
    detach,
    async close() {
      await detach();
      await cdp.detach().catch(() => {});
    },
  };
}

/**
 * Starts the CPU profiler (Profiler, sampling every `intervalUs`) in the extension's service worker:
 * the running one, else the next one as soon as the browser reports it (Target.setDiscoverTargets):
 * the worker's first milliseconds (evaluating background.js) may be missed, the work a message then
 * starts is not. Returns { started, stop(): Promise<{ profile, endWall }> }: `endWall` is the wall
 * time (ms) of the profile's end, measured when the idle worker answered Profiler.stop, which
 * places the profile's samples on the wall clock.
 */
export async function profileNextWorker(browser, extId, { intervalUs = 500 } = {}) {
  const cdp = await browser.newBrowserCDPSession();
  const pending = new Map();
  let nextId = 1;
  let sessionId = null;
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const m = JSON.parse(e.message);
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.error) p.reject(new Error(`${p.method}: ${m.error.message}`));
    else p.resolve(m.result);
  });
  const call = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject, method });
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
    });
  let claimed = false;
  const started = new Promise((resolve, reject) => {
    cdp.on('Target.targetCreated', async ({ targetInfo }) => {
      if (claimed || targetInfo.type !== 'service_worker' || !targetInfo.url.startsWith(`chrome-extension://${extId}/`)) return;
      claimed = true;
      try {
        ({ sessionId } = await cdp.send('Target.attachToTarget', { targetId: targetInfo.targetId, flatten: false }));
        await call('Profiler.enable');
        await call('Profiler.setSamplingInterval', { interval: intervalUs });
        await call('Profiler.start');
        resolve();
      } catch (e) {
        reject(e);
      }
    });
  });
  await cdp.send('Target.setDiscoverTargets', { discover: true });
  return {
    started,
    async stop() {
      await started;
      const before = Date.now();
      const { profile } = await call('Profiler.stop');
      const endWall = (before + Date.now()) / 2;
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => {});
      await cdp.detach().catch(() => {});
      return { profile, endWall };
    },
  };
}

/**
 * A CPU profile in figures: where the worker's time went. `source` is background.js (minified: a
 * function is shown with the start of its code). Returns { wallMs, byCategory, topSelf, tracked }:
 * self time of the top functions, and for each name in `track` (method names survive minification)
 * the CPU time with it on the stack and when it first and last ran, and when the worker first ran
 * JavaScript (ms after `zeroWall`, given the wall time `endWall` at which the profile ended).
 */
export function summarizeProfile(profile, { source = '', track = [], endWall, zeroWall, top = 12 } = {}) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const lines = source.split('\n');
  const label = (cf) => {
    if (!cf.url) return cf.functionName || '(native)';
    const file = cf.url.split('/').pop();
    const code = (lines[cf.lineNumber] ?? '').slice(cf.columnNumber, cf.columnNumber + 70);
    return `${cf.functionName || '(anonymous)'} ${file}:${cf.lineNumber + 1}:${cf.columnNumber + 1} ${JSON.stringify(code)}`;
  };
  const self = new Map();
  const tracked = new Map(track.map((t) => [t, { cpuMs: 0, firstMs: null, lastMs: null }]));
  const category = { idle: 0, gc: 0, program: 0, js: 0 };
  let t = profile.startTime;
  const at = (us) => round1(endWall - zeroWall - (profile.endTime - us) / 1000);
  let firstJs = null;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    const dur = ((i + 1 < profile.samples.length ? profile.timeDeltas[i + 1] : profile.endTime - t) ?? 0) / 1000;
    const node = nodes.get(profile.samples[i]);
    const name = node.callFrame.functionName;
    if (name === '(idle)') category.idle += dur;
    else if (name === '(garbage collector)') category.gc += dur;
    else if (name === '(program)' || name === '(root)') category.program += dur;
    else {
      category.js += dur;
      firstJs ??= at(t);
    }
    if (name !== '(idle)') {
      const key = label(node.callFrame);
      self.set(key, (self.get(key) ?? 0) + dur);
    }
    const seen = new Set();
    for (let id = node.id; id !== undefined; id = parent.get(id)) {
      const fn = nodes.get(id).callFrame.functionName;
      if (!tracked.has(fn) || seen.has(fn)) continue;
      seen.add(fn);
      const r = tracked.get(fn);
      r.cpuMs += dur;
      r.firstMs ??= at(t);
      r.lastMs = at(t);
    }
  }
  return {
    wallMs: round1((profile.endTime - profile.startTime) / 1000),
    startedMs: at(profile.startTime),
    firstJsMs: firstJs,
    endedMs: at(profile.endTime),
    byCategory: Object.fromEntries(Object.entries(category).map(([k, v]) => [k, round1(v)])),
    topSelf: [...self.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([fn, ms]) => ({ ms: round1(ms), fn })),
    tracked: Object.fromEntries([...tracked].filter(([, r]) => r.cpuMs > 0).map(([k, r]) => [k, { ...r, cpuMs: round1(r.cpuMs) }])),
  };
}

const round1 = (x) => Math.round(x * 10) / 10;
