// Draws every [data-chart] from its data-figure (plotly JSON), also after an
// htmx swap. No inline script, so the CSP stays strict.
(function () {
  "use strict";
  function draw(root) {
    if (!window.Plotly) return;
    root.querySelectorAll("[data-chart]").forEach(function (el) {
      const figure = JSON.parse(el.dataset.figure);
      window.Plotly.react(el, figure.data, figure.layout, { displayModeBar: false, responsive: true });
    });
  }
  // After a swap the keyboard goes where the server said (autofocus): the
  // moved journey stage's button, or the first field of an edit form.
  // Done after every other handler of the swap, so nothing takes it away again.
  document.addEventListener("htmx:afterSettle", function () {
    window.setTimeout(function () {
      const target = document.querySelector("main [autofocus]");
      if (target && document.activeElement !== target) target.focus();
    }, 0);
  });
  document.addEventListener("DOMContentLoaded", function () {
    draw(document);
    if (window.htmx) window.htmx.onLoad(function (el) { if (el !== document.body) draw(el); });
  });
})();
