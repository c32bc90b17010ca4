"""Who is asking: the client's address, as every throttle on the site sees it."""

from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """The client's address; a minimal stand-in that trusts no proxy header yet."""
    return request.META.get("REMOTE_ADDR", "")
