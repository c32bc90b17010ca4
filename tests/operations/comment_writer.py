"""Writes comments one by one until told to stop (a process of its own, for the backup
tests): after each commit it appends the comment's id to the file named in argv[1]."""

import os
import sys
from pathlib import Path

import django


def main(ids_file: str, stop_file: str) -> None:
    django.setup()
    from articles.models import Article
    from comments.models import Comment

    article = Article.objects.first()
    with open(ids_file, "a", encoding="utf-8") as out:
        n = 0
        while not Path(stop_file).exists() and n < 5000:
            n += 1
            comment = Comment.objects.create(
                article=article,
                article_public_id=article.public_id,
                name=f"Reader {n}",
                text=f"Comment number {n}, written while a backup is taken.",
                language="en",
                status=Comment.Status.PENDING,
            )
            out.write(f"{comment.pk}\n")
            out.flush()
            os.fsync(out.fileno())


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
