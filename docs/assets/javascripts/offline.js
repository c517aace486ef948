/* Offline reading: registers this edition's service worker (sw.js, at the edition's root two
   folders above this file, written by the pre-build step) once the page has loaded, so that
   the worker and what it keeps are downloaded after the page, never before it. See the
   README, "Offline reading". */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !("serviceWorker" in navigator)) return;
  var worker = new URL("../../sw.js", script.src);
  function register() {
    navigator.serviceWorker
      .register(worker.href, { scope: new URL("./", worker).href })
      .catch(function () { /* no worker (private mode, blocked): the site works as before */ });
  }
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register, { once: true });
})();
