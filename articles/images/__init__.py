"""Lead images: what an upload must be (``uploads``), the smaller copies the worker makes
of it (``renditions``, ``tasks``) and how pages list them (``renditions.Picture``)."""
