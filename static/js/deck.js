// The in-browser presentation: one slide at a time, arrow keys, a counter and
// full screen. Without JavaScript all slides show one after another.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    const deck = document.querySelector("[data-deck]");
    if (!deck) return;
    const slides = Array.from(deck.querySelectorAll(".slide"));
    const notes = Array.from(deck.querySelectorAll("[data-notes]"));
    const counter = deck.querySelector("[data-deck-counter]");
    const notesButton = deck.querySelector("[data-deck-notes]");
    let current = 0;

    function show(index) {
      current = Math.max(0, Math.min(slides.length - 1, index));
      slides.forEach(function (slide, i) { slide.hidden = i !== current; });
      notes.forEach(function (note, i) { note.hidden = i !== current || notesButton.getAttribute("aria-pressed") !== "true"; });
      counter.textContent = counter.dataset.template
        .replace("%(n)s", current + 1).replace("%(total)s", slides.length);
      if (window.Plotly) {
        slides[current].querySelectorAll("[data-chart]").forEach(function (el) {
          window.Plotly.Plots.resize(el);
        });
      }
    }

    deck.classList.add("deck--js");
    deck.querySelector(".deck__controls").hidden = false;
    deck.querySelector("[data-deck-prev]").addEventListener("click", function () { show(current - 1); });
    deck.querySelector("[data-deck-next]").addEventListener("click", function () { show(current + 1); });
    notesButton.addEventListener("click", function () {
      const on = notesButton.getAttribute("aria-pressed") !== "true";
      notesButton.setAttribute("aria-pressed", on ? "true" : "false");
      show(current);
    });
    deck.querySelector("[data-deck-fullscreen]").addEventListener("click", function () {
      if (document.fullscreenElement) document.exitFullscreen();
      else deck.requestFullscreen().then(function () { deck.focus(); });
    });
    document.addEventListener("keydown", function (event) {
      if (event.target.closest("input, select, textarea")) return;
      if (event.key === "ArrowRight" || event.key === "PageDown") { show(current + 1); event.preventDefault(); }
      if (event.key === "ArrowLeft" || event.key === "PageUp") { show(current - 1); event.preventDefault(); }
      if (event.key === "Home") { show(0); event.preventDefault(); }
      if (event.key === "End") { show(slides.length - 1); event.preventDefault(); }
    });
    show(0);
  });
})();
