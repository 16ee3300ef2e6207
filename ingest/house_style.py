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

# --- Decisions, outcomes and votes (ingest/decisions.py, ingest/minutes.py) ------------------

# --- People: titles and post-nominal suffixes (assistant/answer_types.py, ingest/minutes.py) --

# --- Words too common in one archive's papers to say what a question is about ---------------
