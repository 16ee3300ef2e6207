"""minutebook's own look: plain, calm and readable, not Streamlit's demo colours, and its own icon.

Every colour keeps WCAG AA contrast with what sits on it (text 4.5:1 or more): the ink on paper
white is 15:1, the primary teal on white 7.4:1, white on the teal (a primary button) the same.
`minutebook serve` and the test driver pass these to Streamlit as --theme.* options
(server_flags); nothing else reads them.
"""
from __future__ import annotations

from pathlib import Path

ICON = Path(__file__).resolve().parent / "icon.svg"  # a bound minute book with a tick: the browser tab's icon
USER = ":material/person:"  # the chat's avatars: a plain person, and the product's book, not stock faces
ASSISTANT = str(ICON)

THEME = {
    "base": "light",
    "primaryColor": "#0B5F6B",  # deep teal: links, the active page, primary buttons, focus rings
    "backgroundColor": "#FFFFFF",
    "secondaryBackgroundColor": "#F2F5F4",  # the sidebar and inputs, a warm grey
    "textColor": "#1D2428",
    "linkColor": "#0B5F6B",
    "borderColor": "#C9D3D6",
    "showWidgetBorder": "true",
    "baseRadius": "small",
    "font": "sans-serif",
    "showSidebarBorder": "true",
}
# No developer menu or Deploy button for the people using it (app.py also sets it at run time).
CLIENT = {"toolbarMode": "minimal", "showErrorDetails": "none"}


def server_flags() -> list[str]:
    """The theme and client options as `streamlit run` command-line flags."""
    pairs = [(f"--theme.{k}", v) for k, v in THEME.items()] + [(f"--client.{k}", v) for k, v in CLIENT.items()]
    return [x for pair in pairs for x in pair]
