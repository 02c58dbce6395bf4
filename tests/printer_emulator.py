"""An ESC/POS network receipt printer on loopback, for tests: it answers the paper sensor
query as its roll is (loaded or out) and keeps the bytes it would have printed."""

from __future__ import annotations

import socketserver
import threading

PAPER_STATUS_QUERY = b"\x10\x04\x04"  # DLE EOT 4
PAPER_LOADED = b"\x12"  # the fixed bits only
PAPER_OUT = b"\x72"  # the fixed bits, near-end and end sensors


class ReceiptPrinterEmulator:
    def __init__(self) -> None:
        self.paper = True
        self.received = bytearray()
        self.connections = 0
        self.closed = 0  # connections the printer has read to their end
        self._lock = threading.Condition()
        emulator = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                with emulator._lock:
                    emulator.connections += 1
                while data := self.request.recv(65536):
                    if PAPER_STATUS_QUERY in data:
                        self.request.sendall(PAPER_LOADED if emulator.paper else PAPER_OUT)
                        data = data.replace(PAPER_STATUS_QUERY, b"")
                    with emulator._lock:
                        emulator.received += data
                with emulator._lock:
                    emulator.closed += 1
                    emulator._lock.notify_all()

        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def printed(self, timeout_s: float = 10.0, connections: int = 0) -> bytes:
        """What it printed, once every connection so far (and at least `connections`: a
        sender that asks nothing may not be seen yet) has been read to its end."""
        with self._lock:
            self._lock.wait_for(
                lambda: self.closed == self.connections and self.closed >= connections, timeout_s
            )
            return bytes(self.received)

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
