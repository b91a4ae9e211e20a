// Corpus site server for E2E tests and the demo.
// One HTTP server on 127.0.0.1 serves corpus pages under their real-looking hosts
// (www.cnbc.com, ...): it dispatches on the Host header + path, so the browser must
// resolve those hosts to 127.0.0.1 (Chromium --host-resolver-rules, Firefox
// network.dns.localDomains). Pages are served over http on a random port, path kept.
// The corpus is read in place from ../shared (or $UNSPUN_SHARED); never copied.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SHARED = path.resolve(ROOT, process.env.UNSPUN_SHARED ?? '../shared');
export const CORPUS = path.join(SHARED, 'corpus');

let manifestCache;

/** All manifest rows, keyed by id. */
export function loadManifest() {
  if (!manifestCache) {
    const file = path.join(CORPUS, 'manifest.jsonl');
    if (!fs.existsSync(file)) throw new Error(`corpus not found: ${file} (set UNSPUN_SHARED)`);
    const rows = fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
    manifestCache = new Map(rows.map((r) => [r.id, r]));
  }
  return manifestCache;
}

/** The manifest row of one doc id (throws if unknown or not an HTML page). */
export function corpusDoc(id) {
  const doc = loadManifest().get(id);
  if (!doc) throw new Error(`unknown corpus id: ${id}`);
  if (!doc.file.endsWith('.html')) throw new Error(`corpus id ${id} is not an HTML page (${doc.file})`);
  return doc;
}

// host + path (+ query) of a URL, the key pages are served under.
const routeKey = (u) => `${u.hostname.toLowerCase()}${u.pathname}${u.search}`;

/**
 * Serves the given corpus docs. Returns { port, hosts, urlFor(id), hostResolverRules, close() }.
 * Two docs with the same host + path cannot be served together (the corpus has a few).
 */
export async function startCorpusServer({ ids, extra = {} }) {
  const routes = new Map();
  // extra: { 'host/path': (port) => ({ type, body }) }, e.g. a feed served beside the pages.
  const extraRoutes = new Map(Object.entries(extra));
  for (const id of ids) {
    const doc = corpusDoc(id);
    const key = routeKey(new URL(doc.url));
    const clash = routes.get(key);
    if (clash && clash.id !== id) throw new Error(`${id} and ${clash.id} share the URL ${doc.url}`);
    routes.set(key, doc);
  }

  // Every request served, for tests that check what the browser fetched (and how).
  const requests = [];
  const server = http.createServer((req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const u = new URL(req.url ?? '/', `http://${host || 'localhost'}`);
    requests.push({ method: req.method, host: u.hostname.toLowerCase(), path: u.pathname + u.search, headers: req.headers });
    const made = extraRoutes.get(routeKey(u));
    if (made && req.method === 'GET') {
      const { type, body } = made(server.address().port);
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
      return;
    }
    const doc = routes.get(routeKey(u)) ?? (u.search ? routes.get(routeKey(new URL(u.pathname, u))) : undefined);
    if (!doc || req.method !== 'GET') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`not found: ${host}${u.pathname}`);
      return;
    }
    // Corpus pages are ASCII or UTF-8.
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    fs.createReadStream(path.join(CORPUS, doc.file)).pipe(res);
  });
  let warnedTls = false;
  server.on('clientError', (err, socket) => {
    // 0x16 = a TLS handshake: the browser upgraded http to https on its own (HSTS preload list).
    if (err.rawPacket?.[0] === 0x16 && !warnedTls) {
      warnedTls = true;
      console.error('corpus server: got a TLS handshake; one of the hosts is HSTS-preloaded and cannot be served over http');
    }
    socket.destroy();
  });
  // Firefox uses this server as its proxy too (see firefox-driver.mjs): refuse https tunnels.
  server.on('connect', (req, socket) => socket.end('HTTP/1.1 403 Forbidden\r\n\r\n'));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();

  const hosts = [
    ...new Set([...[...routes.values()].map((d) => new URL(d.url).hostname.toLowerCase()), ...[...extraRoutes.keys()].map((k) => k.split('/')[0])]),
  ];
  return {
    server,
    port,
    hosts,
    /** [{ method, host, path, headers }] of every request so far, oldest first. */
    requests,
    /** Local URL of a doc: http://<real host>:<port><path>. */
    urlFor(id) {
      const u = new URL(corpusDoc(id).url);
      return `http://${u.hostname}:${port}${u.pathname}${u.search}`;
    },
    /** Chromium --host-resolver-rules value mapping every served host to 127.0.0.1. */
    hostResolverRules: hostResolverRules(hosts),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * "MAP a 127.0.0.1, MAP b 127.0.0.1, MAP * ~NOTFOUND, EXCLUDE localhost": every other host
 * (the pages' CDNs, trackers) fails at once instead of waiting for a DNS timeout.
 */
export function hostResolverRules(hosts) {
  return [...hosts.map((h) => `MAP ${h} 127.0.0.1`), 'MAP * ~NOTFOUND', 'EXCLUDE localhost'].join(', ');
}

// CLI: `node e2e/server.mjs seed-original seed-rewrite` serves those docs until Ctrl-C.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const ids = process.argv.slice(2);
  if (!ids.length) {
    console.error('usage: node e2e/server.mjs <doc id>...');
    process.exit(2);
  }
  const site = await startCorpusServer({ ids });
  for (const id of ids) console.log(`${id}\t${site.urlFor(id)}`);
  console.log(`--host-resolver-rules="${site.hostResolverRules}"`);
}
