"""`make bench`: seed a database, serve it like production, load it with wrk, report.

Runs everything on loopback: a scratch SQLite database (or $DATABASE_URL), gunicorn with
the production settings and WhiteNoise, and wrk as the load generator. Prints a table and
writes it to docs/benchmarks.md.
"""

import json
import os
import platform
import random
import re
import secrets
import shutil
import signal
import subprocess
import sys
import threading
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
NOTES_MARK = "## Reading the numbers"
SCENARIO_DURATION = os.environ.get("BENCH_SCENARIO_DURATION", "600s")
# Which groups of rows to run (all by default): BENCH_ONLY=scenario make bench.
GROUPS = ("cached", "cold", "search", "scenario", "miss")
ONLY = set(filter(None, os.environ.get("BENCH_ONLY", ",".join(GROUPS)).split(",")))
# The servers' warnings, the slow-request log among them (operations.slowrequests).
SLOW_MARK = "Slow request: "
SLOW_LIMIT_MS = int(os.environ.get("BROADSHEET_SLOW_REQUEST_MS", "1000"))  # the servers' own
# What a browser sends: pages come compressed (pagecache.compression).
BROWSER = {"Accept-Encoding": "br, gzip"}


def environment(db_path: Path) -> dict[str, str]:
    env = {
        **os.environ,
        # Production's settings plus /bench/bare, the second baseline (benchmarks/urls.py).
        "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
        # The scenario's comments all come from loopback: no per-client limit.
        "COMMENTS_RATE_LIMIT": "1000000",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        # Plain HTTP on loopback: cookies (the CSRF cookie) must travel without TLS.
        "DJANGO_SECURE_COOKIES": "false",
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


def write_cold_script(
    scratch: Path, paths: list[str], name: str = "every_article_once.lua"
) -> Path:
    script = scratch / name
    script.write_text(EVERY_ARTICLE_ONCE % ", ".join(f'"{p}"' for p in paths))
    return script


def start_server(env: dict[str, str], log) -> subprocess.Popen:
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
        stderr=log,
    )


def run_wrk(path: str, duration: str = DURATION, script: Path | None = None, headers=None) -> dict:
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{duration}", "--latency"]
    if script is not None:
        command += ["-s", str(script)]
    for name, value in (headers or {}).items():
        command += ["-H", f"{name}: {value}"]
    result = subprocess.run(
        [*command, f"{BASE}{path}"],
        capture_output=True,
        text=True,
        check=True,
    )
    out = result.stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))

    def milliseconds(pattern: str) -> float:
        value, unit = re.search(rf"{pattern}([\d.]+)(us|ms|s)", out).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    def percentile(label: str) -> float:
        return milliseconds(rf"\s{label}%\s+")

    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    hits = re.search(r"PAGE CACHE HITS (\d+) OF (\d+)", out)
    return {
        "hits": (int(hits[1]), int(hits[2])) if hits else None,
        "rps": rps,
        "p50": percentile("50"),
        "p99": percentile("99"),
        "max": milliseconds(r"Latency\s+\S+\s+\S+\s+"),
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


# The newsroom's readers: each thread walks its own part of a long list of requests
# drawn in advance (Zipf over the articles, in both languages; 80 % articles, 10 % home
# and category pages, 5 % feeds, 5 % search), and counts the page cache's answers.
SCENARIO = """
local paths = {%s}
local threads = {}
local counter = 0
function setup(thread)
  thread:set("offset", counter * 7919)
  counter = counter + 1
  table.insert(threads, thread)
end
local i = 0
hits, pages = 0, 0
function request()
  i = i + 1
  return wrk.format("GET", paths[((offset + i) %% #paths) + 1], {["Accept-Encoding"] = "br, gzip"})
end
function response(status, headers, body)
  local answer = headers["X-Page-Cache"] or headers["x-page-cache"]
  if answer then
    pages = pages + 1
    if answer == "hit" then hits = hits + 1 end
  end
end
function done(summary, latency, requests)
  local h, p = 0, 0
  for _, thread in ipairs(threads) do
    h = h + thread:get("hits")
    p = p + thread:get("pages")
  end
  io.write(string.format("PAGE CACHE HITS %%d OF %%d\\n", h, p))
end
"""


def site_paths() -> dict[str, list[str]]:
    """Articles (both languages, in a random order that is the Zipf ranking), the
    category pages, the feeds and search addresses, read from the running site."""
    with urllib.request.urlopen(f"{BASE}/sitemap.xml", timeout=60) as response:
        xml = response.read().decode()
    locs = [re.sub(r"^https?://[^/]+", "", loc) for loc in re.findall(r"<loc>([^<]+)</loc>", xml)]
    articles = [p for p in locs if re.search(r"/[0-9A-Z]{6}/", p)]
    by_id: dict[str, list[str]] = {}
    for p in articles:
        by_id.setdefault(re.search(r"/([0-9A-Z]{6})/", p)[1], []).append(p)
    ranking = list(by_id.values())
    random.Random(17).shuffle(ranking)
    lists = [p for p in locs if p not in articles and p.count("/") == 4]
    homes, feeds, searches = ["/en/", "/tr/"], [], []
    for home in homes:
        with urllib.request.urlopen(BASE + home, timeout=30) as response:
            html = response.read().decode()
        feeds += re.findall(r'type="application/rss\+xml"[^>]*href="([^"]+)"', html)[:1]
        action = re.search(r'<form[^>]*role="search"[^>]*action="([^"]+)"', html) or re.search(
            r'<form[^>]*action="([^"]+)"[^>]*role="search"', html
        )
        if action:
            searches += [f"{action[1]}?q={word}" for word in ("docker", "images", "layers")]
    return {
        "ranking": ranking,
        "lists": homes + lists,
        "feeds": feeds or ["/en/feed/"],
        "searches": searches or ["/en/search/?q=docker"],
    }


def write_scenario(scratch: Path, paths: dict[str, list[str]], count: int = 20000) -> Path:
    draw = random.Random(2026)
    ranking = paths["ranking"]
    weights = [1 / (rank + 1) for rank in range(len(ranking))]  # Zipf, s = 1
    requests = []
    for _ in range(count):
        kind = draw.random()
        if kind < 0.80:
            requests.append(draw.choice(draw.choices(ranking, weights)[0]))
        elif kind < 0.90:
            requests.append(draw.choice(paths["lists"]))
        elif kind < 0.95:
            requests.append(draw.choice(paths["feeds"]))
        else:
            requests.append(draw.choice(paths["searches"]))
    script = scratch / "newsroom.lua"
    script.write_text(SCENARIO % ", ".join(f'"{p}"' for p in requests))
    return script


def rss_mb(pid: int, field: str = "VmRSS") -> float | None:
    """Resident memory of ``pid`` (``RssAnon``: its private part), or None when the
    process is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return None


def web_workers(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return [int(pid) for pid in children]


def memory(server: subprocess.Popen, worker: subprocess.Popen) -> dict[str, list[float | None]]:
    web, alive = web_workers(server.pid), worker.poll() is None
    return {
        "web": [rss_mb(pid) for pid in web],
        "web private": [rss_mb(pid, "RssAnon") for pid in web],
        # A task worker that exited during the run counts as an error in the report.
        "task": [rss_mb(worker.pid) if alive else None],
        "task private": [rss_mb(worker.pid, "RssAnon") if alive else None],
    }


def keep(scratch: Path, rows, scenario) -> None:
    """The raw results so far, so that a run stopped late still leaves its numbers."""
    (scratch / "results.json").write_text(
        json.dumps({"rows": rows, "scenario": scenario}, indent=1)
    )


def measured(label, path, *, target, baselines, script=None, headers=None, check=None):
    """One row: the page between its baselines (healthz and the bare view, each before
    and after), since this machine's speed drifts."""
    print(f"  {label} …", flush=True)
    if script is None:
        run_wrk(path, duration="2s", headers=headers)  # warm up the caches
    before = {name: run_wrk(p)["rps"] for name, p in baselines.items()}
    result = run_wrk(path, script=script, headers=headers)
    after = {name: run_wrk(p)["rps"] for name, p in baselines.items()}
    base = {name: (before[name] + after[name]) / 2 for name in baselines}
    met = check(result, base) if check else None
    return {"label": label, "result": result, "base": base, "target": target, "met": met}


def newsroom_traffic(scratch, env, paths, server, worker, server_log: Path) -> dict:
    """Readers through wrk and the newsroom beside them; the web and task workers' memory
    each minute, and the requests the servers logged as slow while it ran."""
    script = write_scenario(scratch, paths)
    print(f"  newsroom traffic for {SCENARIO_DURATION} …", flush=True)
    logged = server_log.stat().st_size
    memory_start = memory(server, worker)
    before = run_wrk("/healthz")["rps"]
    seconds = float(SCENARIO_DURATION.rstrip("s"))
    newsroom = subprocess.Popen(
        [PYTHON, "benchmarks/newsroom.py", BASE, str(seconds),
         *(p[0] for p in paths["ranking"])],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    minutes, done = [], threading.Event()

    def sample() -> None:
        while not done.wait(60):
            minutes.append(memory(server, worker))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    result = run_wrk("/", duration=SCENARIO_DURATION, script=script)
    done.set()
    out, _ = newsroom.communicate(timeout=120)
    after = run_wrk("/healthz")["rps"]
    memory_end = memory(server, worker)
    with server_log.open() as log:
        log.seek(logged)
        slow = [line.strip() for line in log if SLOW_MARK in line]
    return {
        "result": result,
        "healthz": (before + after) / 2,
        "newsroom": json.loads(out.strip().splitlines()[-1]),
        "memory": (memory_start, memory_end),
        "minutes": minutes,
        "slow": slow,
    }


def main() -> None:
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install -y wrk")
    if ONLY - set(GROUPS):
        raise SystemExit(f"BENCH_ONLY takes some of: {', '.join(GROUPS)}")
    scratch = ROOT / "var" / "bench"
    scratch.mkdir(parents=True, exist_ok=True)
    db_path = scratch / "bench.sqlite3"
    for leftover in scratch.glob("bench.sqlite3*"):
        leftover.unlink()
    for folder in ("cache", "cache-tokens"):  # the page copies and their version tokens
        shutil.rmtree(scratch / folder, ignore_errors=True)
    env = environment(db_path)
    env["DJANGO_STATIC_ROOT"] = str(scratch / "static")
    print("Preparing the database and static files…", flush=True)
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "seed_bench", "--articles", ARTICLES, "--comments", COMMENTS)
    manage(env, "collectstatic", "--noinput", "-v", "0")
    baselines = {"healthz": "/healthz", "bare": "/bench/bare"}
    server_log = scratch / "server.log"
    print(f"  the servers' warnings go to {server_log.relative_to(ROOT)}", flush=True)

    def vs(name, ratio):
        return lambda r, base: r["rps"] >= ratio * base[name]

    def p99_under(ms):
        return lambda r, base: r["p99"] < ms and r["bad"] == 0

    rows = []
    scenario = None

    def record(row) -> None:
        rows.append(row)
        keep(scratch, rows, scenario)

    # Phase one: production settings as deployed. "cold" asks for every article once, so
    # each request renders a page nobody has seen (no page, comment list or Markdown in
    # the cache). Then the newsroom's traffic, with the task worker beside the server.
    with server_log.open("w") as log:
        server = start_server(env, log)
        worker = subprocess.Popen(
            [PYTHON, "manage.py", "worker", "--no-reload", "--no-startup-delay"],
            cwd=ROOT,
            env=env,
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
        try:
            wait_until_up(f"{BASE}/healthz")
            article = first_article_url()
            paths = site_paths()
            run_wrk("/healthz", duration="2s")  # warm up connections
            run_wrk("/bench/bare", duration="2s")
            if "cached" in ONLY:
                for label, path, headers in (
                    ("home, cached", "/en/", BROWSER),
                    ("article, cached (Brotli)", article, BROWSER),
                    ("article, cached (uncompressed)", article, None),
                    ("feed, cached", "/en/feed/", BROWSER),
                ):
                    record(
                        measured(
                            label,
                            path,
                            headers=headers,
                            baselines=baselines,
                            target="≥ 85% of healthz",
                            check=vs("healthz", 0.85),
                        )
                    )
            if "cold" in ONLY:
                record(
                    measured(
                        "article, cold (each article once, 50 comments: its page, parts, "
                        "comment list and Markdown never made; menu and footer kept after "
                        "the first)",
                        "/",
                        script=write_cold_script(scratch, article_paths()),
                        baselines=baselines,
                        target="p99 < 50 ms",
                        check=p99_under(50),
                    )
                )
            if "search" in ONLY:
                # Every bench article matches these words: ranking, counting and snippets
                # over all 2,000 (articles.search), then the page cache keeps the page; the
                # cold row asks 2,000 different queries once each ("note 17" finds 17,
                # 170-179 and 1700-1799).
                for label, path in (
                    ("search, cached, English body word (2,000 matches)", "/en/search/?q=layers"),
                    (
                        "search, cached, Turkish title word (2,000 matches)",
                        "/tr/ara/?q=imajlar%C4%B1",
                    ),
                ):
                    record(
                        measured(
                            label,
                            path,
                            headers=BROWSER,
                            baselines=baselines,
                            target="p99 < 50 ms",
                            check=p99_under(50),
                        )
                    )
                queries = [f"/en/search/?q=note+{n}" for n in range(int(ARTICLES))]
                record(
                    measured(
                        "search, cold (2,000 different queries, each once)",
                        "/",
                        script=write_cold_script(scratch, queries, name="searches.lua"),
                        baselines=baselines,
                        target="p99 < 50 ms",
                        check=p99_under(50),
                    )
                )
            if "scenario" in ONLY:
                log.flush()
                scenario = newsroom_traffic(scratch, env, paths, server, worker, server_log)
                keep(scratch, rows, scenario)
        finally:
            for process in (server, worker):
                os.killpg(process.pid, signal.SIGTERM)
                process.wait(timeout=30)

        # Phase two: the page cache off, one article asked for again and again: a
        # page-cache miss with its fragments warm (pagecache.fragments: the article, its
        # lists, the menu and footer; the comment list and the shared form).
        if "miss" in ONLY:
            server = start_server({**env, "BROADSHEET_PAGE_CACHE": "off"}, log)
            try:
                wait_until_up(f"{BASE}/healthz")
                article = first_article_url()
                run_wrk("/healthz", duration="2s")
                record(
                    measured(
                        "article, page-cache miss (its parts, lists, menu, footer, comment "
                        "list and form kept)",
                        article,
                        headers=BROWSER,
                        baselines=baselines,
                        target="≥ 100% of bare view",
                        check=vs("bare", 1.0),
                    )
                )
            finally:
                os.killpg(server.pid, signal.SIGTERM)
                server.wait(timeout=30)
    report(env, rows, scenario)


def slowest(lines: list[str], shown: int = 3) -> str:
    """The slowest few of the slow-request log's lines, as "address in N ms"."""
    found = [re.search(r"Slow request: (\S+ \S+) (\d+) in (\d+) ms", line) for line in lines]
    found = sorted(filter(None, found), key=lambda m: -int(m[3]))[:shown]
    return "".join(f"; {m[1]} ({m[2]}) {m[3]} ms" for m in found)


def each_minute(scenario) -> str:
    sums = [sum(m["web"]) for m in scenario.get("minutes", []) if None not in m["web"]]
    return ", ".join(f"{total:.0f}" for total in sums) + " MB (both, summed)" if sums else "—"


def yes(met) -> str:
    return "—" if met is None else ("met" if met else "**not met**")


def report(env, rows, scenario) -> None:
    header = (
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {machine()}; "
        f"gunicorn {WORKERS} workers × {THREADS} threads, production settings, "
        f"{env['DATABASE_URL'].split(':', 1)[0]} database with {ARTICLES} articles and "
        f"{COMMENTS} comments; wrk, {CONNECTIONS} connections, {DURATION} per run; "
        "command: `make bench` (benchmarks/run.py)."
    )
    lines = [
        "| row | requests/s | p50 ms | p99 ms | healthz requests/s | vs healthz "
        "| bare view requests/s | vs bare view | errors | target | |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |",
    ]
    for row in rows:
        r, base = row["result"], row["base"]
        errors = r["bad"] + (1 if r["socket_errors"] else 0)
        lines.append(
            f"| {row['label']} | {r['rps']:.0f} | {r['p50']:.1f} | {r['p99']:.1f} | "
            f"{base['healthz']:.0f} | {r['rps'] / base['healthz']:.0%} | "
            f"{base['bare']:.0f} | {r['rps'] / base['bare']:.0%} | {errors} | "
            f"{row['target']} | {yes(row['met'])} |"
        )
    table = "\n".join(lines)
    traffic = ""
    if scenario:
        r, news = scenario["result"], scenario["newsroom"]
        hits, pages = r["hits"] or (0, 0)
        errors = r["bad"] + (1 if r["socket_errors"] else 0) + news["comment_errors"]
        start, end = scenario["memory"]

        def rise(kind) -> float | None:
            if None in start[kind] + end[kind] or not start[kind]:
                return None
            return sum(end[kind]) / sum(start[kind]) - 1

        def growth(kind):
            shown = [
                ", ".join("gone" if m is None else f"{m:.0f}" for m in ms)
                for ms in (start[kind], end[kind])
            ]
            change = rise(kind)
            return f"{shown[0]} → {shown[1]} MB" + ("" if change is None else f" ({change:+.0%})")

        web_growth, task_growth = rise("web"), rise("task")
        if task_growth is None:
            errors += 1  # the task worker stopped during the run
        traffic = "\n".join([
            f"### Newsroom traffic ({SCENARIO_DURATION})",
            "",
            "| measure | value | target | |",
            "| --- | --- | --- | --- |",
            f"| page-cache hit ratio | {hits / max(pages, 1):.1%} "
            f"({hits} of {pages} pages) | — | |",
            f"| requests/s | {r['rps']:.0f} ({r['rps'] / scenario['healthz']:.0%} of healthz, "
            f"{scenario['healthz']:.0f}) | — | |",
            f"| p50 / p99 | {r['p50']:.1f} / {r['p99']:.1f} ms | p99 < 50 ms | "
            f"{yes(r['p99'] < 50)} |",
            f"| errors | {errors} | 0 | {yes(errors == 0)} |",
            f"| slowest answered request (wrk's max) | {r['max']:.0f} ms | — | |",
            f"| requests over {SLOW_LIMIT_MS} ms inside Django (the servers' slow-request log) "
            f"| {len(scenario['slow'])}{slowest(scenario['slow'])} | — | |",
            f"| newsroom | {news['comments']} comments, {news['approved']} approved in bulk, "
            f"{news['edits']} edits | 1/s, every 10 s, every 30 s | |",
            f"| memory, web workers | {growth('web')} | growth < 10% | "
            f"{yes(web_growth is not None and web_growth < 0.10)} |",
            f"| memory, task worker | {growth('task')} | growth < 10% | "
            f"{yes(task_growth is not None and task_growth < 0.10)} |",
            f"| of which private (RssAnon), web / task | {growth('web private')} / "
            f"{growth('task private')} | — | |",
            f"| web workers' memory each minute | {each_minute(scenario)} | — | |",
        ])  # fmt: skip
    print()
    print(header)
    print(table)
    print(traffic)
    if set(GROUPS) != ONLY:
        print("\nBENCH_ONLY: docs/benchmarks.md is written by a full run only.")
        return
    doc = ROOT / "docs" / "benchmarks.md"
    text = doc.read_text() if doc.exists() else ""
    notes = text[text.index(NOTES_MARK) :] if NOTES_MARK in text else NOTES_MARK + "\n"
    doc.write_text(
        "# Benchmarks\n\n"
        "Written by `make bench` (benchmarks/run.py); the tables are from the last run, the "
        "notes under them are kept by hand.\n\n"
        f"{header}\n\n{table}\n\n{traffic}\n\n"
        "Baselines: `/healthz`, a view returning three bytes, and `/bench/bare`, a bare "
        "Django view rendering a 29 KB template with no database (benchmarks/urls.py), each "
        "measured just before and just after every row on the same server; the ratios use "
        "their means. Browsers' requests (`Accept-Encoding: br, gzip`) get compressed pages.\n\n"
        f"{notes}"
    )
    print(f"\nWritten to {doc.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
