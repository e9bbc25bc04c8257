"""`guide-widgets`: the command line for authors.

    guide-widgets new DIR
    guide-widgets setup [--config-file mkdocs.yml]
    guide-widgets workflow [--config-file mkdocs.yml] [--from REQUIREMENT] [--force]
    guide-widgets strings LANGUAGE [--config-file mkdocs.yml] [--write FILE]
    guide-widgets reference [--widgets-dir DIR] [--write FILE]
    guide-widgets preview [--config-file mkdocs.yml] [--site-dir site] [--port 8000]

`new` writes a starter project into DIR (new or empty): mkdocs.yml, a guide with one block of each built-in
kind, package.json and its lock file pinning Pyodide, a GitHub Pages workflow that installs this version of
the plugin and publishes the guide, and a README with the commands that build, serve and publish it. `reference`
prints every widget kind's options (the built-in kinds, and an author's own with `--widgets-dir`), or writes
them into a Markdown file between its reference markers. `preview` serves a built site at the path of its
`site_url`, as its host will, so that it can be tried as readers will get it. `setup` puts the pinned Pyodide
where the site's mkdocs.yml expects it (node_modules/pyodide), downloaded from the npm registry and checked,
without Node. `strings` writes the texts a language needs for the widget kinds the site uses, with the English
beside each, to be filled in.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
import tomllib
from importlib import metadata
from pathlib import Path
from typing import Any

from guide_widgets._internal.authoring.reference import END, START, readme_with_reference, reference_markdown
from guide_widgets._internal.pins import DEFAULT_PYODIDE_DIR, FULL_STDLIB, PYODIDE_VERSION
from guide_widgets._internal.runtime.pyodide import (
    InstallFailed,
    RuntimeMissing,
    find_pyodide,
    install_pyodide,
)
from guide_widgets._internal.widgets.registry import KindError, builtin_kinds, own_kinds, stdlib_modules


def _reference(args: argparse.Namespace) -> int:
    kinds = builtin_kinds()
    if args.widgets_dir:
        folder = Path(args.widgets_dir)
        try:
            stdlib = stdlib_modules(find_pyodide(Path(args.pyodide_dir)).folder / FULL_STDLIB)
            kinds |= own_kinds(folder, args.widgets_dir.rstrip("/"), kinds, stdlib)
        except (KindError, RuntimeMissing) as exc:
            print(f"guide-widgets: {exc}", file=sys.stderr)
            return 1
    if args.readme is None:
        print(reference_markdown(kinds), end="")
        return 0
    readme = Path(args.readme)
    text = readme.read_text(encoding="utf-8")
    if START not in text or END not in text:
        print(f"guide-widgets: {readme} has no reference markers. Fix: put these two lines where the reference "
              f"goes:\n{START}\n{END}", file=sys.stderr)
        return 1
    readme.write_text(readme_with_reference(text, kinds), encoding="utf-8")
    return 0


STARTER = Path(__file__).resolve().parent / "starter"
DISTRIBUTION = "mkdocs-guide-widgets"


def _version() -> str:
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:  # run from a source tree that was never installed
        return str(tomllib.loads((Path(__file__).resolve().parents[4] / "pyproject.toml").read_text())["project"]["version"])


def _new(args: argparse.Namespace) -> int:
    target = Path(args.folder)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        print(f"guide-widgets: {target} is not an empty folder. Fix: name a new folder, or an empty one.",
              file=sys.stderr)
        return 1
    shutil.copytree(STARTER, target, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__"))
    name = re.sub(r"[^a-z0-9._-]+", "-", target.resolve().name.lower()).strip("-._") or "guide"
    for lock in ("package.json", "package-lock.json"):
        data = json.loads((target / lock).read_text(encoding="utf-8"))
        data["name"] = name
        if "" in data.get("packages", {}):
            data["packages"][""]["name"] = name
        (target / lock).write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    workflow = target / ".github" / "workflows" / "pages.yml"
    workflow.write_text(pages_workflow(), encoding="utf-8")
    print(f"A new guide is in {target}. Next: cd {target} && npm ci && mkdocs serve")
    return 0


WORKFLOW = STARTER / ".github" / "workflows" / "pages.yml"


def pages_workflow(source: str | None = None) -> str:
    """The GitHub Pages workflow, naming this version of the plugin, installed from `source` (a requirement
    pip understands: the index's `mkdocs-guide-widgets==X`, a wheel's path, a `... @ git+https://...` tag)."""
    text = WORKFLOW.read_text(encoding="utf-8").replace("VERSION", _version())
    if source:
        text = text.replace(f'GUIDE_WIDGETS: "mkdocs-guide-widgets=={_version()}"', f"GUIDE_WIDGETS: {json.dumps(source)}")
    return text


def _workflow(args: argparse.Namespace) -> int:
    target = Path(args.config_file).resolve().parent / ".github" / "workflows" / "pages.yml"
    if not Path(args.config_file).is_file():
        print(f"guide-widgets: {args.config_file} was not found. Fix: run this in the folder of your site's "
              "mkdocs.yml, or name it with --config-file.", file=sys.stderr)
        return 1
    if target.exists() and not args.force:
        print(f"guide-widgets: {os.path.relpath(target)} exists already. Fix: move it away, or run this again "
              "with --force to replace it.", file=sys.stderr)
        return 1
    source = args.source
    if source and source.endswith(".whl") and not (target.parents[2] / source).is_file():
        print(f"guide-widgets: the wheel {source} is not in the repository. Fix: copy it there first (it is "
              "named from the repository's root, such as ./wheels/NAME.whl).", file=sys.stderr)
        return 1
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(pages_workflow(source), encoding="utf-8")
    print(f"Wrote {os.path.relpath(target)}: on every push to main it installs the plugin "
          f"({source or f'mkdocs-guide-widgets=={_version()}'}) and Pyodide, builds the site --strict for the "
          "repository's Pages address and publishes it. Once: Settings -> Pages -> Source: GitHub Actions.")
    return 0


def _preview(args: argparse.Namespace) -> int:
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    from guide_widgets._internal.serving.preview import QuietServer, handler_for, site_prefix

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    try:
        config = load_config(args.config_file)
    except (ConfigurationError, OSError) as exc:
        print(f"guide-widgets: {args.config_file}: {exc}. Fix: run this in the folder of mkdocs.yml, or name "
              "it with --config-file.", file=sys.stderr)
        return 1
    site = Path(args.site_dir or config.site_dir)
    shown = os.path.relpath(site) if site.is_absolute() and site.is_relative_to(Path.cwd()) else str(site)
    if not (site.is_dir() and any(site.glob("*.html"))):
        print(f"guide-widgets: {shown} holds no built site. Fix: build it first: mkdocs build --strict",
              file=sys.stderr)
        return 1
    prefix = site_prefix(config.site_url)
    try:
        server = QuietServer(("127.0.0.1", args.port), handler_for(site.resolve(), prefix, config.site_url or ""))
    except OSError as exc:
        print(f"guide-widgets: port {args.port} cannot be used ({exc.strerror}). Fix: choose another with "
              "--port.", file=sys.stderr)
        return 1
    port = server.server_address[1]
    print(f"Serving {shown} at http://127.0.0.1:{port}{prefix}, the path it is published under "
          f"({config.site_url or 'no site_url: the root'}). Ctrl+C stops.", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


def _project(config_file: str) -> tuple[Path, dict[str, Any]] | None:
    """The folder of mkdocs.yml and the plugin's options there (empty when mkdocs.yml lists no guide_widgets);
    None, with the reason printed, when mkdocs.yml cannot be read."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    path = Path(config_file)
    if not path.is_file():
        print(f"guide-widgets: {config_file} was not found. Fix: run this in the folder of your site's "
              "mkdocs.yml, or name it with --config-file.", file=sys.stderr)
        return None
    try:
        config = load_config(str(path))
    except (ConfigurationError, OSError) as exc:
        print(f"guide-widgets: {config_file}: {exc}. Fix: correct mkdocs.yml so that `mkdocs build` reads it.",
              file=sys.stderr)
        return None
    plugin = config.plugins.get("guide_widgets")
    options = dict(plugin.config) if plugin is not None else {}
    return path.resolve().parent, {"docs_dir": config.docs_dir, "language": config.theme.get("language") or "en",
                                   **options}


def _setup(args: argparse.Namespace) -> int:
    project = _project(args.config_file) if Path(args.config_file).is_file() else (Path.cwd(), {})
    if project is None:
        return 1
    folder_name = project[1].get("pyodide_dir") or DEFAULT_PYODIDE_DIR
    folder = project[0] / folder_name
    try:
        find_pyodide(folder)
        print(f"Pyodide {PYODIDE_VERSION} is already in {folder_name}: nothing to do.")
        return 0
    except RuntimeMissing:
        pass
    print(f"Downloading Pyodide {PYODIDE_VERSION} into {folder_name} ...", flush=True)
    try:
        install_pyodide(folder)
        find_pyodide(folder)
    except (InstallFailed, RuntimeMissing) as exc:
        print(f"guide-widgets: {exc}", file=sys.stderr)
        return 1
    print(f"Pyodide {PYODIDE_VERSION} is in {folder_name}. Next: mkdocs serve")
    return 0


def _strings(args: argparse.Namespace) -> int:
    from guide_widgets._internal.widgets.blocks import scan_headers
    from guide_widgets._internal.widgets.strings import (
        StringsError,
        load_strings_file,
        skeleton,
        skeleton_name,
    )

    project = _project(args.config_file)
    if project is None:
        return 1
    folder, options = project
    kinds = builtin_kinds()
    if options.get("widgets_dir"):
        try:
            kinds |= own_kinds(folder / options["widgets_dir"], options["widgets_dir"].rstrip("/"), kinds,
                               stdlib_modules(folder / (options.get("pyodide_dir") or DEFAULT_PYODIDE_DIR) /
                                              FULL_STDLIB))
        except KindError as exc:
            print("guide-widgets: " + "\n".join(exc.problems), file=sys.stderr)
            return 1
    docs = Path(options["docs_dir"])
    used = sorted({name for page in docs.rglob("*.md") for _, name in
                   scan_headers(page.read_text(encoding="utf-8").splitlines()) if name in kinds})
    if not used:
        print(f"guide-widgets: no page in {os.path.relpath(docs)} has a widget block, so no kind's texts are "
              "needed. Fix: add a widget block first, then run this again.", file=sys.stderr)
        return 1
    target = Path(args.write or skeleton_name(args.language))
    target = target if target.is_absolute() else folder / target
    given = options.get("strings") or {}
    try:
        if isinstance(given, str):
            given = load_strings_file(folder / given, given)
        if target.is_file():
            given = {**load_strings_file(target, str(target.name)), **given}
    except StringsError as exc:
        print(f"guide-widgets: {exc}", file=sys.stderr)
        return 1
    text = skeleton(kinds, used, args.language, given)
    target.write_text(text, encoding="utf-8")
    empty = text.count(': ""')
    shown = os.path.relpath(target)
    print(f"Wrote {shown}: the texts of the widget frame and of {', '.join(used)} in '{args.language}', "
          f"{empty} of them still empty. Next: fill them in (the English is above each), then set "
          f"'strings: {os.path.relpath(target, folder)}' for the plugin in mkdocs.yml and 'language: "
          f"{args.language}' under 'theme:'.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="guide-widgets", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    new = commands.add_parser("new", help="write a starter project into a new folder")
    new.add_argument("folder", help="the folder to create (or an empty one)")
    new.set_defaults(run=_new)
    setup = commands.add_parser("setup", help="put the pinned Pyodide where the site expects it (no Node needed)")
    setup.add_argument("--config-file", "-f", default="mkdocs.yml", help="the site's mkdocs.yml (mkdocs.yml)")
    setup.set_defaults(run=_setup)
    workflow = commands.add_parser("workflow", help="write the GitHub Pages workflow into the site's repository")
    workflow.add_argument("--config-file", "-f", default="mkdocs.yml", help="the site's mkdocs.yml (mkdocs.yml)")
    workflow.add_argument("--from", dest="source", metavar="REQUIREMENT",
                          help="where the workflow installs the plugin from: a wheel in the repository "
                               "(./wheels/NAME.whl) or 'mkdocs-guide-widgets @ git+https://...@TAG' (default: "
                               "this version from the package index)")
    workflow.add_argument("--force", action="store_true", help="replace an existing .github/workflows/pages.yml")
    workflow.set_defaults(run=_workflow)
    strings = commands.add_parser("strings", help="write the texts a language needs for the kinds the site uses")
    strings.add_argument("language", help="the language's code, as theme.language takes it (fr, pt-BR, ...)")
    strings.add_argument("--config-file", "-f", default="mkdocs.yml", help="the site's mkdocs.yml (mkdocs.yml)")
    strings.add_argument("--write", metavar="FILE",
                         help="the file to write, beside mkdocs.yml (widget-strings.LANGUAGE.yml); texts already "
                              "in it are kept")
    strings.set_defaults(run=_strings)
    reference = commands.add_parser("reference", help="the options of every widget kind, as Markdown tables")
    reference.add_argument("--widgets-dir", help="your own kinds' folder, to document them too")
    reference.add_argument("--pyodide-dir", default=DEFAULT_PYODIDE_DIR,
                           help=f"the folder holding the pinned Pyodide files ({DEFAULT_PYODIDE_DIR})")
    reference.add_argument("--write", "--readme", dest="readme", metavar="FILE",
                           help="write the reference into this Markdown file, between its markers")
    reference.set_defaults(run=_reference)
    preview = commands.add_parser("preview", help="serve the built site at the path of its site_url, as published")
    preview.add_argument("--config-file", "-f", default="mkdocs.yml", help="the site's mkdocs.yml (mkdocs.yml)")
    preview.add_argument("--site-dir", "-d", help="the built site (the config's site_dir: site)")
    preview.add_argument("--port", "-p", type=int, default=8000, help="the port on 127.0.0.1 (8000; 0: any free one)")
    preview.set_defaults(run=_preview)
    args = parser.parse_args(argv)
    code: int = args.run(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
