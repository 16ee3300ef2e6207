"""`python -m minutebook ...` runs the `minutebook` command."""
from minutebook.assistant.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
