// The step pages' progressive enhancement (charts are drawn by charts.js).
(function () {
  "use strict";
  // After a swap the keyboard goes where the server said (autofocus): the
  // moved journey stage's button, or the first field of an edit form.
  // Done after every other handler of the swap, so nothing takes it away again.
  document.addEventListener("htmx:afterSettle", function () {
    window.setTimeout(function () {
      const target = document.querySelector("main [autofocus]");
      if (target && document.activeElement !== target) target.focus();
    }, 0);
  });
})();
