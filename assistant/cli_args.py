"""The `minutebook` command's arguments: every command, option and help text, in one place.

`assistant/cli.py` parses with this, calls ingest or the read side, and renders.
"""
from __future__ import annotations

import argparse

from minutebook import __version__

from minutebook.ingest.papers.house_style import OUTCOMES
from minutebook.ingest.types import PART_KINDS


class OneLineParser(argparse.ArgumentParser):
    """A mistyped argument is one line, as every other error is (`--help` still shows the usage)."""

    def error(self, message: str):
        self.exit(2, f"minutebook: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(
        prog="minutebook",
        description="Ask questions of a council's board papers; every answer cites the paper and page.",
    )
    parser.add_argument("--version", action="version", version=f"minutebook {__version__}")
    _loudness(parser, 0)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True, parser_class=_Sub)

    p = sub.add_parser("ingest", help="add PDF board papers (files or folders) to the index",
                       description="Add new and changed papers to the index; unchanged files are skipped. In a folder, "
                                   ".txt and .md files are read only when it holds no PDF, or with --include.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to ingest (folders are walked)")
    p.add_argument("--include", action="append", metavar="PATTERN",
                   help="also read a folder's files matching PATTERN, e.g. '*.md' (repeatable)")
    p.add_argument("--prune", action="store_true", help="also remove documents whose files are no longer there")
    p.add_argument("--rebuild", action="store_true",
                   help="build the index afresh from these papers, not from the current one (a damaged index); "
                        "the current one serves readers until the new one is ready")
    _common(p)

    p = sub.add_parser("fetch", help="download new papers from a council's portal (ModernGov, Legistar, CivicPlus, "
                                     "Granicus, PrimeGov) and ingest them",
                       description="List the portal's meetings, download the papers that are new or changed since the "
                                   "last fetch into body/date folders, then ingest them. Run it again (cron, a systemd "
                                   "timer) to keep the index up to date.")
    p.add_argument("source", metavar="SOURCE",
                   help="the portal's address: https://democracy.example.gov.uk, https://webapi.legistar.com/v1/CLIENT, "
                        "https://SITE/AgendaCenter, https://SITE.granicus.com/ViewPublisher.php?view_id=N, "
                        "https://SITE.primegov.com")
    p.add_argument("--system", choices=["moderngov", "legistar", "civicplus", "granicus", "primegov"],
                   help="the portal's system (default: recognised from the address)")
    p.add_argument("--body", action="append", default=[], metavar="B",
                   help="only committees/boards whose name contains B (repeat for several)")
    p.add_argument("--since", metavar="YYYY-MM-DD", help="only meetings on or after this date (default: a year ago)")
    p.add_argument("--until", metavar="YYYY-MM-DD", help="only meetings on or before this date (default: 90 days ahead)")
    p.add_argument("--into", metavar="DIR", help="where the papers are saved (default: papers/ in the index folder)")
    p.add_argument("--dry-run", action="store_true", help="list what would be fetched; download and ingest nothing")
    _common(p)

    p = sub.add_parser("search", help="hybrid keyword + meaning search over the papers",
                       description="Search the papers by meaning and keyword; prints source, page and a snippet.")
    p.add_argument("query", help="what to look for, in plain words")
    p.add_argument("-k", type=int, default=5, help="number of results (default 5)")
    p.add_argument("--mode", choices=["hybrid", "bm25", "dense"], default="hybrid", help="retrieval method (default hybrid)")
    _filters(p)
    p.add_argument("--type", dest="doc_type", metavar="T",
                   help="only this section type: agenda, minutes, report, presentation, appendix, other")
    _common(p)

    p = sub.add_parser("ask", help="ask a question; the answer quotes the papers and cites paper and page",
                       description="Answer a question from the papers. Every quote is on the cited page; "
                                   "when the papers do not say, the answer says so.")
    p.add_argument("question", help="your question, in plain words")
    p.add_argument("--llm", metavar="SPEC",
                   help="use a language model: ollama:MODEL, openai:MODEL or llamacpp:/path/model.gguf "
                        "(default: the offline extractive answerer)")
    _filters(p)
    _common(p)

    p = sub.add_parser("timeline", help="where a topic appears across meetings and papers, oldest first",
                       description="List the meetings and papers that mention TOPIC, oldest to newest, "
                                   "one cited line each.")
    p.add_argument("topic", help="what to follow, e.g. Sentinel")
    _filters(p)
    _common(p)

    p = sub.add_parser("lineage", help="a matter's path between bodies and meetings, with each step's outcome",
                       description="List the meetings that dealt with TOPIC in date order: body, what it decided "
                                   "(outcome and vote, from the register) or the paper that put it before them.")
    p.add_argument("topic", help="the matter to follow, e.g. 'budget 2025-26'")
    _filters(p)
    _common(p)

    p = sub.add_parser("resolutions", help="the register of decisions in the minutes, filterable and citable",
                       description="List every minuted decision with its meeting, minute number, source and page.")
    p.add_argument("--topic", metavar="TEXT",
                   help="rank by relevance to TEXT (the hybrid search of `search`); leave out decisions it does not find")
    _filters(p)
    p.add_argument("--kind", metavar="K", choices=PART_KINDS,
                   help=f"only decisions with a part of this kind: {', '.join(PART_KINDS)}")
    p.add_argument("--outcome", metavar="O", choices=OUTCOMES,
                   help=f"only decisions with this outcome: {', '.join(OUTCOMES)}")
    p.add_argument("--moved-by", metavar="NAME", help="only motions and decisions moved by NAME (part of the name)")
    p.add_argument("--index", metavar="DIR", help="index folder (default index/, or MINUTEBOOK_INDEX)")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print machine-readable JSON")
    out.add_argument("--csv", action="store_true", help="print CSV, one row per decision (opens in a spreadsheet)")

    p = sub.add_parser("actions", help="follow up the actions in the minutes and action logs: done, pending, unknown",
                       description="List every action the minutes or an action log records, with whether a later "
                                   "agenda, report or minute shows it done, and the page that shows it.")
    p.add_argument("--status", metavar="S", choices=["done", "pending", "unknown"],
                   help="only actions with this status: done, pending or unknown")
    p.add_argument("--board", metavar="B", help="only actions of boards whose name contains B")
    p.add_argument("--include-restricted", action="store_true", help="include pages marked not for publication")
    _common(p)

    p = sub.add_parser("meetings", help="the meetings in the papers, by body and date",
                       description="List every meeting the papers date, newest first.")
    p.add_argument("--board", "--body", dest="board", metavar="B", help="only bodies whose name contains B")
    _common(p)

    p = sub.add_parser("meeting", help="one meeting whole: agenda, papers, minutes, decisions, attendance",
                       description="Show one meeting: its agenda items with the papers under each, its minutes, "
                                   "the decisions taken and who attended, each with its file and page.")
    p.add_argument("date", metavar="DATE", help="the meeting's date: YYYY-MM-DD or '1 October 2018'")
    p.add_argument("--board", "--body", dest="board", metavar="B", help="the body, when several met that day")
    p.add_argument("--include-restricted", action="store_true", help="include pages marked not for publication")
    _common(p)

    p = sub.add_parser("status", help="list the ingested documents and the last ingest",
                       description="Show what the index holds.")
    _common(p)

    p = sub.add_parser("serve", help="start the web app (Streamlit) on http://localhost:8501",
                       description="Start the minutebook web app.")
    p.add_argument("--port", type=int, default=8501, help="port to listen on (default 8501)")
    p.add_argument("--address", default="localhost",
                   help="address to listen on (default localhost, this machine only; 0.0.0.0 shares it on the network)")
    p.add_argument("--allow-restricted", action="store_true",
                   help="let visitors who give MINUTEBOOK_RESTRICTED_PASSWORD (or come through a reverse proxy's "
                        "login that sets MINUTEBOOK_RESTRICTED_USER_HEADER) see restricted papers")
    p.add_argument("--index", metavar="DIR", help="index folder (default index/, or MINUTEBOOK_INDEX)")
    return parser


class _Sub(OneLineParser):
    """A command's parser: -v and -q also after the command (`minutebook search X -v`), counted with
    any given before it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _loudness(self, argparse.SUPPRESS)  # SUPPRESS: left unset, the count before the command stands


def _loudness(p: argparse.ArgumentParser, default) -> None:
    p.add_argument("-v", "--verbose", action="count", default=default,
                   help="say more on stderr about what is being done")
    p.add_argument("-q", "--quiet", action="count", default=default,
                   help="print only errors on stderr (no progress, no notes)")


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--index", metavar="DIR", help="index folder (default index/, or MINUTEBOOK_INDEX)")
    p.add_argument("--json", action="store_true", help="print machine-readable JSON")


def _filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--board", "--body", dest="board", metavar="B",
                   help="only papers of boards (committees, councils, panels) whose name contains B")
    p.add_argument("--since", metavar="YYYY-MM-DD", help="only meetings on or after this date")
    p.add_argument("--until", metavar="YYYY-MM-DD", help="only meetings on or before this date")
    p.add_argument("--include-restricted", action="store_true", help="include pages marked not for publication")
