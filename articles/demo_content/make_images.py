"""Draw the demo articles' lead images: abstract illustrations made by the team.

Run from the repository root: ``.venv/bin/python articles/demo_content/make_images.py``.
It writes ``lead.jpg`` (1600 × 900, under 150 KB) into each article's folder; the alt
text, caption and credit are in the folder's front matter (``image_alt`` and friends).
Everything is drawn at twice the size and scaled down, for smooth edges.
"""

import math
import random
from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
W, H = 1600, 900
S = 2  # drawn at twice the size


def gradient(top: tuple, bottom: tuple) -> Image.Image:
    column = Image.new("RGB", (1, 256))
    for y in range(256):
        t = y / 255
        column.putpixel(
            (0, y), tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        )
    return column.resize((W * S, H * S), Image.Resampling.BICUBIC)


def box(draw, x, y, w, h, fill, radius=18):
    draw.rounded_rectangle([x * S, y * S, (x + w) * S, (y + h) * S], radius * S, fill=fill)


def disc(draw, x, y, r, fill=None, outline=None, width=0):
    draw.ellipse([(x - r) * S, (y - r) * S, (x + r) * S, (y + r) * S], fill, outline, width * S)


def line(draw, points, fill, width):
    draw.line([(x * S, y * S) for x, y in points], fill=fill, width=width * S, joint="curve")


def containers(draw):
    """Docker: one image (the outline) and the containers stacked from it."""
    colours = [(240, 180, 60), (70, 160, 200), (220, 90, 70), (120, 190, 120)]
    for row in range(3):
        for col in range(4 - row):
            x, y = 330 + col * 240 + row * 120, 640 - row * 150
            box(draw, x, y, 220, 130, colours[(row + col) % 4], 10)
            for rib in range(1, 6):
                line(draw, [(x + rib * 36, y + 18), (x + rib * 36, y + 112)], (0, 0, 0, 60), 4)
    box(draw, 1180, 140, 260, 170, None, 14)
    draw.rounded_rectangle([1180 * S, 140 * S, 1440 * S, 310 * S], 14 * S,
                           outline=(255, 255, 255), width=6 * S)  # fmt: skip


def dotted_i(draw):
    """The Turkish i: dotted and dotless letters as shapes."""
    for n, x in enumerate(range(260, 1400, 230)):
        box(draw, x, 380, 90, 360, (250, 245, 235), 45)
        if n % 2 == 0:
            disc(draw, x + 45, 270, 52, (230, 70, 80))
        else:
            disc(draw, x + 45, 270, 52, None, (250, 245, 235), 8)


def threads(draw):
    """Free-threaded Python: many strands running side by side."""
    palette = [(255, 212, 59), (55, 118, 171), (250, 250, 250)]
    for n in range(14):
        y0 = 120 + n * 50
        points = [(x, y0 + 40 * math.sin(x / 170 + n * 0.6)) for x in range(-20, W + 40, 40)]
        line(draw, points, palette[n % 3], 10)


def caching(draw):
    """HTTP caching: a clock of concentric arcs, some fresh, some stale."""
    cx, cy = 800, 450
    for n, r in enumerate(range(380, 60, -55)):
        colour = (120, 220, 190) if n % 2 == 0 else (250, 250, 250)
        start = -90
        end = start + 300 - n * 40
        draw.arc([(cx - r) * S, (cy - r) * S, (cx + r) * S, (cy + r) * S], start, end,
                 fill=colour, width=26 * S)  # fmt: skip
    disc(draw, cx, cy, 26, (250, 250, 250))


def cylinders(draw):
    """PostgreSQL or SQLite: a tall database and a small one."""
    for x, w, h, colour in [(380, 360, 520, (80, 130, 200)), (960, 240, 280, (90, 180, 200))]:
        top = 780 - h
        box(draw, x, top, w, h, colour, 0)
        for y in (top, top + h / 3, top + 2 * h / 3):
            draw.ellipse([x * S, (y - 40) * S, (x + w) * S, (y + 40) * S],
                         fill=tuple(min(255, c + 40) for c in colour),
                         outline=(255, 255, 255), width=4 * S)  # fmt: skip
        draw.ellipse([x * S, 740 * S, (x + w) * S, 820 * S], fill=colour)


def key(draw):
    """Passkeys: a key made of a ring and a blade, and a fingerprint of arcs."""
    disc(draw, 520, 450, 170, None, (255, 220, 120), 48)
    box(draw, 660, 420, 620, 64, (255, 220, 120), 10)
    for x in (1120, 1200):
        box(draw, x, 470, 40, 90, (255, 220, 120), 6)
    for r in range(20, 140, 26):
        draw.arc([(520 - r) * S, (450 - r) * S, (520 + r) * S, (450 + r) * S], 200, 340,
                 fill=(255, 255, 255), width=6 * S)  # fmt: skip


def branches(draw, *, loop_back=False):
    """Pull requests and the reflog: a main line, a branch, commits as dots."""
    main = [(100, 600), (1500, 600)]
    line(draw, main, (250, 250, 250), 16)
    branch = [(380, 600), (520, 380), (1100, 380)]
    if loop_back:
        branch += [(1260, 460), (1180, 560)]
    else:
        branch += [(1240, 600)]
    line(draw, branch, (255, 140, 90), 16)
    for x in range(200, 1500, 180):
        disc(draw, x, 600, 30, (250, 250, 250))
    for x, y in branch[1:]:
        disc(draw, x, y, 34, (255, 140, 90), (250, 250, 250), 6)


def hashes(draw):
    """Pinned dependencies: a grid of packages, each with its lock."""
    rng = random.Random(8)
    for row in range(4):
        for col in range(8):
            x, y = 140 + col * 170, 150 + row * 170
            shade = rng.choice([(90, 200, 150), (60, 150, 120), (230, 240, 235)])
            box(draw, x, y, 130, 130, shade, 22)
            disc(draw, x + 65, y + 65, 18, (20, 60, 50))


def documents(draw):
    """Open-source licences: three documents, overlapping."""
    for n, colour in enumerate([(250, 250, 245), (255, 205, 120), (170, 215, 250)]):
        x, y = 360 + n * 300, 140 + n * 60
        box(draw, x, y, 440, 600, colour, 24)
        for k in range(6):
            box(draw, x + 50, y + 90 + k * 70, 340 - (k % 3) * 60, 22, (60, 70, 90), 11)


PLAN = {
    "01-": (containers, (20, 40, 70), (40, 90, 130)),
    "02-": (dotted_i, (120, 30, 50), (60, 20, 60)),
    "03-": (threads, (25, 45, 80), (20, 90, 110)),
    "04-": (caching, (20, 70, 80), (20, 40, 60)),
    "05-": (cylinders, (30, 40, 70), (60, 70, 110)),
    "06-": (key, (40, 30, 80), (90, 40, 90)),
    "07-": (branches, (50, 40, 90), (20, 50, 90)),
    "08-": (hashes, (15, 60, 55), (30, 100, 80)),
    "09-": (lambda d: branches(d, loop_back=True), (70, 30, 40), (30, 30, 60)),
    "10-": (documents, (40, 50, 60), (90, 100, 120)),
}


def main() -> None:
    for folder in sorted(p for p in HERE.iterdir() if p.is_dir()):
        draw_motif, top, bottom = PLAN[folder.name[:3]]
        image = gradient(top, bottom)
        draw_motif(ImageDraw.Draw(image, "RGBA"))
        image = image.resize((W, H), Image.Resampling.LANCZOS)
        target = folder / "lead.jpg"
        for quality in (85, 78, 70, 60):
            image.save(target, "JPEG", quality=quality, optimize=True, progressive=True)
            if target.stat().st_size <= 150_000:
                break
        print(f"{target.relative_to(HERE)}: {target.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
