/*
 * After the page content: reopen the content tab the reader chose last time, and open the tab
 * a link points at (Material's partials/javascripts/content.html, Material 9.8.1, as a file:
 * see theme-base.js).
 */
(function () {
  "use strict";
  var tabs = window.__md_get("__tabs");
  if (Array.isArray(tabs)) {
    document.querySelectorAll(".tabbed-set").forEach(function (set) {
      var labels = set.querySelector(".tabbed-labels");
      if (!labels) return;
      outer: for (var t = 0; t < tabs.length; t++) {
        var all = labels.getElementsByTagName("label");
        for (var l = 0; l < all.length; l++) {
          if (all[l].innerText.trim() === tabs[t]) {
            document.getElementById(all[l].htmlFor).checked = true;
            break outer;
          }
        }
      }
    });
  }
  var target = document.getElementById(location.hash.slice(1));
  if (target && target.name) target.checked = target.name.startsWith("__tabbed_");
})();
