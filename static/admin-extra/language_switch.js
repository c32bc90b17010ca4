/* One language switch for a whole translated admin form (core/translation_admin.py).
 *
 * Builds one tab list (the ARIA tabs pattern: arrow keys, Home and End) above the
 * translated fields and shows the fields of the chosen language only; every other
 * field stays as it is. Each tab carries the state the server computed (filled,
 * missing, out of date, machine draft) and, after a failed save, an error marker; the
 * first tab holding an error is the one opened. Elements with data-form-language
 * (the "what changed" panels) follow the switch too. Without this script every field
 * is shown, each with its language in its label.
 */
"use strict";
(function () {
  var config = null;
  var gettext = typeof window.gettext === "function" ? window.gettext : function (text) { return text; };
  var STORAGE_KEY = "broadsheet.formLanguage";

  function elementsFor(form, code) {
    var found = [];
    (config.fields[code] || []).forEach(function (name) {
      // A field on a line of its own hides with its line; on a shared line, its box.
      var selector = ".form-row:not(.form-multiline).field-" + name + ", .fieldBox.field-" + name;
      form.querySelectorAll(selector).forEach(function (element) {
        found.push(element);
      });
    });
    form.querySelectorAll('[data-form-language="' + code + '"]').forEach(function (element) {
      found.push(element);
    });
    return found;
  }

  function childOf(ancestor, element) {
    while (element && element.parentElement !== ancestor) {
      element = element.parentElement;
    }
    return element;
  }

  function span(className, text) {
    var element = document.createElement("span");
    element.className = className;
    element.textContent = text;
    return element;
  }

  // "missing: body" stays true while the translator types: filling the body changes
  // the tab to what it will say once saved. The sentences come translated from the server.
  function keepTrue(form, language, state) {
    function update() {
      var still = language.missing.filter(function (field) {
        var input = form.querySelector('[name="' + field.name + '"]');
        return !input || !input.value.trim();
      });
      var key = language.state;
      var text = language.label;
      if (still.length === 0) {
        key = language.when_filled_state;
        text = language.when_filled;
      } else if (still.length < language.missing.length) {
        text = language.missing_template.replace(
          "%(fields)s", still.map(function (field) { return field.label; }).join(", ")
        );
      }
      state.className = "form-language-state form-language-state-" + key;
      state.textContent = text;
    }
    language.missing.forEach(function (field) {
      var input = form.querySelector('[name="' + field.name + '"]');
      if (input) {
        input.addEventListener("input", update);
      }
    });
  }

  function init() {
    // The script is in the page's head; the data comes later, in the form.
    var source = document.getElementById("form-languages");
    if (!source) {
      return;
    }
    config = JSON.parse(source.textContent);
    var form = document.querySelector("#content-main form");
    if (!form) {
      return;
    }
    var languages = config.languages.filter(function (language) {
      return elementsFor(form, language.code).length > 0;
    });
    if (languages.length < 2) {
      return;
    }
    var members = {};
    var all = [];
    languages.forEach(function (language) {
      members[language.code] = elementsFor(form, language.code);
      all = all.concat(members[language.code]);
    });
    all.sort(function (a, b) {
      return a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });

    // One panel around everything the switch changes, from the first such fieldset
    // (or panel) to the last, so the tabs control one region of the form.
    var container = all[0].parentElement;
    while (container !== form && !container.contains(all[all.length - 1])) {
      container = container.parentElement;
    }
    var start = childOf(container, all[0]);
    var end = childOf(container, all[all.length - 1]);
    var panel = document.createElement("div");
    panel.id = "form-language-panel";
    panel.className = "form-language-panel";
    panel.setAttribute("role", "tabpanel");
    container.insertBefore(panel, start);
    var node = start;
    while (node) {
      var next = node.nextSibling;
      panel.appendChild(node);
      if (node === end) {
        break;
      }
      node = next;
    }

    var tablist = document.createElement("div");
    tablist.className = "form-languages";
    tablist.setAttribute("role", "tablist");
    tablist.setAttribute("aria-label", config.label);
    var tabs = languages.map(function (language) {
      var tab = document.createElement("button");
      tab.type = "button";
      tab.id = "form-language-tab-" + language.code;
      tab.className = "form-language-tab";
      tab.setAttribute("role", "tab");
      tab.setAttribute("aria-controls", panel.id);
      tab.dataset.language = language.code;
      tab.appendChild(span("form-language-name", language.name));
      var details = document.createElement("span");
      details.className = "form-language-details";
      if (language.label) {
        var state = span("form-language-state form-language-state-" + language.state, language.label);
        details.appendChild(state);
        if (language.missing && language.missing.length) {
          keepTrue(form, language, state);
        }
      }
      (language.notes || []).forEach(function (note) {
        details.appendChild(span("form-language-note", note));
      });
      var hasErrors = members[language.code].some(function (element) {
        return element.querySelector(".errorlist, .errors") || element.classList.contains("errors");
      });
      if (hasErrors) {
        tab.classList.add("tab-has-errors");
        var marker = span("form-language-errors", "");
        marker.appendChild(span("tab-error-marker", "!"));
        marker.lastChild.setAttribute("aria-hidden", "true");
        marker.appendChild(span("", gettext("has errors")));
        details.appendChild(marker);
      }
      tab.appendChild(details);
      tablist.appendChild(tab);
      return tab;
    });
    panel.parentElement.insertBefore(tablist, panel);

    function select(index, focus) {
      tabs.forEach(function (tab, i) {
        var selected = i === index;
        tab.setAttribute("aria-selected", selected ? "true" : "false");
        tab.tabIndex = selected ? 0 : -1;
        members[tab.dataset.language].forEach(function (element) {
          element.hidden = !selected;
        });
      });
      panel.setAttribute("aria-labelledby", tabs[index].id);
      if (focus) {
        tabs[index].focus();
      }
      try {
        window.sessionStorage.setItem(STORAGE_KEY, tabs[index].dataset.language);
      } catch (error) {
        // Storage refused (private mode): the choice is simply not remembered.
      }
    }

    tabs.forEach(function (tab, index) {
      tab.addEventListener("click", function () {
        select(index, false);
      });
      tab.addEventListener("keydown", function (event) {
        var target = null;
        if (event.key === "ArrowRight") {
          target = (index + 1) % tabs.length;
        } else if (event.key === "ArrowLeft") {
          target = (index - 1 + tabs.length) % tabs.length;
        } else if (event.key === "Home") {
          target = 0;
        } else if (event.key === "End") {
          target = tabs.length - 1;
        }
        if (target !== null) {
          event.preventDefault();
          select(target, true);
        }
      });
    });

    function indexOf(code) {
      for (var i = 0; i < tabs.length; i++) {
        if (tabs[i].dataset.language === code) {
          return i;
        }
      }
      return -1;
    }
    var remembered = null;
    try {
      remembered = window.sessionStorage.getItem(STORAGE_KEY);
    } catch (error) {
      remembered = null;
    }
    var withErrors = tabs.findIndex(function (tab) {
      return tab.classList.contains("tab-has-errors");
    });
    // A translator cannot edit the original: open a language they can write in.
    function editable(index) {
      return index >= 0 && members[tabs[index].dataset.language].some(function (element) {
        return element.querySelector("input:not([type=hidden]), textarea, select");
      });
    }
    var firstEditable = tabs.findIndex(function (tab, index) { return editable(index); });
    var initial = [withErrors, indexOf(remembered), indexOf(document.documentElement.lang)].find(
      function (index) { return index >= 0 && (index === withErrors || editable(index)); }
    );
    if (initial === undefined) {
      initial = firstEditable >= 0 ? firstEditable : 0;
    }
    select(initial, false);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
