/* Marks every language tab whose fields have errors and opens the first such tab.
 *
 * modeltranslation's own marker looks for the "errors" class on ".form-row", where
 * Django's admin no longer puts it, so a tab hiding an error looked like any other.
 * Runs after modeltranslation has built the tabs (jQuery runs ready handlers in order).
 */
"use strict";
(function () {
  var $ = window.django && window.django.jQuery;
  if (!$) {
    return;
  }
  // The admin loads its JavaScript catalogue (jsi18n) before this file.
  var gettext = typeof window.gettext === "function" ? window.gettext : function (text) { return text; };

  $(function () {
    $(".ui-tabs").each(function () {
      var $container = $(this);
      var firstWithErrors = -1;
      $container.children(".ui-tabs-nav").children("li").each(function (index) {
        var $tab = $(this);
        var panel = document.getElementById($tab.attr("aria-controls"));
        if (!panel || !panel.querySelector(".errorlist, .errors")) {
          return;
        }
        $tab.addClass("ui-tab-has-errors tab-has-errors");
        var $link = $tab.children("a");
        $link.append(
          $("<span>", { "class": "tab-error-marker", "aria-hidden": "true", text: "!" }),
          $("<span>", { "class": "visually-hidden", text: " " + gettext("(has errors)") })
        );
        if (firstWithErrors < 0) {
          firstWithErrors = index;
        }
      });
      if (firstWithErrors >= 0 && typeof $container.tabs === "function") {
        $container.tabs("option", "active", firstWithErrors);
      }
    });
  });
})();
