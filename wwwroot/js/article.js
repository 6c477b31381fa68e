// Moves keyboard focus to the section a table-of-contents (or any in-page) link points at, so keyboard and
// screen-reader users continue reading there; the browser alone only scrolls.
(() => {
  'use strict';
  const focusTarget = () => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    const target = id && document.getElementById(id);
    if (target) {
      if (!target.hasAttribute('tabindex')) {
        target.setAttribute('tabindex', '-1');
      }
      target.focus({ preventScroll: false });
    }
  };
  window.addEventListener('hashchange', focusTarget);
})();
