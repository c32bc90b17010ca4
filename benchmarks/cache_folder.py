"""The cache folder of CACHE_URL=file://: Django's FileBasedCache against core.caches.

    .venv/bin/python benchmarks/cache_folder.py [ENTRIES ...]

For each number of entries already in the folder (200, 5,000 and 20,000 by default) it
times a write of a new page, a read of a stored one and a read of five at once
(get_many, as the page cache reads a page's tokens), in microseconds per operation
(median of 200). FileBasedCache is filled without its culling and given room for every
entry, so that its writes only pay for listing the folder. Also: the cost of a read
after close() (what Django does at the end of every request), the reason
core.caches.FolderCache keeps its connections.
"""

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import django
from diskcache import DjangoCache
from django.conf import settings

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
settings.configure()
django.setup()

from django.core.cache.backends.filebased import FileBasedCache  # noqa: E402

from config.settings.base import caches_from_url  # noqa: E402
from core.caches import FolderCache  # noqa: E402

PAGE = os.urandom(8000)  # a compressed page copy: 8 KB that zlib cannot shrink
SAMPLES = 200


def median_us(operation, samples: int = SAMPLES) -> float:
    times = []
    for n in range(samples):
        start = time.perf_counter()
        operation(n)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e6


def file_based(folder: str, entries: int) -> FileBasedCache:
    cache = FileBasedCache(folder, {"OPTIONS": {"MAX_ENTRIES": 10**7}})
    cull, cache._cull = cache._cull, lambda: None
    for n in range(entries):
        cache.set(f"page-{n}", PAGE, 3600)
    cache._cull = cull
    return cache


def folder_cache(folder: str, entries: int) -> FolderCache:
    params = caches_from_url(f"file://{folder}")["default"]
    cache = FolderCache(params["LOCATION"], params)
    for n in range(entries):
        cache.set(f"page-{n}", PAGE, 3600)
    return cache


def measure(cache, entries: int) -> dict[str, float]:
    keys = [f"page-{n}" for n in range(entries)]
    return {
        "set": median_us(lambda n: cache.set(f"new-{n}", PAGE, 3600)),
        "get": median_us(lambda n: cache.get(random.choice(keys))),
        "get_many(5)": median_us(lambda n: cache.get_many(random.sample(keys, 5))),
    }


def main(sizes: list[int]) -> None:
    print("| entries | backend | set (µs) | get (µs) | get_many(5) (µs) |")
    print("| ---: | --- | ---: | ---: | ---: |")
    for entries in sizes:
        for name, make in (("FileBasedCache", file_based), ("FolderCache", folder_cache)):
            with tempfile.TemporaryDirectory() as folder:
                row = measure(make(folder, entries), entries)
                print(
                    f"| {entries:,} | {name} | {row['set']:,.0f} | {row['get']:,.0f} "
                    f"| {row['get_many(5)']:,.0f} |",
                    flush=True,
                )
    with tempfile.TemporaryDirectory() as folder:
        cache = folder_cache(folder, 200)
        kept = median_us(lambda n: cache.get(f"page-{n}"))

        def after_close(n):
            cache._cache.close()  # what DjangoCache.close() does
            cache.get(f"page-{n}")

        closed = median_us(after_close)
        params = caches_from_url(f"file://{folder}")["default"]
        opened = median_us(lambda n: DjangoCache(folder, params), samples=20)
    print(f"\nA read on an open connection: {kept:,.0f} µs; after close(): {closed:,.0f} µs.")
    print(f"Opening the folder (diskcache's own DjangoCache, per thread): {opened:,.0f} µs.")


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [200, 5000, 20000])
