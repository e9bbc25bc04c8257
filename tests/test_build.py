"""Full builds with `mkdocs build --strict`: our guide, a second guide, and every way a guide can be wrong."""

from __future__ import annotations

import datetime
import html
import json
import re
import shutil
import subprocess
import sys
import urllib.request
import zipfile
from html.parser import HTMLParser
from importlib import metadata
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from building import dev_server, failed_build
from conftest import FIXTURES, ROOT, make_project, mkdocs_build, problems
from guide_widgets._internal.pins import PYODIDE_FILES, PYODIDE_VERSION
from guide_widgets.testing import Widget

SECTIONS = ["safety-first", "understanding-the-damage", "taking-responsibility", "the-no-contact-rule",
            "investing-in-yourself", "knowing-when-to-walk-away", "if-they-get-in-touch", "rebuilding-trust",
            "frequently-asked-questions", "in-summary"]


def test_our_guide_has_a_page_per_section_in_document_order(built_site: Path):
    for slug in SECTIONS:
        assert (built_site / slug / "index.html").is_file()
    landing = (built_site / "index.html").read_text()
    assert "<h1 id=\"making-amends-after-hurting-a-partner\">Making amends after hurting a partner" in landing
    nav = landing.split('class="md-nav md-nav--primary"', 1)[1].split("md-sidebar--secondary", 1)[0]
    positions = [nav.index(f'href="{slug}/"') for slug in SECTIONS]
    assert positions == sorted(positions)
    contents = landing.split('id="contents"', 1)[1]
    positions = [contents.index(f'href="{slug}/"') for slug in SECTIONS]
    assert positions == sorted(positions)
    assert not (built_site / "guide" / "index.html").exists()


def test_previous_and_next_links_follow_the_guide(built_site: Path):
    page = (built_site / "the-no-contact-rule" / "index.html").read_text()
    footer = page.split('class="md-footer__inner', 1)[1]
    assert 'href="../taking-responsibility/"' in footer
    assert 'href="../investing-in-yourself/"' in footer


def test_subheadings_fill_the_page_table_of_contents(built_site: Path):
    page = (built_site / "taking-responsibility" / "index.html").read_text()
    toc = page.split('class="md-nav md-nav--secondary"', 1)[1].split("</nav>", 1)[0]
    assert 'href="#the-parts-of-a-sincere-apology"' in toc
    assert 'href="#showing-that-you-are-changing"' in toc


def test_links_between_sections_still_work_after_the_split(built_site: Path):
    walk_away = (built_site / "knowing-when-to-walk-away" / "index.html").read_text()
    assert 'href="../if-they-get-in-touch/"' in walk_away
    assert 'href="../safety-first/"' in walk_away
    no_contact = (built_site / "the-no-contact-rule" / "index.html").read_text()
    assert 'href="../investing-in-yourself/#a-stronger-support-system"' in no_contact


def test_second_guide_with_pages_dir_and_an_extra_page(tmp_path: Path):
    project = tmp_path / "second"
    shutil.copytree(FIXTURES / "second-guide", project)
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    assert problems(result) == []
    assert sorted(p.name for p in (site / "plants").glob("*.html")) == [
        "index.html", "my-plan.html", "repotting.html", "sun.html", "watering.html"]
    watering = (site / "plants" / "watering.html").read_text()
    assert 'href="sun.html"' in watering
    assert 'href="sun.html#reading-the-leaves"' in watering
    assert "<h2 id=\"how-often\">" in watering
    assert "## Not a section" in watering
    repotting = (site / "plants" / "repotting.html").read_text()
    assert 'href="index.html#keeping-houseplants-alive"' in repotting
    assert 'href="watering.html#how-often"' in repotting  # a widget's band link, resolved at build time
    assert (site / "about.html").is_file()
    assert (site / "plants" / "index.html").read_text().count('class="md-nav__link') >= 4


@pytest.mark.parametrize(("guide", "message"), [
    ("# T\n\nJust an introduction.\n",
     "ERROR   -  docs/guide.md:1: the guide has no sections. "
     "Fix: Start each section with a '## Heading' line below the title."),
    ("# T\n\n## Twice {#twice}\n\n## Again {#twice}\n",
     "ERROR   -  docs/guide.md:5: the section 'Again' has the slug 'twice', already used by the section on "
     "line 3. Fix: Rename it, or give it its own slug: ## Again {#another-slug}"),
    ("# T\n\n## ???\n",
     "ERROR   -  docs/guide.md:3: the heading '???' gives an empty URL slug. "
     "Fix: Add letters or digits to it, or give it a slug: ## ??? {#my-slug}"),
])
def test_bad_guides_stop_the_build_with_file_line_and_fix(tmp_path: Path, guide: str, message: str):
    stderr = failed_build(make_project(tmp_path, guide), tmp_path / "site")
    assert message in stderr


def test_intro_text_goes_to_the_landing_page(tmp_path: Path):
    project = make_project(tmp_path, "# T\n\nWelcome, reader.\n\n## A\n\nText.\n")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    landing = (tmp_path / "site" / "plants" / "index.html").read_text()
    assert "Welcome, reader." in landing
    assert 'href="a.html"' in landing


def test_every_problem_in_the_guide_is_reported_in_one_build(tmp_path: Path):
    guide = "## Early\n\n# T\n\n## ???\n\n## Fine\n\n## !!!\n"
    stderr = failed_build(make_project(tmp_path, guide), tmp_path / "site")
    assert ("ERROR   -  The guide cannot be split into pages:\n"
            "  docs/guide.md:5: the heading '???' gives an empty URL slug. Fix: Add letters or digits to it, or "
            "give it a slug: ## ??? {#my-slug}\n"
            "  docs/guide.md:9: the heading '!!!' gives an empty URL slug. Fix: Add letters or digits to it, or "
            "give it a slug: ## !!! {#my-slug}") in stderr


def test_mkdocs_link_warnings_name_the_guide_line_and_the_fix(tmp_path: Path):
    guide = ("# T\n\nIntro with a [broken](missing.md) link.\n\n## A\n\nSee [nowhere](#nope) and "
             "[the guide](guide.md#nope-again).\n\n## B\n\nRead [A](#a), then [elsewhere](other.md).\n")
    stderr = failed_build(make_project(tmp_path, guide), tmp_path / "site")
    assert problems(stderr) == [
        "WARNING -  docs/guide.md:3: the guide contains a link 'missing.md', but the target 'missing.md' is not "
        "found among documentation files. Fix: Link to a file inside the docs folder, written relative to the "
        "guide file.",
        "WARNING -  docs/guide.md:11: the guide contains a link 'other.md', but the target 'other.md' is not "
        "found among documentation files. Fix: Link to a file inside the docs folder, written relative to the "
        "guide file.",
        "WARNING -  docs/guide.md:7: the guide contains a link '#nope', but there is no such anchor on this "
        "page. Fix: Link to a heading or an anchor that the guide has.",
        "WARNING -  docs/guide.md:7: the guide contains a link 'guide.md#nope-again', but the guide does not "
        "contain an anchor '#nope-again'. Fix: Link to a heading or an anchor that the guide has.",
    ]


def test_a_fence_never_closed_fails_a_strict_build_at_its_line(tmp_path: Path):
    guide = "# T\n\n## A\n\n```python\nprint(1)\n\n## B\n\nText.\n"
    stderr = failed_build(make_project(tmp_path, guide), tmp_path / "site")
    assert problems(stderr) == [
        "WARNING -  guide_widgets: docs/guide.md:5: this code fence is never closed, so Markdown shows it and "
        "everything after it as plain text. Fix: Close it with a line of the same backticks or tildes."]


def test_front_matter_and_badges_before_the_title_go_to_the_landing_page(tmp_path: Path):
    guide = ("---\ntitle: Plant care\ndescription: Keeping houseplants alive.\n# not the title\n---\n"
             "<!-- badges: keep them short -->\n[![Checked](badge.svg)](https://example.org)\n\n"
             "# Keeping plants\n\nWelcome.\n\n## Light\n\nBright.\n")
    project = make_project(tmp_path, guide, **{"badge.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>'})
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    landing = (tmp_path / "site" / "plants" / "index.html").read_text()
    assert "<title>Plant care - Houseplant care</title>" in landing
    assert '<meta name="description" content="Keeping houseplants alive.">' in landing
    assert '<img alt="Checked" src="../badge.svg"' in landing
    assert landing.index('alt="Checked"') < landing.index('<h1 id="keeping-plants">Keeping plants')
    assert "not the title" not in landing and "title: Plant care" not in landing
    assert '<a href="light.html"' in landing


def test_a_widget_may_link_to_a_numbered_heading(tmp_path: Path):
    guide = ("# T\n\n## 1. Glossary\n\nWords.\n\n## 2. Tools\n\n/// period | Days\ndays: 7\nstages:\n"
             "  - from: 0\n    text: Wait.\n    link: \"#1-glossary\"\n///\n")
    result = mkdocs_build(make_project(tmp_path, guide), tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "plants" / "1-glossary.html").is_file()
    assert 'href="1-glossary.html"' in (tmp_path / "site" / "plants" / "2-tools.html").read_text()


def test_missing_guide_file_stops_the_build(tmp_path: Path):
    project = make_project(tmp_path, "")
    (project / "docs" / "guide.md").unlink()
    stderr = failed_build(project, tmp_path / "site")
    assert ("ERROR   -  docs/guide.md: the guide document was not found. Fix: create it, or set 'guide:' under "
            "'plugins: - guide_widgets:' in mkdocs.yml to the guide's path inside docs_dir (or remove 'guide:' to "
            "add widgets to the site's own pages).") in stderr


def test_a_page_that_would_overwrite_an_existing_file_stops_the_build(tmp_path: Path):
    project = make_project(tmp_path, "# T\n\n## About\n", **{"plants/about.md": "# Mine\n"})
    stderr = failed_build(project, tmp_path / "site")
    assert "ERROR   -  docs/guide.md:3: the page for 'About' would be docs/plants/about.md, which already exists." \
        in stderr


def test_missing_prerequisite_extension_is_named(tmp_path: Path):
    project = make_project(tmp_path, "# T\n\n## A\n")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - attr_list\n", ""))
    stderr = failed_build(project, tmp_path / "site")
    assert ("guide_widgets needs the Markdown extension 'attr_list': it reads explicit slugs such as "
            "'## Heading {#my-slug}'. Fix: add '- attr_list' under markdown_extensions in mkdocs.yml.") \
        in stderr


# --- Pyodide, self-hosted ---------------------------------------------------------------------------------

def test_pyodide_runtime_files_are_copied_under_one_folder(built_site: Path):
    copied = sorted(p.name for p in (built_site / "assets" / "pyodide").iterdir())
    reduced = [name for name in copied if re.fullmatch(r"python_stdlib-[0-9a-f]{12}\.zip", name)]
    # The standard library the widgets use (stdlib.py), beside the full one, and the Python made ready at build
    # time with the archive it boots with (snapshot.py: what it left unimported, here nothing).
    assert len(reduced) == 2
    prepared = [name for name in copied if re.fullmatch(r"python-ready-[0-9a-f]{12}\.gz", name)]
    assert copied == sorted([*PYODIDE_FILES, *reduced, *prepared]) and len(prepared) == 1
    source = ROOT / "node_modules" / "pyodide"
    for name in PYODIDE_FILES:
        assert (built_site / "assets" / "pyodide" / name).read_bytes() == (source / name).read_bytes()


def test_package_json_pins_the_version_the_plugin_checks():
    assert json.loads((ROOT / "package.json").read_text())["dependencies"]["pyodide"] == PYODIDE_VERSION
    lock = json.loads((ROOT / "package-lock.json").read_text())
    assert lock["packages"]["node_modules/pyodide"]["version"] == PYODIDE_VERSION


def _fake_node_modules(tmp_path: Path, version: str | None) -> Path:
    folder = tmp_path / "node_modules" / "pyodide"
    folder.mkdir(parents=True)
    if version:
        (folder / "package.json").write_text(json.dumps({"version": version}))
    return folder


def _with_pyodide_dir(project: Path, folder: Path | str) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("pages_dir: plants", f"pages_dir: plants\n      pyodide_dir: {folder}"))


@pytest.mark.parametrize(("version", "npm", "message"), [
    (None, False, f"ERROR   -  Pyodide {PYODIDE_VERSION} is not installed in {{folder}}: run `guide-widgets setup` in "
                  "the folder of mkdocs.yml."),
    ("0.26.0", False, f"ERROR   -  Pyodide 0.26.0 is installed in {{folder}}, but this site needs {PYODIDE_VERSION}: "
                      "run `guide-widgets setup` in the folder of mkdocs.yml."),
    ("0.26.0", True, f"ERROR   -  Pyodide 0.26.0 is installed in {{folder}}, but this site needs {PYODIDE_VERSION}: "
                     "run `npm ci` in the project folder (or `guide-widgets setup`)."),
])
def test_missing_or_wrong_pyodide_stops_the_build_in_one_line(tmp_path: Path, version, npm, message):
    """The fix names a command the author has: the plugin's own, or npm's where the project pins Pyodide with it."""
    project = make_project(tmp_path, "# T\n\n## A\n\n/// period | P\nstages:\n  - {from: 0, text: a}\n///\n")
    modules = _fake_node_modules(tmp_path, version)
    if npm:
        shutil.copy2(ROOT / "package-lock.json", modules.parent.parent / "package-lock.json")
    _with_pyodide_dir(project, modules)
    stderr = failed_build(project, tmp_path / "site")
    assert message.format(folder=modules) in stderr.splitlines()


def _pyodide_copy(folder: Path) -> Path:
    """The pinned files in a folder of their own, as an author who vendors them (no package.json, no npm)."""
    folder.mkdir(parents=True)
    for name in (*PYODIDE_FILES, "pyodide-lock.json"):
        shutil.copy2(ROOT / "node_modules" / "pyodide" / name, folder / name)
    return folder


def test_pyodide_can_come_from_any_folder_holding_the_pinned_files(tmp_path: Path):
    project = make_project(tmp_path, (FIXTURES / "second-guide" / "docs" / "guide.md").read_text(encoding="utf-8"))
    (project / "node_modules").unlink()  # no npm package at all: only the folder the option names
    vendored = _pyodide_copy(tmp_path / "vendor" / "pyodide-314")
    _with_pyodide_dir(project, "../vendor/pyodide-314")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert 'data-gw-kind="period"' in (tmp_path / "site" / "plants" / "repotting.html").read_text()
    for name in PYODIDE_FILES:
        assert (tmp_path / "site" / "assets" / "pyodide" / name).read_bytes() == (vendored / name).read_bytes()


@pytest.mark.parametrize(("change", "complaint"), [
    ("remove", "Pyodide in {folder} lacks python_stdlib.zip"),
    ("truncate", "The Pyodide files in {folder} are not those of Pyodide 314.0.7 (python_stdlib.zip differ)"),
])
def test_a_pyodide_folder_with_missing_or_other_files_stops_the_build_in_one_line(tmp_path: Path, change, complaint):
    project = make_project(tmp_path, "# T\n\n## A\n")
    vendored = _pyodide_copy(tmp_path / "vendor")
    stdlib = vendored / "python_stdlib.zip"
    if change == "remove":
        stdlib.unlink()
    else:
        stdlib.write_bytes(stdlib.read_bytes()[:1000])
    _with_pyodide_dir(project, vendored)
    stderr = failed_build(project, tmp_path / "site")
    errors = [line for line in stderr.splitlines() if line.startswith("ERROR")]
    assert errors == [f"ERROR   -  {complaint.format(folder=vendored)}: copy the files of Pyodide {PYODIDE_VERSION} "
                      f"({', '.join(PYODIDE_FILES)}, pyodide-lock.json) into it, or point pyodide_dir at "
                      "node_modules/pyodide."]


def test_the_old_node_modules_option_names_its_replacement(tmp_path: Path):
    project = make_project(tmp_path, "# T\n\n## A\n")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("pages_dir: plants", "pages_dir: plants\n      node_modules: node_modules"))
    stderr = failed_build(project, tmp_path / "site")
    assert "the option 'node_modules' is now 'pyodide_dir', the Pyodide folder itself. Fix: write " \
           "'pyodide_dir: <your node_modules>/pyodide' under guide_widgets in mkdocs.yml." in stderr


class _Resources(HTMLParser):
    """Collects every URL a page makes the browser load: scripts, styles, images, fonts, frames, media."""

    LOADING = {("script", "src"), ("img", "src"), ("img", "srcset"), ("iframe", "src"), ("frame", "src"),
               ("source", "src"), ("source", "srcset"), ("audio", "src"), ("video", "src"), ("video", "poster"),
               ("embed", "src"), ("object", "data"), ("track", "src"), ("input", "src"), ("image", "href")}
    LINK_RELS = {"stylesheet", "icon", "preload", "prefetch", "modulepreload", "preconnect", "dns-prefetch",
                 "manifest", "apple-touch-icon", "shortcut icon"}

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name, value in values.items():
            if (tag, name) in self.LOADING:
                self.urls += [part.strip().split(" ")[0] for part in value.split(",")] if "srcset" in name \
                    else [value]
        if tag == "link" and values.get("rel", "").lower() in self.LINK_RELS:
            self.urls.append(values.get("href", ""))
        if "style" in values:
            self.styles.append(values["style"])
        self._in_style = tag == "style"

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)


CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)|@import\s+['\"]([^'\"]+)")
JS_WORKER = re.compile(r"new (?:Shared)?Worker\(\s*['\"]([^'\"]+)")


def _external(url: str) -> bool:
    parts = urlsplit(urljoin("https://site.invalid/page/", url))
    return parts.scheme not in ("data", "blob") and parts.netloc != "site.invalid"


def test_no_built_page_loads_anything_from_another_origin(built_site: Path):
    offenders: list[str] = []
    checked = 0
    for page in built_site.rglob("*.html"):
        parser = _Resources()
        parser.feed(page.read_text(encoding="utf-8"))
        urls = parser.urls + [m.group(1) or m.group(2) for s in parser.styles for m in CSS_URL.finditer(s)]
        offenders += [f"{page.relative_to(built_site)}: {url}" for url in urls if url and _external(url)]
        checked += 1
    for sheet in built_site.rglob("*.css"):
        urls = [m.group(1) or m.group(2) for m in CSS_URL.finditer(sheet.read_text(encoding="utf-8"))]
        offenders += [f"{sheet.relative_to(built_site)}: {url}" for url in urls if _external(url)]
    for script in (built_site / "assets" / "guide-widgets").glob("*.js"):
        offenders += [f"{script.name}: {url}" for url in JS_WORKER.findall(script.read_text()) if _external(url)]
    assert checked > 10
    assert offenders == []


def test_the_walk_finds_an_external_resource(tmp_path: Path):
    """The walk above must be able to fail: a page with a CDN script is caught."""
    parser = _Resources()
    parser.feed('<link rel="stylesheet" href="https://fonts.googleapis.com/css"><script src="/x.js"></script>'
                '<div style="background: url(//cdn.example.com/a.png)"></div>')
    urls = parser.urls + [m.group(1) or m.group(2) for s in parser.styles for m in CSS_URL.finditer(s)]
    assert [url for url in urls if _external(url)] == ["https://fonts.googleapis.com/css", "//cdn.example.com/a.png"]


def test_pages_without_widgets_carry_no_widget(built_site: Path):
    for slug in ("investing-in-yourself", "privacy", "about"):
        html = (built_site / slug / "index.html").read_text()
        assert "data-gw-kind" not in html
        assert "assets/pyodide" not in html


def test_a_bad_widget_in_the_guide_stops_the_build_at_its_guide_line(tmp_path: Path):
    guide = ("# T\n\n## A\n\nText.\n\n## B\n\n/// period | Days\ndays: 0\nstages:\n  - from: 0\n    text: x\n"
             "///\n")
    stderr = failed_build(make_project(tmp_path, guide), tmp_path / "site")
    assert ("docs/guide.md:10: widget '/// period': 'days': expected a whole number from 1 to 365, got 0. "
            "Fix: Give 'days' a whole number from 1 to 365.") in stderr


def test_a_bad_widget_on_an_ordinary_page_names_that_page(tmp_path: Path):
    page = "---\ntitle: Extra\n---\n\n# Extra\n\n/// walk-away | Q\n///\n"
    stderr = failed_build(make_project(tmp_path, "# T\n\n## A\n", **{"extra.md": page}), tmp_path / "site")
    assert "docs/extra.md:7: unknown block '/// walk-away'." in stderr


def test_the_dev_server_leaves_out_the_policy_so_live_reload_works(tmp_path: Path):
    # `mkdocs serve` injects an inline live-reload script into each page; a policy would refuse it.
    page, errors = served_page(ROOT, "making-amends/the-no-contact-rule/")
    assert 'data-gw-kind="period"' in page
    assert "livereload(" in page
    assert "Content-Security-Policy" not in page
    assert 'src="../assets/guide-widgets/widgets.js"' in page
    assert "Pages are served without their Content-Security-Policy" in errors


def served_page(project: Path, path: str) -> tuple[str, str]:
    """A page as `mkdocs serve` of `project` serves it on a free local port, and what the server printed."""
    with dev_server(project, path) as server, urllib.request.urlopen(server.url + path) as reply:
        page = reply.read().decode("utf-8")
    return page, server.said


# --- An author's own widget kinds -------------------------------------------------------------------------

def _own_kinds_project(tmp_path: Path, kinds: dict[str, dict[str, str]], guide: str = "# T\n\n## A\n") -> Path:
    project = make_project(tmp_path, guide)
    for kind, parts in kinds.items():
        folder = project / "widgets" / kind
        folder.mkdir(parents=True)
        for name, text in parts.items():
            (folder / name).write_text(text, encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("pages_dir: plants", "pages_dir: plants\n      widgets_dir: widgets"))
    return project


GOOD_SPEC = "from guide_widgets.specs import Text, WidgetSpec\n\n\nclass Spec(WidgetSpec):\n    label = Text()\n"
GOOD_FORM = ('{% extends "_widget.html" %}\n{% block fields %}\n<label for="{{ id }}-n">{{ spec.label }}</label>\n'
             '<input id="{{ id }}-n" name="n">\n{% endblock %}\n')
GOOD_LOGIC = ("from guide_widgets.logic import el, result, say, say_text\n\n\ndef evaluate(spec, fields, context):\n"
              "    return result([el('p', spec['label'] + ': ' + str(fields.get('n', '')))])\n")
# A kind written before `context`: its words and language came in the spec, today as a string.
OLDER_LOGIC = ("from datetime import date\n\nfrom guide_widgets.logic import el, result, say\n\n\n"
               "def evaluate(spec, fields, today):\n"
               "    return result([el('p', *say(spec, 'said', word=fields.get('n', '')))],\n"
               "                  weekday=date.fromisoformat(today).isoweekday(), lang=spec['lang'])\n")
OLDER_STRINGS = "en:\n  said: \"You said {word}.\"\n"


def test_an_authors_kind_is_used_like_a_built_in_one(tmp_path: Path):
    guide = "# T\n\n## A\n\n/// echo | Say it\nlabel: Your word\n///\n"
    project = _own_kinds_project(tmp_path, {"echo": {"spec.py": GOOD_SPEC, "form.html": GOOD_FORM,
                                                     "logic.py": GOOD_LOGIC}}, guide)
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    page = (site / "plants" / "a.html").read_text()
    assert 'data-gw-kind="echo"' in page and '<label for="gw-1-n">Your word</label>' in page
    archive = next((site / "assets" / "guide-widgets").glob("logic-*.zip"))
    with zipfile.ZipFile(archive) as logic:
        assert logic.read("guide_kinds/echo/logic.py").decode() == GOOD_LOGIC
        assert "'echo': 'guide_kinds.echo.logic'" in logic.read("guide_widgets_registry.py").decode()


def test_a_kind_in_the_older_form_still_works_and_the_build_says_how_to_update_it(tmp_path: Path):
    guide = "# T\n\n## A\n\n/// echo | Say it\nlabel: Your word\n///\n"
    kind = {"spec.py": GOOD_SPEC, "form.html": GOOD_FORM, "logic.py": OLDER_LOGIC, "strings.yml": OLDER_STRINGS}
    project = _own_kinds_project(tmp_path, {"echo": kind}, guide)
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0 and problems(result) == [], result.stderr  # a note, not a warning: --strict passes
    assert ("INFO    -  guide_widgets: widgets/echo/logic.py:6: 'evaluate(spec, fields, today)' is the older form: it still works, "
            "with the kind's words and the page's language put into its spec as 'strings' and 'lang'") in result.stderr
    assert "Fix: write 'def evaluate(spec, fields, context)'" in result.stderr
    # It answers as before, in CPython and in Pyodide.
    for pyodide in (False, True):
        echo = Widget(project / "widgets" / "echo", pyodide=pyodide, pyodide_dir=ROOT / "node_modules" / "pyodide")
        answer = echo(echo.spec("label: Word"), {"n": "yes"}, today="2026-12-03")
        assert answer["facts"] == {"weekday": 4, "lang": "en"}
        assert "".join(child["v"] for child in answer["view"][0]["c"]) == "You said yes."


def test_in_todays_form_the_spec_is_the_authors_options_alone(tmp_path: Path):
    spec = ("from guide_widgets.specs import Text, WidgetSpec\n\n\nclass Spec(WidgetSpec):\n"
            "    lang = Text()\n")
    logic = ("from guide_widgets.logic import result\n\n\ndef evaluate(spec, fields, context):\n"
             "    return result([], options=spec, today=context.today.isoformat(), language=context.language,\n"
             "                  words=dict(context.words))\n")
    folder = tmp_path / "widgets" / "langs"
    folder.mkdir(parents=True)
    for name, text in {"spec.py": spec, "form.html": GOOD_FORM, "logic.py": logic, "strings.yml": OLDER_STRINGS}.items():
        (folder / name).write_text(text)
    langs = Widget(folder, language="en")
    answer = langs(langs.spec("lang: Latin"), {}, today=datetime.date(2026, 12, 3))
    assert answer["facts"] == {"options": {"lang": "Latin"}, "today": "2026-12-03",
                               "language": "en", "words": {"said": "You said {word}."}}


def test_every_mistake_in_an_authors_kinds_is_named_with_file_line_and_fix(tmp_path: Path):
    kinds = {
        "no_logic": {"spec.py": GOOD_SPEC, "form.html": GOOD_FORM, "logic.py": "import json\n"},
        "bad_args": {"spec.py": GOOD_SPEC, "form.html": GOOD_FORM, "logic.py": "def evaluate(spec, fields):\n    pass\n"},
        "heavy": {"spec.py": GOOD_SPEC, "form.html": GOOD_FORM, "logic.py": "import math\n\nimport numpy\n\n\n" +
                  GOOD_LOGIC.split("\n\n\n", 1)[1]},
        "bad_form": {"spec.py": GOOD_SPEC, "form.html": "{% block fields %}\n{% if %}\n", "logic.py": GOOD_LOGIC},
        "no_spec": {"spec.py": "LABEL = 1\n", "form.html": GOOD_FORM, "logic.py": GOOD_LOGIC},
        "broken_spec": {"spec.py": "import guide_widgets.specs\n\nraise ValueError('oops')\n", "form.html": GOOD_FORM,
                        "logic.py": GOOD_LOGIC},
        "half": {"logic.py": GOOD_LOGIC},
        "quiz": {"spec.py": GOOD_SPEC, "form.html": GOOD_FORM, "logic.py": GOOD_LOGIC},
        # An option given a keyword it does not take: the real TypeError, at its line, not "no Spec".
        "typo_spec": {"spec.py": GOOD_SPEC + '    note = Text(optional=True)\n', "form.html": GOOD_FORM,
                      "logic.py": GOOD_LOGIC},
        # The logic's top level runs at build, as in the browser.
        "top_level": {"spec.py": GOOD_SPEC, "form.html": GOOD_FORM, "logic.py": GOOD_LOGIC + "LIMIT = 1 / 0\n"},
        # say() with a key no language of strings.yml has; say_text() with one that only German has is fine.
        "unsaid": {"spec.py": GOOD_SPEC, "form.html": GOOD_FORM, "strings.yml": "en:\n  said: Said.\nde:\n  only: Nur.\n",
                   "logic.py": GOOD_LOGIC + "\n\ndef _words(context):\n    return say(context, 'sayd'), say_text(context, 'only')\n"},
    }
    stderr = failed_build(_own_kinds_project(tmp_path, kinds), tmp_path / "site")
    assert ("ERROR   -  Bad widget kinds:\n"
            "  widgets/bad_args/logic.py:1: 'evaluate' takes (spec, fields), not three arguments. Fix: define it "
            "as 'def evaluate(spec, fields, context)'.\n"
            "  widgets/bad_form/form.html:2: the form template has an error: Expected an expression, got 'end of "
            "statement block'. Fix: correct the Jinja syntax.\n"
            "  widgets/broken_spec/spec.py:3: running it failed: ValueError: oops. Fix: correct spec.py at that line.\n"
            "  widgets/half: the kind 'half' lacks spec.py, form.html. Fix: add them; every kind has spec.py, "
            "form.html and logic.py.\n"
            "  widgets/heavy/logic.py:3: imports 'numpy', which the reader's browser does not have: widget logic "
            "runs in Pyodide with its standard library only. Fix: use the standard library, guide_widgets.logic "
            "and the built-in kinds' logic, or copy the code you need into logic.py.\n"
            "  widgets/no_logic/logic.py:1: there is no top-level 'def evaluate(spec, fields, context)'. Fix: add "
            "it: it gets the block's options, the form's values and the context (the reader's date, the page's "
            "language, the kind's words), and returns result(...).\n"
            "  widgets/no_spec/spec.py:1: there is no 'class Spec(WidgetSpec)'. Fix: declare the block's options "
            "in a class named Spec that extends guide_widgets.specs.WidgetSpec.\n"
            "  widgets/quiz: the kind 'quiz' has the name of a built-in kind. Fix: rename the folder.\n"
            "  widgets/top_level/logic.py:6: running it failed: ZeroDivisionError: division by zero. Fix: correct "
            "logic.py at that line.\n"
            "  widgets/typo_spec/spec.py:6: running it failed: TypeError: Text() takes no 'optional='; it takes "
            "default=. For an option a block may leave out, write optional(Text()). Fix: correct spec.py at that "
            "line.\n"
            "  widgets/unsaid/logic.py:9: say() names the string 'sayd', which widgets/unsaid/strings.yml does "
            "not define. Fix: Did you mean 'said'? Add 'sayd: <text>' under 'en:' in widgets/unsaid/strings.yml, "
            "and in every other language there.") in stderr


def test_a_form_that_fails_while_rendering_is_named_at_its_line(tmp_path: Path):
    guide = "# T\n\n## A\n\n/// echo | Say it\nlabel: Your word\n///\n"
    form = GOOD_FORM.replace("{{ spec.label }}", "{{ spec.lable }}")
    project = _own_kinds_project(tmp_path, {"echo": {"spec.py": GOOD_SPEC, "form.html": form, "logic.py": GOOD_LOGIC}},
                                 guide)
    assert ("  docs/guide.md:5: widget '/// echo': its form failed at widgets/echo/form.html:3: UndefinedError: "
            "'dict object' has no attribute 'lable'. Fix: Correct widgets/echo/form.html at line 3.") \
        in failed_build(project, tmp_path / "site")


def test_a_missing_translation_names_the_kinds_strings_file_the_line_and_the_keys(tmp_path: Path):
    strings = "en:\n  said: Said.\n  heard: Heard.\nde:\n  said: Gesagt.\n"
    project = _with_plugin_options(_own_kinds_project(tmp_path, {"echo": {
        "spec.py": GOOD_SPEC, "form.html": GOOD_FORM, "logic.py": GOOD_LOGIC, "strings.yml": strings}},
        "# T\n\n## A\n\n/// echo | Say it\nlabel: Dein Wort\n///\n"), "de", "")
    stderr = failed_build(project, tmp_path / "site")
    assert ("ERROR   -  guide_widgets: widgets/echo/strings.yml:4: no 'de' text for 'heard'. Fix: add it under "
            "'de:' in widgets/echo/strings.yml (or under 'strings:' for the plugin in mkdocs.yml, as 'echo.heard').") \
        in stderr
    assert "theme.language" not in stderr  # the language is set already: the file is what lacks it


def test_a_kind_no_page_uses_owes_no_texts_in_the_sites_language(tmp_path: Path):
    strings = "en:\n  said: Said.\n  heard: Heard.\n"  # English only
    project = _with_plugin_options(_own_kinds_project(tmp_path, {"echo": {
        "spec.py": GOOD_SPEC, "form.html": GOOD_FORM, "logic.py": GOOD_LOGIC, "strings.yml": strings}},
        "# T\n\n## A\n\n/// quiz | Q\nquestions:\n  - text: Eins?\n    answers:\n      - label: Ja\n"
        "        weight: 1\n      - label: Nein\n        weight: 0\nbands:\n  - {min: 0, title: Gut, text: Gut.}\n///\n"), "de", "")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert problems(result) == []


def test_every_bad_block_of_every_page_stops_one_build_after_the_link_warnings(tmp_path: Path):
    guide = ("# T\n\n## Der Tag des Gesprächs\n\n/// quiz | One\nquestons: []\n///\n\n## Zwei\n\n"
             "See [the day](#der-tag-des-gesprächs).\n\n/// perod | Two\n///\n\n## Drei\n\n"
             "/// checklist | Three\ngroups:\n  - legend: L\n    items: [x]\n")
    stderr = failed_build(make_project(tmp_path, guide), tmp_path / "site")
    assert stderr.count("ERROR") == 1
    assert ("WARNING -  docs/guide.md:11: the guide contains a link '#der-tag-des-gesprächs', but there is no such "
            "anchor on this page. Fix: Did you mean '#der-tag-des-gesprachs'? Link to a heading or an anchor "
            "that the guide has.") in stderr
    assert ("ERROR   -  Bad widget blocks:\n"
            "  docs/guide.md:6: widget '/// quiz': unknown option 'questons'. The options are: questions, bands, "
            "min_answered. Fix: Did you mean 'questions'? Correct the spelling, or remove 'questons'.\n"
            "  docs/guide.md:13: unknown block '/// perod'. Fix: Did you mean '/// period'? Use a widget kind "
            "(checklist, period, quiz).\n"
            "  docs/guide.md:18: the widget block '/// checklist' is never closed: the rest of the page would be "
            "read as its options. Fix: End the block with a line of '///' after its options.\n") in stderr
    assert stderr.index("WARNING -  docs/guide.md:11") < stderr.index("Bad widget blocks")


def test_a_missing_widgets_dir_is_named(tmp_path: Path):
    project = _own_kinds_project(tmp_path, {})
    stderr = failed_build(project, tmp_path / "site")
    assert ("ERROR   -  widgets: the folder of your own widget kinds was not found. Fix: create it, or correct "
            "'widgets_dir' under 'plugins: - guide_widgets:' in mkdocs.yml.") in stderr


# --- Strings in the guide's language ----------------------------------------------------------------------

def _with_plugin_options(project: Path, theme_language: str, options: str) -> Path:
    config = project / "mkdocs.yml"
    text = config.read_text().replace("pages_dir: plants", f"pages_dir: plants\n{options}")
    config.write_text(text.replace("  font: false", f"  font: false\n  language: {theme_language}"))
    return project


QUIZ_BLOCK = ("/// quiz | Q\nquestions:\n  - text: Une ?\n    answers:\n      - label: Oui\n        weight: 1\n"
              "      - label: Non\n        weight: 0\nbands:\n  - {min: 0, title: Bien, text: Bien.}\n///\n")


def test_a_language_without_a_catalogue_owes_only_the_strings_of_the_kinds_in_use(tmp_path: Path):
    project = _with_plugin_options(make_project(tmp_path, f"# T\n\n## A\n\n{QUIZ_BLOCK}"), "fr", "")
    stderr = failed_build(project, tmp_path / "site")
    error = next(line for line in stderr.splitlines() if line.startswith("ERROR"))
    owed = len(strings_of("widget")) + len(strings_of("quiz"))
    assert error.startswith(f"ERROR   -  guide_widgets: the widgets this site uses have no 'fr' text for {owed} "
                            "strings: quiz.answer_more (en: one: \"Answer {count} more question to see a result.\" "
                            "/ other: \"Answer {count} more questions to see a result.\"); ")
    assert "checklist." not in error and "period." not in error
    assert error.endswith("Fix: run `guide-widgets strings fr`: it writes them all, with the English beside each, "
                          "into widget-strings.fr.yml; fill them in and set 'strings: widget-strings.fr.yml' for "
                          "the plugin in mkdocs.yml. Or set theme.language to one of: de, en.")


def strings_of(namespace: str) -> dict[str, object]:
    from guide_widgets._internal.widgets.registry import builtin_kinds
    from guide_widgets._internal.widgets.strings import FRAME_FILE, catalogue

    path = FRAME_FILE if namespace == "widget" else builtin_kinds()[namespace].folder / "strings.yml"
    return catalogue(path)["en"]


def test_the_strings_command_writes_what_a_language_owes_and_a_filled_file_builds(tmp_path: Path):
    project = make_project(tmp_path, f"# T\n\n## A\n\n{QUIZ_BLOCK}")
    command = [sys.executable, "-m", "guide_widgets._internal.authoring.cli", "strings", "fr"]
    run = subprocess.run(command, cwd=project, capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    written = project / "widget-strings.fr.yml"
    text = written.read_text(encoding="utf-8")
    assert "# en: Try again\nwidget.retry: \"\"" in text
    assert "quiz.answer_more:\n  # en: Answer {count} more question to see a result.\n  one: \"\"" in text
    assert "period." not in text and "checklist." not in text  # the site uses neither
    assert run.stdout.startswith("Wrote widget-strings.fr.yml: the texts of the widget frame and of quiz in 'fr'")
    # Filled in (here: every text in capitals), it is what the build reads; a second run keeps what is filled.
    filled = re.sub(r'^(\s*[\w.]+): ""$', r'\1: "RÉPONSE"', text, flags=re.M)
    written.write_text(filled.replace('widget.retry: "RÉPONSE"', 'widget.retry: "Réessayer"'), encoding="utf-8")
    rerun = subprocess.run(command, cwd=project, capture_output=True, text=True, check=False)
    assert rerun.returncode == 0, rerun.stderr
    assert 'widget.retry: "Réessayer"' in written.read_text(encoding="utf-8")
    assert "0 of them still empty" in rerun.stdout
    _with_plugin_options(project, "fr", "      strings: widget-strings.fr.yml\n")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "plants" / "a.html").read_text(encoding="utf-8")
    assert "Réessayer" in page or "RÉPONSE" in page


def test_an_override_naming_no_string_is_refused(tmp_path: Path):
    options = "      strings:\n        widget.retry: Encore\n        quiz.answred: typo\n"
    result = mkdocs_build(_with_plugin_options(make_project(tmp_path, "# T\n\n## A\n"), "en", options),
                          tmp_path / "site")
    assert result.returncode == 1
    assert ("ERROR   -  guide_widgets: 'strings' names quiz.answred, which no widget uses. Fix: correct the names "
            "under 'strings:' in mkdocs.yml; they are written 'widget.key' or 'kind.key', as in the plugin's "
            "strings.yml files.") in result.stderr


def test_overrides_and_a_blocks_own_words_reach_the_page(tmp_path: Path):
    guide = ("# T\n\n## A\n\n/// period | Days\ndays: 7\nstages:\n  - from: 0\n    text: Wait.\nstrings:\n"
             "  start_label: The day you planted it\n///\n")
    options = "      strings:\n        widget.noscript: Turn on JavaScript for this one.\n"
    site = tmp_path / "site"
    result = mkdocs_build(_with_plugin_options(make_project(tmp_path, guide), "en", options), site)
    assert result.returncode == 0, result.stderr
    page = (site / "plants" / "a.html").read_text()
    assert '<label for="gw-1-start">The day you planted it</label>' in page
    assert "Turn on JavaScript for this one." in page


def test_a_blocks_words_must_be_the_kinds_own(tmp_path: Path):
    guide = "# T\n\n## A\n\n/// period | Days\nstages:\n  - from: 0\n    text: Wait.\nstrings:\n  start_lable: x\n///\n"
    stderr = failed_build(make_project(tmp_path, guide), tmp_path / "site")
    assert "docs/guide.md:10: widget '/// period': 'strings': this kind has no string 'start_lable'. Fix: Did you mean 'start_label'? Use one " \
           "of: calendar, calendar_file, date_invalid," in stderr


# --- A new author's first project -------------------------------------------------------------------------

def test_a_new_project_builds_strict_and_serves_on_the_first_try(tmp_path: Path):
    project = tmp_path / "my guide"
    made = subprocess.run([sys.executable, "-m", "guide_widgets._internal.authoring.cli", "new", str(project)], capture_output=True,
                          text=True, check=False)
    assert made.returncode == 0, made.stderr
    assert sorted(p.name for p in project.iterdir()) == [".github", ".gitignore", "README.md", "docs", "mkdocs.yml",
                                                         "package-lock.json", "package.json"]
    assert json.loads((project / "package.json").read_text())["dependencies"] == {"pyodide": PYODIDE_VERSION}
    # The lock file `npm ci` needs pins what this repository's own lock pins for Pyodide, and the folder's name.
    lock, ours = (json.loads(path.read_text()) for path in (project / "package-lock.json", ROOT / "package-lock.json"))
    assert lock["name"] == lock["packages"][""]["name"] == "my-guide"
    assert {name: entry for name, entry in lock["packages"].items() if name} == \
        {name: ours["packages"][name] for name in lock["packages"] if name}, \
        "the starter's package-lock.json is stale: regenerate it with npm install --package-lock-only"
    workflow = (project / ".github" / "workflows" / "pages.yml").read_text()
    assert f'"mkdocs-guide-widgets=={metadata.version("mkdocs-guide-widgets")}"' in workflow
    (project / "node_modules").symlink_to(ROOT / "node_modules")  # what `npm ci` puts there
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    assert problems(result) == []
    kinds = {kind for page in site.rglob("index.html") for kind in re.findall(r'data-gw-kind="([^"]+)"',
                                                                              page.read_text())}
    assert kinds == {"checklist", "period", "quiz"}
    for page in site.rglob("index.html"):  # the built-in kinds speak of no topic of their own
        assert not re.search(r"apolog|contact|walk.away", page.read_text(), re.IGNORECASE), page

    page, _ = served_page(project, "keeping-track/")
    assert '<label for="gw-1-start">The day you started</label>' in page


def test_new_refuses_a_folder_that_is_not_empty(tmp_path: Path):
    (tmp_path / "notes.txt").write_text("mine")
    result = subprocess.run([sys.executable, "-m", "guide_widgets._internal.authoring.cli", "new", str(tmp_path)], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 1
    assert result.stderr == f"guide-widgets: {tmp_path} is not an empty folder. Fix: name a new folder, or an empty one.\n"
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_an_authors_strings_file_is_checked(tmp_path: Path):
    kinds = {"echo": {"spec.py": GOOD_SPEC, "form.html": GOOD_FORM, "logic.py": GOOD_LOGIC,
                      "strings.yml": "en:\n  a: [unclosed\n"},
             "echo_two": {"spec.py": GOOD_SPEC, "form.html": GOOD_FORM, "logic.py": GOOD_LOGIC,
                          "strings.yml": "de:\n  a: Hallo\n"}}
    stderr = failed_build(_own_kinds_project(tmp_path, kinds), tmp_path / "site")
    assert "  widgets/echo/strings.yml:3: not valid YAML (" in stderr
    assert ("  widgets/echo_two/strings.yml:1: there are no English strings. Fix: give every string under 'en:', "
            "the reference other languages are checked against.") in stderr


def test_the_download_a_reader_is_told_about_is_what_a_static_host_sends():
    import gzip

    from guide_widgets._internal.pins import PYODIDE_GZIP_SIZES

    for name, size in PYODIDE_GZIP_SIZES.items():
        sent = len(gzip.compress((ROOT / "node_modules" / "pyodide" / name).read_bytes(), 6))
        # zlib's level 6, as Python has it; a host's gzip differs by well under 1 %.
        assert sent == size, f"{name}: {sent} bytes gzipped, the constant says {size}"


def test_widget_pages_state_the_bytes_python_downloads(built_site: Path):
    # The site's facts, as the build wrote them into the widget script; a widget page's head has those it boots with.
    script = (built_site / "assets" / "guide-widgets" / "widgets.js").read_text(encoding="utf-8")
    runtime = json.loads(re.search(r"const facts = (\{.*\});", script).group(1))
    page = (built_site / "knowing-when-to-walk-away" / "index.html").read_text(encoding="utf-8")
    head = json.loads(html.unescape(re.search(r'<meta name="guide-widgets" content="([^"]+)"', page).group(1)))
    assert head == {**{key: runtime[key] for key in ("version", "logic", "stdlib", "fullStdlib", "lock", "prepared")},
                    "storage": {"snapshot": runtime["storage"]["snapshot"]}}
    stdlib = built_site / "assets" / "pyodide" / runtime["stdlib"]
    logic = built_site / "assets" / "guide-widgets" / runtime["logic"]
    from guide_widgets._internal.pins import PYODIDE_GZIP_SIZES
    assert runtime["download"] == sum(PYODIDE_GZIP_SIZES.values()) + stdlib.stat().st_size + logic.stat().st_size
    assert 4_000_000 < runtime["download"] < 4_700_000
    # The prepared Python: its file as the host sends it (already gzipped), and the archive it boots with.
    prepared = runtime["prepared"]
    assert prepared["bytes"] == (built_site / "assets" / "pyodide" / prepared["file"]).stat().st_size
    assert (built_site / "assets" / "pyodide" / prepared["stdlib"]).is_file()
    assert 2_000_000 < prepared["bytes"] < 3_200_000 and prepared["memory"] > 30_000_000


def test_the_plan_page_can_be_renamed_or_left_out_and_never_takes_a_sections_address(tmp_path: Path):
    guide = (FIXTURES / "second-guide" / "docs" / "guide.md").read_text(encoding="utf-8")
    project = _with_plugin_options(make_project(tmp_path / "a", guide), "en", "      plan_page: ''\n")
    assert mkdocs_build(project, tmp_path / "none").returncode == 0
    assert not (tmp_path / "none" / "plants" / "my-plan.html").exists()
    project = _with_plugin_options(make_project(tmp_path / "b", guide), "en", "      plan_page: repotting\n")
    stderr = failed_build(project, tmp_path / "clash")
    assert ("docs/plants/repotting.md: the \"My plan\" page would take this address, which a page already has. "
            "Fix: set 'plan_page:'") in stderr


def test_an_unknown_page_marker_stops_the_build_naming_its_line(tmp_path: Path):
    project = make_project(tmp_path, "# T\n\n## A\n", **{"about.md": "# About\n\nText.\n\n<!-- guide-widgets: stored-item -->\n"})
    stderr = failed_build(project, tmp_path / "site")
    assert ("docs/about.md:5: unknown marker '<!-- guide-widgets: stored-item -->'. Fix: write "
            "'<!-- guide-widgets: stored-items -->' or '<!-- guide-widgets: this-device -->'.") in stderr


def test_the_widget_script_is_served_as_one_file_with_every_module_it_imports(built_site: Path):
    from guide_widgets._internal.page.bundle import asset_path

    imported: set[str] = set()
    todo = ["widgets.js"]
    while todo:
        source = asset_path(todo.pop()).read_text(encoding="utf-8")
        for name in re.findall(r'^import .* from "\./([\w-]+\.js)";$', source, flags=re.MULTILINE):
            if name not in imported:
                imported.add(name)
                todo.append(name)
    assert imported == {"python.js", "facts.js", "answers.js", "device.js", "memory.js"}
    served = (built_site / "assets" / "guide-widgets" / "widgets.js").read_text(encoding="utf-8")
    assert not re.search(r"^\s*(import|export)\b", served, flags=re.MULTILINE)  # nothing left to fetch
    for name in imported:
        assert served.count(f"const __{name[:-3]} = (() => {{") == 1, name
    assert "/*FACTS*/" not in served and '"storage":' in served  # the site's facts, written in


def test_our_scripts_and_styles_are_served_without_comments_and_indentation_and_keep_their_strings():
    from guide_widgets._internal.page.bundle import ASSET_FILES, asset_path, bundled, served_asset

    for name in ["start.js", *(path.name for path in asset_path("x").parent.glob("*.js"))]:
        source = asset_path(name).read_text(encoding="utf-8")
        # Lines lose their indentation, so no string may span lines: a template literal opened and closed on
        # every line (an odd count of backticks would leave one open), and no quoted string ending in a backslash.
        for number, line in enumerate(source.splitlines(), 1):
            assert line.count("`") % 2 == 0 and not line.rstrip().endswith("\\"), f"{name}:{number}"
    for name in ASSET_FILES:
        served = served_asset(name, {"storage": {}}).decode("utf-8")
        assert not re.search(r"^[ \t]|^\s*//|/\*", served, flags=re.MULTILINE), name
        source = bundled(name) if name == "widgets.js" else asset_path(name).read_text(encoding="utf-8")
        assert len(served) < len(source), name


# --- Any site's shape and language ----------------------------------------------------------------------------

def test_the_plan_pages_address_follows_the_sites_language(tmp_path: Path):
    guide = (FIXTURES / "second-guide" / "docs" / "guide.md").read_text(encoding="utf-8")
    project = _with_plugin_options(make_project(tmp_path, guide), "de", "")
    site = tmp_path / "site"
    assert mkdocs_build(project, site).returncode == 0
    assert not (site / "plants" / "my-plan.html").exists()
    assert "<h1 id=\"mein-plan\">Mein Plan</h1>" in (site / "plants" / "mein-plan.html").read_text()


def test_a_site_without_widgets_has_no_plan_page_and_ships_no_python(tmp_path: Path):
    site = tmp_path / "site"
    result = mkdocs_build(make_project(tmp_path, "# T\n\nIntro.\n\n## A\n\nText.\n\n## B\n\nMore.\n"), site)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (site / "plants").iterdir()) == ["a.html", "b.html", "index.html"]
    assert not (site / "assets" / "pyodide").exists()
    assert not list((site / "assets" / "guide-widgets").glob("logic-*.zip"))
    for page in site.rglob("*.html"):
        text = page.read_text()
        # No runtime facts in the head: the starter has nothing to boot (and the files are not there).
        assert '<meta name="guide-widgets"' not in text and "data-gw-kind" not in text and "my-plan" not in text, page


FORMAL = re.compile(r"\b(Sie|Ihr|Ihre|Ihrem|Ihren|Ihrer|Ihres|Ihnen)\b")


def test_informal_german_addresses_the_reader_with_du_in_every_built_in_word(tmp_path: Path):
    from guide_widgets._internal.widgets.registry import builtin_kinds
    from guide_widgets._internal.widgets.strings import site_strings

    def texts(informal: bool) -> dict[str, str]:
        chosen = site_strings(builtin_kinds(), "de", {}, informal)
        return {f"{space}.{key}.{form}": text for space, words in chosen.items() for key, value in words.items()
                for form, text in (value.items() if isinstance(value, dict) else [("", value)])}

    formal, informal = texts(False), texts(True)
    assert formal.keys() == informal.keys()
    assert [key for key, text in informal.items() if FORMAL.search(text)] == []
    changed = [key for key in formal if formal[key] != informal[key]]
    assert changed == [key for key, text in formal.items() if FORMAL.search(text)]  # exactly those, no others
    guide = (FIXTURES / "second-guide" / "docs" / "guide.md").read_text(encoding="utf-8")
    project = _with_plugin_options(make_project(tmp_path, guide), "de", "      informal: true\n")
    site = tmp_path / "site"
    assert mkdocs_build(project, site).returncode == 0
    page = (site / "plants" / "repotting.html").read_text()
    assert "<legend>Deine Daten</legend>" in page and not FORMAL.search(re.sub(r"<[^>]+>", " ", page))
