from django import template

from newsroom.dashboard import dashboard_items, upkeep_schedule

register = template.Library()


@register.simple_tag(takes_context=True)
def newsroom_dashboard(context):
    """The dashboard's counts for the signed-in user (see ``newsroom.dashboard``)."""
    return dashboard_items(context["request"].user)


@register.simple_tag(takes_context=True)
def newsroom_upkeep(context):
    """The upkeep jobs' last and next runs, for those who may see them."""
    return upkeep_schedule(context["request"].user)
