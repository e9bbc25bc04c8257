"""Every message the plugin can show an author, read from its source: the problem of each GuideError,
SpecError, Problem, PathError, AuthorError and report(), every text that holds a "Fix:", and every RuntimeMissing. Each is
a template in which "…" stands for what the message fills in (a file, a line, a name)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "plugins" / "guide_widgets"
CARRIERS = {"GuideError", "SpecError", "Problem", "report", "PathError", "RuntimeMissing", "KindError",
            "ValidationError", "OptionError"}
MARK = "author_words"
"""The decorator that marks a function wording a problem or a fix (guide_widgets._internal.errors)."""
HOLE = "…"


def _literal(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else HOLE for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _literal(node.left), _literal(node.right)
        return left + right if left is not None and right is not None else None
    return None


def message_templates() -> list[str]:
    """Each message's template, once, in source order."""
    found: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            texts: list[str | None] = []
            if isinstance(node, ast.Constant | ast.JoinedStr | ast.BinOp):
                text = _literal(node)
                if text and "Fix:" in text:
                    texts.append(text)
            if isinstance(node, ast.FunctionDef) and any(
                    isinstance(mark, ast.Name) and mark.id == MARK for mark in node.decorator_list):
                texts += [_literal(inner) for inner in ast.walk(node) if isinstance(inner, ast.JoinedStr)]
            if isinstance(node, ast.Call):
                name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
                if name in CARRIERS:
                    texts += [_literal(arg) for arg in node.args[:2]]
                if name == "AuthorError":  # (file, line, problem, fix)
                    texts += [_literal(arg) for arg in node.args[2:4]]
            found += [t for t in texts if t]
    return list(dict.fromkeys(found))


def fragments(template: str) -> list[str]:
    """The fixed words of a template that a page documenting it must quote: each run of text between the
    filled-in parts, trimmed, of two words or more ("Fix:" and what follows is quoted too)."""
    parts = [part.strip(" .,:;()'\"\n") for part in template.split(HOLE)]
    return [part for part in parts if len(part.split()) >= 2 and re.search(r"[A-Za-z]{2}", part)]
