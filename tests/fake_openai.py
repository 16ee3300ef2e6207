"""The one reply an OpenAI-compatible /chat/completions endpoint sends, for the tests' fake model
servers (tests/test_model_answers.py scripts its replies; tests/test_restricted_sweep.py records prompts)."""
from __future__ import annotations

import json
from http.server import BaseHTTPRequestHandler


def send_completion(handler: BaseHTTPRequestHandler, model: str, content: str) -> None:
    """Answer the request `handler` is serving with one assistant message holding `content`."""
    body = json.dumps({
        "id": "chatcmpl-1", "object": "chat.completion", "created": 0, "model": model,
        "choices": [{"index": 0, "finish_reason": "stop", "logprobs": None,
                     "message": {"role": "assistant", "content": content}}],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    }).encode()
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)
