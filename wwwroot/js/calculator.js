// The cost calculator ({{calculator}}, Figures/Calculator): the result follows the reader's typing, and the input
// lives in the address (?requests=…&peak=…&headroom=…) so a result can be shared; loading such an address restores
// it. The arithmetic and the checks mirror ServerCostCalculator and CalculatorBounds line for line (a browser test
// compares them). Without this script the form sends to /<slug>/cost, which computes the same on the server.
(() => {
  'use strict';
  const SECONDS_PER_DAY = 86400;
  const SLACK = 1e-9;
  const MAX_LENGTH = 12;
  const MAX_DECIMALS = 2;

  // --- CalculatorBounds ---
  const requestsOf = (text, max) => {
    const trimmed = text.trim();
    if (trimmed.length === 0) {
      return { error: 'Requests per day is empty: enter a whole number such as 10000000.' };
    }
    if (!/^[0-9]+$/.test(trimmed)) {
      return { error: 'Requests per day must be a whole number of requests (digits only), such as 10000000.' };
    }
    const value = Number(trimmed);
    if (trimmed.replace(/^0+/, '').length > MAX_LENGTH || value > max) {
      return { error: 'Requests per day must be at most 100,000,000,000.' };
    }
    if (value === 0) {
      return { error: 'Requests per day must be at least 1.' };
    }
    return { value };
  };

  const decimalOf = (text, name, example) => {
    const trimmed = text.trim();
    if (trimmed.length === 0) {
      return { error: `${name} is empty: enter a number such as ${example}.` };
    }
    if (trimmed.length > MAX_LENGTH || !/^[0-9]+(\.[0-9]+)?$/.test(trimmed)) {
      return { error: `${name} must be a plain number such as ${example}.` };
    }
    const dot = trimmed.indexOf('.');
    if (dot >= 0 && trimmed.length - dot - 1 > MAX_DECIMALS) {
      return { error: `${name} takes at most ${MAX_DECIMALS} decimals, such as ${example}.` };
    }
    return { value: Number(trimmed) };
  };

  const peakOf = (text) => {
    const result = decimalOf(text, 'Peak-to-average factor', '3');
    return result.error || (result.value >= 1 && result.value <= 100)
      ? result
      : { error: 'Peak-to-average factor must be from 1 to 100.' };
  };

  const headroomOf = (text) => {
    const result = decimalOf(text, 'Headroom', '0.7');
    return result.error || (result.value > 0 && result.value <= 1)
      ? result
      : { error: 'Headroom must be above 0 and at most 1 (0.7 means each server runs at 70% of its throughput).' };
  };

  // --- ServerCostCalculator ---
  const peakRequestsPerSecond = (input) => input.requests / SECONDS_PER_DAY * input.peak;
  const serversFor = (input, throughput) =>
    Math.max(1, Math.ceil(peakRequestsPerSecond(input) / (throughput * input.headroom) - SLACK));

  const wire = (figure) => {
    const form = figure.querySelector('form');
    const locale = figure.dataset.locale || 'en-US';
    const price = Number(figure.dataset.price);
    const maxRequests = Number(figure.dataset.maxRequests);
    const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    const tenths = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const cents = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const money = (usd) => '$' + (Number.isInteger(usd) ? whole : cents).format(usd);
    const summary = figure.querySelector('.calculator-summary');
    const rows = [...figure.querySelectorAll('tbody tr[data-throughput]')].map((row) => ({
      name: row.querySelector('th').textContent,
      throughput: Number(row.dataset.throughput),
      servers: row.querySelector('.calculator-servers'),
      cost: row.querySelector('.calculator-cost'),
    }));
    const fields = {
      requests: { input: form.elements.requests, read: (text) => requestsOf(text, maxRequests) },
      peak: { input: form.elements.peak, read: peakOf },
      headroom: { input: form.elements.headroom, read: headroomOf },
    };

    // A refused field says why next to itself; the result stays the last good one.
    const read = () => {
      const input = {};
      let good = true;
      Object.entries(fields).forEach(([name, field]) => {
        const result = field.read(field.input.value);
        const message = document.getElementById(field.input.getAttribute('aria-describedby'));
        message.textContent = result.error || '';
        message.hidden = !result.error;
        if (result.error) {
          field.input.setAttribute('aria-invalid', 'true');
          good = false;
        } else {
          field.input.removeAttribute('aria-invalid');
          input[name] = result.value;
        }
      });
      return good ? input : null;
    };

    const show = (input) => {
      const each = rows.map((row) => {
        const servers = serversFor(input, row.throughput);
        const cost = servers * price;
        row.servers.textContent = whole.format(servers);
        row.cost.textContent = money(cost);
        return `${row.name} ${whole.format(servers)} server${servers === 1 ? '' : 's'} (${money(cost)} a month)`;
      });
      summary.textContent = `At ${whole.format(input.requests)} requests a day `
        + `(peak ${tenths.format(peakRequestsPerSecond(input))} req/s): ${each.join(', ')}.`;
    };

    // The address holds the input as the server's canonical query does ("0.70" becomes "0.7"); other parameters
    // (the figures' ?hide=) stay.
    const remember = (input) => {
      const url = new URL(window.location.href);
      url.searchParams.set('requests', String(input.requests));
      url.searchParams.set('peak', String(input.peak));
      url.searchParams.set('headroom', String(input.headroom));
      history.replaceState(history.state, '', url.href);
    };

    const update = () => {
      const input = read();
      if (input) {
        show(input);
        remember(input);
      }
    };

    const params = new URLSearchParams(window.location.search);
    const given = Object.keys(fields).filter((name) => params.has(name));
    given.forEach((name) => {
      fields[name].input.value = params.get(name);
    });
    if (given.length > 0) {
      update();
    }

    form.addEventListener('input', update);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      update();
    });
  };

  // Wired on the reader's first touch of the form, or at once when the address carries an input: creating the
  // number formats costs a long task on a phone, which page load should not pay for an untouched calculator.
  const query = new URLSearchParams(window.location.search);
  const inAddress = ['requests', 'peak', 'headroom'].some((name) => query.has(name));
  document.querySelectorAll('[data-calculator]').forEach((figure) => {
    if (inAddress) {
      wire(figure);
      return;
    }
    const form = figure.querySelector('form');
    const first = (event) => {
      ['focusin', 'pointerdown', 'input'].forEach((type) => form.removeEventListener(type, first, true));
      wire(figure);
      if (event.type === 'input') {
        form.dispatchEvent(new Event('input'));
      }
    };
    ['focusin', 'pointerdown', 'input'].forEach((type) => form.addEventListener(type, first, true));
  });
})();
