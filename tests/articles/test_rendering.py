import pytest

from articles.rendering import render_markdown
from tests.factories import make_article

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
    '<iframe src="https://evil.example"></iframe>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<svg onload=alert(1)>",
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    "<p onclick='alert(1)'>x</p>",
]


@pytest.mark.parametrize("body", HOSTILE)
def test_hostile_markdown_never_reaches_the_page(body):
    html = str(render_markdown(body)).lower()
    assert "<script" not in html
    assert "javascript:" not in html
    assert "onerror" not in html and "onload" not in html and "onclick" not in html
    assert "<iframe" not in html
    assert "style=" not in html


def test_code_blocks_are_highlighted_and_tables_kept():
    html = str(render_markdown("```python\nimport os\n```\n\n| a | b |\n|:-|-:|\n| 1 | 2 |"))
    assert '<div class="codehilite">' in html
    assert '<span class="kn">import</span>' in html
    assert "<table>" in html
    assert '<td class="align-right">2</td>' in html


def test_links_get_safe_rel():
    html = str(render_markdown("[docs](https://docs.docker.com/)"))
    assert 'href="https://docs.docker.com/"' in html
    assert "noopener" in html


@pytest.mark.django_db
def test_hostile_body_is_sanitised_on_the_article_page(client):
    article = make_article(body_en="Hello <script>alert('x')</script> [a](javascript:alert(1))")
    html = client.get(article.get_absolute_url("en")).content.decode()
    assert "<script>alert" not in html
    assert "javascript:alert" not in html
