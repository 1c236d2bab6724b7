// Draws every [data-chart] from the plotly JSON in the <script> it names, and
// moves focus into a form loaded in place. The tables beside the charts hold
// the same numbers, so nothing is lost without JavaScript.
(function () {
  "use strict";

  function draw(root) {
    if (!window.Plotly) return;
    root.querySelectorAll("[data-chart]").forEach(function (el) {
      const source = document.getElementById(el.dataset.chart);
      if (!source) return;
      const figure = JSON.parse(source.textContent);
      window.Plotly.react(el, figure.data, figure.layout, { displaylogo: false, responsive: true });
    });
  }

  function focusForm(root) {
    const form = root.querySelector ? root.querySelector("[data-focus]") : null;
    const field = form && form.querySelector("input:not([type=hidden]), select, textarea");
    if (field) field.focus();
  }

  document.addEventListener("DOMContentLoaded", function () {
    draw(document);
  });
  document.addEventListener("htmx:afterSwap", function (event) {
    draw(document);
    focusForm(event.detail.target);
  });
})();
