// Copying for every copy button of the site (a figure's link and embed code, a run's citation, the reference
// catalogue), in one place. The Clipboard API when the page may use it; when it may not (an insecure origin, a
// frame without permission, a refused request), one fallback: the text in a read-only field beside the button,
// focused and selected, so the reader copies it with the keyboard.
(() => {
  'use strict';
  const showSelected = (text, button) => {
    const host = button.parentElement;
    let field = host.querySelector(':scope > .copy-fallback');
    if (!field) {
      field = document.createElement('textarea');
      field.className = 'copy-fallback';
      field.readOnly = true;
      field.setAttribute('aria-label', 'Text to copy: press Ctrl+C or Command+C');
      host.append(field);
    }
    field.value = text;
    field.rows = Math.min(text.split('\n').length, 8);
    field.focus();
    field.select();
  };

  // Resolves to true when the text is on the clipboard, false when it is shown selected for the reader to copy.
  const copyText = async (text, button) => {
    if (navigator.clipboard && window.isSecureContext) {
      try {
        await navigator.clipboard.writeText(text);
        return true;
      } catch {
        // Refused (no permission, the document lost focus): fall back below.
      }
    }
    showSelected(text, button);
    return false;
  };

  window.comparisonClipboard = {
    copyText,
    // What a page says when the text was not copied but shown selected.
    fallbackMessage: 'Press Ctrl+C or Command+C to copy the selected text',
  };
})();
