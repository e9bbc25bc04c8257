"""The one-page build is the oracle for the split.

Each guide in `tests/fixtures/corpus/` is built twice with `mkdocs build --strict`: as one page by plain
MkDocs and Material (no plugin of ours), and split by the plugin. Then, page by page in guide order, the
split must show the same headings, the same words in the same order, the same abbreviations and footnotes,
no more unrendered Markdown than the one-page build, and every internal link that resolves in the one-page
build must resolve in the split build, to the same heading.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
import yaml
from conftest import FIXTURES, ROOT, mkdocs_build, problems

CORPUS = sorted(p.name for p in (FIXTURES / "corpus").iterdir() if p.is_dir())

BASE_CONFIG = {
    "site_name": "Corpus",
    "theme": {"name": "material", "font": False},
    "markdown_extensions": [{"toc": {"permalink": True}}, "attr_list", "footnotes", "abbr", "def_list",
                            "md_in_html", "admonition", "tables"],
    "validation": {"links": {"not_found": "warn", "anchors": "warn", "absolute_links": "warn",
                             "unrecognized_links": "warn"}},
}

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
LEFTOVERS = [re.compile(r"\[[^\]\n]+\]\[[^\]\n]*\]"), re.compile(r"\[\^[^\]\n]+\]"), re.compile("-->"),
             re.compile(r"(?m)^[ \t]*#{1,6} ")]


# --- A small HTML tree, enough to read built pages ------------------------------------------------------------

@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = field(default_factory=list)

    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    def iter(self):
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children
                       if not (isinstance(c, Node) and "headerlink" in c.classes()))


class _Tree(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse(path: Path) -> Node:
    tree = _Tree()
    tree.feed(path.read_text(encoding="utf-8"))
    return tree.root


# --- What a reader sees of one page ---------------------------------------------------------------------------

@dataclass
class Reading:
    url: str
    headings: list[tuple[int, str]] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    images: list[str] = field(default_factory=list)
    abbreviations: list[tuple[str, str]] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)
    footnote_numbers: list[str] = field(default_factory=list)
    footnote_links: list[str] = field(default_factory=list)
    anchors: set[str] = field(default_factory=set)


def read(site: Path, url: str, skip_contents: bool = False) -> Reading:
    root = parse(site / unquote(url) / "index.html" if url.endswith("/") or not url else site / url)
    article = next(n for n in root.iter() if n.tag == "article")
    reading = Reading(url)
    reading.anchors = {n.attrs[k] for n in root.iter() for k in ("id", "name") if k in n.attrs}
    skipped: set[int] = set()
    if skip_contents:  # the plugin's own list of sections, the last "Contents" heading and its list
        blocks = [c for c in article.children if isinstance(c, Node)]
        heading = [n for n, b in enumerate(blocks) if b.tag == "h2" and b.text().strip() == "Contents"][-1]
        skipped |= {id(blocks[heading]), id(blocks[heading + 1])}

    def walk(node: Node) -> None:
        for child in node.children:
            if isinstance(child, str):
                reading.text.append(child)
                continue
            if id(child) in skipped or "headerlink" in child.classes():
                continue
            if re.fullmatch(r"h[1-6]", child.tag) and "id" not in child.attrs:
                continue  # the theme's own title for a page whose Markdown has no `#` heading: not the guide's
            if child.tag == "div" and "footnote" in child.classes():
                for item in (n for n in child.iter() if n.tag == "li"):
                    reading.footnotes.append(" ".join(item.text().replace("\u21a9", "").split()))
                    reading.footnote_links += [n.attrs["href"] for n in item.iter() if n.tag == "a"]
                continue
            if child.tag == "sup" and child.attrs.get("id", "").startswith("fnref"):
                reading.footnote_numbers.append(child.text().strip())
                reading.footnote_links += [n.attrs["href"] for n in child.iter() if n.tag == "a"]
                continue
            if re.fullmatch(r"h[1-6]", child.tag):
                reading.headings.append((int(child.tag[1]), " ".join(child.text().split())))
            if child.tag == "a" and "href" in child.attrs:
                reading.links.append(child.attrs["href"])
            if child.tag == "img":
                reading.images.append(child.attrs.get("src", ""))
            if child.tag == "abbr":
                reading.abbreviations.append((child.text(), child.attrs.get("title", "")))
            walk(child)

    walk(article)
    return reading


def words(readings: list[Reading]) -> list[str]:
    return " ".join(t for r in readings for t in r.text).split()


def target(site: Path, page_url: str, href: str) -> str | None:
    """What a link lands on: the text of the element it names, or the h1 of the page; None when broken."""
    parts = urlsplit(urljoin("http://site.invalid/" + page_url, href))
    if parts.netloc != "site.invalid":
        return None
    path = unquote(parts.path.lstrip("/"))
    file = site / path / "index.html" if path.endswith("/") or not path else site / path
    if not file.is_file():
        return None
    if file.suffix != ".html":
        return f"file {path}"
    root = parse(file)
    if not parts.fragment:
        return " ".join(next(n for n in root.iter() if n.tag == "h1").text().split())
    fragment = unquote(parts.fragment)
    found = next((n for n in root.iter() if n.attrs.get("id") == fragment or
                  (n.tag == "a" and n.attrs.get("name") == fragment)), None)
    if found is None:
        return None
    if not found.text().strip():  # an empty anchor such as <a name="x"></a>: it marks what follows
        return f"anchor {fragment}"
    return " ".join(found.text().split())


# --- Building both ---------------------------------------------------------------------------------------------

@dataclass
class Builds:
    oracle: Path
    split: Path
    guide: str
    pages_dir: str
    others: list[str]


def _build(tmp: Path, name: str, with_plugin: bool) -> Path:
    source = FIXTURES / "corpus" / name
    project = tmp / ("split" if with_plugin else "oracle")
    shutil.copytree(source / "docs", project / "docs")
    config = dict(BASE_CONFIG)
    if with_plugin:
        config["plugins"] = [{"guide_widgets": yaml.safe_load((source / "plugin.yml").read_text())}]
        (project / "node_modules").symlink_to(ROOT / "node_modules")
    else:
        config["plugins"] = []
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    site = tmp / f"site-{project.name}"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    assert problems(result) == []
    return site


@pytest.fixture(scope="module", params=CORPUS)
def builds(request, tmp_path_factory) -> Builds:
    name = request.param
    tmp = tmp_path_factory.mktemp(name)
    options = yaml.safe_load((FIXTURES / "corpus" / name / "plugin.yml").read_text())
    docs = FIXTURES / "corpus" / name / "docs"
    others = [p.relative_to(docs).with_suffix("").as_posix() + "/" for p in docs.rglob("*.md")
              if p.relative_to(docs).as_posix() != options["guide"]]
    return Builds(_build(tmp, name, False), _build(tmp, name, True), options["guide"],
                  options.get("pages_dir", ""), others)


def oracle_page(builds: Builds) -> Reading:
    return read(builds.oracle, builds.guide.removesuffix(".md") + "/")


def split_pages(builds: Builds) -> list[Reading]:
    landing_url = f"{builds.pages_dir}/" if builds.pages_dir else ""
    landing = read(builds.split, landing_url, skip_contents=True)
    root = parse(builds.split / landing_url / "index.html")
    article = next(n for n in root.iter() if n.tag == "article")
    blocks = [c for c in article.children if isinstance(c, Node)]
    contents = [n for n, b in enumerate(blocks) if b.tag == "h2" and b.text().strip() == "Contents"][-1]
    hrefs = [n.attrs["href"] for n in blocks[contents + 1].iter() if n.tag == "a"]
    urls = [urlsplit(urljoin("http://site.invalid/" + landing_url, h)).path.lstrip("/") for h in hrefs]
    sections = [read(builds.split, url) for url in urls]
    # A section page's own heading is its h1, the rest moved up with it: put them back where the one-page
    # build has them, by the level the oracle gives that heading (2 for '##', 3 for '###', 1 for a later '#').
    oracle = iter(oracle_page(builds).headings[len(landing.headings):])
    for page in sections:
        assert page.headings and page.headings[0][0] == 1, f"{page.url}: the section's heading is not its h1"
        level = next(level for level, text in oracle if text == page.headings[0][1])
        page.headings = [(h_level + level - 1, text) for h_level, text in page.headings]
        for _ in page.headings[1:]:
            next(oracle)
    return [landing, *sections]


# --- The comparisons -------------------------------------------------------------------------------------------

def test_the_corpus_covers_several_languages_and_a_long_guide():
    sizes = {name: (FIXTURES / "corpus" / name / "docs").rglob("guide.md") for name in CORPUS}
    assert max(next(iter(paths)).stat().st_size for paths in sizes.values()) > 50_000
    assert {"brot", "ocha", "garden", "puncture"} <= set(CORPUS)
    # The shapes real documents come in, each split by a stated rule: no '#' title (a README that starts
    # with its sections), sections at '###', and a second '#' near the end.
    assert {"bike-readme", "knots", "tea-club"} <= set(CORPUS)
    # And the two real shapes that were refused before: a README whose '#' part comes after its '##' sections,
    # and a wiki export that opens with a comment and a '---' block of 'key: value' lines.
    assert {"sourdough-readme", "kayak-notes"} <= set(CORPUS)


def test_a_readme_whose_part_comes_after_its_sections_is_split_as_it_reads(tmp_path: Path):
    site = _build(tmp_path, "sourdough-readme", True)
    pages = sorted(p.parent.name for p in site.glob("*/index.html"))
    assert pages == ["baking", "feeding-the-starter", "mixing-the-dough", "reference", "timings", "weights"]
    assert "<title>Corpus - Corpus</title>" in (site / "index.html").read_text(encoding="utf-8")  # the site's name
    reference = (site / "reference" / "index.html").read_text(encoding="utf-8")
    assert '<h1 id="reference">Reference' in reference


def test_headings_are_the_same_in_the_same_order(builds: Builds):
    one = oracle_page(builds)
    split = split_pages(builds)
    assert [h for page in split for h in page.headings] == one.headings


def test_every_word_is_there_in_order_and_nothing_else(builds: Builds):
    assert words(split_pages(builds)) == words([oracle_page(builds)])


def test_abbreviations_are_the_same(builds: Builds):
    assert [a for page in split_pages(builds) for a in page.abbreviations] == oracle_page(builds).abbreviations


def test_footnotes_are_on_the_pages_that_cite_them_numbered_per_page(builds: Builds):
    one = oracle_page(builds)
    split = split_pages(builds)
    shown = set()
    for page in split:
        assert page.footnote_numbers == [str(n) for n in range(1, len(page.footnotes) + 1)]
        assert set(page.footnotes) <= set(one.footnotes)
        for href in page.footnote_links:  # the reference and its back-link both land on this page
            assert href.startswith("#") and href[1:] in page.anchors, (page.url, href)
        shown |= set(page.footnotes)
    assert shown == set(one.footnotes)


def test_no_more_unrendered_markdown_than_the_one_page_build(builds: Builds):
    one = "".join(oracle_page(builds).text) + " ".join(oracle_page(builds).footnotes)
    split = "".join(t for page in split_pages(builds) for t in page.text)
    split += " ".join(f for page in split_pages(builds) for f in page.footnotes)
    for pattern in LEFTOVERS:
        assert len(pattern.findall(split)) <= len(pattern.findall(one)), pattern.pattern


def test_every_link_that_works_in_one_page_works_split_to_the_same_place(builds: Builds):
    one = oracle_page(builds)
    split = split_pages(builds)
    pairs = list(zip(one.links, [(page.url, link) for page in split for link in page.links], strict=True))
    checked = 0
    for href, (url, split_href) in pairs:
        expected = target(builds.oracle, one.url, href)
        if expected is None:
            continue
        assert target(builds.split, url, split_href) == expected, (href, url, split_href)
        checked += 1
    for other in builds.others:
        for href, split_href in zip(read(builds.oracle, other).links, read(builds.split, other).links, strict=True):
            expected = target(builds.oracle, other, href)
            if expected is not None:
                assert target(builds.split, other, split_href) == expected, (other, href, split_href)
                checked += 1
    assert checked > 0


def test_every_image_that_loads_in_one_page_loads_split(builds: Builds):
    one = oracle_page(builds)
    split = [(page.url, src) for page in split_pages(builds) for src in page.images]
    for src, (url, split_src) in zip(one.images, split, strict=True):
        if target(builds.oracle, one.url, src) is not None:
            assert target(builds.split, url, split_src) == target(builds.oracle, one.url, src)
