"""The app's pages, one file each; Streamlit runs them by path (ui/app.py)."""
