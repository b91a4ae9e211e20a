// The sites the accessibility suite (a11y-harness.mjs) browses, behind one port: the corpus server
// (server.mjs: the corpus pages it needs, a publisher's feed and a content farm's backdated copy,
// made here) and the local GDELT stand-in (news-search-server.mjs), whose answers can be held back,
// as a slow search index would, so the popup can be seen while a lookup is still searching.
//
// One front server takes every request: GDELT's API path on 127.0.0.1 goes to the stand-in (held
// while the gate is shut), everything else to the corpus server, which dispatches on the Host header
// (Chromium resolves the corpus hosts to 127.0.0.1 and so reaches the front's port; Firefox uses the
// front as its proxy).
import http from 'node:http';
import { nodeArticle } from './harness.mjs';
import { GDELT_PATH, localUrlFor, startNewsSearchServer } from './news-search-server.mjs';
import { corpusDoc, hostResolverRules, startCorpusServer } from './server.mjs';

/** A TechSpot article (it claims its publication time in its markup) that only the disputed case uses. */
export const DISPUTED_ORIGINAL = '875a71d0ea6bd4e303f1b2fb1b5fc25f';
/** TechSpot's feed, carrying that article, served beside it (a feed poll sees an article near its publication). */
export const FEED_PATH = 'www.techspot.com/backend.xml';
/** The content farm's copy of it, word for word, claiming to be five days older. */
export const FARM_COPY = 'www.dailytrendwire.net/tech/windows-11-could-send-240-million-pcs-to-landfill/';
const BACKDATE_MS = 5 * 24 * 3600_000;
/** The farm's section front: headlines and links, no article. */
export const SECTION_FRONT = 'www.dailytrendwire.net/tech/';

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The feed: one item, the original at its canonical address (as a real feed links it, and as the page
 * names itself: reading the page later finds the feed's item, sighting included), with the time it claims.
 */
function feed(article) {
  return () => {
    const link = corpusDoc(DISPUTED_ORIGINAL).url;
    const summary = article.paragraphs.find((p) => p.split(/\s+/).length >= 15);
    return {
      type: 'application/rss+xml; charset=utf-8',
      body: `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>TechSpot</title><link>https://www.techspot.com/</link><description>TechSpot news</description>
<item><title>${esc(article.title)}</title><link>${esc(link)}</link><guid>${esc(link)}</guid><description>${esc(summary)}</description><pubDate>${new Date(article.published).toUTCString()}</pubDate></item>
</channel></rss>`,
    };
  };
}

/** The farm's copy: the original's paragraphs, no credit, and a publication time five days before the original's. */
function farmCopy(article) {
  const claimed = new Date(Date.parse(article.published) - BACKDATE_MS).toISOString();
  return () => ({
    type: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(article.title)} - Daily Trendwire</title>
<meta property="article:published_time" content="${claimed}"></head>
<body><header><nav><a href="/">Daily Trendwire</a> <a href="/tech/">Tech</a></nav></header>
<main><article><h1>${esc(article.title)}</h1><p>By Staff Writer · <time datetime="${claimed}">${claimed.slice(0, 10)}</time></p>
${article.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}
</article></main><footer><p>Daily Trendwire. All rights reserved.</p></footer></body></html>`,
  });
}

/** A section front: a list of headlines, each a link with one line of teaser. */
function sectionFront() {
  const topics = ['Chips', 'Phones', 'Laptops', 'Games', 'Apps', 'Security', 'Cloud', 'Space', 'Cars', 'Energy', 'Science', 'Startups'];
  const items = topics
    .map(
      (topic, i) =>
        `<li><a href="/tech/${topic.toLowerCase()}-${i + 1}/">${topic}: what changed this week</a><p>The latest on ${topic.toLowerCase()}.</p></li>`,
    )
    .join('\n');
  return () => ({
    type: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tech - Daily Trendwire</title></head>
<body><header><nav><a href="/">Daily Trendwire</a> <a href="/tech/">Tech</a> <a href="/world/">World</a></nav></header>
<main><h1>Tech</h1><ul>
${items}
</ul></main><footer><p>Daily Trendwire. All rights reserved.</p></footer></body></html>`,
  });
}

/**
 * Starts the sites. `ids`: the corpus pages served (the disputed original is added). Returns a site
 * as the drivers take it ({ port, hosts, hostResolverRules }) with urlFor(id), farmUrl, feedUrl,
 * gdeltEndpoint, hold() / release() for the search answers, and close().
 */
export async function startA11ySites({ ids }) {
  const { article } = await nodeArticle(DISPUTED_ORIGINAL, corpusDoc(DISPUTED_ORIGINAL).url);
  if (!article.published) throw new Error(`${DISPUTED_ORIGINAL} claims no publication time: it cannot be disputed`);
  const corpus = await startCorpusServer({
    ids: [...new Set([...ids, DISPUTED_ORIGINAL])],
    extra: { [FEED_PATH]: feed(article), [FARM_COPY]: farmCopy(article), [SECTION_FRONT]: sectionFront() },
  });
  let frontPort = 0;
  // Search results name the corpus pages at the front's port, like every page the browser loads.
  const search = await startNewsSearchServer({ urlFor: (row) => localUrlFor(row, { port: frontPort }) });

  let open = true;
  let waiting = [];
  const forward = (req, res, port) => {
    const out = http.request({ host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    out.on('error', () => res.writeHead(502).end());
    req.pipe(out);
  };
  const front = http.createServer((req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const u = new URL(req.url ?? '/', `http://${host || '127.0.0.1'}`);
    if (u.hostname === '127.0.0.1' && u.pathname === GDELT_PATH) {
      const go = () => forward(req, res, search.port);
      if (open) go();
      else waiting.push(go);
      return;
    }
    forward(req, res, corpus.port);
  });
  front.on('clientError', (_e, socket) => socket.destroy());
  // Firefox uses the front as its proxy: refuse https tunnels at once, as the corpus server does.
  front.on('connect', (_req, socket) => socket.end('HTTP/1.1 403 Forbidden\r\n\r\n'));
  await new Promise((resolve) => front.listen(0, '127.0.0.1', resolve));
  frontPort = front.address().port;

  const at = (hostPath) => `http://${hostPath.replace('/', `:${frontPort}/`)}`;
  return {
    port: frontPort,
    hosts: corpus.hosts,
    // The search endpoint is an IP literal: keep it out of "MAP * ~NOTFOUND".
    hostResolverRules: `${hostResolverRules(corpus.hosts)}, EXCLUDE 127.0.0.1`,
    urlFor: (id) => {
      const u = new URL(corpus.urlFor(id));
      u.port = String(frontPort);
      return u.href;
    },
    farmUrl: at(FARM_COPY),
    sectionUrl: at(SECTION_FRONT),
    feedUrl: at(FEED_PATH),
    gdeltEndpoint: `http://127.0.0.1:${frontPort}${GDELT_PATH}`,
    /** From now on, search requests wait (the lookup stays in its searching phase). */
    hold() {
      open = false;
    },
    /** Answers the held searches and every later one at once. */
    release() {
      open = true;
      const held = waiting;
      waiting = [];
      for (const go of held) go();
    },
    /** Searches held right now. */
    held: () => waiting.length,
    async close() {
      this.release();
      front.closeAllConnections?.();
      await new Promise((resolve) => front.close(() => resolve()));
      await search.close();
      await corpus.close();
    },
  };
}
