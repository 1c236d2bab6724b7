// Draws every element with data-chart: its figure is in data-figure, or in the
// JSON of <script id="ID"> when data-chart="ID". On page load and after every
// htmx swap. No inline scripts: the CSP stays strict.
(function () {
  "use strict";
  function draw(root) {
    if (!window.Plotly) return;
    root.querySelectorAll("[data-chart]").forEach(function (el) {
      const source = el.dataset.figure || (document.getElementById(el.dataset.chart) || {}).textContent;
      if (!source) return;
      const figure = JSON.parse(source);
      window.Plotly.react(el, figure.data, figure.layout, {
        displayModeBar: false, // the tables beside each chart carry the numbers
        responsive: true,
      });
    });
  }
  if (window.htmx) {
    window.htmx.onLoad(draw);
  } else {
    document.addEventListener("DOMContentLoaded", function () { draw(document); });
  }
})();
