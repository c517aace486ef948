/* What the site adds to Material's search and pages for readers on a phone. Loaded before
   Material's own script (overrides/main.html), cached after the first page. Under another
   generator nothing here matches, and nothing changes. */
(function () {
  "use strict";

  /* Material matches every word typed as the start of a word: "to" found "toll-free", "is"
     found "issue", "not" found "notice", and the Hindi "आ" found every word starting with it,
     so short words pulled the wrong page to the top. Short words (three letters or fewer) and
     common question words now match whole words only; the last word keeps matching as a
     start, as the reader may still be typing it. Only the query text Material sends to its
     search worker is rewritten (a query message: type 2 and a string). */
  var WHOLE = /^(what|when|where|which|does|have|with|from|your|this|that|they|there|after|about|into|could|would|should|cannot|how|क्या|कैसे|करें|करना|जाता|होता)$/i;

  function wholeWords(query) {
    var words = query.split(/\s+/).filter(Boolean);
    return words.map(function (word, i) {
      var plain = /^[^*+\-~^:"]+$/.test(word);
      var short = Array.from(word).length <= 3 || WHOLE.test(word);
      return plain && short && i < words.length - 1 ? word + "^1" : word;
    }).join(" ");
  }

  var Native = window.Worker;
  if (Native) {
    var SearchAwareWorker = function (url, options) {
      var worker = new Native(url, options);
      if (/\/workers\/search\.[^/]*js$/.test(String(url))) {
        var post = worker.postMessage;
        worker.postMessage = function (message) {
          var rest = Array.prototype.slice.call(arguments, 1);
          if (message && message.type === 2 && typeof message.data === "string")
            message = { type: 2, data: wholeWords(message.data) };
          return post.apply(worker, [message].concat(rest));
        };
      }
      return worker;
    };
    SearchAwareWorker.prototype = Native.prototype;
    window.Worker = SearchAwareWorker;
  }

  /* Material searches when a key is released in the box. Text pasted, dictated, or typed on a
     phone keyboard that sends no key events changes the box without one, and nothing was
     searched until the next key. Every change of the box now counts as such a key. */
  document.addEventListener("input", function (event) {
    var box = event.target;
    if (box && box.matches && box.matches("[data-md-component=search-query]"))
      box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  });

  /* The link to the same page in the other edition keeps the section the reader is in: both
     editions give a section the same anchor. Set when tapped, as the reader may have moved. */
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".edition-switch a[data-same-page]");
    if (link && location.hash) link.hash = location.hash;
  }, true);

  /* Material's search dialog has no accessible name: it gets the search box's, which is in
     the edition's language. */
  var box = document.querySelector(".md-search__input");
  var name = (box && (box.getAttribute("aria-label") || box.placeholder)) || "Search";
  var dialog = document.querySelector(".md-search[role=dialog]");
  if (dialog) dialog.setAttribute("aria-label", name);
})();
