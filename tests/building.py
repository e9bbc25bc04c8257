"""Building a project's site in this process, as `mkdocs build --strict` does, keeping what it said.

Starting `mkdocs` as a command costs a second of imports on every build; the suite builds dozens of sites, so
it builds them here, through the same calls as the command (load the config, start the plugins, build, shut
them down) and with the same strictness. What the build logged comes back as the command prints it
(`WARNING -  message`), and an error that stops it as click prints one (`Error: message`). One test still
runs the real command (`built_site` in conftest.py).
"""

from __future__ import annotations

import logging
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, MkDocsException

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's notice about MkDocs 2, printed on every build


@dataclass(frozen=True)
class Built:
    """How a build ended (`returncode` 0 or 1, as the command's) and what it said (`stderr`, one line each)."""

    returncode: int
    stderr: str


class _Lines(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname:<8}-  {record.getMessage()}")


def mkdocs_build(project: Path, site: Path, **overrides: Any) -> Built:
    """`mkdocs build --strict` of `project` into `site`; `overrides` replace settings of its mkdocs.yml
    (`site_url=...`, `docs_dir=...`, `theme={...}`), as `mkdocs build -f -` with an edited config would."""
    logger = logging.getLogger("mkdocs")
    lines, level = _Lines(), logger.level
    logger.addHandler(lines)
    logger.setLevel(logging.INFO)
    code = 0
    try:
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=True, **overrides)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except Abort as exc:
        lines.lines.append(exc.format_message())
        code = 1
    except MkDocsException as exc:
        lines.lines.append(f"Error: {exc.format_message()}")
        code = 1
    finally:
        logger.removeHandler(lines)
        logger.setLevel(level)
    return Built(code, "\n".join(lines.lines) + "\n")


def problems(said: Built | str) -> list[str]:
    """The warnings and errors a build printed (given the build, or what it said)."""
    text = said if isinstance(said, str) else said.stderr
    return [line for line in text.splitlines() if line.startswith(("WARNING", "ERROR"))]


def failed_build(project: Path, site: Path, **overrides: Any) -> str:
    """What a build that must fail said; the test fails if it did not fail."""
    result = mkdocs_build(project, site, **overrides)
    assert result.returncode == 1, f"the build should have failed:\n{result.stderr}"
    return result.stderr


@dataclass
class DevServer:
    """`mkdocs serve` of a project, running: its address; `said` holds what it printed once it has stopped."""

    url: str
    said: str = ""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def dev_server(project: Path, first_page: str = "") -> Iterator[DevServer]:
    """Runs `mkdocs serve` of `project` on a free local port until `first_page` answers (the first build is
    done), and stops it at the end."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"], cwd=project,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
    running = DevServer(f"http://127.0.0.1:{port}/")
    try:
        for _ in range(600):
            try:
                with urllib.request.urlopen(running.url + first_page):
                    break
            except OSError:
                time.sleep(0.1)
        yield running
    finally:
        server.terminate()
        running.said = server.communicate(timeout=30)[1]
