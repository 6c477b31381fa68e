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

  document.querySelectorAll('button.copy').forEach((button) => {
    button.hidden = false;
    button.addEventListener('click', () => {
      const text = button.dataset.copy;
      const done = () => {
        button.textContent = 'Copied';
        setTimeout(() => {
          button.textContent = 'Copy';
        }, 1500);
      };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(done, () => {
          button.textContent = 'Select and copy';
        });
      }
    });
  });
})();
