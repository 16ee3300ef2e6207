"""`minutebook fetch`: keep a council's papers up to date from the system it publishes them on.

Pure in the middle: each system's module turns a portal's response (text) into `PortalPaper`s
(portal.py). At the edges: `web.py` (the one HTTP client: polite, retrying, resumable
downloads), `ledger.py` (what was fetched from each source, beside the index) and `fetcher.py`
(list, download, file in body/date/paper folders, then ingest).
"""
