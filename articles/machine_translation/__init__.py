"""Machine-translation drafts of an article's title, standfirst and body.

The model is the summaries' (``articles.summaries.get_backend()``: one model server to
configure, ``BROADSHEET_SUMMARY_BACKEND`` / ``BROADSHEET_SUMMARY_OPTIONS``), asked to
``translate`` instead of summarise. ``markdown.py`` keeps code away from the model and
checks the reply's shape; ``services.py`` requests, accepts and discards drafts;
``generation.py`` runs one attempt in the worker (``tasks.py``); ``admin.py`` is the
panel on the article page. A draft reaches readers only when a translator accepts it.
"""
