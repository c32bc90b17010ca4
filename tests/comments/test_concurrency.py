import threading
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client

from comments.models import Comment
from tests.comments.conftest import comment_url, valid_post
from tests.factories import make_article

THREADS = 8
POSTS_PER_THREAD = 3


@pytest.mark.django_db(transaction=True)
def test_simultaneous_comments_are_all_stored_without_database_is_locked(django_user_model):
    django_user_model.objects.create_superuser("mod", "mod@example.com", "pw")
    if connection.vendor == "sqlite":
        # The point is real file locking with the project's options, not shared memory.
        assert Path(connection.settings_dict["NAME"]).is_file()
        assert connection.settings_dict["OPTIONS"] == settings.SQLITE_OPTIONS
    article = make_article()
    # Prepared up front so that the threads only race each other on writes.
    payloads = [
        [valid_post(article, text=f"Thread {t} comment {n}") for n in range(POSTS_PER_THREAD)]
        for t in range(THREADS)
    ]
    start = threading.Barrier(THREADS)
    statuses: list[int] = []
    errors: list[BaseException] = []

    def reader(index: int) -> None:
        from django.db import connection as thread_connection

        client = Client(REMOTE_ADDR=f"198.51.100.{index + 1}")
        try:
            start.wait()
            for data in payloads[index]:
                statuses.append(client.post(comment_url(article), data).status_code)
        except BaseException as error:  # reported below
            errors.append(error)
        finally:
            thread_connection.close()

    threads = [threading.Thread(target=reader, args=(t,)) for t in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    assert statuses == [302] * (THREADS * POSTS_PER_THREAD)
    texts = set(Comment.objects.values_list("text", flat=True))
    assert texts == {
        f"Thread {t} comment {n}" for t in range(THREADS) for n in range(POSTS_PER_THREAD)
    }
    assert set(Comment.objects.values_list("status", flat=True)) == {"pending"}
