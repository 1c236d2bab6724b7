// Canvas boards: focus that stays on the note acted on, Enter to save a note,
// and co-editors' changes merged in without disturbing a note being edited.
(function () {
  "use strict";
  const board = () => document.getElementById("board");
  let remembered = null; // {note, key} of the control used last

  function describe(el) {
    const note = el && el.closest ? el.closest("[data-note]") : null;
    if (!note) return el && el.id ? { id: el.id } : null;
    return { note: note.id, key: el.dataset ? el.dataset.focus : undefined };
  }

  function focusFor(desc) {
    if (!desc) return null;
    if (desc.id && !desc.note) return document.getElementById(desc.id);
    const note = document.getElementById(desc.note);
    if (!note) return null;
    const control = desc.key && note.querySelector('[data-focus="' + desc.key + '"]');
    const menu = control && control.closest(".note__menu");
    if (menu && control.closest(".note__actions")) menu.open = true; // the action used last
    return control || note;
  }

  // One's own write must not come back through the poll as others' change:
  // no poll goes out while a write is on its way, and a poll that was out
  // when a write went draws the board without announcing it.
  let writing = 0;
  let lastWrite = 0;
  let pollSent = 0;

  // Remember which control of which note started a request.
  document.addEventListener("htmx:beforeRequest", function (event) {
    const src = event.detail.requestConfig && event.detail.requestConfig.triggeringEvent;
    const active = document.activeElement;
    if (event.detail.elt.matches("[data-board-poll]")) {
      if (writing > 0) event.preventDefault(); // the next poll asks again
      else pollSent = Date.now();
      return;
    }
    const shown = board();
    if (shown && shown.contains(event.detail.elt) && event.detail.xhr) {
      event.detail.xhr.boardWrite = true; // its element may be swapped away before it ends
      writing += 1;
      lastWrite = Date.now();
    }
    remembered = describe(src && src.submitter ? src.submitter : active);
  });

  // Views name the element to focus after their swap (HX-Trigger-After-Settle).
  document.addEventListener("canvasFocus", function (event) {
    const id = event.detail.value;
    let target = null;
    if (remembered && remembered.note === id) target = focusFor(remembered);
    target = target || document.getElementById(id);
    if (target) target.focus();
    remembered = null;
  });

  // Requests from the board say which change count it shows: the poll gets
  // 204 while nothing changed, and a write that brings the board up to date
  // answers with the new count (so one's own changes cause no refresh).
  document.addEventListener("htmx:configRequest", function (event) {
    const shown = board();
    if (!shown || !shown.contains(event.detail.elt)) return;
    if (event.detail.elt.matches("[data-board-poll]")) {
      event.detail.parameters.since = shown.dataset.changeCount;
    } else {
      event.detail.headers["X-Board-Change-Count"] = shown.dataset.changeCount;
    }
  });

  // A refresh must not disturb a note being edited: the open editor is kept
  // (hx-preserve) wherever its note now is; a block whose editor's note is
  // gone from it is left as it is for now, and the board asks again.
  let skipped = false;
  let focusBefore = null;
  let answering = null; // the element whose request's answer is being swapped
  document.addEventListener("htmx:beforeSwap", function (event) {
    answering = event.detail.elt;
  });
  document.addEventListener("htmx:oobBeforeSwap", function (event) {
    const target = event.detail.target;
    if (!target.classList || !target.classList.contains("notes")) return;
    if (!focusBefore) {
      const active = document.activeElement;
      focusBefore = describe(active) || {};
      focusBefore.el = active;
      focusBefore.start = active && active.selectionStart;
      focusBefore.end = active && active.selectionEnd;
    }
    board().querySelectorAll("[data-editing]").forEach(function (editor) {
      if (answering && editor.contains(answering)) return; // its own answer replaces it
      const incoming = event.detail.fragment.querySelector("#" + CSS.escape(editor.id));
      if (incoming) {
        incoming.setAttribute("hx-preserve", "true");
      } else if (target.contains(editor)) {
        event.detail.shouldSwap = false;
        skipped = true;
      }
    });
  });

  document.addEventListener("htmx:afterSettle", function () {
    // Put focus back where it was when a refresh replaced the focused control.
    // A kept editor is the same element (moved): its caret is put back too.
    if (focusBefore && (!document.activeElement || document.activeElement === document.body)) {
      const kept = focusBefore.el && focusBefore.el.isConnected ? focusBefore.el : null;
      const target = kept || focusFor(focusBefore);
      if (target) target.focus();
      if (kept && typeof focusBefore.start === "number" && kept.setSelectionRange) {
        kept.setSelectionRange(focusBefore.start, focusBefore.end);
      }
    }
    focusBefore = null;
  });

  document.addEventListener("htmx:afterRequest", function (event) {
    const shown = board();
    const poll = event.detail.elt.matches("[data-board-poll]");
    if (event.detail.xhr && event.detail.xhr.boardWrite) writing = Math.max(0, writing - 1);
    const count = event.detail.xhr && event.detail.xhr.getResponseHeader("X-Board-Change-Count");
    if (shown && count && !skipped) {
      shown.dataset.changeCount = count;
      // Others' changes are announced once, when they are all on the board.
      if (poll && lastWrite < pollSent) {
        const detail = { value: shown.dataset.updatedText };
        document.dispatchEvent(new CustomEvent("announce", { detail: detail }));
      }
    }
    skipped = false;
  });

  // In a note's text, Enter saves and Shift+Enter starts a new line.
  document.addEventListener("keydown", function (event) {
    const field = event.target;
    if (event.key !== "Enter" || event.shiftKey || event.isComposing) return;
    if (!field.matches || !field.matches(".note-form textarea")) return;
    event.preventDefault();
    field.form.requestSubmit();
  });

  // Drag and drop within and between blocks, on top of the menu's Up, Down
  // and "Move to" (whose form it posts): never the only way to move a note.
  dragSort({
    item: ".note",
    zone: ".block",
    list: ".notes",
    drop: function (note, block, index) {
      const form = note.querySelector(".note__actions");
      if (!form) return;
      const place = document.createElement("input");
      place.type = "hidden";
      place.name = "position";
      place.value = index;
      form.appendChild(place);
      form.querySelector("select[name=block]").value = block.id.replace(/^block-/, "");
      form.requestSubmit(form.querySelector('[data-focus="move"]'));
      place.remove();
      remembered = { note: note.id }; // after a drop the note itself has the focus
    },
  });
  htmx.onLoad(function (root) {
    root.querySelectorAll(".note .note__actions").forEach(function (form) {
      form.closest(".note").setAttribute("draggable", "true");
    });
  });

  // Each note's actions sit behind its menu button (a <details>): arrow keys
  // move between the actions, Escape closes the menu and returns to the button,
  // and one menu is open at a time.
  function menuItems(menu) {
    return Array.from(menu.querySelectorAll(".note__actions [data-focus]"));
  }

  function closeMenu(menu, focus) {
    menu.open = false;
    if (focus) menu.querySelector("summary").focus();
  }

  document.addEventListener("keydown", function (event) {
    const menu = event.target.closest && event.target.closest(".note__menu");
    if (!menu || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === "Escape" && menu.open) {
      event.preventDefault();
      closeMenu(menu, true);
      return;
    }
    const steps = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 };
    const ends = { Home: 0, End: -1 };
    if (!(event.key in steps) && !(event.key in ends)) return;
    const items = menuItems(menu);
    const onButton = event.target.matches("summary");
    if (onButton && !menu.open) {
      if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
      menu.open = true; // like Enter, and straight to the first (or last) item
    }
    event.preventDefault();
    let next;
    if (event.key in ends) {
      next = ends[event.key] === 0 ? 0 : items.length - 1;
    } else if (onButton) {
      next = steps[event.key] > 0 ? 0 : items.length - 1;
    } else {
      next = (items.indexOf(event.target) + steps[event.key] + items.length) % items.length;
    }
    items[next].focus();
  });

  document.addEventListener(
    "toggle",
    function (event) {
      const menu = event.target;
      if (!menu.matches || !menu.matches(".note__menu") || !menu.open) return;
      document.querySelectorAll(".note__menu[open]").forEach(function (other) {
        if (other !== menu) closeMenu(other, false);
      });
    },
    true,
  );

  document.addEventListener("pointerdown", function (event) {
    document.querySelectorAll(".note__menu[open]").forEach(function (menu) {
      if (!menu.contains(event.target)) closeMenu(menu, false);
    });
  });
})();
