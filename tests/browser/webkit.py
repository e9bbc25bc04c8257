"""WebKit, the engine of Safari and of every browser on an iPhone: WebKitGTK's MiniBrowser driven by
WebKitWebDriver (Selenium) on an Xvfb display, as ../shared/NOTES.md found it works on Debian 12.

WebKitGTK gives WebDriver no console log and no BiDi, so the pages are watched from inside: the test host
adds one same-origin script (allowed by the pages' own policy, `script-src 'self'`) right after each page's
policy tag, which records uncaught errors, rejected promises, console errors and policy violations in
`window.__probe`. A test reads it after every step, before a full page load could drop it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from building import free_port

MINIBROWSER = Path("/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser")
WEBDRIVER = Path("/usr/bin/WebKitWebDriver")
INSTALL = "apt-get install -y webkit2gtk-driver xvfb"

PROBE_PATH = "/__webkit_probe.js"
PROBE = b"""(() => {
  if (window.__probe) return;
  const seen = window.__probe = [];
  const text = (value) => String(value && (value.stack || value.message) || value);
  addEventListener("error", (event) => {
    const target = event.target;
    seen.push(target && target !== window ? `failed to load: ${target.src || target.href}` : `error: ${event.message}`);
  }, true);
  addEventListener("unhandledrejection", (event) => seen.push(`unhandled rejection: ${text(event.reason)}`));
  addEventListener("securitypolicyviolation", (event) =>
    seen.push(`policy violation: ${event.violatedDirective} ${event.blockedURI}`));
  const error = console.error;
  console.error = function (...args) { seen.push(`console: ${args.map(text).join(" ")}`); return error.apply(this, args); };
})();
"""


def missing_parts() -> list[str]:
    return [str(path) for path in (MINIBROWSER, WEBDRIVER) if not path.exists()] + \
        ([] if shutil.which("Xvfb") else ["Xvfb"])


def _free_display() -> str:
    for number in range(90, 200):
        if not Path(f"/tmp/.X{number}-lock").exists() and not Path(f"/tmp/.X11-unix/X{number}").exists():
            return f":{number}"
    raise RuntimeError("no free X display between :90 and :199")


class WebKit:
    """One MiniBrowser on its own Xvfb display, with its own profile folder."""

    def __init__(self, profile: Path) -> None:
        from selenium import webdriver
        from selenium.webdriver.webkitgtk.options import Options
        from selenium.webdriver.webkitgtk.service import Service

        self.display = _free_display()
        self.xvfb = subprocess.Popen(["Xvfb", self.display, "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        number = self.display[1:]
        for _ in range(100):
            if Path(f"/tmp/.X11-unix/X{number}").exists():
                break
            time.sleep(0.05)
        env = {**os.environ, "DISPLAY": self.display, "XDG_DATA_HOME": str(profile / "data"),
               "XDG_CACHE_HOME": str(profile / "cache"), "XDG_CONFIG_HOME": str(profile / "config"),
               # Without it the web process crashed under Xvfb once (a SkiaGPUWorker segfault).
               "WEBKIT_SKIA_ENABLE_CPU_RENDERING": "1"}
        options = Options()
        options.binary_location = str(MINIBROWSER)
        options.add_argument("--automation")
        try:
            self.driver = webdriver.WebKitGTK(options=options,
                                              service=Service(str(WEBDRIVER), port=free_port(), env=env))
        except Exception:
            self.xvfb.terminate()
            raise
        self.driver.set_page_load_timeout(120)
        self.driver.set_window_size(1280, 1000)  # wide enough for Material's side navigation

    def close(self) -> None:
        try:
            self.driver.quit()
        finally:
            self.xvfb.terminate()
            self.xvfb.wait(timeout=10)

    # -- reading the page ---------------------------------------------------------------------------------

    def js(self, script: str, *args: Any) -> Any:
        return self.driver.execute_script(script, *args)

    def wait(self, condition: str, *args: Any, timeout: float = 30, what: str = "") -> Any:
        """Polls `return (condition)` in the page until it is truthy; fails naming `what` and the page."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                value = self.js(f"return ({condition});", *args)
            except Exception:  # the page is being replaced (a navigation): ask again
                value = None
            if value:
                return value
            if time.monotonic() > deadline:
                shown = self.js("return document.body ? document.body.innerText.slice(0, 600) : ''")
                raise AssertionError(f"waited {timeout:.0f} s for {what or condition} at "
                                     f"{self.driver.current_url}; the page shows: {shown}")
            time.sleep(0.1)

    def text(self, selector: str) -> str:
        return str(self.js("const e = document.querySelector(arguments[0]); "
                           "return e ? e.textContent.replace(/\\s+/g, ' ').trim() : '';", selector))

    def wait_text(self, selector: str, wanted: str, timeout: float = 30) -> None:
        self.wait("(document.querySelector(arguments[0]) || {textContent: ''}).textContent.replace(/\\s+/g, ' ')"
                  ".includes(arguments[1])", selector, wanted, timeout=timeout, what=f'"{wanted}" in {selector}')

    def problems(self) -> list[str]:
        """What the probe recorded on the current document, emptied for the next step."""
        found = self.js("const seen = window.__probe || ['no probe on this page']; "
                        "const copy = seen.slice(); seen.length = 0; return copy;")
        return list(found or [])

    # -- acting as a reader ---------------------------------------------------------------------------------

    def open(self, url: str) -> None:
        self.driver.get(url)
        self.wait("document.readyState === 'complete'", what="the page to load")

    def click(self, selector: str, text: str = "") -> None:
        """Clicks (with WebDriver's own click) the first `selector` whose text reads `text` (or the first)."""
        from selenium.webdriver.common.by import By

        for element in self.driver.find_elements(By.CSS_SELECTOR, selector):
            shown = self.driver.execute_script("return arguments[0].textContent", element)  # not .text: it is
            if not text or " ".join(str(shown).split()) == text:  # empty for some visible links in WebKitGTK
                self._click(element)
                return
        raise AssertionError(f"no {selector} reading {text!r} at {self.driver.current_url}")

    def click_all(self, selector: str) -> int:
        """Clicks every element matching `selector`, in order; returns how many."""
        from selenium.webdriver.common.by import By

        elements = self.driver.find_elements(By.CSS_SELECTOR, selector)
        for element in elements:
            self._click(element)
        return len(elements)

    def _click(self, element: Any) -> None:
        """WebDriver's own click; where WebKitGTK's driver refuses one (a link in Material's sticky sidebar is
        "not interactable" to it), the element's own click(), which fires the same click event."""
        from selenium.common.exceptions import (
            ElementClickInterceptedException,
            ElementNotInteractableException,
        )

        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
        try:
            element.click()
        except (ElementNotInteractableException, ElementClickInterceptedException):
            self.driver.execute_script("arguments[0].click()", element)

    def type_into(self, selector: str, keys: str) -> None:
        from selenium.webdriver.common.by import By

        self.driver.find_element(By.CSS_SELECTOR, selector).send_keys(keys)

    def until(self, check: Callable[[], bool], timeout: float = 30, what: str = "") -> None:
        deadline = time.monotonic() + timeout
        while not check():
            if time.monotonic() > deadline:
                raise AssertionError(f"waited {timeout:.0f} s for {what}")
            time.sleep(0.1)
