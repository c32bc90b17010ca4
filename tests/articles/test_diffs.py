"""What changed between two versions of a Markdown text, paragraph by paragraph."""

from articles.diffs import blocks, diff_fields, diff_text


def kinds(rows) -> list[str]:
    return [row.kind for row in rows]


def test_blocks_split_on_blank_lines_and_keep_fenced_code_whole():
    text = "One.\nStill one.\n\n\n## Two\n\n```bash\nrun a\n\nrun b\n```\n\n~~~\nx\n~~~\nAfter."
    assert blocks(text) == [
        "One.\nStill one.",
        "## Two",
        "```bash\nrun a\n\nrun b\n```",
        "~~~\nx\n~~~\nAfter.",
    ]
    assert blocks("") == []
    assert blocks("a\r\n\r\nb") == ["a", "b"]


def test_an_unclosed_fence_runs_to_the_end():
    assert blocks("Intro.\n\n```\ncode\n\nmore") == ["Intro.", "```\ncode\n\nmore"]


def test_unchanged_paragraphs_collapse_around_the_one_that_changed():
    then = "First.\n\nSecond.\n\nThird.\n\nThe old fourth paragraph.\n\nFifth."
    now = "First.\n\nSecond.\n\nThird.\n\nThe new fourth paragraph.\n\nFifth."
    rows = diff_text(then, now)
    assert kinds(rows) == ["same", "changed", "same"]
    assert rows[0].count == 3 and rows[2].unchanged == ["Fifth."]
    changed = rows[1]
    assert "<del>" in changed.then and "old" in changed.then and "<ins>" not in changed.then
    assert "<ins>" in changed.now and "new" in changed.now and "<del>" not in changed.now
    # Only the word that changed is marked, and not by colour alone.
    assert changed.then.startswith("The <del>")
    assert "[removed: </span>old" in changed.then
    assert "[added: </span>new" in changed.now


def test_inserted_and_removed_paragraphs_stand_alone():
    rows = diff_text("A.\n\nB.\n\nC.", "A.\n\nNew between.\n\nB.")
    assert kinds(rows) == ["same", "added", "same", "removed"]
    assert "New between." in rows[1].now and rows[1].then == ""
    assert "C." in rows[3].then and rows[3].now == ""


def test_an_edited_paragraph_next_to_an_inserted_one_is_paired_with_its_old_self():
    then = "Intro.\n\nDocker builds images from a Dockerfile."
    now = "Intro.\n\nA wholly new paragraph about registries.\n\nDocker builds images from files."
    rows = diff_text(then, now)
    assert kinds(rows) == ["same", "added", "changed"]
    assert "registries" in rows[1].now
    assert "[removed: </span>a Dockerfile" in rows[2].then


def test_a_code_block_is_one_unit():
    then = "Run:\n\n```bash\ndocker build .\n\ndocker run app\n```"
    now = "Run:\n\n```bash\ndocker build -t app .\n\ndocker run app\n```"
    rows = diff_text(then, now)
    assert kinds(rows) == ["same", "changed"]
    assert "docker run app" in rows[1].now  # the whole block, its blank line included
    assert "[added: </span>-t app" in rows[1].now


def test_the_text_is_escaped():
    rows = diff_text("Safe.", "Safe.\n\n<script>alert('x')</script> & <b>bold</b>")
    html = rows[-1].now
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &lt;b&gt;" in html
    changed = diff_text("<i>a</i>", "<i>b</i>")[0]
    assert "<i>" not in changed.then + changed.now


def test_no_change_no_rows_but_same_and_fields_without_change_are_left_out():
    assert kinds(diff_text("A.\n\nB.", "A.\n\n\nB.")) == ["same"]
    diffs = diff_fields(
        {"title": "Old", "body": "Same."},
        {"title": "New", "body": "Same."},
        {"title": "Title", "body": "Body"},
    )
    assert [d.name for d in diffs] == ["title"]
    assert diffs[0].changed_count == 1
