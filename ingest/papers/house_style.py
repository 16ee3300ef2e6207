"""House styles as data: the words and forms councils print, in one place a new council extends.

Product code never names a council. Where reading papers needs a list of words (a heading word,
a notice form, a name suffix, a decision verb, a numbering form), the list lives here, named for
what it is, so that supporting another council's papers means adding entries, not rules.
Each block below is owned by the code that reads it; keep entries lower-case unless noted.
"""
from __future__ import annotations

# --- Bodies and meetings (ingest/papers/meeting_facts.py, ingest/papers/sections.py) -----------------------

# The last word of a body's name: "Planning Commission", "Board of Trustees", "Cabinet".
BODY_WORDS = ("board", "committee", "sub-committee", "subcommittee", "cabinet", "commission", "panel",
              "council", "partnership", "forum", "group", "executive", "trustees", "authority",
              "assembly", "scrutiny")
# Words that say what kind of meeting, not which body ("Regular Meeting of the City Council").
MEETING_WORDS = ("regular", "special", "extraordinary", "annual", "adjourned", "emergency", "budget",
                 "ordinary", "joint", "public", "closed", "open", "meeting", "session", "workshop",
                 "study", "agenda", "minutes", "notice", "summons", "hearing")
# Words that say which of a day's meetings a title block or a question means ("the regular meeting",
# "Special Joint Meeting"); a subset of MEETING_WORDS.
MEETING_KINDS = ("regular", "special", "extraordinary", "annual", "ordinary", "joint", "emergency")
# "City of X", "Township of X": an organisation named by its kind, then its place.
ORGANISATION_KINDS = ("city", "town", "township", "county", "village", "borough", "district", "parish",
                      "municipality", "state", "province", "commonwealth", "region")
# "X County Council", "X Community College District": a place, then the kind of organisation.
ORGANISATION_SUFFIXES = ("county council", "city council", "borough council", "district council",
                         "town council", "parish council", "metropolitan borough council",
                         "combined authority", "fire and rescue authority", "police authority",
                         "college district", "school district", "water district", "health board",
                         "nhs trust", "nhs foundation trust")
# Where a paper's date is its notice's, print's or publication's, not the meeting's.
PUBLICATION_CUES = ("published", "publication", "printed", "issued", "dated", "despatched", "dispatched",
                    "posted", "date of notice", "notice date", "circulated", "generated", "prepared",
                    "approved on", "deadline", "no later than", "by 5", "updated", "revised")
# Letter blocks of a covering letter: a "Date:" among them is the letter's date.
LETTER_CUES = ("dear ", "ask for", "direct dial", "e-mail:", "email:", "telephone:", "tel:", "our ref",
               "your ref", "yours sincerely", "yours faithfully")
# Document-type words as printed in title blocks and file names, per type (see meeting_facts.DOC_TYPES).
# "Record of Decisions and Actions" is a meeting's record (minutes); "Record of Decision", singular,
# is one executive decision.
MINUTES_TITLES = ("minutes", "printed minutes", "record of the meeting", "meeting note", "meeting notes",
                  "summary of proceedings", "action notes", "record of decisions")
AGENDA_TITLES = ("agenda", "notice of meeting", "notice and agenda", "summons", "agenda frontsheet",
                 "agenda reports pack", "public reports pack", "order of business", "call to order")
DECISION_TITLES = ("record of decision", "proposed record of decision", "decision notice", "prod", "rod")
QUESTIONS_TITLES = ("questions put and answers given", "questions and answers", "members' questions",
                    "written questions", "public questions")
AMENDMENT_TITLES = ("amendment", "amendments", "budget amendment form", "budget amendments")
APPENDIX_TITLES = ("appendix", "annex", "annexe", "schedule", "attachment", "exhibit", "enclosure")
PRESENTATION_TITLES = ("presentation", "slides", "powerpoint")
# Procedural items an agenda lists (regular expressions); two of them on a first page make an agenda.
AGENDA_ITEM_WORDS = (r"call to order", r"roll call", r"approv\w* of (the )?minutes", r"public comments?",
                     r"adjourn", r"apologies for absence", r"declarations? of interests?", r"pledge of allegiance",
                     r"consent calendar", r"introductions")
# Lines that open a report: a covering memo block or the report's own headings.
# The label under which the title block of a paper of one matter (an appeal hearing's minutes, a licensing
# sub-committee's decision) names that matter: "Regarding: 2007 Lincoln Ave.", "Re: The Red Lion, High Street".
SUBJECT_LABELS = ("regarding", "re", "subject", "in the matter of", "in respect of")
REPORT_OPENINGS = ("from:", "by:", "to:", "subject:", "report of", "report by", "report to",
                   "purpose of report", "purpose of the report", "executive summary", "summary:",
                   "recommendation", "decision to be taken by", "staff report", "agenda report",
                   "report title", "lead director")
# PDF metadata titles that name a template or a tool, not the paper.
JUNK_TITLES = ("agenda template", "template", "untitled", "document", "document1", "microsoft word",
               "powerpoint presentation", "slide 1", "the report", "by:", "from:", "item", "report",
               "minutes", "agenda", "appendix", "meeting", "record of decision")
# Prefixes tools put before a real title.
TITLE_PREFIXES = ("microsoft word - ", "microsoft powerpoint - ", "microsoft excel - ", "(public pack)")

# --- Where one meeting's record opens and the last one's closes (ingest/papers/meetings.py) ------------
# Regular expressions (matched case-insensitively, per line). The opening of business under a title
# block: "Mayor Gilmore convened the meeting at 7:05 p.m.", "Chair Biggs called the meeting to order",
# "Commissioner Moehring called the Transportation Commission to order", "CALL TO ORDER", a roll call,
# "Present:". A vote "by roll call" and a meeting "reconvened" after a closed session open nothing.
MEETING_OPENINGS = (
    r"(?<!re)\bconvened\b",
    r"\bcall(?:ed)?\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,4}?to\s+order\b",
    r"^\s*(?:\d{1,2}[.)]?\s*)?roll\s+call\b(?!\s+vote)",
    r"^\s*(?:members\s+)?present\s*(?::|were\b|$)",
    r"\b(?:opened|began|commenced)\s+the\s+meeting\b|\bmeeting\s+(?:opened|began|commenced)\s+at\b",
)
# The end of a meeting's record: "adjourned the meeting at 6:36 p.m.", "There being no further
# business", "Respectfully submitted", "The meeting closed at 9.15 pm", a chair's signature line.
MEETING_CLOSINGS = (
    r"\badjourned\b",
    r"\bno\s+further\s+business\b",
    r"\brespectfully\s+submitted\b",
    r"\bmeeting\s+(?:closed|ended|finished)\b",
    r"^\s*signed\b",
    r"^\s*(?:chair(?:man|person)?|mayor|president)\s*$",
)

# --- Notices that restrict publication (ingest/papers/restriction.py) -------------------------------
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

# --- Item numbering forms (ingest/papers/numbering.py) ----------------------------------------------

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
    # "09.24.17 Planning" (a minute numbered by month, two-digit year and order: September 2024, minute 17)
    ("dotted", r"(?P<series>\d{2})\.(?P<year>\d{2})\.(?P<n>\d{2})\b(?!\.\d)", "{series}.{year}.{n}"),
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

# --- Decisions, outcomes and votes (ingest/register/decisions.py, ingest/register/motions.py, ingest/register/minutes.py) --

# Words that open a decision. Printed in capitals they are a decision ("RESOLVED that ..."); in
# title case only when punctuated like a heading ("Resolved:"), since "It is recommended that"
# in a report is only a proposal. The first of each pair is the form the register records.
DECISION_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("RESOLVED", "RESOLVED"), ("AGREED", "AGREED"), ("DECISION", "DECISIONS?"), ("DECIDED", "DECIDED"),
    ("RECOMMENDED", "RECOMMENDED"), ("NOTED", "NOTED"),
)
DECISION_KEYWORDS_TITLE = ("Resolved", "Agreed", "Decision", "Decided", "Recommended")
# Of those, the ones that open a decision after a colon only: a dash after the noun ("Decision - NoI of
# treework to Ash tree", "Decision – Permitted") labels what a planning authority decided in a planning list.
DECISION_KEYWORDS_COLON_ONLY = ("Decision",)
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
# Sentences about the conduct of the meeting or a tribute, not the body's business: no entry of their
# own ("made a motion to adjourn", "limiting speaker time", "record its sense of loss").
PROCEDURAL_ACTS = (r"\badjourn", r"\bspeaker\s+time\b", r"\bcontinu\w*\s+the\s+meeting\b", r"\bextend\w*\s+the\s+meeting\b",
                   r"\bsense\s+of\s+loss\b", r"\bcondolence", r"\bminute'?s?\s+silence\b", r"\bhonorary\s+alderman\b",
                   r"\bapologies\b", r"\bdeclared\s+an\s+interest\b", r"\border\s+of\s+(?:the\s+)?(?:agenda|business)\b",
                   r"\breturn\s+to\s+item\b", r"\bhearing\s+[\w\s]{1,60}\bfirst\b", r"\bextend\w*\s+the\s+time\b",
                   r"\bmov\w*\s+(?:these\s+|the\s+)?agenda\s+items?\b")
# Letters after a name in a list of members ("Mr Hill, OBE") that belong to the name before them.
HONOURS = ("cbe", "obe", "mbe", "bem", "kbe", "dbe", "jp", "dl", "qc", "kc", "mp")

# --- Decisions read by the act, in prose (ingest/register/acts.py) -----------------------------------

# How a member is named before "moved" / "seconded": titles printed before a surname, lower-case
# where councils print them so ("Board member Butter"). Capitalised words are read as the name itself.
MEMBER_TITLE_WORDS = ("member", "members", "de", "van", "von", "la", "le")
# Verbs that make a motion, after the mover's name: "Member Tam moved for approval of ...",
# "Board Member Teague made a motion to approve ...", "Member Matarrese motioned to send ...".
MOTION_VERBS = (r"moved(?!\s+(?:(?:out|in|into|from|away|back|here|there|on|up|down|over|around)\b|to\s+(?:the\s+)?[A-Z]))",
                r"moves(?!\s+(?:out|in|into|from|away|back)\b)", r"motioned", r"made\s+(?:a|the)\s+motion", r"makes\s+(?:a|the)\s+motion",
                r"offered\s+(?:a|the)\s+motion", r"nominated", r"proposed(?!\s+(?:new|changes?|amendments?|development|plan)\b)")
# Who may be the subject of "resolved" / "agreed" / "decided" in prose: the body itself, never a third
# party ("The Horticultural Society have agreed to support ..." reports, it does not decide).
DECIDING_SUBJECTS = (r"it\s+was(?:\s+also)?", r"this\s+was", r"(?:the\s+)?(?:parish\s+|town\s+|city\s+)?council",
                     r"(?:the\s+)?pc", r"(?:the\s+)?board", r"(?:the\s+)?committee", r"(?:the\s+)?commission",
                     r"(?:the\s+)?panel", r"(?:the\s+)?meeting", r"(?:all\s+)?members", r"councillors",
                     # the two bodies of a joint meeting: "Both entities agreed that ...", "Both boards agreed to ..."
                     r"both\s+(?:entities|bodies|boards|councils|committees|commissions|agencies)",
                     r"all(?:\s+present)?", r"we(?:\s+all)?", r"(?-i:(?:the\s+)?(?:[A-Z]\w+\s+){1,3})(?:board|commission|committee)",
                     # a body by its initials, three letters or more, agreeing ("CDI agreed", "The SPC agreed"): two
                     # capitals are a member's initials in many parish minutes ("KD agreed to contact ..."), and
                     # "The ARRA approved a term sheet ... on October 5" recounts an earlier act
                     r"(?-i:(?:[Tt]he\s+)?[A-Z]{3,6})(?=\s+(?:unanimously\s+)?agreed\b)")
# Verbs of those subjects -> outcome ("It was resolved to ...", "The PC agreed ..."). A closed session's
# report-out records its decision as direction given, by a vote ("staff provided information and Council
# provided direction by the following vote", "the Board gave direction to its negotiators"): outcome other.
DECIDING_VERBS: tuple[tuple[str, str], ...] = (("resolved", "agreed"), ("agreed", "agreed"), ("agrees", "agreed"),
                                               ("decided", "agreed"), ("approved", "approved"), ("adopted", "approved"),
                                               ("authorized", "approved"), ("authorised", "approved"), ("ruled", "other"),
                                               ("were\\s+in\\s+agreement", "agreed"),
                                               ("(?:provided|gave|gives|provides)\\s+direction", "other"))
# What says the body took no decision on a matter, though the sentence names a deciding verb ("staff
# provided information and Council gave direction with no vote taken", "There was no reportable action").
NO_ACTION = (r"\bno\s+(?:vote|action)\s+(?:was\s+)?taken\b", r"\bno\s+reportable\s+action\b")
# Decisions stated as a noun: "Approval was given for the expenditure of £648", "Consent was given ...",
# "Direction was given to staff by unanimous vote".
GIVEN_FORMS: tuple[tuple[str, str], ...] = (("approval", "approved"), ("consent", "approved"), ("direction", "other"))
# Offices a body elects its own members to: "Chair A and Vice-Chair B were re-elected as officers".
ELECTED_OFFICES = ("chair", "chairman", "chairperson", "vice", "officers?", "president", "secretary", "treasurer",
                   "rfo", "mayor", "deputy", "clerk")
# A decision recorded as the members' common view: "there is a general consensus to ...".
CONSENSUS_FORMS = (r"(?:general\s+)?consensus\s+(?:to|that|was)",)
# Reported speech: what a member or officer said was approved or put off is no decision of the meeting
# ("Commissioner A stated that the City Council approved ...", "Mayor B inquired whether ... deferred").
SPEECH_VERBS = ("stated", "said", "inquired", "asked", "responded", "noted", "expressed", "suggested", "commented",
                "questioned", "urged", "explained", "reported", "mentioned", "added", "clarified", "discussed")
# A decision whose words only say it was agreed, printed as the next sentence ("This was agreed.").
BARE_DECISIONS = (r"this\s+was\s+agreed", r"agreed", r"all\s+agreed", r"approved", r"so\s+resolved")
# What a passive sentence says was done to a matter -> outcome ("The minutes ... were approved and
# signed", "The accounts were approved for payment", "Chair: X was elected").
PASSIVE_OUTCOMES: tuple[tuple[str, str], ...] = (
    ("approved", "approved"), ("adopted", "approved"), ("accepted", "approved"), ("ratified", "approved"),
    ("agreed", "agreed"), ("co-opted", "agreed"), ("received", "noted"), ("deferred", "deferred"), ("postponed", "deferred"),
    ("continued", "deferred"), ("tabled", "deferred"), ("withdrawn", "withdrawn"), ("denied", "lost"),
    ("rejected", "lost"),
)
# One word printed after an agenda line that records its fate: "Ratified bills ... Approved.",
# "Resolution No. 13818, "Appointing ..." Adopted.", "... Ordinance ... Finally passed.", "Introduction of
# Ordinance ... Introduced." (the first reading carried).
ITEM_OUTCOME_WORDS: tuple[tuple[str, str], ...] = (
    ("approved", "approved"), ("accepted", "approved"), ("adopted", "approved"), ("ratified", "approved"),
    ("finally passed", "approved"), ("introduced", "carried"), ("passed", "carried"), ("carried", "carried"), ("continued", "deferred"),
    ("deferred", "deferred"), ("postponed", "deferred"), ("tabled", "deferred"), ("withdrawn", "withdrawn"), ("denied", "lost"),
    ("failed", "lost"), ("received", "noted"), ("not adopted", "lost"), ("not approved", "lost"),
    ("not heard", "deferred"),
)
# What a passive "was received" may not be about: the body noting a report is a decision, a letter
# or an apology arriving is not.
RECEIVED_NOT_DECIDED = ("apolog", "comment", "email", "e-mail", "letter", "application", "quote", "request",
                        "information", "correspondence", "complaint", "whatsapp", "invoice", "response", "grant")
# The fate of a motion in prose -> outcome ("which carried by unanimous voice vote – 5", "The motion
# passed 5-0", "Motion Carries", "died for lack of a second").
RESULT_WORDS: tuple[tuple[str, str], ...] = (
    ("carried", "carried"), ("carries", "carried"), ("passed", "carried"), ("passes", "carried"),
    ("failed", "lost"), ("fails", "lost"), ("defeated", "lost"), ("lost", "lost"), ("died", "lost"),
    ("approved", "approved"), ("adopted", "approved"),
)
# Attendance labels that open a line of their own in running minutes ("Apologies: Mrs H Brannigan").
ATTENDANCE_LABELS = ("present", "absent", "apologies", "also present", "in attendance", "officers", "staff",
                     "roll call", "members of the public")
# A council's response to a planning application that the minutes record as its decision.
PLANNING_RESPONSES: tuple[tuple[str, str], ...] = (("no objections?", "agreed"), ("object(?:s|ion)?", "agreed"),
                                                   ("support(?:s|ed)?", "agreed"))
# The same response stated in a sentence, not printed after the application: "No objections were raised to an
# extension to the existing barn", "13/00710/LB – No objections from the Council, awaiting decision."
# ("No objections had been raised by the PC to any of these applications" recounts earlier responses.)
PLANNING_STATED = (r"\bno\s+objections?\s+(?:were|was)\s+raised\b",
                   r"\bno\s+objections?\s+from\s+the\s+(?:parish\s+|town\s+|city\s+)?council\b")
# Words that say a decision only puts a matter off ("resolved to discuss this at the September meeting",
# "to continue this item to the meeting of 10/13/08", "a motion to bring back these minutes with more detail").
PUT_OFF = (r"\bdefer(?:red|s)?\b", r"\bpostpone[ds]?\b", r"\bbrought\s+(?:back\s+)?to\s+the\s+next\s+meeting\b",
           r"\b(?:discuss|consider|decide|review)\w*\s+(?:this|it|the\s+matter|further\s+)?\s*at\s+the\s+(?:next|[A-Z]\w+)\s+meeting\b",
           r"\bcontinue[ds]?\s+(?:the\s+|this\s+)?item\b", r"\bmotion\s+to\s+bring\s+back\b")

# --- Adopted resolutions printed whole (ingest/register/resolution_doc.py) ---------------------------
# "RESOLUTION NO. 17-01", "Resolution Number 2023-118" in a resolution's first lines (a regular expression).
RESOLUTION_NUMBER = r"(?:a\s+)?resolution\s+(?:no\.?|number|#)\s*(?P<n>\d[\w-]*(?:\s*[-–]\s*\w+)?(?:\s*\|)?)\s*$"
# Its operative part: "NOW, THEREFORE, BE IT RESOLVED", "... DOES HEREBY RESOLVE AS FOLLOWS:".
RESOLUTION_OPERATIVE = (r"\bnow,?\s+therefore\b", r"\bbe\s+it\s+(?:further\s+)?resolved\b", r"\bhereby\s+resolves?\b")
# Its adoption block: "PASSED AND ADOPTED this ...", "PASSED, APPROVED AND ADOPTED at a regular meeting ...".
RESOLUTION_ADOPTED = (r"\bpassed,?\s+(?:approved,?\s+)?and\s+adopted\b", r"\badopted\s+and\s+approved\b")

# --- A matter's path between bodies (assistant/lineage.py, assistant/lineage_text.py) ---------

# How a report puts its recommendation to its own meeting ("Cabinet is asked to:"); a body name comes
# before them, or after "It is recommended that".
ASK_VERBS = ("asked", "recommended", "invited", "requested")
# Verbs that send a matter on to another body ("endorse the draft budget to be presented to County Council").
ONWARD_VERBS = ("recommend", "present", "refer", "submit", "forward")
# What a later paper says a body did, as printed -> the step's outcome ("endorsed by Cabinet on
# 30th January", "the Scrutiny Committee considered a call-in"). Longest phrases first.
STEP_VERBS: tuple[tuple[str, str], ...] = (
    ("met to consider a call-in", "called in"), ("met to consider the call-in", "called in"),
    ("considered a call-in", "called in"), ("considered the call-in", "called in"), ("called in", "called in"),
    ("called-in", "called in"), ("reconsidered", "reconsidered"), ("referred", "referred"),
    ("confirmed", "confirmed"), ("recommended", "recommended"), ("endorsed", "endorsed"),
    ("approved", "approved"), ("agreed", "agreed"), ("resolved", "agreed"), ("decided", "agreed"),
    ("noted", "noted"), ("deferred", "deferred"), ("rejected", "rejected"), ("rescinded", "rescinded"),
    ("taken", "decision taken"),
)
# Who takes an executive decision alone ("taken by the Cabinet Member for Communities on 6 January").
DECISION_MAKERS = (r"(?:Cabinet|Executive|Lead|Portfolio)\s+Member\s+for", r"Portfolio\s+Holder\s+for",
                   r"Leader\s+of\s+the\s+Council")

# --- People: titles and post-nominal suffixes (assistant/answer_types.py, ingest/register/minutes.py) --

# Post-nominal letters printed after a member's name ("Mr A Smith CC", "Cllr B Jones JP, MBE").
NAME_SUFFIXES = ("CC", "JP", "MBE", "OBE", "CBE")  # as printed (upper case)

# --- Words too common in one archive's papers to say what a question is about ---------------
# Not a list: an archive's own setting words (its organisations' names and initials, such as a
# county's name and its council's initials) are computed from the papers by
# ingest/meeting_facts.setting_words (Store.setting_words) and kept out of topic words by
# assistant/extractive.py and ingest/register/actions.py.
