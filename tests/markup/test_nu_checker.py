"""The W3C's Nu HTML checker finds no errors in any page type, in both languages.

The checker (vnu.jar, from the npm package ``vnu-jar``) runs once over every page,
written to files, since one Java start-up costs more than all the pages together.
``make vnu`` installs it under var/; without Java or the jar the test skips loudly on a
developer's machine and fails under CI.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.http import HttpResponse

from articles.summaries.services import summary_record_edit
from comments import notifications, own
from tests.factories import make_article, make_author, make_comment, make_source, make_tag

VNU_JAR = Path(os.environ.get("VNU_JAR", "var/vnu/node_modules/vnu-jar/build/dist/vnu.jar"))

BODY = """Images are templates.

## Commands

```bash
docker build -t app .
docker ps -a
```

|   | Image | Container |
|:--|:-----:|----------:|
| What | template | instance |

A [link](https://example.com/) and `inline code`.
"""


@pytest.fixture(scope="module")
def nu_checker():
    java = shutil.which("java")
    if java and VNU_JAR.exists():
        return [java, "-jar", str(VNU_JAR)]
    message = f"NU HTML CHECKER NOT RUN: needs java and {VNU_JAR} (make vnu)."
    if os.environ.get("CI"):
        pytest.fail(message + " Under CI it must run.", pytrace=False)
    pytest.skip(message)


def nu_errors(checker: list[str], pages: dict[str, bytes], folder: Path) -> dict[str, list]:
    """The checker's errors for each page, by the page's address."""
    files = {}
    for n, (url, html) in enumerate(pages.items()):
        path = folder / f"page{n}.html"
        path.write_bytes(html)
        files[path] = url
    result = subprocess.run(
        [*checker, "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    errors = {url: [] for url in pages}
    for message in json.loads(result.stderr)["messages"]:
        where = message.get("url", "")
        url = files.get(Path(urlparse(where).path), where)
        errors.setdefault(url, []).append(
            f"line {message.get('lastLine')}: {message['message']} "
            f"«{message.get('extract', '').strip()}»"
        )
    return errors


@pytest.mark.django_db
def test_every_page_type_is_valid_html(client, nu_checker, tmp_path):
    article = make_article(
        title_en="Docker images",
        title_tr="Docker imajları",
        body_en=BODY,
        body_tr=BODY.replace("Images are templates.", "İmajlar şablondur."),
        source=make_source(name="DEV Community"),
        original_url="https://dev.to/x/docker",
    )
    english_only = make_article(title_en="Only in English", category=article.category)
    summary_record_edit(article=article, language="en", text="Images are templates.")
    summary_record_edit(article=article, language="tr", text="İmajlar şablondur.")
    comment = first = make_comment(article=article, text="Helpful <b>thanks</b>\nSecond line.")
    # Threads: a Newsroom reply, a reply in Turkish, a second page, the writer's own.
    make_comment(article=article, parent=first, name="Editor", from_newsroom=True)
    make_comment(article=article, parent=first, text="Teşekkürler!", text_language="tr")
    for n in range(50):
        make_comment(article=article, text=f"Comment {n}")
    pending = make_comment(article=article, status="pending", parent=first)
    cookie = HttpResponse()
    cookie.set_signed_cookie(own.COOKIE, str(pending.pk), salt=own.SALT)
    client.cookies[own.COOKIE] = cookie.cookies[own.COOKIE].value
    # Bylines, tags, a table of contents and both reading-on lists.
    ada = make_author(name="Ada Lovelace", slug="ada", bio_en="Wrote the first program.")
    docker = make_tag(name_en="Docker", name_tr="Docker", slug_en="docker", slug_tr="docker")
    long_read = make_article(
        title_en="Docker layers",
        category=article.category,
        body_en=BODY + "\n## Layers\n\nText.\n\n### Caching\n\nMore.\n",
    )
    for tagged in (article, long_read, make_article(title_en="Also Docker")):
        tagged.authors.set([ada])
        tagged.tags.set([docker])
    urls = [
        long_read.get_absolute_url("en"),
        long_read.get_absolute_url("tr"),
        "/en/authors/ada/",
        "/tr/yazarlar/ada/",
        docker.get_absolute_url("en"),
        docker.get_absolute_url("tr"),
        "/en/",
        "/tr/",
        "/en/?page=1",
        article.get_absolute_url("en"),
        article.get_absolute_url("tr"),
        article.get_absolute_url("tr") + "?comments=2&order=newest",
        article.get_absolute_url("en") + f"?reply_to={first.pk}",
        english_only.get_absolute_url("tr"),
        article.category.get_absolute_url("en"),
        article.category.get_absolute_url("tr"),
        "/en/search/?q=docker",
        "/tr/ara/?q=docker",
        "/tr/ara/?q=yok",
        f"/en/comments/report/{comment.pk}/",
        f"/tr/comments/report/{comment.pk}/",
        f"/en/comments/confirm/{notifications.confirm_token('a@example.com')}/",
        f"/en/comments/unsubscribe/{notifications.unsubscribe_token('a@example.com')}/",
    ]
    pages = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        pages[url] = response.content
    # Results with highlighted snippets; nothing found, with suggestions instead.
    assert b"<mark>" in pages["/en/search/?q=docker"]
    assert b'class="suggested-categories"' in pages["/tr/ara/?q=yok"]
    for url in ("/en/no-such-page/", "/tr/yok-boyle-sayfa/"):
        response = client.get(url)
        assert response.status_code == 404, url
        pages[url] = response.content
    # A comment form sent back with its errors.
    response = client.post(f"/en/comments/{article.public_id}/", {"text": "No name."})
    assert response.status_code == 400
    pages["comment form with errors"] = response.content
    response = client.post(f"/en/comments/report/{comment.pk}/", {"note": "No reason."})
    assert response.status_code == 400
    pages["report form with errors"] = response.content
    response = client.get("/en/comments/confirm/broken/")
    assert response.status_code == 400
    pages["a broken confirmation link"] = response.content

    errors = nu_errors(nu_checker, pages, tmp_path)
    assert errors == {url: [] for url in pages}
