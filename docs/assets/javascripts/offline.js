/* Offline reading (README): registers this edition's worker, ../../sw.js, after the page has
   loaded. Update checks use the browser's cache, so the worker is not fetched on every page. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !("serviceWorker" in navigator)) return;
  var worker = new URL("../../sw.js", script.src);
  function register() {
    navigator.serviceWorker
      .register(worker.href, { scope: new URL("./", worker).href, updateViaCache: "all" })
      .catch(function () { /* no worker (private mode, blocked): the site works as before */ });
  }
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register, { once: true });
})();
