"""The `minutebook` command: parse arguments, call ingest/assistant, render. Errors become one line."""
from __future__ import annotations

import csv
import json
import logging
import sqlite3
import math
import os
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

from minutebook.ingest.dates import human_date, human_time
from minutebook.ingest.errors import BadInput, MinutebookError, printable, readable
from minutebook.ingest.settings import Settings

from minutebook.assistant.cli_args import build_parser

if TYPE_CHECKING:
    from minutebook.assistant.results import RegisterEntry

log = logging.getLogger(__name__)


# Arguments that name files: kept as the bytes given, so the file opens whatever its name.
_PATH_ARGS = ("paths", "index")


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    _logging(getattr(args, "verbose", 0) - getattr(args, "quiet", 0))
    for name, value in vars(args).items():  # a question typed in a Latin-1 terminal reads as text, not bytes
        if isinstance(value, str) and name not in _PATH_ARGS:
            setattr(args, name, readable(value))
    try:
        # Built once, here, and passed down: `--include-restricted` widens the environment's setting.
        settings = Settings.from_env(index=getattr(args, "index", None),
                                     include_restricted=getattr(args, "include_restricted", False) or None)
        log.debug("settings: %s", settings)
        code = COMMANDS[args.command](args, settings)
        sys.stdout.flush()  # here, where a closed pipe is caught, not at exit where it would print a traceback
        return code
    except MinutebookError as e:
        print(f"minutebook: {printable(e)}", file=sys.stderr)
        return 2
    except sqlite3.DatabaseError as e:
        # Imported here: the storage engine pulls in numpy, which `--version` and `--help` never need.
        from minutebook.ingest.storage.index_reader import current_dir, damaged_db, unreadable_db
        from minutebook.ingest.storage.store import DB

        if not unreadable_db(e):
            raise
        gen = current_dir(settings.index)
        print(f"minutebook: {printable(damaged_db((gen or settings.index) / DB, settings.index, e))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("minutebook: interrupted; the index is unchanged", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader left (`minutebook resolutions | head -1`): stop quietly, as `cat` would. Python
        # flushes stdout again at exit, so point it at /dev/null first.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141  # 128 + SIGPIPE, the status a shell tool killed by a closed pipe ends with


def _logging(louder: int) -> None:
    """minutebook's diagnostics on stderr as "minutebook: message": warnings and the notes a user
    needs by default, -v adds what it is doing, -q leaves only errors. Other libraries' records
    stay at their own level."""
    handler = logging.StreamHandler(sys.stderr)  # this call's stderr (a test may have replaced it)
    handler.setFormatter(logging.Formatter("minutebook: %(message)s"))
    root = logging.getLogger("minutebook")
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.propagate = False
    root.setLevel({-1: logging.ERROR, 0: logging.INFO, 1: logging.DEBUG}.get(max(-1, min(1, louder))))


def _book(settings: Settings):
    """The index, read. Imported here, not at the top: `minutebook --version` and a refused
    argument need none of the read side."""
    from minutebook.assistant.service import Minutebook

    return Minutebook(settings)


def _words(text: str, refusal: str) -> str:
    """`text` stripped, or a one-line refusal when it holds no words (before any model is loaded)."""
    if not text.strip():
        raise BadInput(refusal)
    return text.strip()


def cmd_ingest(args, settings: Settings) -> int:
    from minutebook.ingest.pipeline import ingest

    progress = _progress_bar() if log.isEnabledFor(logging.INFO) else None  # -q: no progress either
    report = ingest([Path(p) for p in args.paths], settings, progress=progress, prune=args.prune,
                    include=tuple(args.include or ()), rebuild=args.rebuild)
    if args.json:
        print(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
    else:
        # File names are the user's, and may hold control or bidirectional characters: escaped.
        for item in report.ingested:
            same = f", the same file as {printable(item.same_as)}" if item.same_as else ""
            print(f"ingested  {printable(item.source)} ({item.pages} pages, {item.chunks} chunks{same})")
        for source in report.unchanged:
            print(f"unchanged {printable(source)}")
        for source in report.removed:
            print(f"removed   {printable(source)}")
        for item in report.skipped:
            print(f"skipped   {printable(item.source)}: {printable(item.reason)}")
        print(f"{report.documents} documents, {report.chunks} chunks in {settings.index}/")
    ok = report.ingested or report.unchanged or report.removed
    return 0 if ok else 1


def cmd_fetch(args, settings: Settings) -> int:
    from minutebook.ingest.fetch.fetcher import fetch

    report = fetch(args.source, settings, system=args.system, bodies=tuple(args.body), since=args.since,
                   until=args.until, into=Path(args.into) if args.into else None, dry_run=args.dry_run,
                   progress=_progress_bar() if log.isEnabledFor(logging.INFO) else None)
    if args.json:
        print(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
    else:
        for word, items in (("would fetch", report.would_fetch), ("fetched", report.fetched),
                            ("skipped", report.skipped), ("failed", report.failed), ("withdrawn", report.withdrawn)):
            for o in items:
                why = f": {printable(o.reason)}" if o.reason else ""
                print(f"{word:<9} {printable(o.path or o.url)}{why}")
        print(report.summary())
    return 1 if report.failed and not (report.fetched or report.unchanged) else 0


def cmd_search(args, settings: Settings) -> int:
    from minutebook.assistant.highlight import snippet

    query = _words(args.query, 'nothing to search for: give some words, e.g. minutebook search "free course for motorcyclists"')
    with _book(settings) as book:
        hits = book.search(query, k=args.k, mode=args.mode, filters=book.filters(
            board=args.board, since=args.since, until=args.until, doc_type=args.doc_type))
    if args.json:  # `text` stays the whole chunk; `snippet` is the part the text output shows
        print(json.dumps([{**h.to_json(), "snippet": snippet(h.chunk.text, query)} for h in hits], indent=2,
                         ensure_ascii=False))
        return 0
    if not hits:
        print("No matching passages.")
    for i, h in enumerate(hits, start=1):
        c = h.chunk
        meta = ", ".join(x for x in (c.board, human_date(c.meeting_date), c.doc_type) if x)
        print(f"{i}. {h.source}, page {c.page}{', read by OCR' if c.ocr else ''}  [{meta}]")
        print(f"   {c.title}")
        print(textwrap.indent(textwrap.fill(snippet(c.text, query), 96), "   "))
    return 0


def cmd_ask(args, settings: Settings) -> int:
    from minutebook.assistant.highlight import snippet

    question = _words(args.question, 'no question to answer: ask one, e.g. minutebook ask "What is Biker Down?"')
    llm = None
    if args.llm:
        from minutebook.assistant.generative import make_chat_model

        llm = make_chat_model(args.llm, settings)
    with _book(settings) as book:
        answer = book.ask(question, llm=llm, filters=book.filters(board=args.board, since=args.since,
                                                                   until=args.until))
    if answer.notice:
        print(f"minutebook: {answer.notice}", file=sys.stderr)
    if args.json:
        print(json.dumps(answer.to_json(), indent=2, ensure_ascii=False))
        return 0
    print(answer.text)
    for c in answer.citations:
        # The quote is OCR's reading of a scan, or its meeting date was inferred: check it on the page.
        read = "".join(f", {note}" for note in c.read) or (", read by OCR" if c.ocr else "")
        pages = f"pages {c.page}-{c.end_page}" if c.end_page else f"page {c.page}"
        print(f"\n[{c.n}] {c.source}, {pages}{read} ({c.title}{', ' + human_date(c.meeting_date) if c.meeting_date else ''})")
        print(textwrap.fill(f"“{c.quote}”", 96, initial_indent="    ", subsequent_indent="    "))
    if answer.abstained and answer.related:
        print("\nClosest passages:")
        for h in answer.related:
            print(f"  {h.source}, page {h.chunk.page}: {snippet(h.chunk.text, question, 140)}")
    return 0


def _follow(args, settings: Settings, what: str) -> list:
    """The command's topic followed through the papers (`what`: "timeline" or "lineage")."""
    with _book(settings) as book:
        return getattr(book, what)(args.topic, book.filters(board=args.board, since=args.since, until=args.until))


def cmd_timeline(args, settings: Settings) -> int:
    events = _follow(args, settings, "timeline")
    if args.json:
        print(json.dumps([e.to_json() for e in events], indent=2, ensure_ascii=False))
        return 0
    if not events:
        print(f"No paper mentions '{args.topic}'.")
    for e in events:
        print(f"{human_date(e.meeting_date) or 'undated':<17}  {e.what:<12} {e.reference}")
        if e.outcome:
            print(f"    {e.outcome}" + (f" ({e.votes})" if e.votes else ""))
        print(textwrap.fill(f"“{e.quote}”", 96, initial_indent="    ", subsequent_indent="    "))
    return 0


def cmd_lineage(args, settings: Settings) -> int:
    steps = _follow(args, settings, "lineage")
    if args.json:
        print(json.dumps([s.to_json() for s in steps], indent=2, ensure_ascii=False))
        return 0
    if not steps:
        print(f"No meeting dealt with '{args.topic}'.")
    for n, s in enumerate(steps, start=1):
        facts = "; ".join(x for x in (s.outcome, s.votes, s.amendments) if x)
        print(f"{n}. {human_date(s.meeting_date) or 'undated'}  {s.board or 'unknown body'}: {facts}")
        print(f"   {s.reference}")
        print(textwrap.fill(f"“{s.quote}”", 96, initial_indent="   ", subsequent_indent="   "))
    return 0


def cmd_resolutions(args, settings: Settings) -> int:
    from minutebook.assistant.register import entries as register

    with _book(settings) as book:
        entries = book.resolutions(args.topic, book.filters(board=args.board, since=args.since, until=args.until),
                                   kind=args.kind, outcome=args.outcome, moved_by=args.moved_by)
    if args.json:
        print(json.dumps([e.to_json() for e in entries], indent=2, ensure_ascii=False))
    elif args.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(register.CSV_COLUMNS)
        writer.writerows(register.csv_row(e) for e in entries)
    else:
        _print_register(entries)
    return 0


def _print_register(entries: list[RegisterEntry]) -> None:
    from minutebook.assistant.register import entries as register

    if not entries:
        print("No matching decisions.")
    meeting = None
    for e in entries:
        if (e.meeting_date, e.board) != meeting:
            meeting = (e.meeting_date, e.board)
            print(f"\n{human_date(e.meeting_date) or 'undated'}  {e.board or ''}".rstrip())
        print(f"  {e.item + '. ' if e.item else ''}{e.title}  ({e.source}, page {e.page})")
        facts = register.step_facts(e)
        if facts:
            print(f"      {facts}")
        for part in e.parts or [{"label": None, "text": e.text, "kind": ""}]:
            label = f"{part['label']} " if part["label"] else ""
            kind = f" [{part['kind']}]" if part["kind"] else ""
            print(textwrap.fill(f"{label}{part['text']}{kind}", 96, initial_indent="      ",
                                subsequent_indent="      "))


def cmd_actions(args, settings: Settings) -> int:
    with _book(settings) as book:  # no embedding model: the matching reads titles, names and dates
        actions = book.actions(board=args.board, status=args.status)
    if args.json:
        print(json.dumps([a.to_json() for a in actions], indent=2, ensure_ascii=False))
        return 0
    if not actions:
        print("No matching actions.")
    for a in actions:
        where = f"minute {a.item}{a.label or ''}" if a.origin == "minutes" else \
            f"action log{' row ' + a.item if a.item else ''}"
        print(f"{human_date(a.meeting_date) or 'undated':<17}  [{a.status}]  {where}, {a.board or ''}")
        print(textwrap.fill(f"{a.who + ': ' if a.who else ''}{a.text}", 96, initial_indent="    ",
                            subsequent_indent="    "))
        e = a.evidence
        if e:
            print(f"    shown by: {e['title']}, {human_date(e['meeting_date'])} ({e['source']}, page {e['page']})")
            print(textwrap.fill(f"“{e['quote']}”", 96, initial_indent="      ", subsequent_indent="      "))
        if a.note:
            print(f"    note: {a.note}")
    return 0


def cmd_status(args, settings: Settings) -> int:
    with _book(settings) as book:
        status = book.status()
    if args.json:
        print(json.dumps(status.to_json(), indent=2, ensure_ascii=False))
        return 0
    last = status.last_ingest
    for d in status.papers:
        print(f"{human_date(d.meeting_date) or 'undated':<17}  {d.pages:>4} pages {d.chunks:>5} chunks  {d.sources}")
    print(f"{status.documents} documents, {status.chunks} chunks; last ingest {human_time(last.finished_at) if last else 'never'}")
    return 0


def cmd_serve(args, settings: Settings) -> int:
    os.environ["MINUTEBOOK_INDEX"] = str(settings.index.resolve())
    if args.allow_restricted:  # the app then offers restricted papers behind the password or the proxy's login
        os.environ["MINUTEBOOK_ALLOW_RESTRICTED"] = "1"
    log.info("serving %s/ at http://localhost:%s", settings.index, args.port)
    os.execv(sys.executable, serve_argv(settings, args.port, args.address))
    return 0  # not reached


def serve_argv(settings: Settings, port: int, address: str) -> list[str]:
    """The Streamlit server command for the app."""
    from minutebook.ui import theme

    app = Path(__file__).resolve().parents[1] / "ui" / "app.py"
    # The server's own limit refuses a bigger upload before reading it into memory; Streamlit
    # counts it in MiB, minutebook in MB.
    upload_mib = max(1, math.ceil(settings.max_file_mb * 1e6 / 2**20))
    # A page elsewhere that rebinds its own name to this machine (DNS rebinding) reaches the server
    # with its own name as Host: only the names this server is known by may open the app's
    # connection, and only pages from the app's own origin (CORS, XSRF).
    hosts = [x for h in allowed_hosts(address, settings.allowed_hosts) for x in ("--server.allowedHosts", h)]
    return [sys.executable, "-m", "streamlit", "run", str(app), "--server.port", str(port),
            "--server.address", address, "--server.headless", "true", "--browser.gatherUsageStats", "false",
            "--server.maxUploadSize", str(upload_mib), *hosts, "--server.enableCORS", "true",
            "--server.enableXsrfProtection", "true",
            # The product's theme; no Deploy button or developer menu; an error shows users a message,
            # the trace goes to the server's log.
            *theme.server_flags()]


LOOPBACK = ("localhost", "127.0.0.1", "::1")


def allowed_hosts(address: str, extra: str = "") -> list[str]:
    """The names a browser may use for the app served at `address`: this machine's loopback
    names, the address itself, and for an address that shares it (0.0.0.0) the machine's own
    names and addresses; then MINUTEBOOK_ALLOWED_HOSTS (a reverse proxy's public name)."""
    import socket

    hosts = list(LOOPBACK)
    if address in ("0.0.0.0", "::", ""):
        name = socket.gethostname()
        hosts += [name, socket.getfqdn()]
        try:
            hosts += socket.gethostbyname_ex(name)[2]
        except OSError:
            pass
    else:
        hosts.append(address)
    hosts += [h.strip() for h in extra.split(",") if h.strip()]
    return list(dict.fromkeys(h.lower() for h in hosts))


def _progress_bar():
    """A one-line progress bar on stderr (a plain line per step when stderr is not a terminal)."""
    import shutil
    import time

    from minutebook.assistant.progress import progress_line

    tty = sys.stderr.isatty()
    last = [""]
    started = time.monotonic()

    def show(message: str, done: int, total: int) -> None:
        width = max(40, shutil.get_terminal_size((110, 24)).columns - 1)
        line = progress_line(message, done, total, time.monotonic() - started, width if tty else 400)
        if tty:
            print("\r" + line.ljust(width), end="" if message != "done" else "\n", file=sys.stderr, flush=True)
        elif message.split(" (")[0] != last[0]:
            print(line, file=sys.stderr, flush=True)
        last[0] = message.split(" (")[0]

    return show


def cmd_meetings(args, settings: Settings) -> int:
    from minutebook.assistant import cli_meetings

    return cli_meetings.cmd_meetings(args, settings)


def cmd_meeting(args, settings: Settings) -> int:
    from minutebook.assistant import cli_meetings

    return cli_meetings.cmd_meeting(args, settings)


COMMANDS = {"ingest": cmd_ingest, "fetch": cmd_fetch, "search": cmd_search, "ask": cmd_ask, "timeline": cmd_timeline,
            "lineage": cmd_lineage, "resolutions": cmd_resolutions, "status": cmd_status,
            "actions": cmd_actions, "serve": cmd_serve,
            "meetings": cmd_meetings, "meeting": cmd_meeting}

if __name__ == "__main__":
    sys.exit(main())
