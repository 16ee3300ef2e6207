"""'Who is the report from, and to which meeting?' is answered from the header block officers' reports
print above their summary (an English county's, an English city's and a Californian city's wording)."""
from __future__ import annotations

from minutebook.assistant.question.intents import asks_addressee
from minutebook.assistant.report_header import header_lines

COUNTY = """From:   Roger Gough, Leader
   Peter Oakford, Deputy Leader
To:   County Council 13th February 2025
Subject:  Draft Revenue Budget 2025-26
Summary:
The administration's draft budget proposals were published from 6th January."""
CITY = """Leicester City Community Safety Work
Decision to be taken by: Neighbourhood Services Scrutiny Commission
Useful information
 • Report author: Daxa Pancholi
 • Author contact details: 0116 454 0203"""
US = """To: Honorable Mayor and Members of the City Council
From: Jennifer Ott, City Manager
Re: Recommendation to Award a Contract"""


def test_the_header_block_is_read_as_printed():
    assert header_lines(COUNTY) == ["From: Roger Gough, Leader", "To: County Council 13th February 2025"]
    assert header_lines(CITY) == ["• Report author: Daxa Pancholi"]  # "Decision to be taken by:" is no author
    assert header_lines(US) == ["To: Honorable Mayor and Members of the City Council", "From: Jennifer Ott, City Manager"]
    assert header_lines("Summary:\nThe report was written by the clerk.") == []


def test_the_questions_that_ask_it():
    assert asks_addressee("To which meeting was the 2025-26 draft budget covering report addressed, and from whom?")
    assert asks_addressee("Who wrote the report on community safety for the December 2017 scrutiny meeting?")
    assert not asks_addressee("What did the report say about fly-tipping?")
    assert not asks_addressee("Who moved the motion to approve the report?")
