// Live preview (Development only; the layout references this script nowhere else). Listens to the site's
// change events and reloads the page when what it shows changed (a content save, a results import), keeping the
// reader's scroll position across the reload.
(() => {
  'use strict';
  const script = document.currentScript;
  const shown = script?.dataset.version;
  const key = `live-preview-scroll:${window.location.pathname}${window.location.search}`;

  const saved = sessionStorage.getItem(key);
  if (saved !== null) {
    sessionStorage.removeItem(key);
    const y = Number.parseFloat(saved);
    const restore = () => window.scrollTo(0, y);
    restore();
    // Charts and fonts may still change the page's height: restore once more when everything is in.
    window.addEventListener('load', restore, { once: true });
  }

  if (!window.EventSource || !script) {
    return;
  }

  const events = new EventSource(script.dataset.events);
  events.addEventListener('version', (event) => {
    if (event.data !== shown) {
      events.close();
      sessionStorage.setItem(key, String(window.scrollY));
      window.location.reload();
    }
  });
})();
