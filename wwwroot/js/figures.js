// What a reader can do with the figures of a page: sort a table by a column, show or hide frameworks across every
// figure at once (kept in the address, ?hide=django,flask, so a view can be shared), copy a figure's link and its
// embed code. The server's HTML stays the whole truth: with JavaScript off every number shows, in the server's
// order. Load-time work is a few attribute reads and small insertions; sorting and copying wait for the reader.
(() => {
  'use strict';
  const doc = document;
  const root = doc.documentElement;
  const figures = [...doc.querySelectorAll('figure[id]')];
  if (figures.length === 0) {
    return;
  }

  const element = (tag, props, children) => {
    const node = Object.assign(doc.createElement(tag), props);
    node.append(...(children || []));
    return node;
  };

  // One live region announces what a control did ("Link copied"), as a changed button label alone may not be.
  const status = element('p', { className: 'visually-hidden' });
  status.setAttribute('role', 'status');
  doc.body.append(status);
  const announce = (text) => {
    status.textContent = text;
  };

  // ----- Sorting: tables whose rows are frameworks or runs (data-rows), by a column's <data value> numbers. -----
  // A table with a row per metric (the default {{table}} layout) does not sort: its columns are frameworks and its
  // rows have different units, so no order of them means anything. Its frameworks are shown or hidden by the filter.
  const number = (row, index) => {
    const data = row.cells[index] && row.cells[index].querySelector('data');
    const value = data ? Number.parseFloat(data.value) : Number.NaN;
    return Number.isFinite(value) ? value : null;
  };

  const sortBy = (table, header, index) => {
    const body = table.tBodies[0];
    if (!table.serverOrder) {
      table.serverOrder = [...body.rows];
    }
    const next = { none: 'ascending', ascending: 'descending', descending: 'none' }[
      header.getAttribute('aria-sort') || 'none'];
    table.querySelectorAll('th[aria-sort]').forEach((th) => th.removeAttribute('aria-sort'));
    let rows = table.serverOrder;
    if (next !== 'none') {
      header.setAttribute('aria-sort', next);
      const sign = next === 'ascending' ? 1 : -1;
      // Missing values last in either direction; equal values keep the server's order (the sort is stable).
      rows = [...rows].sort((a, b) => {
        const [x, y] = [number(a, index), number(b, index)];
        if (x === null || y === null) {
          return (x === null) - (y === null);
        }
        return sign * (x - y);
      });
    }
    body.append(...rows);
    announce(next === 'none' ? 'Server order restored' : `Sorted ${next}`);
  };

  doc.querySelectorAll('figure table[data-rows="frameworks"], figure table[data-rows="runs"]').forEach((table) => {
    const headers = table.tHead ? table.tHead.rows[0].cells : [];
    const body = table.tBodies[0];
    [...headers].forEach((header, index) => {
      if (index === 0 || !body || ![...body.rows].some((row) => number(row, index) !== null)) {
        return;
      }
      const button = element('button', { type: 'button', className: 'sort-button' }, [...header.childNodes]);
      button.append(element('span', { className: 'sort-icon' }));
      button.lastChild.setAttribute('aria-hidden', 'true');
      button.addEventListener('click', () => sortBy(table, header, index));
      header.append(button);
      header.classList.add('sortable');
    });
  });

  // ----- The framework filter: one choice for every figure of the page, kept in ?hide=. -----
  const slugs = [];
  const names = new Map();
  doc.querySelectorAll('figure [data-framework]').forEach((node) => {
    const slug = node.dataset.framework;
    if (!names.has(slug)) {
      slugs.push(slug);
      names.set(slug, slug);
    }
  });
  // Names from the tables: a framework's row header ("Django"), else its column header ("Django (req/s)").
  doc.querySelectorAll('figure th[data-framework], figure tr[data-framework] > th').forEach((th) => {
    const slug = th.dataset.framework || th.parentElement.dataset.framework;
    if (names.get(slug) === slug || th.scope === 'row') {
      names.set(slug, th.textContent.replace(/\s*\([^)]*\)\s*$/, '').trim() || slug);
    }
  });

  const hidden = new Set();
  const requested = new URLSearchParams(window.location.search).get('hide');
  (requested || '').split(',').map((s) => s.trim().toLowerCase()).forEach((slug) => {
    if (names.has(slug)) {
      hidden.add(slug);
    }
  });
  if (slugs.length > 0 && slugs.every((slug) => hidden.has(slug))) {
    hidden.delete(slugs[0]); // at least one framework always stays shown
  }

  const query = () => {
    const params = new URLSearchParams(window.location.search);
    params.delete('hide');
    const rest = params.toString();
    const hide = hidden.size > 0 ? `hide=${[...hidden].map(encodeURIComponent).join(',')}` : '';
    const search = [rest, hide].filter(Boolean).join('&');
    return search ? `?${search}` : '';
  };

  const apply = (announceChange) => {
    doc.querySelectorAll('figure [data-framework]').forEach((node) => {
      node.toggleAttribute('hidden', hidden.has(node.dataset.framework));
    });
    if (hidden.size > 0) {
      root.dataset.hiddenFrameworks = [...hidden].join(' ');
    } else {
      delete root.dataset.hiddenFrameworks;
    }
    doc.dispatchEvent(new CustomEvent('figures:filter', { detail: { hidden: [...hidden] } }));
    if (announceChange) {
      const url = window.location.pathname + query() + window.location.hash;
      window.history.replaceState(window.history.state, '', url);
      announce(hidden.size > 0 ? `Hidden: ${[...hidden].map((s) => names.get(s)).join(', ')}` : 'All shown');
    }
  };

  const embedded = doc.body.classList.contains('embed-body');
  if (slugs.length > 1 && !embedded) {
    const boxes = slugs.map((slug) => element('input', { type: 'checkbox', value: slug, checked: !hidden.has(slug) }));
    const lockLast = () => {
      const checked = boxes.filter((box) => box.checked);
      boxes.forEach((box) => {
        box.disabled = checked.length === 1 && box.checked;
      });
    };
    const fieldset = element('fieldset', { className: 'framework-filter' }, [
      element('legend', { textContent: 'Frameworks shown in the figures' }),
      ...boxes.map((box) => element('label', {}, [box, ` ${names.get(box.value)}`])),
    ]);
    fieldset.addEventListener('change', (event) => {
      const box = event.target;
      if (box.checked) {
        hidden.delete(box.value);
      } else {
        hidden.add(box.value);
      }
      lockLast();
      apply(true);
    });
    lockLast();
    // Just before the first figure that starts below the first screen (on an article, the first figure), so that
    // nothing the reader already sees moves when the control appears; before the first figure when all are in view.
    const fold = window.innerHeight;
    (figures.find((figure) => figure.getBoundingClientRect().top >= fold) || figures[0]).before(fieldset);
  }
  if (hidden.size > 0) {
    apply(false);
  }

  // ----- Per figure: copy its link (keeping the filter) and its embed code. -----
  // clipboard.js is looked up at the click, so sorting and the filter never depend on it.
  const copy = async (text, button) => {
    const clipboard = window.comparisonClipboard;
    if (!(await clipboard.copyText(text, button))) {
      announce(clipboard.fallbackMessage);
      return;
    }
    button.textContent = 'Copied';
    button.classList.add('copied');
    announce('Copied to the clipboard');
    window.setTimeout(() => {
      button.textContent = button.dataset.label;
      button.classList.remove('copied');
    }, 2500);
  };

  const linkOf = (anchor) => {
    const url = new URL(anchor.href);
    url.search = query();
    return url.href;
  };

  figures.forEach((figure) => {
    const anchor = figure.querySelector('a.figure-anchor');
    // An embed page already links back to the figure in its article; it gets no copy or embed controls.
    if (!anchor || embedded) {
      return;
    }
    const line = anchor.parentElement;
    const copyLink = element('button', { type: 'button', className: 'figure-copy', textContent: 'Copy link' });
    copyLink.dataset.label = 'Copy link';
    copyLink.addEventListener('click', () => copy(linkOf(anchor), copyLink));
    anchor.after(' ', copyLink);

    const embed = line.querySelector('a.figure-embed');
    if (!embed || embedded) {
      return;
    }
    // The link still opens the embed page without JavaScript; with it, a button shows the code to paste.
    const toggle = element('button', { type: 'button', className: 'figure-embed-toggle', textContent: 'Embed' });
    toggle.setAttribute('aria-expanded', 'false');
    toggle.setAttribute('aria-controls', `${figure.id}-embed`);
    embed.replaceWith(toggle);
    let panel = null;
    toggle.addEventListener('click', () => {
      if (!panel) {
        const source = new URL(embed.href);
        source.search = query();
        const caption = figure.querySelector('figcaption, caption');
        const title = (caption ? caption.textContent : figure.id).split(/[.:]/)[0].trim().replace(/"/g, '&quot;');
        const height = Math.ceil(figure.getBoundingClientRect().height / 10) * 10 + 60;
        const code = element('textarea', { readOnly: true, rows: 3, className: 'embed-code', id: `${figure.id}-code` });
        code.value = `<iframe src="${source.href}" title="${title}" width="100%" height="${height}" `
          + 'loading="lazy" style="border:0"></iframe>';
        const copyCode = element('button', { type: 'button', className: 'figure-copy', textContent: 'Copy code' });
        copyCode.dataset.label = 'Copy code';
        panel = element('div', { className: 'embed-panel', id: `${figure.id}-embed`, hidden: true }, [
          element('label', { htmlFor: code.id, textContent: 'Embed code for this figure' }),
          code,
          copyCode,
        ]);
        copyCode.addEventListener('click', () => copy(code.value, copyCode));
        line.after(panel);
      }
      const open = panel.hidden;
      panel.hidden = !open;
      toggle.setAttribute('aria-expanded', String(open));
      if (open) {
        panel.querySelector('textarea').select();
      }
    });
  });
})();
