// Drag and drop of list items within and between lists, shared by the canvas
// board and the service journey. Always on top of buttons that do the same,
// never the only way: a drop only calls `drop`, which uses those forms.
//
// dragSort({
//   item: selector of the draggable items (they carry draggable="true"),
//   zone: selector of the drop zones (a zone holds one list),
//   list: selector of the list within a zone (the zone itself when omitted),
//   sameZone: true when items may only be dropped where they are,
//   rows: true when the list wraps its items in rows (else one column),
//   drop: function (item, zone, index), index counted from 0 among the
//         other items of the zone's list, as the item will then stand,
// })
(function () {
  "use strict";

  window.dragSort = function (options) {
    let dragged = null;
    let from = null; // {zone, index} the item was taken from
    const marker = document.createElement("li");
    marker.className = "drop-marker";
    marker.setAttribute("aria-hidden", "true");

    function listOf(zone) {
      return (options.list && zone.querySelector(options.list)) || zone;
    }

    function others(list) {
      return Array.from(list.children).filter(function (el) {
        return el !== dragged && el !== marker && el.matches(options.item);
      });
    }

    // The place under the pointer: before the first item whose middle is
    // below it; in wrapping rows, in reading order.
    function before(box, event) {
      if (!options.rows) return event.clientY < box.top + box.height / 2;
      if (event.clientY < box.top) return true;
      return event.clientY <= box.bottom && event.clientX < box.left + box.width / 2;
    }

    function placeAt(list, event) {
      const items = others(list);
      for (let i = 0; i < items.length; i += 1) {
        if (before(items[i].getBoundingClientRect(), event)) return { index: i, before: items[i] };
      }
      return { index: items.length, before: null };
    }

    function clear() {
      marker.remove();
      document.querySelectorAll(".drop-zone").forEach(function (zone) {
        zone.classList.remove("drop-zone");
      });
    }

    function zoneAt(event) {
      const zone = event.target.closest && event.target.closest(options.zone);
      if (!zone || !dragged) return null;
      if (options.sameZone && zone !== from.zone) return null;
      return zone;
    }

    document.addEventListener("dragstart", function (event) {
      const item = event.target.closest && event.target.closest(options.item);
      if (!item || item.getAttribute("draggable") !== "true") return;
      const zone = item.closest(options.zone);
      if (!zone) return;
      const items = Array.from(listOf(zone).children).filter(function (el) {
        return el.matches(options.item);
      });
      dragged = item;
      from = { zone: zone, index: items.indexOf(item) };
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", item.id);
      item.classList.add("is-dragged");
    });

    document.addEventListener("dragover", function (event) {
      const zone = zoneAt(event);
      if (!zone) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = "move";
      if (!zone.classList.contains("drop-zone")) {
        clear();
        zone.classList.add("drop-zone");
      }
      const list = listOf(zone);
      const place = placeAt(list, event);
      if (place.before) {
        if (marker.nextElementSibling !== place.before) list.insertBefore(marker, place.before);
      } else if (list.lastElementChild !== marker) {
        list.appendChild(marker);
      }
    });

    document.addEventListener("drop", function (event) {
      const zone = zoneAt(event);
      if (!zone) return;
      event.preventDefault();
      const item = dragged;
      const index = placeAt(listOf(zone), event).index;
      clear();
      if (zone === from.zone && index === from.index) return; // put back where it was
      options.drop(item, zone, index);
    });

    document.addEventListener("dragend", function () {
      clear();
      if (dragged) dragged.classList.remove("is-dragged");
      dragged = null;
    });
  };
})();
