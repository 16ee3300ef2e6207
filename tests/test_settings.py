"""Settings: every kind of bad value is one line naming where it came from and what it accepts;
minutebook.toml files sit under the environment; -v and -q set how much goes to stderr."""
from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import fields
from pathlib import Path

import pytest

from minutebook.ingest.errors import BadInput
from minutebook.ingest.settings import Settings

ROOT = Path(__file__).resolve().parents[1]

# One of each kind of setting, a value it refuses, and words its message must hold.
BAD = [
    ("MINUTEBOOK_EMBED_BATCH", "abc", "a whole number"),             # not a number
    ("MINUTEBOOK_EMBED_BATCH", "0", "at least 1"),                   # a number out of range
    ("MINUTEBOOK_INGEST_WORKERS", "-2", "at least 0"),
    ("MINUTEBOOK_MAX_FILE_MB", "lots", "a number above 0"),          # not a decimal
    ("MINUTEBOOK_RENDER_SECONDS", "0", "above 0"),
    ("MINUTEBOOK_DENSE_FLOOR", "nan", "a number"),
    ("MINUTEBOOK_INCLUDE_RESTRICTED", "ture", "true or false"),      # a misspelt switch is not "off"
    ("MINUTEBOOK_FUSION", "rank", "scores or rrf"),                  # one of a list
    ("MINUTEBOOK_STORE", "postgres://db", "qdrant://HOST:PORT"),
    ("MINUTEBOOK_LLM", "gpt4", "KIND:NAME"),
    ("MINUTEBOOK_OCR_LANG", "eng cym", "joined by +"),
]


@pytest.mark.parametrize("variable,value,accepts", BAD, ids=[f"{v}={x}" for v, x, _ in BAD])
def test_a_bad_value_is_one_line_naming_the_variable_and_what_it_accepts(variable, value, accepts):
    with pytest.raises(BadInput) as raised:
        Settings.from_env({variable: value})
    message = str(raised.value)
    assert "\n" not in message
    assert message.startswith(f"{variable}={value}: expected ")
    assert accepts in message


@pytest.mark.parametrize("value,expected", [("true", True), ("YES", True), ("1", True), ("off", False),
                                            ("false", False), ("0", False)])
def test_switches_read_the_usual_words(value, expected):
    assert Settings.from_env({"MINUTEBOOK_INCLUDE_RESTRICTED": value}).include_restricted is expected


def test_every_setting_has_a_variable_and_good_values_go_through():
    s = Settings.from_env({"MINUTEBOOK_EMBED_BATCH": " 64 ", "MINUTEBOOK_STORE": "qdrant+local://",
                           "MINUTEBOOK_LLM": "ollama:llama3, openai:gpt-4o-mini", "MINUTEBOOK_OCR_LANG": "eng+cym",
                           "MINUTEBOOK_DENSE_WEIGHT": "0.7", "MINUTEBOOK_FUSION": "rrf"})
    assert (s.embed_batch, s.store, s.ocr_lang, s.dense_weight, s.fusion) == (64, "qdrant+local://", "eng+cym", 0.7, "rrf")


def test_the_crash_hook_is_not_a_setting():
    # Fault injection for the crash tests lives in ingest/debug_hooks.py, not among a user's settings.
    assert "crash_at" not in {f.name for f in fields(Settings)}


def test_the_command_prints_one_line_and_exits_2_for_a_bad_variable(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MINUTEBOOK_EMBED_BATCH": "abc"}
    run = subprocess.run([sys.executable, "-m", "minutebook", "status", "--index", str(tmp_path)],
                         capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60)
    assert run.returncode == 2
    assert run.stdout == ""
    assert run.stderr == "minutebook: MINUTEBOOK_EMBED_BATCH=abc: expected a whole number of at least 1\n"


# minutebook.toml

def test_a_file_in_the_working_folder_sets_values_and_the_index_folders_file_wins_over_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "minutebook.toml").write_text('index = "papers-index"\nembed_batch = 8\ncandidates = 50\n')
    (tmp_path / "papers-index").mkdir()
    (tmp_path / "papers-index" / "minutebook.toml").write_text("candidates = 70\ninclude_restricted = true\n")
    s = Settings.from_env({})
    assert (s.index, s.embed_batch, s.candidates, s.include_restricted) == (Path("papers-index"), 8, 70, True)


def test_the_environment_wins_over_the_file_and_the_command_over_both(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "minutebook.toml").write_text("embed_batch = 8\nmax_pages = 10\nmax_file_mb = 5\n")
    s = Settings.from_env({"MINUTEBOOK_EMBED_BATCH": "16"}, max_pages=20)
    assert (s.embed_batch, s.max_pages, s.max_file_mb) == (16, 20, 5.0)


@pytest.mark.parametrize("text,words", [
    ('embed_batch = "abc"\n', "embed_batch=abc: expected a whole number"),       # a bad value
    ("include_restricted = 1\n", "include_restricted=1: expected true or false"),  # TOML's types are kept
    ("embed_batchh = 8\n", "unknown setting 'embed_batchh'"),                    # a misspelt key
    ('qdrant_api_key = "secret"\n', "unknown setting 'qdrant_api_key'"),         # secrets stay in the environment
    ("embed_batch = \n", "cannot be read as TOML"),                               # not TOML
], ids=["value", "type", "key", "secret", "syntax"])
def test_a_bad_file_is_one_line_naming_the_file(tmp_path, monkeypatch, text, words):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "minutebook.toml").write_text(text)
    with pytest.raises(BadInput) as raised:
        Settings.from_env({})
    message = str(raised.value)
    assert "\n" not in message and message.startswith(str(tmp_path / "minutebook.toml")) and words in message


def test_the_index_folders_file_cannot_move_the_index(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "index").mkdir()
    (tmp_path / "index" / "minutebook.toml").write_text('index = "elsewhere"\n')
    with pytest.raises(BadInput, match="index cannot be set inside the index folder"):
        Settings.from_env({})


# -v and -q

def _cli(*argv, cwd):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "minutebook", *argv], capture_output=True, text=True, env=env,
                          cwd=cwd, timeout=60)


def test_verbose_says_what_settings_the_command_runs_with_and_quiet_keeps_the_error(tmp_path):
    loud = _cli("status", "--index", str(tmp_path / "none"), "-v", cwd=tmp_path)
    assert "minutebook: settings: Settings(index=" in loud.stderr
    quiet = _cli("-q", "status", "--index", str(tmp_path / "none"), cwd=tmp_path)
    assert quiet.returncode == 2 and quiet.stderr.count("\n") == 1 and "no index at" in quiet.stderr


def test_the_model_kinds_a_setting_accepts_are_the_ones_the_app_can_build():
    from minutebook.assistant import generative
    from minutebook.ingest.settings import LLM_KINDS

    assert set(generative._PACKAGES) == set(LLM_KINDS)
