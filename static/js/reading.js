/* Article page: "Copy link", "Share" and a "Copy" button on each code block.
 *
 * Progressive enhancement only: without this file the page is complete (the short link
 * is a plain link, code can be selected). The buttons appear only where the browser can
 * do what they say: copying needs the Clipboard API (a secure context), sharing the Web
 * Share API. Their words come from data attributes the template renders in the page's
 * language; results are announced through the polite live region #reading-status.
 */
(function () {
  "use strict";

  var tools = document.getElementById("share-tools");
  var status = document.getElementById("reading-status");
  if (!tools || !status) { return; }
  var words = tools.dataset;
  var canCopy = !!(navigator.clipboard && navigator.clipboard.writeText && window.isSecureContext);
  var canShare = typeof navigator.share === "function";

  function announce(text) {
    // Emptied first, so the same words twice in a row are announced twice.
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 50);
  }

  // This page's own address (a republished article's canonical link is the original's,
  // and the address bar may carry tracking parameters).
  function pageUrl() {
    return words.url || window.location.href.split("#")[0];
  }

  var copyLink = tools.querySelector("[data-copy-link]");
  var share = tools.querySelector("[data-share]");

  if (canCopy) {
    copyLink.addEventListener("click", function () {
      navigator.clipboard.writeText(pageUrl()).then(
        function () { announce(words.copiedLink); },
        function () { announce(words.copyFailed); }
      );
    });
  } else {
    copyLink.hidden = true;
  }

  if (canShare) {
    share.hidden = false;
    share.addEventListener("click", function () {
      navigator.share({ title: document.title, url: pageUrl() }).catch(function () {
        // Dismissed by the reader, or refused: nothing to say.
      });
    });
  }

  if (canCopy || canShare) { tools.hidden = false; }
  if (!canCopy) { return; }

  Array.prototype.forEach.call(document.querySelectorAll(".article-body pre"), function (pre) {
    var wrapper = document.createElement("div");
    wrapper.className = "code-block";
    pre.parentNode.insertBefore(wrapper, pre);
    wrapper.appendChild(pre);
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button-small copy-code";
    button.textContent = words.copyCode;
    button.setAttribute("aria-label", words.copyCodeLabel);
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(pre.innerText.replace(/\n$/, "")).then(
        function () {
          // The name follows the visible word while it says "Copied".
          button.textContent = words.copiedCode;
          button.removeAttribute("aria-label");
          announce(words.copiedCode);
          window.setTimeout(function () {
            button.textContent = words.copyCode;
            button.setAttribute("aria-label", words.copyCodeLabel);
          }, 2000);
        },
        function () { announce(words.copyFailed); }
      );
    });
    wrapper.insertBefore(button, pre);
  });
})();
