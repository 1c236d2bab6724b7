// Draws every element with data-chart="ID" from the JSON in <script id="ID">,
// on page load and after every htmx swap. No inline scripts: the CSP stays strict.
(function () {
  "use strict";
  function draw(root) {
    if (!window.Plotly) return;
    root.querySelectorAll("[data-chart]").forEach(function (el) {
      const source = document.getElementById(el.dataset.chart);
      if (!source) return;
      const figure = JSON.parse(source.textContent);
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
