"""The CPU cost of a request in one process: Django's WSGI handler called directly, with
no server, network or load tool in the way, so the figure does not drift with the
machine's other work as wrk's do.

Run after `make bench` (it reads the bench's database and cache in var/bench):

    .venv/bin/python benchmarks/inprocess.py /healthz /en/ /en/feed/

Prints, for each address, what the first answer was (the page cache's header) and the
CPU time per request, best of ROUNDS rounds of REQUESTS each, with and without
``Accept-Encoding: br, gzip``.
"""

import io
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.run import PORT, environment  # noqa: E402

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "9"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "2000"))


def main(paths: list[str]) -> None:
    scratch = ROOT / "var" / "bench"
    os.environ.update(environment(scratch / "bench.sqlite3"))
    os.environ["DJANGO_STATIC_ROOT"] = str(scratch / "static")
    import django
    from django.core.handlers.wsgi import WSGIHandler

    django.setup()
    handler = WSGIHandler()

    def call(environ: dict) -> dict:
        answer = {}

        def start_response(status, headers, exc_info=None):
            answer.update(status=status, headers=dict(headers))

        response = handler(dict(environ, **{"wsgi.input": io.BytesIO()}), start_response)
        b"".join(response)
        response.close()  # as a server does: request_finished and its receivers
        return answer

    for path in paths:
        for accept in ("br, gzip", None):
            address, _, query = path.partition("?")
            environ = {
                "REQUEST_METHOD": "GET",
                "PATH_INFO": address,
                "QUERY_STRING": query,
                "SERVER_NAME": "127.0.0.1",
                "SERVER_PORT": str(PORT),
                "HTTP_HOST": f"127.0.0.1:{PORT}",
                "REMOTE_ADDR": "127.0.0.1",
                "wsgi.url_scheme": "http",
                "wsgi.errors": sys.stderr,
            }
            if accept:
                environ["HTTP_ACCEPT_ENCODING"] = accept
            call(environ)  # the first may fill the cache
            first = call(environ)
            best = float("inf")
            for _ in range(ROUNDS):
                started = time.process_time()
                for _ in range(REQUESTS):
                    call(environ)
                best = min(best, (time.process_time() - started) / REQUESTS)
            page = first["headers"].get("X-Page-Cache", "-")
            print(
                f"{path:<40} {accept or 'identity':<9} {first['status']:<8} {page:<5} "
                f"{best * 1e6:7.1f} µs"
            )


if __name__ == "__main__":
    main(sys.argv[1:] or ["/healthz", "/en/", "/en/feed/"])
