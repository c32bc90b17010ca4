"""The cache folder of ``CACHE_URL=file://FOLDER``, shared by a machine's processes."""

import glob
import multiprocessing
import os
import sqlite3
import threading

import pytest
from django.core.cache import caches
from django.core.signals import request_finished

from config.settings.base import caches_from_url
from core.caches import FolderCache


@pytest.fixture
def folder_caches(settings, tmp_path):
    settings.CACHES = caches_from_url(f"file://{tmp_path / 'cache'}")
    yield caches
    for alias in caches:
        caches[alias].clear()


def test_a_write_does_not_read_the_whole_folder(folder_caches, monkeypatch):
    """Django's file cache listed every file on each write to cull it: 35 ms a write
    with 20,000 cached pages, paid by every page rendered."""
    cache = folder_caches["default"]
    for n in range(300):
        cache.set(f"page-{n}", "x" * 500)
    listings = []

    def counted(listing):
        def wrapper(*args, **kwargs):
            listings.append(listing.__name__)
            return listing(*args, **kwargs)

        return wrapper

    for module, name in ((glob, "glob"), (glob, "iglob"), (os, "scandir"), (os, "listdir")):
        monkeypatch.setattr(module, name, counted(getattr(module, name)))
    cache.set("page-new", "y" * 500)
    cache.set("page-0", "z" * 500)
    assert listings == []
    assert cache.get("page-new") == "y" * 500
    assert cache.get("page-0") == "z" * 500


def _add_once(url: str, start, answers) -> None:
    params = caches_from_url(url)["default"]
    cache = FolderCache(params["LOCATION"], params)
    cache.get("comments:digest:1")  # connected: the processes race on the add alone
    start.wait(timeout=30)
    answers.put(cache.add("comments:digest:1", os.getpid(), 60))


def test_add_is_atomic_across_processes(tmp_path):
    """The moderators' digest is sent by whichever process adds its key first: exactly one."""
    url = f"file://{tmp_path / 'cache'}"
    context = multiprocessing.get_context("spawn")
    start, answers = context.Barrier(4), context.Queue()
    processes = [context.Process(target=_add_once, args=(url, start, answers)) for _ in range(4)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=60)
    added = [answers.get(timeout=5) for _ in processes]
    assert sorted(added) == [False, False, False, True]
    params = caches_from_url(url)["default"]
    stored = FolderCache(params["LOCATION"], params).get("comments:digest:1")
    assert stored in {process.pid for process in processes}


def test_requests_reuse_the_opened_folder_and_its_connections(folder_caches, monkeypatch):
    """Django closes the caches after every request, and the development server runs each
    request in a thread of its own: neither opens the folder again (9 to 17 ms) nor, within
    a thread, its SQLite connections (0.5 to 2.7 ms a shard)."""
    folder_caches["default"].set("page", "x")
    connected = []
    connect = sqlite3.connect

    def counted(*args, **kwargs):
        connected.append(args[0])
        return connect(*args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", counted)
    read = []

    def request():
        read.append(folder_caches["default"].get("page"))  # a cache object of its own
        request_finished.send(sender=None)
        read.append(folder_caches["default"].get("page"))

    thread = threading.Thread(target=request)
    thread.start()
    thread.join()
    assert read == ["x", "x"]
    assert len(connected) == 1  # the thread's connection to the page's shard
