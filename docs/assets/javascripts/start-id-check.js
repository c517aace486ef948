/*
 * Starts the ID check on its page: shows the form, and loads the checker (idcheck.js, with its
 * rules) only when the reader first uses the box. If loading fails, the page says so and the
 * next try loads again. A file, not an inline script: the Content-Security-Policy refuses
 * inline scripts.
 */
(() => {
  const root = document.getElementById("id-checker");
  if (!root) return;
  const checker = new URL("idcheck.js", document.currentScript.src).href;
  root.hidden = false;
  document.getElementById("id-checker-off").hidden = true;
  const failed = document.getElementById("id-checker-failed");
  let loading = null;
  const load = () => {
    loading = loading || import(checker).then(
      (module) => { failed.hidden = true; module.mount(root); },
      () => { loading = null; failed.hidden = false; },
    );
  };
  for (const type of ["focusin", "pointerdown", "input"]) root.addEventListener(type, load);
})();
