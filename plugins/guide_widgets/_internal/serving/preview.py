"""`guide-widgets preview`: a built site served on this machine as a static host will serve it.

A production build links its pages from the path of `site_url` (`/my-guide/` on GitHub Pages), and Material's
instant navigation only follows links inside that path. Served from the wrong path (`python -m http.server`
in `site/` serves it at `/`), every click becomes a full page load, and a reader's answers, which last for
the visit, are gone at each one. This serves the site where it will live, as GitHub Pages serves a project
site: under its path, a folder without its slash redirected to it, `404.html` for anything missing, and the
types browsers insist on for modules and WebAssembly. Its sitemap names the pages at this address instead of
the published one: Material's instant navigation follows only links the sitemap lists on the page's own host.
"""

from __future__ import annotations

from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

TYPES = {".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm"}


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a browser that moves on drops connections mid-response: normal, not worth a traceback


class StaticSiteHandler(SimpleHTTPRequestHandler):
    """Serves the folder `site` under the path `prefix` (both set on a subclass, see `handler_for`)."""

    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, **TYPES}
    site = Path("site")
    prefix = "/"
    published = ""
    """The site's `site_url`: the sitemap names pages there, and is served naming them here instead."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, directory=str(self.site), **kwargs)

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def route(self, path: str) -> tuple[str, Path]:
        """The path prefix and the folder that serve `path` (one site here; a test host may hold several)."""
        return self.prefix, self.site

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        prefix, folder = self.route(path)
        self.directory = str(folder)
        if path + "/" == prefix:  # the site's own address without its slash
            self.redirect(prefix)
        elif not path.startswith(prefix):
            self.not_found()
        else:
            self.path = "/" + self.path[len(prefix):]
            target = Path(self.translate_path(self.path))
            if target.is_dir() and (target / "index.html").is_file() and not path.endswith("/"):
                self.redirect(path + "/")
            elif self.published and target.name == "sitemap.xml" and target.is_file():
                here = f"http://{self.headers.get('Host', '127.0.0.1')}{prefix}"
                text = target.read_text(encoding="utf-8").replace(self.published, here)
                self.send_body(HTTPStatus.OK, "application/xml", text.encode("utf-8"))
            elif target.is_file() or (target / "index.html").is_file():
                file = target if target.is_file() else target / "index.html"
                page = self.page(file.read_bytes()) if file.suffix == ".html" else None
                if page is None:
                    super().do_GET()
                else:
                    self.send_body(HTTPStatus.OK, "text/html; charset=utf-8", page)
            else:
                self.not_found()

    def redirect(self, location: str) -> None:
        self.send_response(HTTPStatus.MOVED_PERMANENTLY)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def page(self, body: bytes) -> bytes | None:
        """An HTML page as it is sent; None sends the file as it is (a test host adds a probe here)."""
        return None

    def not_found(self) -> None:
        page = Path(self.directory) / "404.html"
        body = page.read_bytes() if page.is_file() else b"Not found"
        body = self.page(body) or body
        self.send_body(HTTPStatus.NOT_FOUND, "text/html; charset=utf-8", body)

    def send_body(self, status: HTTPStatus, kind: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def handler_for(site: Path, prefix: str, published: str = "") -> type[StaticSiteHandler]:
    """A handler class serving `site` under `prefix` ("/" or "/my-guide/"); `published` is its site_url."""
    published = published if not published or published.endswith("/") else published + "/"
    return type("SiteHandler", (StaticSiteHandler,), {"site": site, "prefix": prefix, "published": published})


def site_prefix(site_url: str | None) -> str:
    """The path a site lives under, from its `site_url` (`/making-amends/`; "/" when it has none): where the
    preview serves it, the offline copy's scope, the root the 404 page links from."""
    path = urlsplit(site_url or "/").path or "/"
    return path if path.endswith("/") else path + "/"
