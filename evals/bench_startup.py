"""How long `minutebook search` and `minutebook resolutions` take from the shell, and which imports
cost the most (issue 26: each should start in 0.8 s or less on a quiet machine).

    python -m evals.bench_startup [--index index] [--runs 5] [--against OTHER_CHECKOUT]

Each command runs --runs times in a fresh interpreter; the table gives the fastest and the median
wall time and the median CPU time, with the load average before and after (a busy machine's wall
times are not a quiet one's; its CPU times are nearer). `--against` times another checkout in
turn with this one. Then `python -X importtime` lists the imports that cost most, their own time
added up by package. The index must exist: `make ingest`.
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMMANDS = {
    "version": ["--version"],
    "search": ["search", "free course for motorcyclists"],
    "resolutions": ["resolutions"],
    "resolutions --topic": ["resolutions", "--topic", "hate crime strategy"],
    "status": ["status"],
}


# Compiled bytecode is kept, as it is on a user's machine after the first run, in a folder of the
# bench's own (PYTHONPYCACHEPREFIX), so a shared or read-only environment is not written to and an
# environment with PYTHONDONTWRITEBYTECODE set does not compile every module on every run.
PYCACHE = Path(os.environ.get("TMPDIR", "/tmp")) / "minutebook-bench-pycache"


def _env(root: Path = ROOT) -> dict:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false",
           "PYTHONPYCACHEPREFIX": str(PYCACHE)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(root), env.get("PYTHONPATH", "")) if p)
    return env


def timed(argv: list[str], index: str, root: Path = ROOT) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run. The CPU time (user + system, the command's own and
    its children's) changes less with the load than the wall time: on a busy machine it is the
    better guess at the wall time of a quiet one."""
    extra = [] if argv == ["--version"] else ["--index", index]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "minutebook", *argv, *extra], capture_output=True, env=_env(root),
                         cwd=root)
    took = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if run.returncode != 0:
        sys.exit(f"minutebook {' '.join(argv)} failed: {run.stderr.decode()[-400:]}")
    return took, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def importtime(argv: list[str], index: str, top: int) -> list[tuple[int, int, str]]:
    """(self µs summed, modules, package) of the costliest packages one run imports: every module's
    own time (python -X importtime's "self") added up by its top-level package."""
    extra = [] if argv == ["--version"] else ["--index", index]
    run = subprocess.run([sys.executable, "-X", "importtime", "-m", "minutebook", *argv, *extra],
                         capture_output=True, env=_env(), text=True)
    own: dict[str, int] = {}
    count: dict[str, int] = {}
    for line in run.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        spent, _, name = line[len("import time:"):].split("|")
        name = name.strip()
        package = ".".join(name.split(".")[:3]) if name.startswith("minutebook.") else name.split(".")[0]
        own[package] = own.get(package, 0) + int(spent)
        count[package] = count.get(package, 0) + 1
    return sorted(((t, count[p], p) for p, t in own.items()), reverse=True)[:top]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", default="index", help="index folder (default index/)")
    parser.add_argument("--runs", type=int, default=5, help="runs of each command (default 5)")
    parser.add_argument("--top", type=int, default=12, help="imports to list per command (default 12)")
    parser.add_argument("--against", metavar="DIR", type=Path,
                        help="another checkout (e.g. `git worktree add /tmp/before main`) timed in turn with this "
                             "one, run for run, so both see the same load")
    args = parser.parse_args(argv)
    args.index = str(Path(args.index).resolve())  # each checkout runs in its own folder
    if not (Path(args.index) / "current").exists():
        sys.exit(f"no index at {args.index}/: run `make ingest` (or minutebook ingest corpus --index {args.index})")
    load = os.getloadavg()
    print(f"load average before: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} cores")
    roots = [("this checkout", ROOT)] + ([("--against", args.against.resolve())] if args.against else [])
    for _, root in roots:
        for argv in COMMANDS.values():
            timed(argv, args.index, root)  # once unmeasured: bytecode compiled and cached, files in the page cache
    print(f"{'command':<22} {'code':<14} {'fastest':>8} {'median':>8} {'CPU':>8}  "
          f"(s; {args.runs} runs; CPU: the median's user+sys)")
    for name, argv in COMMANDS.items():
        runs: dict[str, list] = {label: [] for label, _ in roots}
        for _ in range(args.runs):
            for label, root in roots:  # in turn, so a burst of load falls on both
                runs[label].append(timed(argv, args.index, root))
        for label, _ in roots:
            walls = [wall for wall, _ in runs[label]]
            cpu = statistics.median(c for _, c in runs[label])
            print(f"{name:<22} {label:<14} {min(walls):8.2f} {statistics.median(walls):8.2f} {cpu:8.2f}")
    load = os.getloadavg()
    print(f"load average after:  {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    for name in ("search", "resolutions"):
        found = importtime(COMMANDS[name], args.index, args.top)
        print(f"\n`minutebook {name}`: the costliest imports (python -X importtime, own time by package)")
        print(f"{'ms':>6} {'modules':>8}  package")
        for spent, modules, package in found:
            print(f"{spent / 1000:6.0f} {modules:8d}  {package}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
