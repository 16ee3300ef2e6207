"""House styles as data: the words and forms councils print, in one place a new council extends.

Product code never names a council. Where reading papers needs a list of words (a heading word,
a notice form, a name suffix, a decision verb, a numbering form), the list lives here, named for
what it is, so that supporting another council's papers means adding entries, not rules.
Each block below is owned by the code that reads it; keep entries lower-case unless noted.
"""
from __future__ import annotations

# --- Bodies and meetings (ingest/meeting_facts.py, ingest/sections.py) -----------------------

# --- Notices that restrict publication (ingest/restriction.py) -------------------------------

# --- Item numbering forms (ingest/numbering.py) ----------------------------------------------

# How councils number the items of agendas and minutes, most specific first. Each form is a regex
# for the start of a line with named groups: `n` the item's number in its sequence (digits, a
# letter or a roman numeral), optional `major` (the item a lettered sub-item belongs to), optional
# `series` (what must stay the same for two numbers to be one sequence: "CSP" and "25" in
# "CSP/04/25"), optional `year`. `label` says how the item is named: "{item}" as printed, or a
# template. A title may follow on the same line. The reader (numbering.py) decides from the
# sequence whether a line of this shape is a heading or an entry of a list.
NUMBERING_FORMS: tuple[tuple[str, str, str], ...] = (
    # "Minute CSP/04/25 TITLE", "CSP/04/25 Title"
    ("code", r"(?:(?i:minute)\s+(?i:no\.?\s*)?)?(?P<series>[A-Z]{2,8})/(?P<n>\d{1,3})/(?P<year>\d{2,4})\b\.?", "{series}/{n}/{year}"),
    # "Minute 12/25", "12/25 Title"
    ("slash", r"(?:(?i:minute)\s+(?i:no\.?\s*)?)?(?P<n>\d{1,3})/(?P<year>\d{2,4})\b\.?(?=\s+\S|$)", "{n}/{year}"),
    # "Minute 40", "Minute No. 40"
    ("minute", r"(?i:minute)\s+(?i:no\.?\s*)?(?P<n>\d{1,3})\b\.?", "{n}"),
    # "Resolution No. 2024-123", "R2024-070" (a council's own resolution numbers, year first)
    ("resolution", r"(?:(?i:resolution)\s+(?i:no\.?|number|#)?\s*|R)(?P<year>(?:19|20)\d{2})-(?P<n>\d{1,4})\b:?", "{item}"),
    # "(Item 5)" on its own line, under the title it numbers
    ("item_note", r"\((?i:item)\s+(?P<n>\d{1,3})\)$", "Item {n}"),
    # "Item 7", "ITEM 7." "Agenda Item 7:"
    ("item", r"(?i:(?:agenda\s+)?item)\s+(?:#\s*)?(?P<n>\d{1,3})\b[.:]?", "Item {n}"),
    # "5.A", "5A." (a lettered sub-item of item 5)
    ("sub", r"(?P<major>\d{1,2})\.?(?P<n>[A-Z])\b[.)]?", "{major}.{n}"),
    # "A.1" (a numbered sub-item of section A)
    ("section", r"(?P<major>[A-H])\.(?P<n>\d{1,2})\b\.?", "{major}.{n}"),
    # "IV." "IV)" (roman numerals, in capitals)
    ("roman", r"(?P<n>[IVX]{1,5})[.)]", "{n}"),
    # "1." "1)" "(1)"
    ("dot", r"(?P<n>\d{1,3})\.(?!\d)", "{n}"),
    ("paren", r"(?P<n>\d{1,3})\)", "{n}"),
    ("brackets", r"\((?P<n>\d{1,3})\)", "{n}"),
)
# Forms whose numbers are so often list entries that a heading needs a capitalised title after them.
NUMBERING_LIST_LIKE = frozenset({"dot", "paren", "brackets", "roman", "sub", "section"})
# Lines printed at the head or foot of a page that name an item and are no heading of the text.
NUMBERING_STAMPS = (r"agenda\s+item\s+\d+[a-z]?", r"minute\s+item\s+\d+")

# --- Decisions, outcomes and votes (ingest/decisions.py, ingest/motions.py, ingest/minutes.py) --

# Words that open a decision. Printed in capitals they are a decision ("RESOLVED that ..."); in
# title case only when punctuated like a heading ("Resolved:"), since "It is recommended that"
# in a report is only a proposal. The first of each pair is the form the register records.
DECISION_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("RESOLVED", "RESOLVED"), ("AGREED", "AGREED"), ("DECISION", "DECISIONS?"), ("DECIDED", "DECIDED"),
    ("RECOMMENDED", "RECOMMENDED"), ("NOTED", "NOTED"),
)
DECISION_KEYWORDS_TITLE = ("Resolved", "Agreed", "Decision", "Decided", "Recommended")
# What a motion, amendment or resolution is called where its fate is printed ("Amendment lost.").
MOTION_NOUNS = ("substantive motion", "amended motion", "amendment", "motion", "recommendations?", "resolution",
                "item")
# Outcome words as printed -> the register's outcome. Order: longest phrases first.
OUTCOME_WORDS: tuple[tuple[str, str], ...] = (
    ("carried unanimously", "carried"), ("carried", "carried"), ("passed", "carried"), ("passes", "carried"),
    ("lost", "lost"), ("defeated", "lost"), ("failed", "lost"), ("fell", "lost"), ("denied", "lost"),
    ("not carried", "lost"), ("rejected", "lost"),
    ("approved", "approved"), ("adopted", "approved"), ("agreed", "agreed"),
    ("deferred", "deferred"), ("tabled", "deferred"), ("postponed", "deferred"),
    ("withdrawn", "withdrawn"), ("noted", "noted"), ("received", "noted"), ("recommended", "recommended"),
)
OUTCOMES = ("approved", "agreed", "carried", "lost", "noted", "deferred", "withdrawn", "recommended")
# Headings of a recorded vote -> which count they give ("For (39)", "AYES:", "Abstentions: 2").
VOTE_HEADS: tuple[tuple[str, str], ...] = (
    ("for", "for"), ("in favour", "for"), ("in favor", "for"), ("ayes?", "for"), ("yeas?", "for"),
    ("against", "against"), ("nays?", "against"), ("noes", "against"), ("opposed", "against"),
    ("abstain(?:ed|ing)?", "abstain"), ("abstentions?", "abstain"), ("absent", "absent"),
    ("recused", "abstain"),
)
# Proposals that are about the debate rather than the matter (their mover is not the motion's mover).
PROCEDURAL_MOTIONS = (r"be (?:now )?put", r"question be now put", r"extend the meeting", r"suspend standing orders",
                      r"move to the vote", r"next business")
# Letters after a name in a list of members ("Mr Hill, OBE") that belong to the name before them.
HONOURS = ("cbe", "obe", "mbe", "bem", "kbe", "dbe", "jp", "dl", "qc", "kc", "mp")

# --- People: titles and post-nominal suffixes (assistant/answer_types.py, ingest/minutes.py) --

# --- Words too common in one archive's papers to say what a question is about ---------------
