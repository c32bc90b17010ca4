from django import template
from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html

from pagecache import assets, fragments
from pagecache.decorators import depends_on
from pagecache.holes import fill

register = template.Library()


@register.simple_tag(takes_context=True)
def fresh(context, name: str, arg) -> str:
    """``{% fresh "name" arg %}``: a part of the page made anew for every request.

    Rendered by the filler registered under ``name`` (``pagecache.holes``); inside a
    cached page it is wrapped in markers, so that each cache hit fills it again.
    """
    request = context.get("request")
    arg = str(arg)
    content = fill(name, request, arg)
    if not getattr(request, "page_cache_active", False):
        return content
    return format_html("<!--fresh:{}:{}-->{}<!--/fresh-->", name, arg, content)


@register.simple_tag(takes_context=True)
def script_catalogue_url(context, url_name: str) -> str:
    """``{% script_catalogue_url "comments:jsi18n_versioned" %}``: the catalogue's
    current long-lived address (``pagecache.assets``); the page is kept only while the
    tokens that version is made of hold."""
    request = context.get("request")
    current = assets.tokens()
    for key, value in current.items():
        depends_on(request, key, value)
    return reverse(url_name, kwargs={"version": assets.catalogue_version(current=current)})


class FragmentNode(template.Node):
    def __init__(self, nodelist, name: str, vary_on):
        self.nodelist, self.name, self.vary_on = nodelist, name, vary_on

    def render(self, context):
        request = context.get("request")
        user = getattr(request, "user", None)
        if request is None or (user is not None and user.is_authenticated):
            # Signed-in users (staff) see what the database holds now, as they get fresh
            # pages.
            return self.nodelist.render(context)
        # Pages are kept per language, scheme and host (their absolute addresses): so is
        # every part of them.
        vary_on = [
            fragments.FORMAT,
            translation.get_language(),
            request.scheme,
            request.get_host(),
            *(value.resolve(context) for value in self.vary_on),
        ]
        key = make_template_fragment_key(self.name, vary_on)
        value = cache.get(key)
        if value is None:
            value = self.nodelist.render(context)
            cache.set(key, value, fragments.lifetime(request))
        return value


@register.tag
def fragment(parser, token):
    """``{% fragment "name" var… %}…{% endfragment %}``: a part of a page rendered once
    and kept, for anonymous readers, until any of ``var…`` changes (pass the version tokens
    it is made from, ``pagecache.fragments``, and whatever else it differs by).

    A fragment never holds a fresh hole or anything per reader: it is shared by every
    page that shows it, as long as no cached page lives (BROADSHEET_PAGE_CACHE_SECONDS).
    """
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'":
        raise template.TemplateSyntaxError(f'Use {{% {bits[0]} "name" var… %}}')
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, bits[1][1:-1], [parser.compile_filter(b) for b in bits[2:]])
