"""minutebook: ask questions of a council's board papers, answered with the paper and page.

The code lives in three packages, each a folder at the top of the repository: `minutebook.ingest`
(ingest/: reading papers and writing the index), `minutebook.assistant` (assistant/: answering
from an index) and `minutebook.ui` (ui/: the web app). An installed wheel holds them under this
package; in a checkout they are found beside it, so the folders need no copying or linking.
"""
from __future__ import annotations

from pathlib import Path

__version__ = "0.2.0"

_checkout = Path(__file__).resolve().parent.parent
# In a checkout (editable install, tests, `python -m minutebook` from the repository) the three
# packages are the sibling folders; an installed wheel has them inside this folder already.
if not (Path(__file__).resolve().parent / "ingest").is_dir() and (_checkout / "ingest" / "__init__.py").is_file():
    __path__.append(str(_checkout))  # type: ignore[name-defined]  # noqa: F821
