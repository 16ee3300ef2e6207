"""PDFium is not thread-safe: every use of it in this process (reading text, OCR, the app drawing a
page from its threads) holds this one lock."""
from __future__ import annotations

import threading

LOCK = threading.Lock()
