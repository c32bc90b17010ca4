/* Gives Django's autocomplete boxes (select2) the accessible name of their field.
 *
 * select2 names its box after the chosen value, so an empty box has no name, and the
 * search field of a multiple choice has none at all (axe: "label",
 * "aria-input-field-name"). select2 rebuilds these elements as choices change, so an
 * observer names whatever it adds.
 */
"use strict";
(function () {
  function nameBoxes() {
    document.querySelectorAll("select.admin-autocomplete").forEach(function (select) {
      var label = document.querySelector('label[for="' + select.id + '"]');
      var box = select.nextElementSibling;
      if (!label || !box || !box.classList.contains("select2")) { return; }
      if (!label.id) { label.id = select.id + "-label"; }
      var text = label.textContent.replace(/[:\s]+$/, "");
      box.querySelectorAll('[role="combobox"]').forEach(function (combobox) {
        var chosen = combobox.querySelector(".select2-selection__rendered");
        var names = label.id + (chosen && chosen.id ? " " + chosen.id : "");
        if (combobox.getAttribute("aria-labelledby") !== names) {
          combobox.setAttribute("aria-labelledby", names);
        }
      });
      box.querySelectorAll('[role="textbox"], input.select2-search__field').forEach(function (field) {
        if (field.getAttribute("aria-label") !== text) { field.setAttribute("aria-label", text); }
      });
    });
  }

  // The search field of an open single choice lives in a dropdown at the end of the page.
  function nameDropdowns() {
    document.querySelectorAll(".select2-dropdown").forEach(function (dropdown) {
      var results = dropdown.querySelector(".select2-results__options[id]");
      var field = dropdown.querySelector("input.select2-search__field");
      if (!results || !field) { return; }
      var id = results.id.replace(/^select2-/, "").replace(/-results$/, "");
      var label = document.querySelector('label[for="' + id + '"]');
      var text = label ? label.textContent.replace(/[:\s]+$/, "") : "";
      if (text && field.getAttribute("aria-label") !== text) { field.setAttribute("aria-label", text); }
    });
  }

  function nameAll() {
    nameBoxes();
    nameDropdowns();
  }

  function start() {
    nameAll();
    new MutationObserver(nameAll).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
