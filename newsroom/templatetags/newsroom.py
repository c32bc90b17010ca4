from django import template

from newsroom.dashboard import dashboard_items

register = template.Library()


@register.simple_tag(takes_context=True)
def newsroom_dashboard(context):
    """The dashboard's counts for the signed-in user (see ``newsroom.dashboard``)."""
    return dashboard_items(context["request"].user)
