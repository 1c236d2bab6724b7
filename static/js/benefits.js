// Moves focus into a form loaded in place, so keyboard users land where they
// work. Charts are drawn by charts.js.
(function () {
  "use strict";
  document.addEventListener("htmx:afterSwap", function (event) {
    const form = event.detail.target.querySelector("[data-focus]");
    const field = form && form.querySelector("input:not([type=hidden]), select, textarea");
    if (field) field.focus();
  });
})();
