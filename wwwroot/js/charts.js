// Draws a <figure data-chart> with Chart.js from the JSON embedded beside it, when chart-loader.js asks
// (window.comparisonCharts.draw): the canvas takes the server-drawn SVG's place in the same box, so nothing moves.
// The SVG and the table stay in the page (the SVG hidden): they are what prints, and what crawlers, screen readers
// and readers without JavaScript get. Colours come from CSS custom properties, so charts follow the light/dark
// theme and each framework keeps its colour on every chart. Frameworks the reader filtered out (the figures:filter
// event on document, and document.documentElement.dataset.hiddenFrameworks) are hidden here too.
(() => {
  'use strict';
  if (typeof Chart === 'undefined') {
    return;
  }

  const drawn = [];

  // Chart.js has no error bars: this plugin draws each bar's min-max whisker from the min/max arrays the page
  // embeds beside the values (absent when no bar has a spread), in the text colour so it shows on every bar.
  const whiskers = {
    id: 'whiskers',
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      const horizontal = chart.options.indexAxis === 'y';
      const valueScale = chart.scales[horizontal ? 'x' : 'y'];
      ctx.save();
      chart.data.datasets.forEach((dataset, index) => {
        const meta = chart.getDatasetMeta(index);
        if (!dataset.whiskerMin || !dataset.whiskerMax || meta.hidden) {
          return;
        }
        ctx.strokeStyle = dataset.whiskerColour;
        ctx.lineWidth = 1.5;
        meta.data.forEach((bar, i) => {
          const [min, max] = [dataset.whiskerMin[i], dataset.whiskerMax[i]];
          if (min === null || max === null || min === undefined || max === undefined) {
            return;
          }
          const [from, to] = [valueScale.getPixelForValue(min), valueScale.getPixelForValue(max)];
          const centre = horizontal ? bar.y : bar.x;
          const cap = Math.min(6, (horizontal ? bar.height : bar.width) / 4);
          ctx.beginPath();
          if (horizontal) {
            ctx.moveTo(from, centre);
            ctx.lineTo(to, centre);
            ctx.moveTo(from, centre - cap);
            ctx.lineTo(from, centre + cap);
            ctx.moveTo(to, centre - cap);
            ctx.lineTo(to, centre + cap);
          } else {
            ctx.moveTo(centre, from);
            ctx.lineTo(centre, to);
            ctx.moveTo(centre - cap, from);
            ctx.lineTo(centre + cap, from);
            ctx.moveTo(centre - cap, to);
            ctx.lineTo(centre + cap, to);
          }
          ctx.stroke();
        });
      });
      ctx.restore();
    },
  };

  // The largest whisker end, so the value axis leaves room for it above the tallest bar.
  const highest = (data) =>
    Math.max(0, ...data.series.flatMap((series) => (series.max || []).filter((v) => v !== null)));

  const palette = (figure) => {
    const style = getComputedStyle(figure);
    const read = (name) => style.getPropertyValue(name).trim();
    return { text: read('--fg'), grid: read('--border'), series: (n) => read(`--series-${n}`) };
  };

  const scale = (colours, beginAtZero) => ({
    beginAtZero,
    ticks: { color: colours.text },
    grid: { color: colours.grid },
  });

  // Slugs of the frameworks the reader chose to hide, as the framework filter left them on <html>.
  const hiddenFrameworks = () =>
    new Set((document.documentElement.dataset.hiddenFrameworks || '').split(/\s+/).filter(Boolean));

  const applyHidden = (chart, hidden) => {
    chart.data.datasets.forEach((dataset, index) => chart.setDatasetVisibility(index, !hidden.has(dataset.framework)));
  };

  const draw = (figure) => {
    const source = document.getElementById(figure.dataset.chart);
    if (!source || drawn.some((d) => d.figure === figure)) {
      return;
    }

    const data = JSON.parse(source.textContent);
    const holder = figure.querySelector('.chart-canvas');
    const canvas = holder.querySelector('canvas');
    holder.hidden = false;
    const colours = palette(figure);
    const number = new Intl.NumberFormat(document.documentElement.lang || 'en', {
      minimumFractionDigits: data.decimals,
      maximumFractionDigits: data.decimals,
    });
    const valueAxis = data.horizontal ? 'x' : 'y';
    const categoryAxis = data.horizontal ? 'y' : 'x';
    // A trend (type "line") follows each framework across runs; gaps are runs that did not measure it.
    const line = data.type === 'line';
    const chart = new Chart(canvas, {
      type: line ? 'line' : 'bar',
      data: {
        labels: data.labels,
        datasets: data.series.map((series) => ({
          label: series.label,
          framework: series.framework,
          data: series.values,
          colourSlot: series.colour,
          backgroundColor: colours.series(series.colour),
          borderColor: colours.series(series.colour),
          borderWidth: line ? 2 : 1,
          ...(line ? { fill: false, spanGaps: false, pointRadius: 3 } : {}),
          whiskerMin: series.min,
          whiskerMax: series.max,
          whiskerColour: colours.text,
        })),
      },
      plugins: [whiskers],
      options: {
        indexAxis: data.horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: {
          legend: { labels: { color: colours.text } },
          tooltip: {
            callbacks: {
              label: (item) => {
                const text = `${item.dataset.label}: ${number.format(item.raw)} ${data.unit}`;
                const i = item.dataIndex;
                const [min, max] = [item.dataset.whiskerMin?.[i], item.dataset.whiskerMax?.[i]];
                return min === null || min === undefined || max === null || max === undefined
                  ? text
                  : `${text} (range ${number.format(min)}\u2013${number.format(max)})`;
              },
            },
          },
        },
        scales: {
          [valueAxis]: { ...scale(colours, true), suggestedMax: highest(data) },
          [categoryAxis]: scale(colours, false),
        },
      },
    });
    applyHidden(chart, hiddenFrameworks());
    chart.update();
    // The canvas is in place: the SVG steps aside (it stays for print).
    figure.querySelector('.chart-svg')?.setAttribute('hidden', '');
    drawn.push({ figure, chart });
  };

  const restyle = () => {
    for (const { figure, chart } of drawn) {
      const colours = palette(figure);
      for (const dataset of chart.data.datasets) {
        dataset.backgroundColor = colours.series(dataset.colourSlot);
        dataset.borderColor = colours.series(dataset.colourSlot);
        dataset.whiskerColour = colours.text;
      }
      for (const axis of Object.values(chart.options.scales)) {
        axis.ticks.color = colours.text;
        axis.grid.color = colours.grid;
      }
      chart.options.plugins.legend.labels.color = colours.text;
      chart.update();
    }
  };

  document.addEventListener('figures:filter', (event) => {
    const hidden = new Set(event.detail?.hidden || []);
    for (const { chart } of drawn) {
      applyHidden(chart, hidden);
      chart.update();
    }
  });

  window.comparisonCharts = { draw };
  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', restyle);
})();
