"""Published as authors publish: served as GitHub Pages serves a project site, pushed by `mkdocs gh-deploy`,
and built by the wheel installed from scratch. Each ends with a widget answering in Chromium."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
import venv
from pathlib import Path

from conftest import FIXTURES
from playwright.sync_api import Browser, expect

from .conftest import ROOT, SUB_PATH, watched
from .reader import WIDGET_PAGES, days_ago, open_page, ready, site_pages
from .site_server import SiteServer
from .test_serving import check_not_found

CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]+"')


def fetch(url: str) -> tuple[int, dict[str, str], bytes]:
    """Status, headers and body, without following redirects."""
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: object, **kwargs: object) -> None:
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(url) as reply:
            return reply.status, dict(reply.headers), reply.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


# --- GitHub Pages, project site -----------------------------------------------------------------------------

def test_every_file_is_served_under_the_repository_path_with_the_policy_in_the_pages(site: SiteServer):
    files = [path for path in site.directory.rglob("*") if path.is_file()]
    assert len(files) > 30
    for path in files:
        relative = path.relative_to(site.directory).as_posix()
        status, headers, body = fetch(site.url + relative)
        assert status == 200, relative
        assert body == path.read_bytes(), relative
        # GitHub Pages sends no policy of its own: the pages must carry it.
        assert not {h.lower() for h in headers} & {"content-security-policy", "permissions-policy"}
    for page in site_pages(site.directory):
        status, _, body = fetch(site.url + page)
        assert status == 200, page
        assert CSP_META.search(body.decode("utf-8")), f"{page} has no Content-Security-Policy meta tag"
    status, headers, _ = fetch(site.url.rstrip("/"))
    assert (status, headers["Location"]) == (301, SUB_PATH)


def test_unknown_addresses_at_any_depth_get_the_404_page_that_works_from_there(browser: Browser, site: SiteServer):
    not_found = (site.directory / "404.html").read_bytes()
    for path in ("nothing", "no-such-section/", "the-no-contact-rule/nothing/deeper/", "assets/nothing.js"):
        status, _, body = fetch(site.url + path)
        assert (status, body) == (404, not_found), path
    with watched(browser, site.origin) as (context, watcher):
        watcher.allow("status of 404")  # the missing page itself
        check_not_found(context, site, "the-no-contact-rule/nothing/deeper/")


def test_every_widget_answers_on_the_project_site(browser: Browser, site: SiteServer):
    with watched(browser, site.origin) as (context, _):
        page = context.new_page()
        for path in WIDGET_PAGES:
            open_page(page, site, path)
            expect(ready(page)).to_contain_text(re.compile(r"\w"))


# --- mkdocs gh-deploy ---------------------------------------------------------------------------------------

# Who commits, for git and for gh-deploy: a fresh machine has no git identity.
GIT_IDENTITY = {"GIT_AUTHOR_NAME": "Author", "GIT_AUTHOR_EMAIL": "author@example.org",
                "GIT_COMMITTER_NAME": "Author", "GIT_COMMITTER_EMAIL": "author@example.org"}


def _git(folder: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True,
                            env={**os.environ, **GIT_IDENTITY}, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout


def _answers_a_date(browser: Browser, served: SiteServer, path: str) -> None:
    """The second fixture's period widget, opened and answered in Chromium."""
    with watched(browser, served.origin) as (context, _):
        page = context.new_page()
        open_page(page, served, path)
        region = ready(page)
        page.get_by_label("The day the period began").fill(days_ago(3))
        expect(region.locator(".gw-headline")).to_have_text("Day 3 of 7")


def test_gh_deploy_pushes_a_site_that_works_from_its_branch(browser: Browser, tmp_path: Path):
    remote = tmp_path / "remote.git"
    _git(tmp_path, "init", "--bare", "-q", str(remote))
    project = tmp_path / "houseplants"
    shutil.copytree(FIXTURES / "second-guide", project)
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    (project / ".gitignore").write_text("node_modules\nsite\n")
    with SiteServer("/houseplants/") as served:
        config = project / "mkdocs.yml"
        config.write_text(config.read_text() + f"site_url: {served.url}\n")
        _git(project, "init", "-q", "-b", "main")
        _git(project, "add", "-A")
        _git(project, "commit", "-q", "-m", "The guide")
        _git(project, "remote", "add", "origin", str(remote))
        deploy = subprocess.run([sys.executable, "-m", "mkdocs", "gh-deploy", "--strict", "--force"], cwd=project,
                                capture_output=True, text=True, check=False,
                                env={**os.environ, **GIT_IDENTITY, "NO_MKDOCS_2_WARNING": "1"})
        assert deploy.returncode == 0, deploy.stderr
        # What GitHub Pages serves from the branch: a fresh checkout of gh-pages, nothing from the build folder.
        published = tmp_path / "published"
        _git(tmp_path, "clone", "-q", "--branch", "gh-pages", str(remote), str(published))
        shutil.rmtree(published / ".git")
        assert (published / ".nojekyll").is_file(), "without .nojekyll, Jekyll would drop files and folders"
        assert (published / "assets" / "pyodide" / "pyodide.asm.wasm").stat().st_size > 1_000_000
        served.directory = published
        _answers_a_date(browser, served, "plants/repotting.html")


# --- The wheel, installed from scratch --------------------------------------------------------------------

def test_the_wheel_installed_in_a_fresh_environment_builds_a_guide_whose_widget_works(
        dist: Path, browser: Browser, tmp_path: Path):
    env = tmp_path / "env"
    venv.create(env, with_pip=True)
    python = env / "bin" / "python"
    wheel = next(dist.glob("mkdocs_guide_widgets-*.whl"))
    install = subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                              str(wheel)], capture_output=True, text=True, check=False, timeout=900)
    assert install.returncode == 0, install.stderr[-3000:]
    project = tmp_path / "empty" / "guide"
    shutil.copytree(FIXTURES / "second-guide", project)
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    site = tmp_path / "site"
    build = subprocess.run([str(python), "-m", "mkdocs", "build", "--strict", "-d", str(site)],
                           cwd=project, capture_output=True, text=True, check=False,
                           env={"PATH": str(env / "bin"), "NO_MKDOCS_2_WARNING": "1", "HOME": str(tmp_path)})
    assert build.returncode == 0, build.stderr
    page = (site / "plants" / "repotting.html").read_text()
    assert 'data-gw-kind="period"' in page
    assert str(ROOT / "plugins") not in page
    made = subprocess.run([str(env / "bin" / "guide-widgets"), "new", str(tmp_path / "starter")],
                          capture_output=True, text=True, check=False)
    assert made.returncode == 0, made.stderr
    assert (tmp_path / "starter" / "docs" / "guide.md").is_file()
    with SiteServer("/") as served:
        served.directory = site
        _answers_a_date(browser, served, "plants/repotting.html")


# --- guide-widgets preview ----------------------------------------------------------------------------------

def test_preview_serves_a_production_build_where_it_will_live_so_the_plan_keeps_this_visits_answers(
        browser: Browser, tmp_path: Path):
    """Built for its real address (another host, under /houseplants/), previewed here: the plan page is
    reached by instant navigation, so the answer given on the way is still there."""
    project = tmp_path / "houseplants"
    shutil.copytree(FIXTURES / "second-guide", project)
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  font: false", "  font: false\n  features: [navigation.instant]")
                      + "site_url: https://plants.example.org/houseplants/\n")  # as the starter has it
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project, env=env,
                           capture_output=True, text=True, check=False)
    assert built.returncode == 0, built.stderr
    preview = subprocess.Popen([sys.executable, "-m", "guide_widgets.cli", "preview", "--port", "0"], cwd=project,
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = preview.stdout.readline() if preview.stdout else ""
        address = re.search(r"at (http://127\.0\.0\.1:\d+/houseplants/),", line)
        assert address, line + (preview.stderr.read() if preview.poll() is not None and preview.stderr else "")
        url = address.group(1)
        origin = url.removesuffix("/houseplants/")
        assert fetch(origin + "/houseplants")[1]["Location"] == "/houseplants/"
        with watched(browser, origin) as (context, _):
            page = context.new_page()
            page.goto(url + "plants/repotting.html")
            ready(page)
            page.get_by_label("The day the period began").fill(days_ago(3))
            expect(page.locator(".gw-headline")).to_have_text("Day 3 of 7")
            page.evaluate("window.sameVisit = true")
            page.get_by_role("link", name="My plan").first.click()
            expect(page.get_by_role("heading", level=1)).to_contain_text("My plan")
            assert page.evaluate("window.sameVisit === true"), "the plan was a full page load"
            expect(page.locator("[data-gw-plan-entry] [data-gw-result]").first).to_contain_text("Day 3 of 7")
    finally:
        preview.terminate()
        preview.communicate(timeout=10)  # and closes its pipes


def test_preview_says_how_to_build_when_there_is_nothing_to_serve(tmp_path: Path):
    shutil.copytree(FIXTURES / "second-guide", tmp_path / "p")
    result = subprocess.run([sys.executable, "-m", "guide_widgets.cli", "preview"], cwd=tmp_path / "p",
                            capture_output=True, text=True, check=False, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert (result.returncode, result.stderr) == (1, "guide-widgets: site holds no built site. Fix: build it "
                                                     "first: mkdocs build --strict\n")
