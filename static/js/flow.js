// The step pages' progressive enhancement (charts are drawn by charts.js).
(function () {
  "use strict";
  // After a swap the keyboard goes where the server said (autofocus): the
  // moved journey stage's button, or the first field of an edit form.
  // Done after every other handler of the swap, so nothing takes it away again.
  document.addEventListener("htmx:afterSettle", function () {
    window.setTimeout(function () {
      const target = document.querySelector("main [autofocus]");
      if (!target) return;
      if (document.activeElement !== target) target.focus();
      // Spent once taken: an answer that swaps in only a row (an edit form)
      // leaves the rest of the page, and the keyboard must not return here.
      target.removeAttribute("autofocus");
    }, 0);
  });

  // The service journey's stages are dragged within their journey (drag.js),
  // on top of their Earlier and Later buttons, whose form the drop posts.
  if (!window.dragSort) return;
  dragSort({
    item: ".journey > .flow-item",
    zone: ".journey",
    sameZone: true,
    rows: true,
    drop: function (stage, journey, index) {
      const form = stage.querySelector(".journey__move");
      const place = document.createElement("input");
      place.type = "hidden";
      place.name = "position";
      place.value = index;
      form.appendChild(place);
      form.requestSubmit();
      place.remove();
    },
  });
  htmx.onLoad(function (root) {
    root.querySelectorAll(".journey > .flow-item").forEach(function (stage) {
      if (stage.querySelector(".journey__move")) stage.setAttribute("draggable", "true");
    });
  });
})();
