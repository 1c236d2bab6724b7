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

  // Every htmx answer carries the unread count (HX-Trigger "notifications");
  // the header's inbox link follows it. Only a change is written, so the
  // live region around the link speaks only when the count moved.
  document.addEventListener("notifications", function (event) {
    const count = Number(event.detail.count);
    document.querySelectorAll("[data-unread]").forEach(function (link) {
      if (link.dataset.unread === String(count)) return;
      link.dataset.unread = String(count);
      const label = link.querySelector("[data-unread-label]");
      const shown = link.querySelector("[data-unread-count]");
      if (label) label.textContent = event.detail.label;
      if (shown) {
        shown.textContent = String(count);
        shown.hidden = count === 0;
      }
    });
  });

  // A failed request must never be silent.
  document.addEventListener("htmx:responseError", function (event) {
    const region = status();
    if (region) region.textContent = document.documentElement.dataset.errorText || "Error";
  });

  // A form or link swapped in a moment ago may not be readied by htmx yet (it
  // does so as the swap settles): ready it before its submit or click goes on,
  // or a quick Enter would follow it as a plain form or link and load another
  // page. Readying twice is a no-op.
  function ready(event) {
    const element = window.htmx && event.target.closest && event.target.closest("[hx-post], [hx-get]");
    if (element) htmx.process(element);
  }
  document.addEventListener("submit", ready, true);
  document.addEventListener("click", ready, true);

  // Character counters: a field with maxlength and data-counter (a text such
  // as "{left} of {max} characters left") shows what is left once its text
  // passes 80 % of the limit. The visible count follows every key; screen
  // readers hear it politely, once typing pauses.
  const COUNTER_FROM = 0.8;
  function counter(field) {
    if (field.dataset.counterReady) return;
    field.dataset.counterReady = "true";
    const max = Number(field.getAttribute("maxlength"));
    if (!max || !field.id) return;
    const shown = document.createElement("p");
    shown.className = "char-counter";
    shown.id = field.id + "-counter";
    shown.setAttribute("aria-hidden", "true");
    const spoken = document.createElement("p");
    spoken.className = "ds-sr-only";
    spoken.setAttribute("aria-live", "polite");
    field.insertAdjacentElement("afterend", shown);
    shown.insertAdjacentElement("afterend", spoken);
    const described = field.getAttribute("aria-describedby");
    field.setAttribute("aria-describedby", described ? described + " " + shown.id : shown.id);
    let pause = null;
    function update() {
      const length = field.value.length;
      const text = length >= max * COUNTER_FROM
        ? field.dataset.counter.replace("{left}", String(Math.max(max - length, 0))).replace("{max}", String(max))
        : "";
      shown.textContent = text;
      shown.classList.toggle("char-counter--full", length >= max);
      window.clearTimeout(pause);
      pause = window.setTimeout(function () { spoken.textContent = text; }, 700);
    }
    field.addEventListener("input", update);
    update();
  }
  function counters(root) {
    root.querySelectorAll("[maxlength][data-counter]").forEach(counter);
  }
  if (window.htmx) htmx.onLoad(counters);
  else document.addEventListener("DOMContentLoaded", function () { counters(document); });

  // Language choice applies on change; the button stays for keyboard users without JS.
  document.addEventListener("DOMContentLoaded", function () {
    const select = document.getElementById("language-select");
    if (select) select.addEventListener("change", function () { select.form.requestSubmit(); });
    const summary = document.querySelector("[data-autofocus]");
    if (summary) summary.focus();
  });
})();

// The header's menu button on a narrow screen (CSS shows it there): a
// disclosure that opens and closes the menu; Escape closes it and returns focus.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    const button = document.querySelector(".site-menu-toggle");
    if (!button) return;
    const set = function (open) { button.setAttribute("aria-expanded", open ? "true" : "false"); };
    button.hidden = false;
    button.addEventListener("click", function () {
      set(button.getAttribute("aria-expanded") !== "true");
    });
    button.parentElement.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || button.getAttribute("aria-expanded") !== "true") return;
      set(false);
      button.focus();
    });
  });
})();
