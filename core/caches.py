"""The cache folder behind ``CACHE_URL=file://FOLDER``: diskcache's ``DjangoCache``.

Django's own ``FileBasedCache`` lists the whole folder on every write to cull it (35 ms a
write with 20,000 entries, paid by every page rendered) and then drops a third of it at
random. diskcache keeps an SQLite index per shard of the folder: a write costs the same
however full it is, and past the size limit the entries stored longest ago go first. Its
writes are SQLite transactions, so the processes of one machine share it safely (``add``
is atomic: one process wins), and a write waiting for another process's lock retries
until it has it instead of being dropped.
"""

import contextlib
import sqlite3
import threading
import time
from collections import defaultdict
from itertools import batched

from diskcache import DjangoCache, FanoutCache, Timeout
from diskcache.core import EVICTION_POLICY
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

    def get_many(self, keys, version=None):
        """The entries of ``keys`` found, in one SELECT per shard they fall in.

        Django's default asks for each key in turn: a cached article page's five tokens
        were five reads of five shards, 57 µs of the 190 µs its hit took in one process,
        and are now one read of 26 µs (the tokens folder has one shard). The query is
        diskcache's own read (``Cache.get``'s fast path) with ``IN``; a shard that
        counts hits or updates entries on reading is asked key by key, as diskcache
        would.
        """
        # Made as DjangoCache.get makes them (Django's checks for memcached cost 2 µs a key).
        wanted = {self.make_key(key, version=version): key for key in keys}
        fanout = self._cache
        by_shard = defaultdict(list)
        for db_key in wanted:
            by_shard[fanout._hash(db_key) % fanout._count].append(db_key)
        found = {}
        for index, db_keys in by_shard.items():
            shard = fanout._shards[index]
            if shard.statistics or EVICTION_POLICY[shard.eviction_policy]["get"]:
                found.update(super().get_many([wanted[k] for k in db_keys], version=version))
                continue
            # SQLite allows 999 parameters a statement.
            for chunk in batched(db_keys, 500, strict=False):
                found.update((wanted[db_key], value) for db_key, value in self._read(shard, chunk))
        return found

    @staticmethod
    def _read(shard, db_keys):
        marks = ", ".join("?" * len(db_keys))  # placeholders only: the keys are bound
        select = (
            "SELECT key, mode, filename, value FROM Cache"  # noqa: S608
            f" WHERE raw = 1 AND key IN ({marks}) AND (expire_time IS NULL OR expire_time > ?)"
        )
        try:
            rows = shard._sql(select, (*db_keys, time.time())).fetchall()
        except (Timeout, sqlite3.OperationalError):
            return  # a busy shard reads as missing, as FanoutCache.get has it
        for db_key, mode, filename, value in rows:
            # A file that went before it could be read: missing, as in Cache.get.
            with contextlib.suppress(OSError):
                yield db_key, shard._disk.fetch(mode, filename, value, False)
