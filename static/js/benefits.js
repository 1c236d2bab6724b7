// Moves focus into a form loaded in place, so keyboard users land where they
// work, and names a value's factors by the basis chosen for it. Charts are drawn
// by charts.js.
(function () {
  "use strict";
  document.addEventListener("htmx:afterSwap", function (event) {
    const form = event.detail.target.querySelector("[data-focus]");
    const field = form && form.querySelector("input:not([type=hidden]), select, textarea");
    if (field) field.focus();
  });
  // A value form's (or a grid row's) factor labels follow its chosen basis.
  document.addEventListener("change", function (event) {
    const select = event.target.closest("select[data-factor-labels]");
    if (!select) return;
    const labels = JSON.parse(select.dataset.factorLabels)[select.value] || {};
    const prefix = select.id.slice(0, -"basis".length);
    Object.keys(labels).forEach(function (name) {
      const label = document.querySelector('label[for="' + prefix + name + '"]');
      if (!label) return;
      const suffix = label.textContent.match(/\s*:\s*$/);
      label.textContent = labels[name] + (suffix ? suffix[0] : "");
    });
  });
  // A new plan's discount rate follows its currency (4 % NOK, 3 % SEK) until
  // someone types a rate of their own.
  document.addEventListener("change", function (event) {
    const select = event.target;
    const defaults = document.getElementById("rate-defaults");
    if (!defaults || select.name !== "currency") return;
    const rates = JSON.parse(defaults.textContent);
    const rate = select.form && select.form.elements.discount_rate;
    if (!rate) return;
    const typed = rate.value.replace(",", ".").trim();
    const isDefault = Object.values(rates).some(function (r) { return Number(r) === Number(typed); });
    if ((typed === "" || isDefault) && rates[select.value]) rate.value = rates[select.value];
  });
})();
