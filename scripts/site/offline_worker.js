// Offline reading for one edition of the guide: a service worker, registered after the page
// has loaded (docs/assets/javascripts/offline.js). OFFLINE, above, holds this edition's
// settings (scripts/site/offline.py).
//
// - Install: keep the core pages, the page(s) the reader has open, the pages an earlier version
//   kept, the files they load (style sheets, scripts, pictures, the search worker), the search
//   index and the sitemap. Anything that fails to download (a page not in this build) is
//   skipped.
// - Activate: delete every cache of this edition's earlier versions; take over open pages.
// - Pages, the search index and other files: the network first; its answer is kept. When the
//   network fails (or a page takes longer than OFFLINE.pageTimeout and a copy is kept), the
//   kept copy is shown; a page then says that it is from the reader's last visit, and when.
//   A page that is not kept is answered with a short page listing the pages that are.
// - Files whose name holds a content hash (Material's main.57a0d79d.min.css): the kept copy
//   first, as such a file never changes.
"use strict";

const PREFIX = `icegate-${OFFLINE.edition}-`;
const CACHE = PREFIX + OFFLINE.version;
const SCOPE = new URL(self.registration.scope);
const SAVED = "x-offline-saved";
const HASHED = /\.[0-9a-f]{8}\.min\.(?:js|css)$/;
const ASSET = /\.(?:css|js|svg|png|jpe?g|webp|gif|ico|woff2?)$/;

self.addEventListener("install", (event) => {
  self.skipWaiting();
  event.waitUntil(keepCore());
});

self.addEventListener("activate", (event) => {
  event.waitUntil(dropOldVersions().then(() => self.clients.claim()));
});

self.addEventListener("fetch", (event) => {
  const path = pathOf(event.request.url);
  if (event.request.method !== "GET" || path === null || !keeps(path)) return;
  if (HASHED.test(path)) {
    event.respondWith(keptFirst(event));
  } else {
    event.respondWith(networkFirst(event, isPage(path)));
  }
});

/** The path of a URL inside this worker's edition, or null (another site or edition). */
function pathOf(href) {
  const url = new URL(href);
  if (url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return null;
  const path = url.pathname.slice(SCOPE.pathname.length);
  return OFFLINE.skip.some((folder) => path.startsWith(folder)) ? null : path;
}

/** Whether this worker keeps what is at path: pages, their files and the core files (not, for
 *  example, the downloadable tools, the feed or a preview server's live-reload requests). */
function keeps(path) {
  return isPage(path) || ASSET.test(path) || OFFLINE.files.includes(path);
}

function isPage(path) {
  return path === "" || path.endsWith("/") || path.endsWith(".html");
}

/** The cache key of a request: its address without query or fragment. */
function keyOf(href) {
  const url = new URL(href);
  return url.origin + url.pathname;
}

async function keptFirst(event) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(keyOf(event.request.url));
  if (kept) return kept;
  const response = await fetch(event.request);
  if (keepable(response)) event.waitUntil(cache.put(keyOf(event.request.url), response.clone()));
  return response;
}

async function networkFirst(event, page) {
  const key = keyOf(event.request.url);
  const cache = await caches.open(CACHE);
  const network = fetch(event.request).then((response) => {
    if (keepable(response)) {
      event.waitUntil(page ? stamped(response.clone()).then((copy) => cache.put(key, copy))
                           : cache.put(key, response.clone()));
    }
    return response;
  });
  event.waitUntil(network.catch(() => undefined));
  try {
    return await (page ? withinTimeout(network, key, cache) : network);
  } catch (error) {
    const kept = await cache.match(key);
    if (kept) return page ? withNotice(kept) : kept;
    if (event.request.mode === "navigate") return notSaved(cache);
    throw error;
  }
}

/** The network's answer; the kept page instead when that takes too long and there is one. */
function withinTimeout(network, key, cache) {
  return new Promise((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(async () => {
      const kept = await cache.match(key);
      if (kept && !settled) {
        settled = true;
        resolve(withNotice(kept));
      }
    }, OFFLINE.pageTimeout);
    network.then(
      (response) => { clearTimeout(timer); if (!settled) { settled = true; resolve(response); } },
      (error) => { clearTimeout(timer); if (!settled) { settled = true; reject(error); } },
    );
  });
}

function keepable(response) {
  return response.ok && response.type === "basic" && !response.redirected;
}

/** A copy of a page's response that records when it was saved. */
async function stamped(response) {
  const headers = new Headers(response.headers);
  headers.set(SAVED, String(Date.now()));
  return new Response(await response.blob(), {
    status: response.status, statusText: response.statusText, headers,
  });
}

/** The kept page with the notice at the top of its content. */
async function withNotice(kept) {
  const html = await kept.text();
  const saved = new Date(Number(kept.headers.get(SAVED)) || Date.now());
  const notice = `<div class="offline-notice" role="status" data-saved="${saved.toISOString()}">`
    + `<p>${escapeHtml(OFFLINE.notice.text.replace("{date}", indiaTime(saved)))}</p></div>`;
  const at = /<article\b[^>]*>/.exec(html) || /<body\b[^>]*>/.exec(html);
  const end = at ? at.index + at[0].length : 0;
  const headers = new Headers(kept.headers);
  headers.delete("content-length");
  return new Response(html.slice(0, end) + notice + html.slice(end), {
    status: kept.status, statusText: kept.statusText, headers,
  });
}

/** A page that says this page is not kept, with links to the pages that are. */
async function notSaved(cache) {
  const links = [];
  for (const request of await cache.keys()) {
    const path = pathOf(request.url);
    if (path === null || !isPage(path) || path.endsWith("404.html")) continue;
    const html = await (await cache.match(request)).text();
    const title = (/<title>([^<]*)<\/title>/.exec(html) || [null, path || "/"])[1];
    links.push(`<li><a href="${request.url}">${title.replace(/ - [^-]*$/, "")}</a></li>`);
  }
  const words = OFFLINE.notSaved;
  const body = `<!doctype html><html lang="${OFFLINE.edition}"><head><meta charset="utf-8">`
    + '<meta name="viewport" content="width=device-width, initial-scale=1">'
    + `<title>${escapeHtml(words.title)}</title><style>body{font:1rem/1.5 sans-serif;`
    + "margin:1rem auto;max-width:40rem;padding:0 1rem}li{margin:.5rem 0}</style></head>"
    + `<body><main><h1>${escapeHtml(words.title)}</h1><p role="status">`
    + `${escapeHtml(words.text)}</p><ul>${links.join("")}</ul></main></body></html>`;
  return new Response(body, {
    status: 503,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });
}

/** A time as the notice writes it, in India time (UTC+5:30, no daylight saving). */
function indiaTime(date) {
  const ist = new Date(date.getTime() + 330 * 60 * 1000);
  const hour = ist.getUTCHours();
  const period = OFFLINE.notice.periods.filter(([from]) => hour >= from).pop()[1];
  const parts = {
    day: ist.getUTCDate(),
    month: OFFLINE.notice.months[ist.getUTCMonth()],
    year: ist.getUTCFullYear(),
    hour: hour % 12 || 12,
    minute: String(ist.getUTCMinutes()).padStart(2, "0"),
    period,
  };
  return OFFLINE.notice.date.replace(/\{(\w+)\}/g, (_, name) => parts[name]);
}

function escapeHtml(text) {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]));
}

async function dropOldVersions() {
  const names = await caches.keys();
  await Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE)
    .map((name) => caches.delete(name)));
}

/** Keep the core pages, the open pages, the earlier version's pages, what they load, and the
 *  core files. */
async function keepCore() {
  const cache = await caches.open(CACHE);
  const open = (await self.clients.matchAll({ type: "window", includeUncontrolled: true }))
    .map((client) => client.url).filter((href) => pathOf(href) !== null);
  const pages = new Set([...OFFLINE.pages.map((path) => new URL(path, SCOPE).href),
    ...open.map(keyOf), ...await earlierPages()]);
  const files = new Set(OFFLINE.files.map((path) => new URL(path, SCOPE).href));
  await Promise.all([...pages].map(async (href) => {
    const response = await download(href);
    if (!response) return;
    const copy = await stamped(response);
    for (const file of filesOf(await copy.clone().text(), href)) files.add(file);
    await cache.put(keyOf(href), copy);
  }));
  await Promise.all([...files].map(async (href) => {
    const response = await download(href);
    if (response && !response.redirected) await cache.put(keyOf(href), response);
  }));
}

/** The pages an earlier version of this worker kept (the reader opened them): kept again. */
async function earlierPages() {
  const found = [];
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX) || name === CACHE) continue;
    for (const request of await (await caches.open(name)).keys()) {
      const path = pathOf(request.url);
      if (path !== null && isPage(path)) found.push(request.url);
    }
  }
  return found;
}

/** The answer for href, or null when it fails or is not a success. A page or file that may
 *  change is asked of the server again (a copy in the browser's cache may be from an earlier
 *  deployment); a file whose name holds a content hash is taken from the browser's cache. */
async function download(href) {
  try {
    const response = await fetch(href, { cache: HASHED.test(href) ? "default" : "no-cache" });
    return response.ok ? response : null;
  } catch {
    return null;
  }
}

/** The edition's files a page loads: style sheets, scripts, pictures and the search worker. */
function filesOf(html, base) {
  const found = [];
  const links = /\b(?:href|src)="([^"#?]+)"/g;
  for (let match = links.exec(html); match; match = links.exec(html)) {
    const href = new URL(match[1], base).href;
    const path = pathOf(href);
    if (path !== null && ASSET.test(path)) found.push(href);
  }
  const worker = /"search":\s*"([^"]+)"/.exec(html);
  if (worker && pathOf(new URL(worker[1], base).href) !== null) {
    found.push(new URL(worker[1], base).href);
  }
  return found;
}
