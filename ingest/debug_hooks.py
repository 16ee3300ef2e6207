"""Hooks for the test suite, kept apart from the settings a user sets (docs/settings.md lists none
of these): they change nothing unless their variable is set, and no user has a reason to set it.

MINUTEBOOK_CRASH_AT=STEP kills an ingest with SIGKILL at that step of publishing (copied, began,
vectors-saved, linking, committed, merged): tests/test_faults.py and tests/test_store.py check
that the index a killed ingest leaves is the one before it or the one after, never a mix.
"""
from __future__ import annotations

import os
import signal


def crash_point(name: str) -> None:
    """Die here, as a power cut would, when the crash-safety tests ask for step `name`."""
    if os.environ.get("MINUTEBOOK_CRASH_AT") == name:
        os.kill(os.getpid(), signal.SIGKILL)
