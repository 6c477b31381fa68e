// Copy buttons for a run page's citations. Without JavaScript the buttons stay hidden and the citations are
// plain selectable text; with it, a button copies its <pre> and says so in the page's live region.
(() => {
  'use strict';
  if (!navigator.clipboard) {
    return;
  }

  const status = document.querySelector('.copy-status');
  document.querySelectorAll('button[data-copy]').forEach((button) => {
    const source = document.getElementById(button.dataset.copy);
    if (!source) {
      return;
    }

    button.hidden = false;
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(source.textContent);
        if (status) {
          status.textContent = `${button.textContent}: copied.`;
        }
      } catch {
        if (status) {
          status.textContent = 'Copying is not allowed here; select the text and copy it instead.';
        }
      }
    });
  });
})();
