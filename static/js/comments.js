/* Comment form: a live character counter and focus on errors.
 *
 * Progressive enhancement only: the form works without this file. The counter counts
 * exactly as the server does (comments/rules.py): line breaks are normalised to "\n"
 * first, then code points are counted, so an emoji is one character on both sides.
 * Strings come from Django's JavaScript catalogue (djangojs domain).
 */
(function () {
  "use strict";

  var ngettext = window.ngettext || function (s, p, n) { return n === 1 ? s : p; };
  var interpolate = window.interpolate || function (fmt, obj) {
    return fmt.replace(/%\((\w+)\)s/g, function (_m, key) { return String(obj[key]); });
  };

  function normalise(text) {
    return text.replace(/\r\n?/g, "\n");
  }

  function count(text) {
    // Array.from splits a string into code points, not UTF-16 code units.
    return Array.from(normalise(text)).length;
  }

  // Drop `excess` code points just before the caret (what the reader just typed or
  // pasted), so the text never exceeds the limit and nothing earlier is lost.
  function trim(textarea, limit) {
    var value = normalise(textarea.value);
    var excess = count(value) - limit;
    if (excess <= 0) { return; }
    var caret = textarea.selectionEnd == null ? value.length : textarea.selectionEnd;
    var before = Array.from(value.slice(0, caret));
    var after = value.slice(caret);
    if (before.length >= excess) {
      before = before.slice(0, before.length - excess);
    } else {
      before = [];
      after = Array.from(after).slice(0, limit).join("");
    }
    var head = before.join("");
    textarea.value = head + after;
    textarea.setSelectionRange(head.length, head.length);
  }

  function counterText(n, limit) {
    return interpolate(
      ngettext("%(count)s / %(limit)s character", "%(count)s / %(limit)s characters", limit),
      { count: n, limit: limit }, true);
  }

  function remainingText(n, limit) {
    var left = Math.max(limit - n, 0);
    return interpolate(
      ngettext("%(left)s character left", "%(left)s characters left", left),
      { left: left }, true);
  }

  function setUp(textarea) {
    var limit = parseInt(textarea.getAttribute("data-max-chars"), 10);
    if (!limit) { return; }
    // The maxlength attribute counts UTF-16 units (an emoji counts twice); this script
    // enforces the limit in code points instead, like the server.
    textarea.removeAttribute("maxlength");

    var counter = document.createElement("p");
    counter.className = "form-text char-counter";
    counter.id = textarea.id + "_counter";
    counter.setAttribute("aria-hidden", "true");
    var live = document.createElement("p");
    live.className = "visually-hidden";
    live.id = textarea.id + "_live";
    live.setAttribute("aria-live", "polite");
    // The live counter replaces the static "At most 1200 characters." hint on screen;
    // the hint stays the field's description for screen readers.
    var hint = document.getElementById(textarea.id + "_helptext");
    if (hint) { hint.hidden = true; }
    textarea.insertAdjacentElement("afterend", counter);
    counter.insertAdjacentElement("afterend", live);

    var timer = null;
    function update(announce) {
      var n = count(textarea.value);
      counter.textContent = counterText(n, limit);
      counter.classList.toggle("is-full", n >= limit);
      if (announce) {
        // Announce after a pause in typing, not on every key.
        window.clearTimeout(timer);
        timer = window.setTimeout(function () { live.textContent = remainingText(n, limit); }, 800);
      }
    }

    textarea.addEventListener("input", function (event) {
      if (!event.isComposing) { trim(textarea, limit); }
      update(true);
    });
    textarea.addEventListener("compositionend", function () {
      trim(textarea, limit);
      update(true);
    });
    update(false);
  }

  // After a refused submission, take keyboard and screen-reader users to the list of
  // errors. Wait for "load": scrolling to the #comment-form fragment would undo it.
  function focusErrors() {
    var summary = document.getElementById("comment-errors");
    if (!summary) { return; }
    var focus = function () { window.setTimeout(function () { summary.focus(); }, 0); };
    if (document.readyState === "complete") { focus(); } else { window.addEventListener("load", focus); }
  }

  window.BroadsheetComments = { count: count, normalise: normalise };

  document.querySelectorAll("textarea[data-max-chars]").forEach(setUp);
  focusErrors();
}());
