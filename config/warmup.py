"""What a web process loads as it starts (``config.wsgi``, ``config.asgi``), so that no
reader waits for it."""


def warm_up() -> None:
    # The language identifier behind the comments' and the summaries' language checks:
    # about a second and 70 MB, which each process's first comment waited for (and under
    # load, every reader queued behind it).
    from articles.summaries.checks import language_identifiers

    language_identifiers()
