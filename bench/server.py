"""A static host for the benchmark: folders under URL prefixes, gzip and a cache lifetime, as GitHub Pages
serves (it sends `Cache-Control: max-age=600` and compresses text and .wasm; .zip goes as it is).
"""

from __future__ import annotations

import gzip
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any

TYPES = {".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
         ".mjs": "text/javascript", ".json": "application/json", ".xml": "application/xml",
         ".wasm": "application/wasm", ".zip": "application/zip", ".png": "image/png", ".svg": "image/svg+xml",
         ".gz": "application/gzip", ".ico": "image/x-icon"}
COMPRESSED = {".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".wasm"}


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a browser closed mid-response


class StaticHost:
    def __init__(self, roots: dict[str, Path]) -> None:
        self.roots = roots  # "/making-amends/" -> folder
        self._gzipped: dict[Path, bytes] = {}
        host = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                path = self.path.split("?", 1)[0]
                target = host.resolve(path)
                if target is None:
                    self._send(HTTPStatus.NOT_FOUND, b"not found", "text/plain", False)
                elif target.is_dir():
                    self.send_response(HTTPStatus.MOVED_PERMANENTLY)
                    self.send_header("Location", path + "/")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                else:
                    gzip_ok = "gzip" in self.headers.get("Accept-Encoding", "") and target.suffix in COMPRESSED
                    body = host.gzipped(target) if gzip_ok else target.read_bytes()
                    self._send(HTTPStatus.OK, body, TYPES.get(target.suffix, "application/octet-stream"), gzip_ok)

            def _send(self, status: HTTPStatus, body: bytes, kind: str, gzipped: bool) -> None:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "max-age=600")
                if gzipped:
                    self.send_header("Content-Encoding", "gzip")
                self.end_headers()
                self.wfile.write(body)

        self._server = _Server(("127.0.0.1", 0), Handler)
        self.origin = f"http://127.0.0.1:{self._server.server_address[1]}"

    def resolve(self, path: str) -> Path | None:
        for prefix, folder in self.roots.items():
            if path.startswith(prefix):
                target = (folder / path[len(prefix):]).resolve()
                if not target.is_relative_to(folder.resolve()):
                    return None
                if target.is_dir() and path.endswith("/"):
                    target = target / "index.html"
                return target if target.exists() else None
        return None

    def gzipped(self, path: Path) -> bytes:
        if path not in self._gzipped:
            self._gzipped[path] = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        return self._gzipped[path]

    def __enter__(self) -> StaticHost:
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self._server.shutdown()
        self._server.server_close()
