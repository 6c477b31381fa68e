// Charts arrive drawn: the server renders each as an SVG. Chart.js (tooltips, legend toggles) is large, so this
// script loads it and charts.js only when the reader comes to a chart: once they have scrolled and a chart is
// about to come into view, or when they first point at, touch or focus one. Until then the page parses no chart
// code at all. It also adds "PNG" beside each chart's SVG download: the SVG drawn into a canvas, saved as a PNG.
(() => {
  'use strict';
  const script = document.currentScript;
  const figures = [...document.querySelectorAll('figure[data-chart]')];
  let loading = null;

  const load = (src) =>
    new Promise((resolve, reject) => {
      const element = document.createElement('script');
      element.src = src;
      element.onload = resolve;
      element.onerror = reject;
      document.head.append(element);
    });

  const ready = () => {
    loading = loading || load(script.dataset.chartjs).then(() => load(script.dataset.charts));
    return loading;
  };

  // A chart that fails to load keeps its SVG, which shows every number already.
  const want = (figure) => {
    if (figure.dataset.chartWanted) {
      return;
    }
    figure.dataset.chartWanted = 'true';
    ready()
      .then(() => window.comparisonCharts?.draw(figure))
      .catch(() => delete figure.dataset.chartWanted);
  };

  for (const figure of figures) {
    const box = figure.querySelector('.chart-box') || figure;
    box.addEventListener('pointerenter', () => want(figure), { once: true, passive: true });
    box.addEventListener('touchstart', () => want(figure), { once: true, passive: true });
    figure.addEventListener('focusin', () => want(figure), { once: true });
  }

  if (figures.length > 0 && 'IntersectionObserver' in window) {
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (entry.isIntersecting) {
            observer.unobserve(entry.target);
            want(entry.target);
          }
        }
      },
      { rootMargin: '200px 0px' },
    );
    // Only after the reader has scrolled: a chart in the first screen stays SVG until they touch it.
    window.addEventListener('scroll', () => figures.forEach((figure) => observer.observe(figure)), {
      once: true,
      passive: true,
    });
  }

  // The SVG file drawn at its own size (twice the chart's, for sharp text) and saved as a PNG.
  const savePng = async (link) => {
    const response = await fetch(link.href);
    if (!response.ok) {
      throw new Error(`${link.href}: ${response.status}`);
    }
    const image = new Image();
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(await response.text())}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    canvas.getContext('2d').drawImage(image, 0, 0);
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
    const save = document.createElement('a');
    save.href = URL.createObjectURL(blob);
    save.download = new URL(link.href).pathname.split('/').pop().replace(/\.svg$/, '.png');
    document.body.append(save);
    save.click();
    save.remove();
    setTimeout(() => URL.revokeObjectURL(save.href), 60000);
  };

  // The server writes the button in an invisible slot (so that showing it moves nothing); this makes it work.
  for (const button of document.querySelectorAll('.figure-png-slot button.figure-png')) {
    const link = button.parentElement.previousElementSibling;
    button.parentElement.classList.add('ready');
    button.addEventListener('click', () => {
      button.disabled = true;
      savePng(link)
        .catch(() => {
          button.textContent = 'PNG (failed)';
        })
        .finally(() => {
          button.disabled = false;
        });
    });
  }
})();
