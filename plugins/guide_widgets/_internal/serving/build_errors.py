"""While `mkdocs serve` runs: a rebuild that fails shows its messages on the page being viewed.

MkDocs leaves the browser on the last good page when a rebuild fails, and its server holds every request
until a build succeeds, so the page looks stuck and the message is only in the terminal. Here the rebuild
is wrapped: a failure is kept (the error and every warning or error the build logged) and reported as a
finished build, so the browser reloads; every HTML page the server then sends carries a panel with the
messages, each with its file, line and fix. The panel asks the server, once a second, whether a newer build
has finished, and reloads when one has: fixing the file is all an author does.

Only `mkdocs serve` uses this; `mkdocs build` fails as before.
"""

from __future__ import annotations

import html
import json
import logging
import threading
from collections.abc import Callable, Iterable
from typing import Any

from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger(__name__)

STATE_PATH = "/.guide-widgets/build"
"""Where the panel asks for the build's state (answered here, before the server looks for a file)."""

_PANEL = """<div id="gw-build-error" role="alert" style="position:fixed;inset:0 0 auto 0;z-index:10000;max-height:80vh;\
overflow:auto;background:#fff4f4;color:#3b0000;border-bottom:4px solid #b00020;padding:1rem 1.5rem;\
font:15px/1.5 system-ui,sans-serif;box-shadow:0 4px 12px rgba(0,0,0,.25)">
<h2 style="margin:0 0 .5rem;font-size:1.2rem">The site did not build</h2>
<p style="margin:0 0 .5rem">Fix what is listed below and save: this page reloads by itself when the next build \
succeeds. (Only <code>mkdocs serve</code> shows this; readers never see it.)</p>
<pre style="white-space:pre-wrap;margin:0;font:13px/1.5 ui-monospace,monospace">{messages}</pre>
</div>
<script>(function () {{
  var seen = {generation};
  setInterval(function () {{
    fetch("{state}", {{ cache: "no-store" }}).then(function (r) {{ return r.json(); }}).then(function (s) {{
      if (s.generation !== seen) location.reload();
    }}).catch(function () {{}});
  }}, 1000);
}})();</script>
"""


class _Lines(logging.Handler):
    """The warnings and errors a build logs, as the terminal shows them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname}: {record.getMessage()}")


class BuildErrors:
    """The state of the last rebuild, and the two wrappers that show it in the browser."""

    def __init__(self) -> None:
        self.messages: list[str] = []
        self.generation = 0
        self._lock = threading.Lock()

    def builder(self, build: Callable[..., Any]) -> Callable[..., None]:
        """`build`, made to report a failure to the page instead of leaving the server stuck."""

        def rebuild(*args: Any, **kwargs: Any) -> None:
            lines = _Lines()
            logger = logging.getLogger("mkdocs")
            logger.addHandler(lines)
            try:
                build(*args, **kwargs)
            except Exception as exc:  # any failure of any plugin or of MkDocs: shown, never swallowed silently
                message = str(exc) or type(exc).__name__
                log.error(f"The build failed; the pages show why until it is fixed:\n{message}")
                failed = [line for line in lines.lines if message not in line]
                # MkDocs' own "Aborted with a BuildError!" says nothing the logged lines above it do not.
                closing = [] if failed and message.startswith("Aborted with") else [message]
                with self._lock:
                    self.messages = [*failed, *closing]
                    self.generation += 1
            else:
                with self._lock:
                    if self.messages:
                        self.generation += 1
                    self.messages = []
            finally:
                logger.removeHandler(lines)

        return rebuild

    def app(self, wsgi: Callable[..., Iterable[bytes]]) -> Callable[..., Iterable[bytes]]:
        """The server's WSGI application, with the state answered and the panel added to HTML pages."""

        def serve(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
            if environ.get("PATH_INFO", "").endswith(STATE_PATH):
                with self._lock:
                    body = json.dumps({"generation": self.generation, "failed": bool(self.messages)}).encode()
                start_response("200 OK", [("Content-Type", "application/json"), ("Cache-Control", "no-store"),
                                          ("Content-Length", str(len(body)))])
                return [body]
            with self._lock:
                messages, generation = list(self.messages), self.generation
            if not messages:
                return wsgi(environ, start_response)
            held: dict[str, Any] = {}

            def hold(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Callable[..., Any]:
                held.update(status=status, headers=headers)
                return lambda data: None

            parts = wsgi(environ, hold)
            if "status" not in held:  # the server had nothing to say: let it say so
                return parts
            kind = next((value for name, value in held["headers"] if name.lower() == "content-type"), "")
            if not kind.startswith("text/html") and not held["status"].startswith("404"):
                start_response(held["status"], held["headers"])
                return parts
            body = b"".join(parts)
            if hasattr(parts, "close"):
                parts.close()
            panel = _PANEL.format(messages=html.escape("\n\n".join(messages)), generation=generation,
                                  state=STATE_PATH).encode("utf-8")
            page = body.replace(b"</body>", panel + b"</body>", 1) if b"</body>" in body else \
                b"<!doctype html><html><head><meta charset=utf-8><title>Build failed</title></head><body>" + \
                panel + b"</body></html>"
            headers = [(name, value) for name, value in held["headers"]
                       if name.lower() not in {"content-length", "content-type"}]
            start_response(held["status"], [*headers, ("Content-Type", "text/html; charset=utf-8"),
                                             ("Content-Length", str(len(page)))])
            return [page]

        return serve

