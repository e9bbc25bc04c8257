"""A static host for the built site on 127.0.0.1: a path prefix, a log of what was asked, and faults on demand."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http import HTTPStatus
from pathlib import Path
from types import TracebackType
from typing import Any

from guide_widgets._internal.serving.preview import QuietServer, StaticSiteHandler

GATE_TIMEOUT_S = 120


class SiteServer:
    """Serves `directory` under `prefix` (e.g. "/making-amends/"), like GitHub Pages serves a project site
    (with the static host of `guide-widgets preview`).

    As there: a folder without its slash redirects to it, paths outside the prefix and missing files get the
    site's own 404.html with status 404, and no header carries policy (the pages' meta tags must). Tests can make a file
    missing (`missing`), or hold its response until they let it through (`held`).
    """

    def __init__(self, prefix: str) -> None:
        assert prefix.startswith("/") and prefix.endswith("/")
        self.directory = Path("/nonexistent")  # set before serving: the build needs the address first
        self.prefix = prefix
        self.requested: list[str] = []
        self.extra: dict[str, tuple[str, bytes]] = {}
        self.probe: tuple[str, bytes] | None = None
        """A script (its path and body) added to every page right after its policy tag: WebKit's watch."""
        self.neighbours: dict[str, Path] = {}
        """Other sites on the same origin, by their own prefix (two guides on one domain)."""
        self._missing: set[str] = set()
        self._gates: dict[str, threading.Event] = {}
        server = self

        class Handler(StaticSiteHandler):
            def __init__(self, *args: Any, **kwargs: Any) -> None:
                self.site, self.prefix = server.directory, server.prefix
                super().__init__(*args, **kwargs)

            def route(self, path: str) -> tuple[str, Path]:
                for other, folder in server.neighbours.items():
                    if path.startswith(other) or path + "/" == other:
                        return other, folder
                return server.prefix, server.directory

            def page(self, body: bytes) -> bytes | None:
                if server.probe is None:
                    return None
                tag = f'<script src="{server.probe[0]}"></script>'.encode()
                policy = body.find(b'<meta http-equiv="Content-Security-Policy"')
                at = body.index(b">", policy) + 1 if policy >= 0 else body.index(b"<head>") + len(b"<head>")
                return body[:at] + tag + body[at:]

            def do_GET(self) -> None:
                path = self.path.split("?", 1)[0]
                server.requested.append(path)
                if server.probe is not None and path == server.probe[0]:
                    self.send_body(HTTPStatus.OK, "text/javascript", server.probe[1])
                    return
                for suffix, gate in list(server._gates.items()):
                    if path.endswith(suffix):
                        gate.wait(GATE_TIMEOUT_S)
                if path in server.extra:
                    kind, body = server.extra[path]
                    self.send_body(HTTPStatus.OK, kind, body)
                elif any(path.endswith(s) for s in server._missing):
                    self.directory = str(self.route(path)[1])
                    self.not_found()
                else:
                    super().do_GET()

        self._server = QuietServer(("127.0.0.1", 0), Handler)
        self.origin = f"http://127.0.0.1:{self._server.server_address[1]}"
        self.url = self.origin + prefix

    def __enter__(self) -> SiteServer:
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        for gate in self._gates.values():
            gate.set()
        self._server.shutdown()
        self._server.server_close()

    def count(self, suffix: str) -> int:
        """How many times a path ending in `suffix` was asked for."""
        return sum(path.endswith(suffix) for path in self.requested)

    @contextmanager
    def missing(self, suffix: str) -> Iterator[None]:
        """Paths ending in `suffix` answer 404 while this is active."""
        self._missing.add(suffix)
        try:
            yield
        finally:
            self._missing.discard(suffix)

    @contextmanager
    def held(self, suffix: str) -> Iterator[threading.Event]:
        """Responses for paths ending in `suffix` wait until the yielded event is set (or this ends)."""
        gate = threading.Event()
        self._gates[suffix] = gate
        try:
            yield gate
        finally:
            gate.set()
            del self._gates[suffix]
