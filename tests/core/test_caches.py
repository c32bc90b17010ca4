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


@pytest.mark.parametrize("alias", ["default", "tokens"])  # eight shards, and one
def test_get_many_reads_what_get_reads(folder_caches, alias):
    cache = folder_caches[alias]
    values = {
        "token": "18ed6c957a05b0b3-f6d2ea84",
        "entry": {"encoded": {"br": b"\x00\xff" * 10}, "headers": [("ETag", '"1"')]},
        "number": 7,
        "page text": "é" * 100_000,  # in a file of its own, past diskcache's 32 KB
    }
    for key, value in values.items():
        cache.set(key, value)
    cache.set("gone", "x", timeout=-1)
    cache.set("other version", "v2", version=2)
    asked = [*values, "gone", "never set", "other version"]
    assert cache.get_many(asked) == values
    assert cache.get_many(["other version"], version=2) == {"other version": "v2"}
    assert cache.get_many([]) == {}
    assert cache.get_many(f"k{n}" for n in range(1200)) == {}  # past SQLite's 999 parameters


def test_a_pages_tokens_are_one_read(folder_caches):
    """A cached article page holds while its five tokens do: they were five reads."""
    tokens = folder_caches["tokens"]
    keys = ["pages:site", "pages:lists", "pages:stories", "pages:article:5", "js:desk"]
    for key in keys:
        tokens.set(key, f"token of {key}")
    [shard] = tokens._cache._shards
    statements = []
    shard._con.set_trace_callback(statements.append)
    try:
        assert tokens.get_many(keys) == {key: f"token of {key}" for key in keys}
    finally:
        shard._con.set_trace_callback(None)
    assert len(statements) == 1, statements
