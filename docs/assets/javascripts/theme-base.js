/*
 * The small helpers Material for MkDocs sets up in every page's <head> (its template
 * partials/javascripts/base.html, Material 9.8.1), in a file instead of an inline script, so
 * that the site's Content-Security-Policy can refuse every inline script. Material's own
 * script (bundle.*.js) reads these four globals. Compare with that partial when Material is
 * upgraded (overrides/partials/javascripts/base.html says so too).
 */
(function () {
  "use strict";
  // This file is at <edition root>/assets/javascripts/: the edition's root, as base_url is.
  var script = document.currentScript;
  window.__md_scope = new URL("../..", script ? script.src : location.href);

  window.__md_hash = function (text) {
    var hash = 0;
    for (var i = 0; i < text.length; i++) hash = (hash << 5) - hash + text.charCodeAt(i);
    return hash;
  };

  window.__md_get = function (key, storage, scope) {
    storage = storage || localStorage;
    scope = scope || window.__md_scope;
    return JSON.parse(storage.getItem(scope.pathname + "." + key));
  };

  window.__md_set = function (key, value, storage, scope) {
    storage = storage || localStorage;
    scope = scope || window.__md_scope;
    try {
      storage.setItem(scope.pathname + "." + key, JSON.stringify(value));
    } catch (error) {
      // Storage full or refused (private mode): the page works without it.
    }
  };
})();
