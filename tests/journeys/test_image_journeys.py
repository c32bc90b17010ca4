"""Journeys of lead images: an editor uploads, replaces and removes one in the admin of
server A; the worker makes the renditions; readers of server B see them (production
settings, the page cache on, media served by the app from the machine's media folder).
"""

import re

from tests.images.helpers import image_bytes

from .checks import Expect, prime_article, prime_lists
from .reader import HOME_PATH, LANGUAGES, article_path

ARTICLE = "articles.article"


def upload_image(journeys, article: dict, content: bytes, alt: str) -> None:
    newsroom = journeys.newsroom
    form = newsroom.page(ARTICLE, f"{article['pk']}/change/").form(id="article_form")
    form.attach("lead_image", "holiday photo.jpg", content, "image/jpeg")
    form.set("lead_image_alt_en", alt)
    newsroom.check_saved(newsroom.http.submit(form, button="_save"), "image upload")


def pictures(html: str) -> list[str]:
    return re.findall(r"<picture.*?</picture>", html, re.S)


def rendition_urls(picture: str) -> list[str]:
    return [
        url
        for srcset in re.findall(r'srcset="([^"]+)"', picture)
        for url in re.findall(r"(\S+) \d+w", srcset)
    ]


def test_an_uploaded_lead_image_reaches_readers_once_the_worker_has_run(journeys):
    article = journeys.take("fresh")
    reader = journeys.reader()
    prime_lists(reader, article)
    prime_article(reader, article)
    upload_image(journeys, article, image_bytes(1400, 800, gps=True), "Red and blue halves")
    expect = Expect("lead image upload, then the worker")
    for language in LANGUAGES:
        page = reader.get(article_path(article, language))
        expect.check(
            page.status == 200 and not pictures(page.text),
            f"[{language}] a picture showed before the worker made its renditions",
        )
    journeys.site.run_worker_batch()
    first = None
    for language in LANGUAGES:
        page = reader.get(article_path(article, language))
        found = pictures(page.text)
        if not expect.check(found, f"[{language}] no <picture> after the worker ran"):
            continue
        picture = found[0]
        for kind in ('type="image/avif"', 'type="image/webp"', 'fetchpriority="high"'):
            expect.check(kind in picture, f"[{language}] the picture lacks {kind}")
        expect.check('alt="Red and blue halves"' in picture, f"[{language}] no alternative text")
        expect.check('property="og:image"' in page.text, f"[{language}] no og:image on the page")
        first = first or rendition_urls(picture)
        home = reader.get(HOME_PATH[language])
        expect.check(
            any(first[0] in p and 'loading="lazy"' in p for p in pictures(home.text)),
            f"[{language}] the home page's card shows no (lazy) picture",
        )
    if first:
        image = reader.get(first[0])
        expect.check(
            image.status == 200 and image.header("Content-Type") == "image/avif",
            f"the AVIF rendition answered {image.status} {image.header('Content-Type')}",
        )
        expect.check(
            "max-age=31536000" in (image.header("Cache-Control") or ""),
            f"renditions are not cached for long: {image.header('Cache-Control')}",
        )
    expect.verify()

    # Replaced: the old renditions leave the pages (and the disk) at once.
    upload_image(journeys, article, image_bytes(900, 900), "A square picture")
    expect = Expect("lead image replaced, then the worker")
    page = reader.get(article_path(article, "en"))
    expect.check(not pictures(page.text), "the replaced image's renditions still showed")
    journeys.site.run_worker_batch()
    page = reader.get(article_path(article, "en"))
    now = rendition_urls(pictures(page.text)[0]) if pictures(page.text) else []
    expect.check(now and not set(now) & set(first or []), "no new renditions on the page")
    expect.check(first and reader.get(first[0]).status == 404, "the old rendition is still served")
    expect.verify()

    # Removed: gone from the page and the lists straight away.
    newsroom = journeys.newsroom
    form = newsroom.page(ARTICLE, f"{article['pk']}/change/").form(id="article_form")
    form.set("lead_image-clear", True)
    removed = newsroom.http.submit(form, button="_save", follow=False)
    newsroom.check_saved(removed, "image removal")
    expect = Expect("lead image removed")
    for language in LANGUAGES:
        page = reader.get(article_path(article, language))
        expect.check(not pictures(page.text), f"[{language}] the removed image still shows")
    expect.verify()
