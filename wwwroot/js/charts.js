// Draws every <figure data-chart> with Chart.js from the JSON embedded beside it. The figure's table stays:
// it is what crawlers, screen readers and readers without JavaScript get. Colours come from CSS custom
// properties, so charts follow the light/dark theme and each framework keeps its colour on every chart.
(() => {
  'use strict';
  if (typeof Chart === 'undefined') {
    return;
  }

  const drawn = [];

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

  const draw = (figure) => {
    const source = document.getElementById(figure.dataset.chart);
    if (!source) {
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
          data: series.values,
          colourSlot: series.colour,
          backgroundColor: colours.series(series.colour),
          borderColor: colours.series(series.colour),
          borderWidth: line ? 2 : 1,
          ...(line ? { fill: false, spanGaps: true, pointRadius: 3 } : {}),
        })),
      },
      options: {
        indexAxis: data.horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: {
          legend: { labels: { color: colours.text } },
          tooltip: {
            callbacks: { label: (item) => `${item.dataset.label}: ${number.format(item.raw)} ${data.unit}` },
          },
        },
        scales: {
          [valueAxis]: scale(colours, true),
          [categoryAxis]: scale(colours, false),
        },
      },
    });
    drawn.push({ figure, chart });
  };

  const restyle = () => {
    for (const { figure, chart } of drawn) {
      const colours = palette(figure);
      for (const dataset of chart.data.datasets) {
        dataset.backgroundColor = colours.series(dataset.colourSlot);
        dataset.borderColor = colours.series(dataset.colourSlot);
      }
      for (const axis of Object.values(chart.options.scales)) {
        axis.ticks.color = colours.text;
        axis.grid.color = colours.grid;
      }
      chart.options.plugins.legend.labels.color = colours.text;
      chart.update();
    }
  };

  document.querySelectorAll('figure[data-chart]').forEach(draw);
  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', restyle);
})();
