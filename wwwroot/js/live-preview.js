// Live preview (Development only; the layout references this script nowhere else). Listens to the site's
// change events and reloads the page when what it shows changed (a content save, a results import), keeping the
// reader's scroll position across the reload.
(function () {
  "use strict";
  var script = document.currentScript;
  var shown = script && script.getAttribute("data-version");
  var key = "live-preview-scroll:" + location.pathname + location.search;

  var saved = sessionStorage.getItem(key);
  if (saved !== null) {
    sessionStorage.removeItem(key);
    var y = parseFloat(saved);
    var restore = function () { window.scrollTo(0, y); };
    restore();
    // Charts and fonts may still change the page's height: restore once more when everything is in.
    window.addEventListener("load", restore, { once: true });
  }

  if (!window.EventSource || !script) {
    return;
  }

  var events = new EventSource(script.getAttribute("data-events"));
  events.addEventListener("version", function (event) {
    if (event.data !== shown) {
      events.close();
      sessionStorage.setItem(key, String(window.scrollY));
      location.reload();
    }
  });
})();
