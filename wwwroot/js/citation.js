// Copy buttons for a run page's citations. Without JavaScript the buttons stay hidden and the citations are
// plain selectable text; with it, a button copies its <pre> (clipboard.js) and says so in the page's live region.
(() => {
  'use strict';
  const { copyText, fallbackMessage } = window.comparisonClipboard;
  const status = document.querySelector('.copy-status');
  document.querySelectorAll('button[data-copy]').forEach((button) => {
    const source = document.getElementById(button.dataset.copy);
    if (!source) {
      return;
    }

    button.hidden = false;
    button.addEventListener('click', async () => {
      const copied = await copyText(source.textContent, button);
      if (status) {
        status.textContent = copied ? `${button.textContent}: copied.` : fallbackMessage;
      }
    });
  });
})();
