"""What the editor is told when an import or a feed check cannot go ahead.

Problems are stored as a code and a detail (an address, a size, a type) and put into
words when shown, so each editor reads them in their own language.
"""

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

MESSAGES = {
    "scheme": _("Only http and https addresses can be fetched (this one is “%(detail)s”)."),
    "address": _("“%(detail)s” is not an address that can be fetched."),
    "unresolvable": _("The host “%(detail)s” could not be found."),
    "private": _(
        "The address leads to a private or local network (%(detail)s); only public "
        "sites can be fetched."
    ),
    "connection": _("Could not connect to “%(detail)s”."),
    "timeout": _("The site did not answer in time (limit: %(detail)s seconds)."),
    "too_large": _("The page is too large to import (more than %(limit)s)."),
    "content_type": _("The address returned “%(detail)s”, not a web page."),
    "feed_content_type": _("The feed address returned “%(detail)s”, not an RSS or Atom feed."),
    "status": _("The site answered with HTTP status %(detail)s."),
    "redirects": _("The address redirects too many times (more than %(detail)s)."),
    "no_article": _("No article text could be found on the page."),
    "hostile": _("The article's text carries hostile markup (%(detail)s); nothing was imported."),
    "not_a_feed": _("The feed could not be read as RSS or Atom."),
    "no_feed": _("This source has no feed address."),
    "duplicate": _("This address was imported already."),
    "failed": _("Something went wrong: %(detail)s"),
}


def problem_message(code: str, detail: str = "") -> str:
    from django.conf import settings

    template = MESSAGES.get(code, MESSAGES["failed"])
    limit = filesizeformat(settings.BROADSHEET_REPUBLISHING_MAX_BYTES)
    return str(template) % {"detail": detail, "limit": limit}
