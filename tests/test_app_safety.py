"""What app users never get (issue 13, rough edges): a traceback with the server's paths, or an
upload read into memory past the server's limit."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from conftest import clear_app_caches
from minutebook.ingest.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.model  # the whole app starts, model and all
def test_a_damaged_index_shows_app_users_a_message_without_the_traceback(monkeypatch, tmp_path):
    gen = tmp_path / "index" / "gen-1"
    gen.mkdir(parents=True)
    (gen / "minutebook.db").write_bytes(b"")
    (gen / "meta.json").write_text("{ damaged")
    (tmp_path / "index" / "current").symlink_to("gen-1")
    monkeypatch.setenv("MINUTEBOOK_INDEX", str(tmp_path / "index"))
    clear_app_caches()
    at = AppTest.from_file(str(ROOT / "ui" / "app.py"), default_timeout=120).run()
    at.switch_page("views/papers.py").run()
    clear_app_caches()
    # One message naming the damaged file (issue 29, item 10), never an exception or the server's folders.
    shown = json.dumps([e.message for e in at.exception] + [e.value for e in at.error])
    assert not at.exception and "damaged" in shown and "minutebook.db" in shown and "--rebuild" in shown
    assert str(tmp_path) not in shown and "Traceback" not in shown and "JSONDecodeError" not in shown


def test_the_server_is_started_with_the_upload_limit_and_without_error_details(tmp_path):
    from minutebook.assistant.cli import serve_argv

    argv = serve_argv(Settings(index=tmp_path, max_file_mb=5), 8599, "127.0.0.1")
    options = dict(zip(argv, argv[1:]))
    assert options["--server.maxUploadSize"] == "5"  # 5 MB is 4.8 MiB: Streamlit counts MiB
    assert options["--client.showErrorDetails"] == "none"
    assert options["--client.toolbarMode"] == "minimal"  # no Deploy button or developer menu for users
    # and Streamlit itself takes them: its config as the app process would see it
    shown = subprocess.run([*argv[:3], "config", "show", *argv[5:]], capture_output=True, text=True, timeout=120)
    assert "\nmaxUploadSize = 5\n" in shown.stdout and '\nshowErrorDetails = "none"\n' in shown.stdout
    assert '\nprimaryColor = "#0B5F6B"\n' in shown.stdout  # the product's own theme


def _handshake(port: int, host: str) -> bytes:
    """The first line the app's server answers a WebSocket handshake sent with this Host header."""
    import base64
    import os
    import socket

    key = base64.b64encode(os.urandom(16)).decode()
    request = (f"GET /_stcore/stream HTTP/1.1\r\nHost: {host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
               f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n")
    with socket.create_connection(("127.0.0.1", port), timeout=20) as s:
        s.sendall(request.encode())
        return s.recv(4096).split(b"\r\n", 1)[0]


def test_the_served_app_refuses_a_foreign_host_header(tmp_path):
    # Issue 29, item 7 (DNS rebinding): a page at evil.example whose name now points at this machine
    # connects with "Host: evil.example"; the real server, started as `minutebook serve` starts it.
    import contextlib
    import os
    import signal

    from browser_driver import free_port, wait_healthy
    from minutebook.assistant.cli import serve_argv

    port = free_port()
    argv = serve_argv(Settings(index=tmp_path / "index"), port, "127.0.0.1")
    env = {**os.environ, "MINUTEBOOK_INDEX": str(tmp_path / "index")}
    proc = subprocess.Popen([*argv, "--server.fileWatcherType", "none"], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_healthy(f"http://127.0.0.1:{port}", proc, 120)
        assert b" 101 " in _handshake(port, f"127.0.0.1:{port}")
        assert b" 101 " in _handshake(port, f"localhost:{port}")
        refused = _handshake(port, f"evil.example:{port}")
        assert refused.startswith(b"HTTP/1.1 4"), refused
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)  # the group this test started, nothing else
        proc.wait(timeout=30)
