"""Lead images in real Chromium on the production stack (gunicorn, production settings,
WhiteNoise's compressed static files, renditions made by the worker from the demo)."""

import pytest

from tests.journeys.site import Site

pytestmark = [pytest.mark.browser]

BUDGET = 120 * 1024  # bytes transferred for an article page with its image, on a phone
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("images-site")
    site = Site(
        folder=folder,
        database_url=f"sqlite:///{folder / 'site.sqlite3'}",
        cache_url=f"file://{folder / 'cache'}",
        static_root=folder / "static",
    )
    site.manage("collectstatic", "--noinput", "-v", "0")
    site.deploy()
    site.manage("load_demo")
    site.run_worker_batch()  # the renditions, as `make serve`'s worker makes them
    server = site.start_server("W")
    article = site.shell(
        "from articles.models import Article\n"
        "a = Article.objects.filter(title_tr__gt='').exclude(lead_image_renditions={})"
        ".order_by('-published_at').first()\n"
        "emit({'en': a.get_absolute_url('en'), 'tr': a.get_absolute_url('tr')})"
    )
    yield server.url, article
    site.stop()


def transferred(browser, url: str, *, scale: float) -> tuple[int, dict, str]:
    """Bytes over the wire for one page load (CDP's encodedDataLength), per resource."""
    context = browser.new_context(viewport=PHONE, device_scale_factor=scale)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    urls, sizes = {}, {}
    cdp.on("Network.responseReceived", lambda e: urls.__setitem__(e["requestId"], e["response"]))
    cdp.on(
        "Network.loadingFinished",
        lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]),
    )
    page.goto(url, wait_until="networkidle")
    chosen = page.evaluate("document.querySelector('.lead-figure img').currentSrc")
    context.close()
    per_url = {
        urls[r]["url"]: (size, urls[r]["mimeType"]) for r, size in sizes.items() if r in urls
    }
    return sum(sizes.values()), per_url, chosen


@pytest.mark.parametrize("scale", [1, 2])
def test_an_article_with_its_image_weighs_at_most_120_kb_on_a_phone(browser, demo_site, scale):
    base, article = demo_site
    total, resources, chosen = transferred(browser, base + article["en"], scale=scale)
    report = "\n".join(f"{size:>7} {mime:<24} {url}" for url, (size, mime) in resources.items())
    print(f"\n{total} bytes at 390 px, {scale}x:\n{report}")
    assert total <= BUDGET, f"{total} bytes > {BUDGET}:\n{report}"
    # The browser chose a modern format, at a width fit for the screen.
    assert chosen.endswith(".avif"), chosen
    width = int(chosen.rsplit("/", 1)[1].split(".")[0])
    assert width == {1: 360, 2: 960}[scale], chosen
    images = [mime for _size, mime in resources.values() if mime.startswith("image/")]
    assert images.count("image/avif") == 1 and "image/jpeg" not in images


def test_the_picture_takes_its_place_before_it_loads(browser, demo_site):
    """width/height reserve the space: no layout shift when the image arrives."""
    base, article = demo_site
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.route("**/*.avif", lambda route: None)  # the image never arrives
    page.goto(base + article["tr"], wait_until="domcontentloaded")
    box = page.locator(".lead-figure img").bounding_box()
    context.close()
    assert round(box["width"]) == 358 and round(box["height"]) == round(358 * 900 / 1600)
