"""Latency of the browser app's `/ask` endpoint with 1, 4 and 16 concurrent users, on loopback.

Starts the app in this process on a free loopback port (or uses --url), then each simulated user asks a
fixed number of questions one after another through gradio_client; the loop is bounded by count, and
the run stops by itself. Prints and writes JSON.

    python -m eval.serve_bench [--users 1 4 16] [--per-user 8] [--out eval/out/serve_bench.json]
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import threading
import time
from pathlib import Path

QUESTIONS = ["黑龙江高技能人才多少", "昆明有多少个职工书屋", "山西和黑龙江的高技能人才分别是多少",
             "哪些省份在全国产改考核中获得优秀等次", "山东产改工作有哪些成效", "广东高技能人才多少",
             "龙江技能人才总数是多少", "昆明建了多少个工匠学院"]


def start_app() -> tuple[str, object]:
    """The app on a free loopback port, with its index loaded; returns (url, server)."""
    import app

    app.HOLDER.get()
    return app.start_server(app.create_app(app.HOLDER))


def run_level(url: str, users: int, per_user: int) -> dict:
    """Each of `users` threads asks `per_user` questions in turn; latency of every request in milliseconds."""
    from gradio_client import Client

    times: list[float] = []
    failures: list[str] = []
    lock = threading.Lock()

    def user(number: int) -> None:
        client = Client(url, verbose=False)
        for i in range(per_user):
            question = QUESTIONS[(number + i) % len(QUESTIONS)]
            started = time.perf_counter()
            try:
                client.predict(question, api_name="/ask")
            except Exception as exc:  # a failed request is counted and reported, not retried
                with lock:
                    failures.append(f"{type(exc).__name__}: {exc}"[:200])
                continue
            with lock:
                times.append((time.perf_counter() - started) * 1000)

    threads = [threading.Thread(target=user, args=(n,)) for n in range(users)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=600)
    wall = time.perf_counter() - started
    from eval.report import percentile

    return {"users": users, "requests": len(times), "failures": len(failures),
            "p50_ms": round(statistics.median(times), 1) if times else None,
            "p95_ms": round(percentile(times, 95), 1) if times else None,
            "max_ms": round(max(times), 1) if times else None,
            "answers_per_s": round(len(times) / wall, 2), "first_failure": failures[0] if failures else None}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.serve_bench", description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, nargs="+", default=[1, 4, 16])
    parser.add_argument("--per-user", type=int, default=8, help="questions each user asks (default: %(default)s)")
    parser.add_argument("--url", help="an app already running on loopback (default: start one here)")
    parser.add_argument("--out", type=Path, default=Path("eval/out/serve_bench.json"))
    args = parser.parse_args(argv)

    from core.logs import setup_logging

    setup_logging()
    url, server = (args.url, None) if args.url else start_app()
    try:
        run_level(url, 1, 2)  # warm-up: the first request pays for lazy set-up in the server
        levels = [run_level(url, users, args.per_user) for users in args.users]
    finally:
        if server is not None:
            server.should_exit = True
    result = {"date": time.strftime("%Y-%m-%d"), "url": url, "levels": levels}
    print(json.dumps(result, ensure_ascii=False, indent=2))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
