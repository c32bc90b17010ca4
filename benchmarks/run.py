"""`make bench`: seed a database, serve it like production, load it with wrk, report.

Runs everything on loopback: a scratch SQLite database (or $DATABASE_URL), gunicorn with
the production settings and WhiteNoise, and wrk as the load generator. Prints a table and
writes it to docs/benchmarks.md.
"""

import os
import platform
import re
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PORT = int(os.environ.get("BENCH_PORT", "8899"))
DURATION = os.environ.get("BENCH_DURATION", "10s")
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "10"))
WORKERS = os.environ.get("BENCH_WORKERS", "2")
THREADS = os.environ.get("BENCH_THREADS", "1")
ARTICLES = os.environ.get("BENCH_ARTICLES", "2000")
COMMENTS = os.environ.get("BENCH_COMMENTS", "100000")
BASE = f"http://127.0.0.1:{PORT}"
# Only the rows whose label contains one of these words (comma-separated), e.g. "search";
# such a partial run prints its table without writing docs/benchmarks.md.
ONLY = [word for word in os.environ.get("BENCH_ONLY", "").split(",") if word]
NOTES_MARK = "## Reading the numbers"


def environment(db_path: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.prod",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
    }
    env.setdefault("DATABASE_URL", f"sqlite:///{db_path}")
    # Its own cache: seed_bench writes in bulk, without the signals that retire
    # cached pages and comment lists, so nothing may survive from an earlier run.
    env.setdefault("CACHE_URL", f"file://{db_path.parent / 'cache'}")
    return env


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def wait_until_up(url: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 -- loopback only
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"Server did not answer at {url}")


def first_article_url() -> str:
    with urllib.request.urlopen(f"{BASE}/en/", timeout=5) as response:  # noqa: S310
        html = response.read().decode()
    return re.search(r'href="(/en/articles/[^"]+)"', html).group(1)


def article_paths() -> list[str]:
    """Every English article address, from the sitemap."""
    with urllib.request.urlopen(f"{BASE}/sitemap.xml", timeout=30) as response:  # noqa: S310
        xml = response.read().decode()
    return sorted(set(re.findall(r"<loc>https?://[^/]+(/en/articles/[^<]+)</loc>", xml)))


# wrk's two threads each walk their own half of the list, so no page is asked for twice.
EVERY_ARTICLE_ONCE = """
local paths = {%s}
local threads = 0
function setup(thread)
  thread:set("offset", threads * math.floor(#paths / 2))
  threads = threads + 1
end
local i = 0
function request()
  i = i + 1
  return wrk.format("GET", paths[((offset + i) %% #paths) + 1])
end
"""


def write_cold_script(scratch: Path, paths: list[str]) -> Path:
    script = scratch / "every_article_once.lua"
    script.write_text(EVERY_ARTICLE_ONCE % ", ".join(f'"{p}"' for p in paths))
    return script


def start_server(env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "config.wsgi",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--workers",
            WORKERS,
            "--threads",
            THREADS,
            "--log-level",
            "warning",
        ],  # fmt: skip
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )


def run_wrk(path: str, duration: str = DURATION, script: Path | None = None) -> dict:
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{duration}", "--latency"]
    if script is not None:
        command += ["-s", str(script)]
    result = subprocess.run(
        [*command, f"{BASE}{path}"],
        capture_output=True,
        text=True,
        check=True,
    )
    out = result.stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))

    def percentile(label: str) -> float:
        value, unit = re.search(rf"\s{label}%\s+([\d.]+)(us|ms|s)", out).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    return {
        "rps": rps,
        "p50": percentile("50"),
        "p99": percentile("99"),
        "bad": int(non_2xx.group(1)) if non_2xx else 0,
        "socket_errors": errors.group(1) if errors else "",
    }


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, {cpu}"


def main() -> None:
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install -y wrk")
    scratch = ROOT / "var" / "bench"
    scratch.mkdir(parents=True, exist_ok=True)
    db_path = scratch / "bench.sqlite3"
    for leftover in scratch.glob("bench.sqlite3*"):
        leftover.unlink()
    shutil.rmtree(scratch / "cache", ignore_errors=True)
    env = environment(db_path)
    env["DJANGO_STATIC_ROOT"] = str(scratch / "static")
    print("Preparing the database and static files…", flush=True)
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "seed_bench", "--articles", ARTICLES, "--comments", COMMENTS)
    manage(env, "collectstatic", "--noinput", "-v", "0")

    rows = []
    # Phase one: production settings as deployed. "cold" asks for every article once, so
    # each request renders a page nobody has seen (no page, comment list or Markdown in
    # the cache). Phase two: the page cache off, one article asked for again and again:
    # what rendering costs when only its comment list and Markdown are kept.
    for phase_env, pages in (
        (env, [("home, cached", "/en/"), ("article, cached", "ARTICLE"),
               ("feed, cached", "/en/feed/"), ("article, cold (each article once)", "COLD"),
               # Every bench article matches both: ranking, counting and snippets over
               # all 2,000 (articles.search), then the page cache keeps the page.
               ("search, cached, English body word (2,000 matches)", "/en/search/?q=layers"),
               ("search, cached, Turkish title word (2,000 matches)",
                "/tr/ara/?q=imajlar%C4%B1"),
               ("search, cold (2,000 different queries, each once)", "SEARCHES")]),
        ({**env, "BROADSHEET_PAGE_CACHE": "off"},
         [("article, uncached (page cache off)", "ARTICLE")]),
    ):  # fmt: skip
        pages = [
            (label, path) for label, path in pages if not ONLY or any(w in label for w in ONLY)
        ]
        if not pages:
            continue
        server = start_server(phase_env)
        try:
            wait_until_up(f"{BASE}/healthz")
            article = first_article_url()
            run_wrk("/healthz", duration="2s")  # warm up connections
            for label, path in pages:
                print(f"  {label} …", flush=True)
                script = None
                if path == "COLD":
                    path, script = "/", write_cold_script(scratch, article_paths())
                elif path == "SEARCHES":
                    # "note 17" finds note 17, 170-179 and 1700-1799: no two alike.
                    queries = [f"/en/search/?q=note+{n}" for n in range(int(ARTICLES))]
                    path, script = "/", write_cold_script(scratch, queries)
                else:
                    path = article if path == "ARTICLE" else path
                    run_wrk(path, duration="2s")  # warm up the caches
                # Baseline, page, baseline: this machine's speed drifts, so each page is
                # compared with the baseline measured around it.
                before = run_wrk("/healthz")
                result = run_wrk(path, script=script)
                after = run_wrk("/healthz")
                rows.append((label, result, (before["rps"] + after["rps"]) / 2))
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)

    header = (
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {machine()}; "
        f"gunicorn {WORKERS} workers × {THREADS} threads, production settings, "
        f"{env['DATABASE_URL'].split(':', 1)[0]} database with {ARTICLES} articles and "
        f"{COMMENTS} comments; wrk, {CONNECTIONS} connections, {DURATION} per run."
    )
    lines = [
        "| page | requests/s | p50 ms | p99 ms | baseline requests/s | vs baseline | errors |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for label, r, baseline in rows:
        errors = r["bad"] + (1 if r["socket_errors"] else 0)
        lines.append(
            f"| {label} | {r['rps']:.0f} | {r['p50']:.1f} | {r['p99']:.1f} | "
            f"{baseline:.0f} | {r['rps'] / baseline:.0%} | {errors} |"
        )
    table = "\n".join(lines)
    print()
    print(header)
    print(table)
    if ONLY:
        return  # a partial run leaves the full table in docs/benchmarks.md alone
    doc = ROOT / "docs" / "benchmarks.md"
    text = doc.read_text() if doc.exists() else ""
    notes = text[text.index(NOTES_MARK) :] if NOTES_MARK in text else NOTES_MARK + "\n"
    doc.write_text(
        "# Benchmarks\n\n"
        "Written by `make bench` (benchmarks/run.py); the table is from the last run, the "
        "notes under it are kept by hand.\n\n"
        f"{header}\n\n{table}\n\n"
        "Baseline: `/healthz`, a view returning three bytes, measured just before and just "
        "after each page on the same server; the ratio uses their mean.\n\n"
        "Targets: uncached article page ≥ 35% of the baseline's throughput, cached pages "
        "≥ 85%, p99 < 50 ms at 10 concurrent clients on a 2-core machine.\n\n"
        f"{notes}"
    )
    print(f"\nWritten to {doc.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
