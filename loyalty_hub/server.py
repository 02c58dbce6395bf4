"""Run the hub with uvicorn: in the foreground, or embedded in a thread (demo and tests)."""

from __future__ import annotations

import socket
import threading
from pathlib import Path

import uvicorn

from loyalty_hub.app import create_app
from loyalty_hub.repricing import Rulesets, reprice_queued
from loyalty_hub.repricing_worker import RepricingThread
from loyalty_hub.store import HubStore


def bind_socket(host: str, port: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    # Answers go out in several writes; without this each one after the first waits for the
    # client's delayed ACK (40 ms on Linux). Accepted connections inherit the option.
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind((host, port))
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


class EmbeddedHub:
    """A hub serving on loopback from a background thread; `port=0` picks a free port.

    Stopping and starting again keeps the port, so a terminal sees the hub go away and return.
    A thread prices received sales again unless `reprice_in_background` is False; then
    `reprice_waiting` does it when called.
    """

    def __init__(
        self,
        db_path: Path,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        reprice_in_background: bool = True,
    ) -> None:
        self.store = HubStore(db_path)
        self._reprice_in_background = reprice_in_background
        self.host = host
        self.port = port
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._socket: socket.socket | None = None
        self._repricing: RepricingThread | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, timeout_s: float = 10.0) -> None:
        if self.running:
            return
        sock = bind_socket(self.host, self.port)
        self.port = sock.getsockname()[1]
        config = uvicorn.Config(
            create_app(self.store), log_level="warning", access_log=False, lifespan="off"
        )
        server = _NotifyingServer(config)
        thread = threading.Thread(
            target=server.run, kwargs={"sockets": [sock]}, name="loyalty-hub", daemon=True
        )
        thread.start()
        if not server.ready.wait(timeout_s):
            server.should_exit = True
            sock.close()
            raise RuntimeError("the embedded hub did not start")
        self._server, self._thread, self._socket = server, thread, sock
        if self._reprice_in_background:
            self._repricing = RepricingThread(self.store)
            self._repricing.start()

    def reprice_waiting(self) -> None:
        """Price every queued sale again now (the worker thread does it in its own time)."""
        rulesets = Rulesets()
        while reprice_queued(self.store, rulesets):
            pass

    def stop(self) -> None:
        if self._repricing is not None:
            self._repricing.stop()
            self._repricing = None
        if self._server is not None and self._thread is not None:
            self._server.should_exit = True
            self._thread.join(timeout=10)
        if self._socket is not None:
            self._socket.close()
        self._server, self._thread, self._socket = None, None, None

    def close(self) -> None:
        self.stop()
        self.store.close()


class _NotifyingServer(uvicorn.Server):
    """A uvicorn server that says when it listens, so nobody has to poll for it."""

    def __init__(self, config: uvicorn.Config) -> None:
        super().__init__(config)
        self.ready = threading.Event()

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=sockets)
        self.ready.set()
