"""The ingest's progress line: bar, count, elapsed time, an estimate of the time left, and the step,
fitted to the terminal's width by shortening the step's middle (a long file name), never its end.

Pure: the caller measures the clock and the terminal and prints.
"""
from __future__ import annotations

ESTIMATE_AFTER = 5.0  # seconds: before this, too little has been timed to estimate from


def clock(seconds: float) -> str:
    """'42s', '3m05s', '1h02m'."""
    s = int(round(seconds))
    if s < 60:
        return f"{s}s"
    if s < 3600:
        return f"{s // 60}m{s % 60:02d}s"
    return f"{s // 3600}h{s % 3600 // 60:02d}m"


def eta(done: int, total: int, elapsed: float) -> float | None:
    """Seconds left at the pace so far, or None while there is nothing to time yet."""
    if done <= 0 or total <= done or elapsed < ESTIMATE_AFTER:
        return None
    return elapsed / done * (total - done)


def progress_line(message: str, done: int, total: int, elapsed: float, width: int = 110, bar: int = 24) -> str:
    filled = int(bar * done / total) if total else bar
    timing = clock(elapsed)
    left = eta(done, total, elapsed)
    if left is not None:
        timing += f", about {clock(left)} left"
    head = f"[{'#' * filled}{'.' * (bar - filled)}] {done}/{total} ({timing}) "
    room = max(20, width - len(head))
    return head + shorten(message, room)


def shorten(text: str, room: int) -> str:
    """`text` within `room` characters, its middle replaced by '…' (a step's end says how far it is)."""
    if len(text) <= room:
        return text
    keep = room - 1
    return text[: keep - keep // 2] + "…" + text[len(text) - keep // 2:]
