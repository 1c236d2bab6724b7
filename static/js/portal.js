// Small progressive enhancements on top of htmx; the pages work without them.
(function () {
  "use strict";
  const status = () => document.getElementById("status");

  // Views send HX-Trigger: {"announce": "..."}; read it out in the status region.
  document.addEventListener("announce", function (event) {
    const region = status();
    if (!region) return;
    region.textContent = "";
    window.setTimeout(function () { region.textContent = event.detail.value; }, 50);
  });

  // A failed request must never be silent.
  document.addEventListener("htmx:responseError", function (event) {
    const region = status();
    if (region) region.textContent = document.documentElement.dataset.errorText || "Error";
  });

  // A form swapped in a moment ago may not be readied by htmx yet (it does so
  // as the swap settles): ready it before its submit goes on, or a quick Enter
  // would post it as a plain form and reload the page. Readying twice is a no-op.
  document.addEventListener(
    "submit",
    function (event) {
      if (window.htmx && event.target.matches("[hx-post], [hx-get]")) htmx.process(event.target);
    },
    true,
  );

  // Language choice applies on change; the button stays for keyboard users without JS.
  document.addEventListener("DOMContentLoaded", function () {
    const select = document.getElementById("language-select");
    if (select) select.addEventListener("change", function () { select.form.requestSubmit(); });
    const summary = document.querySelector("[data-autofocus]");
    if (summary) summary.focus();
  });
})();
