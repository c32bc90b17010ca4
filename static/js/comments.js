/* Comment form: a live character counter and focus on errors.
 *
 * Progressive enhancement only: the form works without this file, and the server
 * renders the counter ("0 / 1200 characters"); this script keeps it up to date. It
 * counts exactly as the server does (comments/rules.py): line breaks are normalised to
 * "\n" first, then characters are counted as the reader sees them (grapheme clusters,
 * with Intl.Segmenter), so a flag or a family emoji is one character on both sides.
 * Nothing the reader types is ever cut: over the limit the counter says by how much
 * ("−130") and the form is not sent until the text fits.
 * "Copy link" buttons on comments appear only where the browser can copy; the time of
 * each comment is its permalink, which works without this file.
 * The form of a cached page is the same for every reader: it has no CSRF token and no
 * human-check question. When the reader starts a comment (focus or typing anywhere in
 * the form) this script fetches them (comments.views.comment_start) and shows the
 * question where it belongs, below the text, long before the reader gets there; the
 * focus stays where it is. Without this script the server asks the question after the
 * form is sent, every word kept.
 * Strings come from Django's JavaScript catalogue (djangojs domain).
 */
(function () {
  "use strict";

  var ngettext = window.ngettext || function (s, p, n) { return n === 1 ? s : p; };
  var gettext = window.gettext || function (s) { return s; };
  var interpolate = window.interpolate || function (fmt, obj) {
    return fmt.replace(/%\((\w+)\)s/g, function (_m, key) { return String(obj[key]); });
  };
  var segmenter = window.Intl && Intl.Segmenter ? new Intl.Segmenter(undefined, { granularity: "grapheme" }) : null;

  function normalise(text) {
    return text.replace(/\r\n?/g, "\n");
  }

  function count(text) {
    text = normalise(text);
    if (!segmenter) { return Array.from(text).length; }  // code points, at worst
    var n = 0;
    for (var it = segmenter.segment(text)[Symbol.iterator](), step = it.next(); !step.done; step = it.next()) { n += 1; }
    return n;
  }

  function counterText(n, limit) {
    var text = interpolate(
      ngettext("%(count)s / %(limit)s character", "%(count)s / %(limit)s characters", limit),
      { count: n, limit: limit }, true);
    return n > limit ? text + " (\u2212" + (n - limit) + ")" : text;
  }

  function remainingText(n, limit) {
    if (n > limit) { return overText(n - limit); }
    return interpolate(
      ngettext("%(left)s character left", "%(left)s characters left", limit - n),
      { left: limit - n }, true);
  }

  function overText(over) {
    return interpolate(
      ngettext("%(over)s character too many: shorten your comment to send it.",
               "%(over)s characters too many: shorten your comment to send it.", over),
      { over: over }, true);
  }

  function setUp(textarea) {
    var limit = parseInt(textarea.getAttribute("data-max-chars"), 10);
    if (!limit) { return; }
    var counter = document.getElementById(textarea.id + "_counter");
    if (!counter) { return; }
    var over = document.createElement("p");
    over.className = "form-text char-over";
    over.id = textarea.id + "_over";
    over.hidden = true;
    var live = document.createElement("p");
    live.className = "visually-hidden";
    live.id = textarea.id + "_live";
    live.setAttribute("aria-live", "polite");
    // The live counter replaces the static "At most 1200 characters." hint on screen;
    // the hint stays the field's description for screen readers.
    var hint = document.getElementById(textarea.id + "_helptext");
    if (hint) { hint.hidden = true; }
    counter.insertAdjacentElement("afterend", over);
    over.insertAdjacentElement("afterend", live);
    var described = (textarea.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
    textarea.setAttribute("aria-describedby", described.concat([over.id]).join(" "));

    var timer = null;
    function update(announce) {
      var n = count(textarea.value);
      counter.textContent = counterText(n, limit);
      counter.classList.toggle("is-full", n === limit);
      counter.classList.toggle("is-over", n > limit);
      over.hidden = n <= limit;
      over.textContent = n > limit ? overText(n - limit) : "";
      if (n > limit) { textarea.setAttribute("aria-invalid", "true"); }
      else if (!textarea.classList.contains("is-invalid")) { textarea.removeAttribute("aria-invalid"); }
      if (announce) {
        // Announce after a pause in typing, not on every key.
        window.clearTimeout(timer);
        timer = window.setTimeout(function () { live.textContent = remainingText(n, limit); }, 800);
      }
      return n;
    }

    textarea.addEventListener("input", function () { update(true); });
    textarea.form.addEventListener("submit", function (event) {
      if (update(false) > limit) {
        // The server would refuse it too; here the reader keeps their place and text.
        event.preventDefault();
        live.textContent = overText(count(textarea.value) - limit);
        textarea.focus();
      }
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

  // One polite live region says what a copy button did; the button keeps its name.
  function setUpCopyButtons() {
    var buttons = document.querySelectorAll("button.comment-copy[data-permalink]");
    if (!buttons.length || !(navigator.clipboard && window.isSecureContext)) { return; }
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("aria-live", "polite");
    status.id = "comment-copy-status";
    document.getElementById("comments").appendChild(status);
    buttons.forEach(function (button) {
      var link = new URL(button.getAttribute("data-permalink"), window.location.href).href;
      button.hidden = false;
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(link).then(function () {
          status.textContent = "";
          window.setTimeout(function () { status.textContent = gettext("Link to the comment copied."); }, 50);
          button.classList.add("is-copied");
          window.setTimeout(function () { button.classList.remove("is-copied"); }, 2000);
        }, function () {
          // Refused (permissions): the address bar gets the link to copy by hand.
          window.location.hash = link.split("#")[1];
        });
      });
    });
  }

  function setUpStart(form) {
    var started = null;
    function fill(values) {
      var csrf = form.querySelector("input[name=csrfmiddlewaretoken]");
      if (!csrf) {
        csrf = document.createElement("input");
        csrf.type = "hidden";
        csrf.name = "csrfmiddlewaretoken";
        form.insertBefore(csrf, form.firstChild);
      }
      csrf.value = values.csrf;
      form.querySelector("input[name=token]").value = values.token;
      var label = form.querySelector("label[for=id_answer]");
      // The label's text, keeping the "required" mark crispy adds after it.
      var mark = label.querySelector(".asteriskField");
      label.textContent = values.question;
      if (mark) { label.appendChild(mark); }
      form.querySelector("#comment-check").hidden = false;
      var later = form.querySelector("#comment-check-later");
      if (later) { later.hidden = true; }
    }
    function start() {
      if (started) { return started; }
      started = fetch(form.getAttribute("data-start"), {
        credentials: "same-origin", headers: { "Accept": "application/json" }
      }).then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
        return response.json();
      }).then(fill, function () {
        started = null;  // the server asks after sending; try again on the next focus
      });
      return started;
    }
    form.addEventListener("focusin", start);
    form.addEventListener("input", start);
  }

  window.BroadsheetComments = { count: count, normalise: normalise };

  document.querySelectorAll("form[data-start]").forEach(setUpStart);

  document.querySelectorAll("textarea[data-max-chars]").forEach(setUp);
  focusErrors();
  setUpCopyButtons();
}());
