"""House styles as data: the words and forms councils print, in one place a new council extends.

Product code never names a council. Where reading papers needs a list of words (a heading word,
a notice form, a name suffix, a decision verb, a numbering form), the list lives here, named for
what it is, so that supporting another council's papers means adding entries, not rules.
Each block below is owned by the code that reads it; keep entries lower-case unless noted.
"""
from __future__ import annotations

# --- Bodies and meetings (ingest/meeting_facts.py, ingest/sections.py) -----------------------

# --- Notices that restrict publication (ingest/restriction.py) -------------------------------
# Regular expressions (matched case-insensitively). A page whose first 400 characters hold one of
# these carries a not-for-publication notice; the notice covers the rest of the report it heads.
# "Part B" alone is deliberately absent: some councils' cabinet reports print it over their
# (public) background section.
RESTRICTED_NOTICES = (
    r"document is restricted",
    r"not for publication",
    r"schedule 12a of the local government act",
    r"exempt information",
    r"by virtue of paragraph\(?s?\)?\s*[\d, and]+\s*of part 1 of schedule 12a",
    r"^\s*(strictly\s+)?(private and\s+)?confidential\s*$",
)
# Form fields of public reports that use a notice's words to say there is nothing exempt; they
# are read out of a page's head before the notices above are looked for.
PUBLIC_FORM_FIELDS = (
    r"(?<!not )\bfor publication\s*\[[^\]]*\]",  # "For publication [Do not include ... exempt ... 12A]"
    r"\b(exempt information|exempt|confidential)\s*[:?]?\s*(none|no|nil|n/?a|not applicable)\b",
    r"\b(is|are)\s+not\s+exempt\b|\bnot\s+exempt\b",
)
# An agenda item moving that the press and public be excluded: the item(s) after it are exempt.
AGENDA_EXCLUSION = (
    r"exclu\w* (of )?the (press|public)",
    r"(press|public)( and (the )?(press|public))? (be|are|is|will be|likely to be) excluded",
    r"to be (taken|considered|held) in private",
)
# A heading in an agenda after which every item is taken in private ("PART II", "EXEMPT ITEMS").
AGENDA_PRIVATE_HEADINGS = (
    r"\bpart (ii|2)\b(?!\s+of\b)",
    r"\bexempt items\b",
    r"\bitems? (likely to be )?(taken|considered) in private\b",
)
# An item whose own title says it is exempt. "Confidential" or "restricted" inside a title is not
# enough ("Confidential Reporting Code", "Restricted byways"): only as a label before or after it.
AGENDA_EXEMPT_TITLES = (
    r"\bexempt\b(?! from)",
    r"\bnot for publication\b",
    r"^\s*(confidential|private)\s*[:–—-]",
    r"\(\s*(confidential|private|exempt)\b",
)

# --- Item numbering forms (ingest/numbering.py) ----------------------------------------------

# --- Decisions, outcomes and votes (ingest/decisions.py, ingest/minutes.py) ------------------

# --- People: titles and post-nominal suffixes (assistant/answer_types.py, ingest/minutes.py) --

# --- Words too common in one archive's papers to say what a question is about ---------------
