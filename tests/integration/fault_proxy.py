"""An HTTP proxy between terminal and hub that injects faults on request.

Faults, taken one per matching request in the order injected:
- "reset": close the connection before the hub sees the request;
- "drop_answer": forward to the hub, then close without answering (the hub applied it);
- "503": answer 503 without forwarding;
- "garbage": forward, then answer 200 with a body that is not JSON;
- "truncated": forward, then answer with half of the hub's body;
- "rewrite": forward, then answer with the hub's body changed by `rewrite`;
- "timeout": forward, then hold the answer back for `hold_s` (longer than the client waits).
"""

from __future__ import annotations

import threading
from collections import Counter, deque
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx

HOP_HEADERS = {"host", "content-length", "connection", "transfer-encoding", "accept-encoding"}
PASSED_BACK = ("ETag",)  # the proxy sends its own Date
FAULTS = ("reset", "drop_answer", "503", "garbage", "truncated", "timeout")


class FaultProxy:
    def __init__(self, upstream: str, hold_s: float = 2.0) -> None:
        self.upstream = upstream
        self.hold_s = hold_s
        self._closing = threading.Event()
        self._faults: deque[tuple[str, str]] = deque()
        self._lock = threading.Lock()
        self.seen: Counter[str] = Counter()
        self.rewrite: Callable[[bytes], bytes] = lambda content: content  # the "rewrite" fault
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def __enter__(self) -> FaultProxy:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._closing.set()
        self._server.shutdown()
        self._server.server_close()

    def inject(self, path: str, fault: str, times: int = 1) -> None:
        with self._lock:
            self._faults.extend([(path, fault)] * times)

    def clear(self) -> None:
        """Forget the faults not yet used."""
        with self._lock:
            self._faults.clear()

    def _take(self, method: str, path: str) -> str | None:
        with self._lock:
            self.seen[f"{method} {path}"] += 1
            for entry in self._faults:
                if path.startswith(entry[0]):
                    self._faults.remove(entry)
                    return entry[1]
        return None

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:
                """Quiet: the tests read the counters instead."""

            def do_GET(self) -> None:
                self._relay()

            def do_POST(self) -> None:
                self._relay()

            def _relay(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                fault = proxy._take(self.command, self.path)
                if fault == "reset":
                    self.close_connection = True
                    return
                if fault == "503":
                    self._answer(503, b'{"detail": "maintenance"}')
                    return
                headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_HEADERS}
                answer = httpx.request(
                    self.command, proxy.upstream + self.path, headers=headers, content=body
                )
                if fault == "drop_answer":
                    self.close_connection = True
                    return
                if fault == "timeout":
                    proxy._closing.wait(proxy.hold_s)
                    self.close_connection = True
                    return
                if fault == "garbage":
                    self._answer(200, b"<html>proxy error</html>")
                elif fault == "rewrite":
                    self._answer(answer.status_code, proxy.rewrite(answer.content))
                elif fault == "truncated":
                    self._answer(answer.status_code, answer.content[: len(answer.content) // 2])
                else:
                    passed = {k: answer.headers[k] for k in PASSED_BACK if k in answer.headers}
                    self._answer(answer.status_code, answer.content, passed)

            def _answer(
                self, status: int, content: bytes, headers: dict[str, str] | None = None
            ) -> None:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(content)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(content)

        return Handler
