// The reference catalogue (/_editor/references, Development only): a filter over every listed row and copy
// buttons. Without this script everything is listed and the controls stay hidden.
(() => {
  'use strict';
  const search = document.querySelector('.catalogue-search');
  const input = document.getElementById('catalogue-filter');
  const rows = [...document.querySelectorAll('[data-search]')];
  if (search && input) {
    search.hidden = false;
    input.addEventListener('input', () => {
      const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      rows.forEach((row) => {
        const text = row.dataset.search.toLowerCase();
        row.hidden = !words.every((word) => text.includes(word));
      });
    });
  }

  // Copying through clipboard.js (looked up at the click, so the filter never depends on it): on success the
  // button says so; otherwise the reference is shown selected beside it.
  document.querySelectorAll('button.copy').forEach((button) => {
    button.hidden = false;
    button.addEventListener('click', async () => {
      if (await window.comparisonClipboard.copyText(button.dataset.copy, button)) {
        button.textContent = 'Copied';
        setTimeout(() => {
          button.textContent = 'Copy';
        }, 1500);
      }
    });
  });
})();
