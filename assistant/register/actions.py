"""Action follow-up: was each requested report or update brought back to a later meeting?

Every `action` part in the register, and every row of the action logs boards keep, is marked
`done` (with the agenda item, report or minute that shows it), `pending` (papers of the meeting it
was due at, or of a later one, are in the index and none shows it) or `unknown` (no such papers).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from minutebook.assistant.register import entries as register
from minutebook.assistant.results import FollowUp
from minutebook.ingest.register.actions import (DONE_STATUSES, PROCEDURAL, AgendaItem, acronyms, agenda_items,
                                                asks_for_paper, best_line, due, expanded, names, names_in,
                                                parse_action_log, topic_words)
from minutebook.ingest.errors import BadInput
from minutebook.ingest.storage.store import Store
from minutebook.ingest.text import normal_word

STATUSES = ("done", "pending", "unknown")
_LOG_TITLE = re.compile(r"(?i)\baction (?:log|tracker)\b")
_BOARD_NOISE = {"and", "of", "the", "&"}
# A log's action cell names its meeting loosely: "for the Board meeting in December 2023", "a future
# Board meeting". The month form is tried first: it says more than the bare meeting before it.
_LOG_BY_WHEN = (re.compile(r"(?i)\b(?:(?:the|a)\s+(?:\w+\s+)?)?meeting\s+in\s+\w+\s+\d{4}"),
                re.compile(r"(?i)\b(?:the|a)\s+(?:\w+\s+){0,2}meeting(?:\s+of\s+the\s+board)?"))


@dataclass
class Unit:
    """One item of a meeting that could answer an action: an agenda item with its report, or a minute."""

    document_id: str
    board: str | None
    meeting_date: str
    item: str | None
    title: str
    kind: str  # "report", "presentation", "minutes" or "agenda" (an agenda line with no report to read)
    source: str
    agenda: AgendaItem | None = None
    pages: list[tuple[int, str]] = field(default_factory=list)  # readable pages (reports) or chunks (minutes)
    sections: set = field(default_factory=set)  # (document_id, section[, item]) keys search hits carry
    restricted: bool = False  # its report is not for publication

    @property
    def text(self) -> str:
        return " ".join([self.agenda.text if self.agenda else "", *(t for _, t in self.pages)])


def follow_up(store: Store, board: str | None = None, status: str | None = None,
              include_restricted: bool = False) -> list[FollowUp]:
    """Every action with its follow-up status and evidence, newest request first (docs/actions.md)."""
    if status and status not in STATUSES:
        raise BadInput(f"--status '{status}' is not a status (choose from {', '.join(STATUSES)})")
    meetings = _meetings(store)
    units = _units(store, include_restricted)
    setting = store.setting_words()
    out = []
    for action in _minutes_actions(store, include_restricted) + _log_actions(store, include_restricted):
        if board and board.lower() not in (action.board or "").lower():
            continue
        for name, value in _assess(action, units, meetings, setting).items():
            setattr(action, name, value)
        if not status or action.status == status:
            out.append(action)
    out.sort(key=lambda a: (a.meeting_date or "", a.origin == "minutes", _num(a.item)), reverse=True)
    return out


def _num(item) -> int:
    m = re.match(r"\d+", str(item or ""))
    return -int(m.group()) if m else 0  # reversed sort: keep minute and row numbers ascending


# ---- the actions ------------------------------------------------------------------------------

def _minutes_actions(store: Store, include_restricted: bool) -> list[FollowUp]:
    out = []
    for entry in register.find(store, kind="action", include_restricted=include_restricted):
        for part in entry.parts:
            if part["kind"] == "action":
                out.append(FollowUp(board=entry.board, meeting_date=entry.meeting_date, item=entry.item,
                                    label=part.get("label"), text=part["text"], who=part.get("who"),
                                    what=part.get("what"), by_when=part.get("by_when"), origin="minutes",
                                    source=entry.source, page=entry.page))
    return out


def _log_actions(store: Store, include_restricted: bool) -> list[FollowUp]:
    out = []
    for s in _sections(store):
        if s["kind"] == "minutes" or not _LOG_TITLE.search(s["title"] or ""):
            continue
        pages = _pages(store, s["document_id"], s["first_page"], s["last_page"], include_restricted)
        for row in parse_action_log(pages):
            m = _LOG_BY_WHEN[0].search(row.action) or _LOG_BY_WHEN[1].search(row.action)
            out.append(FollowUp(board=s["board"], meeting_date=row.date or s["meeting_date"], item=row.number,
                                label=None, text=row.action, who=row.officer or None, what=row.action,
                                by_when=m.group(0) if m else None, origin="action log", source=s["source"],
                                page=row.page, log_status=row.status, comments=row.comments, log=(s, row)))
    return out


# ---- the papers that could answer them --------------------------------------------------------

def _sections(store: Store) -> list[dict]:
    return store.sections_with_source()


def _pages(store: Store, document_id: str, first: int, last: int, include_restricted: bool) -> list[tuple[int, str]]:
    rows = store.page_rows(document_id, first, last)
    return [(n, t or "") for n, t, blank, restricted in rows if not blank and (include_restricted or not restricted)]


def _meetings(store: Store) -> list[tuple[str, str]]:
    """(board, date) of every meeting whose papers (agenda, reports or minutes) the index holds."""
    return sorted(set(store.meeting_keys(("agenda", "minutes", "report", "presentation"))), key=lambda m: m[1])


def _units(store: Store, include_restricted: bool) -> list[Unit]:
    units: dict[tuple, Unit] = {}
    for s in _sections(store):
        if not s["meeting_date"]:
            continue
        doc, when = s["document_id"], s["meeting_date"]
        if s["kind"] == "agenda":
            for it in agenda_items(_pages(store, doc, s["first_page"], s["last_page"], include_restricted)):
                if it.title and not PROCEDURAL.search(it.title):
                    u = units.setdefault((doc, when, it.number), Unit(doc, s["board"], when, it.number, it.title,
                                                                      "agenda", s["source"]))
                    u.agenda = it
        elif s["kind"] in ("report", "presentation", "appendix"):
            if PROCEDURAL.search(s["title"] or ""):
                continue
            key = (doc, when, s["agenda_item"]) if s["agenda_item"] else (doc, s["section"])
            u = units.setdefault(key, Unit(doc, s["board"], when, s["agenda_item"], s["title"], s["kind"], s["source"]))
            if u.kind == "agenda" or (s["kind"] != "appendix" and u.kind == "appendix"):
                u.kind, u.title = s["kind"], s["title"]
            u.pages += _pages(store, doc, s["first_page"], s["last_page"], include_restricted)
            u.sections.add((doc, s["section"]))
            u.restricted = u.restricted or bool(s["restricted"])
        elif s["kind"] == "minutes":
            for item, (title, chunks) in _minute_items(store, doc, s["section"], include_restricted).items():
                if not PROCEDURAL.search(title):
                    units[(doc, s["section"], item)] = Unit(doc, s["board"], when, item, title, "minutes",
                                                            s["source"], pages=chunks,
                                                            sections={(doc, s["section"], item)})
    return list(units.values())


def _minute_items(store: Store, document_id: str, section: int, include_restricted: bool) -> dict:
    items: dict[str, tuple[str, list]] = {}
    for item, heading, page, text, restricted in store.minute_item_rows(document_id, section):
        if heading and item and (include_restricted or not restricted):
            title = re.sub(r"^\S+\s+", "", heading).rstrip(". ")  # "36. Anti-social Behaviour update." -> title
            items.setdefault(item, (title, []))[1].append((page, text))
    return items


# ---- matching ---------------------------------------------------------------------------------

def same_board(a: str | None, b: str | None) -> bool:
    """One board under both names: equal, or one name's words inside the other's (a board renamed
    'Exampleshire' -> 'Exampleshire and Northvale ...'). Short names must be equal."""
    if not a or not b:
        return False
    wa, wb = ({w for w in re.findall(r"[a-z]+", x.lower()) if w not in _BOARD_NOISE} for x in (a, b))
    return wa == wb or (min(len(wa), len(wb)) >= 3 and (wa <= wb or wb <= wa))


def _assess(action: FollowUp, units: list[Unit], meetings, setting: frozenset[str] = frozenset()) -> dict:
    log = action.log
    if log and log[1].status in DONE_STATUSES:
        s, row = log
        return {"status": "done", "note": f"the action log marks it {row.status}",
                "evidence": {"source": s["source"], "title": s["title"], "page": row.page,
                             "meeting_date": s["meeting_date"], "quote": row.comments_quote or row.action_quote,
                             "kind": "action log", "item": row.number}}
    asked = action.meeting_date
    if not asked:
        return {"status": "unknown", "evidence": None, "note": "the request is undated"}
    if not asks_for_paper(f"{action.text} {action.comments or ''}"):
        # No agenda can show a link circulated or an event held: only the board's own log can.
        if log and log[1].status:
            return {"status": "pending", "evidence": None, "note": f"the action log of {log[0]['meeting_date']}"
                                                                    f" prints it {log[1].status}"}
        return {"status": "unknown", "evidence": None, "note": "a task outside meetings: the papers do not show it"}
    when = due(action.text, action.by_when, asked)
    held = [d for b, d in meetings if d >= when.earliest and same_board(b, action.board)]
    found = []
    for u in units:
        if u.meeting_date >= when.earliest and same_board(u.board, action.board):
            score = _score(action, u, setting)
            if score is not None:
                found.append((u.meeting_date, -score, u))
    if found:
        found.sort(key=lambda f: f[:2])  # the first meeting that shows it, then the best item there
        return {"status": "done", "evidence": _evidence(action, found[0][2], setting), "note": _note(found[0][2], log)}
    if held:
        dates = sorted(set(held))
        shown = ", ".join(dates[:3]) + (f" and {len(dates) - 3} more" if len(dates) > 3 else "")
        return {"status": "pending", "evidence": None,
                "note": f"no item on it in the papers of the meetings of {shown}"}
    return {"status": "unknown", "evidence": None, "note": "no papers of the meeting it was due at, or later, "
                                                            "are in the index"}


def _topic(action: FollowUp) -> str:
    return " ".join(x for x in (action.what, action.text) if x)


def _topic_words(action: FollowUp, setting: frozenset[str] = frozenset()) -> set[str]:
    """What the action is about: its words, less the name of who is asked (a name is no topic)."""
    named = {normal_word(t.lower()) for name in names(action.who) for t in name}
    return topic_words(_topic(action), setting) - named


def _score(action: FollowUp, u: Unit, setting: frozenset[str] = frozenset()) -> float | None:
    """How surely `u` answers the action, or None when it does not.

    An item answers when its title shares two topic words with the request, or one that is half its
    title, or one plus the person or body asked; or when that body's own item reports on the topic.
    """
    topic = _topic_words(action, setting)
    title_words = topic_words(u.title, setting)
    shared = topic & title_words
    for a in acronyms(f"{action.text} {action.who or ''}", setting):
        shared |= expanded(a, u.title) & title_words
    who = names(action.who)
    who_acronyms = acronyms(action.who or "", setting)
    who_hit = names_in(who, u.text) or any(expanded(a, u.title) for a in who_acronyms)
    who_in_title = names_in(who, u.title) or any(expanded(a, u.title) for a in who_acronyms)
    body = topic & topic_words(u.text, setting)
    coverage = len(shared) / len(title_words) if title_words else 0.0
    ok = (len(shared) >= 2 or (shared and coverage >= 0.5) or (shared and who_hit)
          or (who_in_title and body))
    if not ok:
        return None
    return 2 * len(shared) + coverage + 2 * who_hit + 0.25 * min(len(body), 4)


def _evidence(action: FollowUp, u: Unit, setting: frozenset[str] = frozenset()) -> dict:
    """The page and printed line that show the item: the report itself where it can be read and says
    the topic, else the agenda line that lists it (a restricted report is cited by its agenda line)."""
    wanted = _topic_words(action, setting) or topic_words(u.title, setting)
    page, quote, score = best_line(u.pages, wanted) if u.pages else (0, "", 0)
    kind = u.kind
    if (score == 0 or not quote) and u.agenda:
        page, quote, kind = u.agenda.page, u.agenda.quote, "agenda"
    if not quote and u.pages:
        page, quote = u.pages[0][0], " ".join(u.pages[0][1].split("\n")[0].split())
    return {"source": u.source, "title": u.title, "page": page, "meeting_date": u.meeting_date, "quote": quote,
            "kind": kind, "item": u.item}


def _note(u: Unit, log) -> str | None:
    notes = []
    if u.restricted:
        notes.append("the report is restricted (not for publication); the agenda shows it was brought, "
                     "its content is not checked")
    if log and log[1].status:
        notes.append(f"the action log printed it {log[1].status} before that meeting")
    return "; ".join(notes) or None
