"""Markdown keeps no style attribute (the CSP blocks them): table alignment is a class."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from articles.rendering import render_markdown

pytestmark = pytest.mark.django_db


def test_table_alignment_is_a_class_not_a_style():
    html = str(render_markdown("| a | b | c |\n|:-|:-:|-:|\n| 1 | 2 | 3 |"))
    assert "style=" not in html
    assert '<th class="align-left">a</th>' in html
    assert '<td class="align-center">2</td>' in html
    assert '<td class="align-right">3</td>' in html


@pytest.mark.parametrize(
    "raw",
    [
        '<td style="color:red">x</td>',
        '<td style="text-align: right;">x</td>',
        '<td class="evil">x</td>',
        '<td align="right">x</td>',
        '<th align="javascript:alert(1)">x</th>',
    ],
)
def test_raw_html_cells_keep_no_style(raw):
    html = str(render_markdown(f"<table><tr>{raw}</tr></table>"))
    assert "style=" not in html
    assert "evil" not in html and "javascript" not in html


def test_the_stylesheet_aligns_the_classes(client):
    css = Path(finders.find("css/site.css")).read_text(encoding="utf-8")
    for side in ("left", "center", "right"):
        assert re.search(rf"\.align-{side}\s*\{{[^}}]*text-align:\s*{side}", css)


def test_an_empty_corner_header_is_a_plain_cell():
    html = str(render_markdown("|   | 2025 | 2026 |\n|---|---|---|\n| Images | 1 | 2 |"))
    assert "<td></td>" in html
    assert "<th>2025</th>" in html
    assert "<th></th>" not in html
