"""The cache folder behind ``CACHE_URL=file://FOLDER``: diskcache's ``DjangoCache``.

Django's own ``FileBasedCache`` lists the whole folder on every write to cull it (35 ms a
write with 20,000 entries, paid by every page rendered) and then drops a third of it at
random. diskcache keeps an SQLite index per shard of the folder: a write costs the same
however full it is, and past the size limit the entries stored longest ago go first. Its
writes are SQLite transactions, so the processes of one machine share it safely (``add``
is atomic: one process wins), and a write waiting for another process's lock retries
until it has it instead of being dropped.
"""

import threading

from diskcache import DjangoCache, FanoutCache
from django.core.cache.backends.base import BaseCache

_folders: dict[tuple, FanoutCache] = {}
_opening = threading.Lock()


class FolderCache(DjangoCache):
    def __init__(self, directory, params):
        """Open each folder once per process, not once per thread.

        Django makes a cache object per thread, and opening a folder (its 8 SQLite
        shards, their tables and settings) takes 9 to 17 ms here: the development server
        and the test servers start a thread per request. diskcache's objects are made to
        be shared by threads: each thread gets its own SQLite connections.
        """
        BaseCache.__init__(self, params)
        shards = params.get("SHARDS", 8)
        timeout = params.get("DATABASE_TIMEOUT", 0.010)
        options = params.get("OPTIONS", {})
        key = (directory, shards, timeout, tuple(sorted(options.items())))
        with _opening:
            if key not in _folders:
                _folders[key] = FanoutCache(directory, shards, timeout, **options)
        self._cache = _folders[key]

    def close(self, **kwargs):
        """Keep the SQLite connections for the next request.

        Django closes every cache when a request finishes. ``DjangoCache.close()`` closes
        the connection to every shard, so each request would reconnect to each shard it
        reads and re-run the connection's PRAGMAs: 0.5 to 2.7 ms a shard here (closing the
        last connection also checkpoints the shard's journal), against 12 µs for a read
        on an open connection, and a cached page reads several shards (the copy and
        its tokens). The connections are per thread, and diskcache opens new ones in a
        forked process (it checks the process id), so nothing is shared that must not
        be; a thread that ends drops its own (Python closes them with its storage).
        """
