// The mention picker: a comment field (textarea[data-mentions], naming the
// JSON list of members) becomes an ARIA 1.2 combobox. Typing "@" and part of
// a name lists matching members; ArrowDown/ArrowUp choose, Enter or Tab
// inserts "@username", Escape closes. Without this script the field is a
// plain text field and "@username" typed by hand works the same.
(function () {
  "use strict";
  const MAX = 8;
  const TOKEN = /(^|[^\w.@])@([\w.+-]*)$/;

  function members(field) {
    const source = document.getElementById(field.dataset.mentions);
    try {
      return source ? JSON.parse(source.textContent) : [];
    } catch (error) {
      return [];
    }
  }

  function ready(field) {
    if (field.dataset.mentionsReady || !field.id) return;
    const people = members(field);
    if (!people.length) return;
    field.dataset.mentionsReady = "true";
    const list = document.createElement("ul");
    list.id = field.id + "-mentions";
    list.className = "mention-list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", field.dataset.mentionsLabel || "Members");
    list.hidden = true;
    field.insertAdjacentElement("afterend", list);
    field.setAttribute("role", "combobox");
    field.setAttribute("aria-autocomplete", "list");
    field.setAttribute("aria-expanded", "false");
    field.setAttribute("aria-controls", list.id);

    let found = [];
    let active = -1;

    function token() {
      const before = field.value.slice(0, field.selectionStart);
      const match = TOKEN.exec(before);
      return match ? { query: match[2].toLowerCase(), start: before.length - match[2].length - 1 } : null;
    }

    function close() {
      list.hidden = true;
      list.textContent = "";
      found = [];
      active = -1;
      field.setAttribute("aria-expanded", "false");
      field.removeAttribute("aria-activedescendant");
    }

    function choose(index) {
      active = index;
      Array.from(list.children).forEach(function (option, i) {
        option.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      const option = list.children[index];
      if (option) {
        field.setAttribute("aria-activedescendant", option.id);
        option.scrollIntoView({ block: "nearest" });
      }
    }

    function open() {
      const at = token();
      if (!at) return close();
      found = people
        .filter(function (person) {
          return (
            person.username.toLowerCase().startsWith(at.query) ||
            person.name.toLowerCase().split(/\s+/).some(function (word) { return word.startsWith(at.query); })
          );
        })
        .slice(0, MAX);
      if (!found.length) return close();
      list.textContent = "";
      found.forEach(function (person, i) {
        const option = document.createElement("li");
        option.id = list.id + "-" + i;
        option.setAttribute("role", "option");
        option.dataset.username = person.username;
        option.textContent = person.name + " (@" + person.username + ")";
        option.addEventListener("mousedown", function (event) { event.preventDefault(); });
        option.addEventListener("click", function () { pick(i); });
        list.appendChild(option);
      });
      list.hidden = false;
      field.setAttribute("aria-expanded", "true");
      choose(0);
    }

    function pick(index) {
      const at = token();
      const person = found[index];
      if (!at || !person) return close();
      const caret = field.selectionStart;
      const text = "@" + person.username + " ";
      field.value = field.value.slice(0, at.start) + text + field.value.slice(caret);
      const end = at.start + text.length;
      field.setSelectionRange(end, end);
      close();
      field.focus();
    }

    field.addEventListener("input", open);
    field.addEventListener("blur", close);
    field.addEventListener("keydown", function (event) {
      if (list.hidden) return;
      switch (event.key) {
        case "ArrowDown":
          choose((active + 1) % found.length);
          break;
        case "ArrowUp":
          choose((active - 1 + found.length) % found.length);
          break;
        case "Enter":
        case "Tab":
          if (active < 0) return;
          pick(active);
          break;
        case "Escape":
          close();
          break;
        default:
          return;
      }
      event.preventDefault();
      event.stopPropagation();
    });
  }

  function readyAll(root) {
    root.querySelectorAll("textarea[data-mentions]").forEach(ready);
  }

  if (window.htmx) htmx.onLoad(readyAll);
  else document.addEventListener("DOMContentLoaded", function () { readyAll(document); });
})();
