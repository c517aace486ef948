/*
 * The search index is the whole site's text (30-45 KB gzip): Material fetches it when any page
 * loads, before anyone searches. This holds that one request back until the reader turns to
 * search (focus in the search box, which Material's shortcut keys give it too, a click on the
 * search icon, or a link with ?q=), so a first visit costs the page, not the site. Material
 * fetches with XMLHttpRequest; nothing else is touched. Loaded in <head>, before Material's
 * script (overrides/main.html), from a file: the Content-Security-Policy refuses inline scripts.
 */
(function () {
  var proto = XMLHttpRequest.prototype, open = proto.open, send = proto.send;
  var held = [], started = /[?&]q=/.test(location.search);
  proto.open = function (method, url) {
    this.heldIndex = /\/search\/search_index\.json$/.test(String(url));
    return open.apply(this, arguments);
  };
  proto.send = function () {
    if (this.heldIndex && !started) { held.push([this, arguments]); return; }
    return send.apply(this, arguments);
  };
  function start() {
    if (started) return;
    started = true;
    held.splice(0).forEach(function (call) { send.apply(call[0], call[1]); });
  }
  function inSearch(event) {
    var target = event.target;
    return target && target.closest && target.closest(".md-search, [for=__search]");
  }
  document.addEventListener("focusin", function (e) { if (inSearch(e)) start(); });
  document.addEventListener("pointerdown", function (e) { if (inSearch(e)) start(); });
  document.addEventListener("change", function (e) { if (e.target.id === "__search") start(); });
})();
