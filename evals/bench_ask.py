"""Benchmark (not a test): extractive `ask` latency p50/p95, warm in-process and through the CLI.

    .venv/bin/python -m evals.bench_ask --index index [--runs 20] [--cli-runs 5]
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

from minutebook.assistant.answering import Assistant
from minutebook.ingest.settings import Settings

from .run import load_questions


def percentiles(seconds: list[float]) -> tuple[float, float]:
    ordered = sorted(seconds)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return statistics.median(ordered), p95


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", default="index", help="index folder (default index/)")
    parser.add_argument("--runs", type=int, default=40, help="in-process questions to time")
    parser.add_argument("--cli-runs", type=int, default=5, help="CLI invocations to time (each loads the model)")
    args = parser.parse_args(argv)
    questions = [q["question"] for q in load_questions()]
    assistant = Assistant(Settings.from_env(index=args.index))
    assistant.ask("warm-up: what was resolved about hate crime?")
    timings = []
    for question in (questions * 10)[: args.runs]:
        start = time.perf_counter()
        assistant.ask(question)
        timings.append(time.perf_counter() - start)
    p50, p95 = percentiles(timings)
    print(f"ask, in-process, warm: n={len(timings)} p50={p50 * 1000:.0f} ms p95={p95 * 1000:.0f} ms")
    cli = str(Path(sys.executable).parent / "minutebook")
    cli_timings = []
    for question in questions[: args.cli_runs]:
        start = time.perf_counter()
        subprocess.run([cli, "ask", question, "--index", args.index, "--json"], check=True, capture_output=True)
        cli_timings.append(time.perf_counter() - start)
    if cli_timings:
        p50, p95 = percentiles(cli_timings)
        print(f"ask, CLI (new process each): n={len(cli_timings)} p50={p50:.2f} s p95={p95:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
