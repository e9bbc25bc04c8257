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


# --- A new project, published by the workflow `guide-widgets new` writes --------------------------------------

def _expression(text: str, outputs: dict[str, str]) -> str:
    """`${{ steps.pages.outputs.base_url }}` and the like, as the runner fills them in."""
    return re.sub(r"\$\{\{\s*([\w.]+)\s*\}\}", lambda m: outputs[m.group(1)], text)


def test_a_new_project_is_published_by_its_own_workflow_run_step_by_step(dist: Path, browser: Browser,
                                                                          tmp_path: Path):
    """The starter's workflow, its shell steps run in order in a fresh starter folder as a runner runs them
    (a fresh Python), its GitHub actions played by their local equivalents; the site it builds answers in
    Chromium. The plugin comes from a wheel kept in the repository, as `guide-widgets workflow --from` sets it
    (the package index is the same pip line with the version instead of the path)."""
    import yaml

    project = tmp_path / "my-guide"
    made = subprocess.run([sys.executable, "-m", "guide_widgets._internal.authoring.cli", "new", str(project)], capture_output=True,
                          text=True, check=False)
    assert made.returncode == 0, made.stderr
    wheel = next(dist.glob("*.whl"))
    (project / "wheels").mkdir()
    shutil.copy2(wheel, project / "wheels" / wheel.name)
    source = f"./wheels/{wheel.name}"
    switched = subprocess.run([sys.executable, "-m", "guide_widgets._internal.authoring.cli", "workflow", "--from",
                               source, "--force"], cwd=project, capture_output=True, text=True, check=False)
    assert switched.returncode == 0, switched.stderr
    workflow = yaml.safe_load((project / ".github" / "workflows" / "pages.yml").read_text())
    assert workflow["jobs"]["build"]["env"]["GUIDE_WIDGETS"] == source
    runner = tmp_path / "runner-python"
    venv.create(runner, with_pip=True)  # actions/setup-python: a Python of its own, first on the PATH
    env = {"PATH": f"{runner / 'bin'}:{Path(shutil.which('node') or '/usr/bin/node').parent}:/usr/bin:/bin",
           "HOME": os.environ.get("HOME", str(tmp_path)), "PIP_FIND_LINKS": str(dist),
           "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    with SiteServer("/my-guide/") as served:
        outputs = {"steps.pages.outputs.base_url": served.url.rstrip("/")}  # actions/configure-pages
        uploaded = ""
        for step in workflow["jobs"]["build"]["steps"]:
            uses = step.get("uses", "").split("@")[0]
            if uses == "actions/upload-pages-artifact":
                uploaded = step["with"]["path"]
            if "run" not in step:
                assert uses in {"actions/checkout", "actions/setup-python", "actions/setup-node",
                                "actions/configure-pages", "actions/upload-pages-artifact"}, uses
                continue
            declared = {**workflow["jobs"]["build"].get("env", {}), **step.get("env", {})}
            step_env = {**env, **{key: _expression(str(value), outputs) for key, value in declared.items()}}
            ran = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
                                 cwd=project, env=step_env, capture_output=True, text=True, check=False, timeout=900)
            assert ran.returncode == 0, f"{step.get('name')}:\n{ran.stdout[-2000:]}\n{ran.stderr[-3000:]}"
        assert uploaded == "site"
        served.directory = project / uploaded
        # The installed wheel's own command writes the same starter, workflow and lock file included.
        again = subprocess.run([str(runner / "bin" / "guide-widgets"), "new", str(tmp_path / "again")],
                               capture_output=True, text=True, check=False, env=env)
        assert again.returncode == 0, again.stderr
        (tmp_path / "again" / "wheels").mkdir()
        shutil.copy2(wheel, tmp_path / "again" / "wheels" / wheel.name)
        again = subprocess.run([str(runner / "bin" / "guide-widgets"), "workflow", "--from", source, "--force"],
                               cwd=tmp_path / "again", capture_output=True, text=True, check=False, env=env)
        assert again.returncode == 0, again.stderr
        for path in (p for p in project.rglob("*") if p.is_file() and not {"site", "node_modules"} & set(p.parts)):
            twin = tmp_path / "again" / path.relative_to(project)
            assert twin.read_bytes() == path.read_bytes().replace(b'"my-guide"', b'"again"'), path
        with watched(browser, served.origin) as (context, _):
            page = context.new_page()
            page.goto(served.url + "getting-ready/")
            ready(page)
            for box in page.locator("input[type=checkbox][name^=g]").all():
                box.check()
            expect(page.locator(".gw-band-title")).to_have_text("Ready")


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
    preview = subprocess.Popen([sys.executable, "-m", "guide_widgets._internal.authoring.cli", "preview", "--port", "0"], cwd=project,
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
    result = subprocess.run([sys.executable, "-m", "guide_widgets._internal.authoring.cli", "preview"], cwd=tmp_path / "p",
                            capture_output=True, text=True, check=False, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert (result.returncode, result.stderr) == (1, "guide-widgets: site holds no built site. Fix: build it "
                                                     "first: mkdocs build --strict\n")
