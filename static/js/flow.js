// Draws every [data-chart] from the JSON next to it (json_script), also after
// an htmx swap. No inline script, so the CSP stays strict.
(function () {
  "use strict";
  function draw(root) {
    if (!window.Plotly) return;
    root.querySelectorAll("[data-chart]").forEach(function (el) {
      const data = document.getElementById(el.dataset.chart);
      if (!data) return;
      const figure = JSON.parse(data.textContent);
      window.Plotly.react(el, figure.data, figure.layout, { displayModeBar: false, responsive: true });
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    draw(document);
    if (window.htmx) window.htmx.onLoad(function (el) { if (el !== document.body) draw(el); });
  });
})();
