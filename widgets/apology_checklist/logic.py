"""The apology checklist: the built-in checklist, plus what a draft apology still lacks.

A draft is read for the usual ways an apology slides into excuse or blame, and for whether it names a
specific action and what that action did to the other person. Findings point at spans of the reader's own
text by position; the page marks them without ever treating the text as markup.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from guide_widgets.kinds.checklist.logic import respond, tally
from guide_widgets.logic import Node, el, say, say_text

_WORD = r"(?<![\w'])"

# Each rule: a pattern to find and the one-line reason shown beside it. The first match wins on overlap.
RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), reason)
    for pattern, reason in (
        (_WORD + r"sorry (?:that |if )?you(?:'re| are)? (?:feel|felt|feeling|were|are|got|took)\b",
         "This is sorry about their feelings, not about what you did."),
        (_WORD + r"you made me\b",
         "This hands the blame for your actions to them."),
        (_WORD + r"sorry (?:for|about) (?:everything|whatever|anything|all of (?:it|this|that))\b",
         "Too vague: say exactly what you did."),
        (_WORD + r"if (?:you|i)\b",
         "“If” can sound like a condition, or like doubt that they were hurt."),
        (_WORD + r"but\b",
         "“But” tends to cancel what came before it and lead into an excuse."),
        (_WORD + r"you (?:always|never|also|too)\b",
         "This turns the apology toward their faults."),
        (_WORD + r"(?:i was (?:just|only)|it was(?:n't| not) (?:a big deal|that bad)|everyone does)\b",
         "This makes what happened sound smaller than it was."),
        (_WORD + r"i (?:was|am|'m) (?:drunk|stressed|tired|under pressure)\b",
         "A reason can come later; here it reads as an excuse."),
    )
)

_ACTION = re.compile(
    _WORD + r"i (?:have |had )?(?:\w+ed|lied|cheated|broke|hid|forgot|left|said|told|kept|went|did|spent|chose"
    r"|took|hurt|stopped|let|made|ran|sent|met|slept|gave|read|wrote|flirted|ignored)\b",
    re.IGNORECASE,
)
_IMPACT = re.compile(
    _WORD + r"(?:you (?:must have |might have |may have )?(?:felt|feel|were)|made you|hurt you|left you"
    r"|humiliat\w*|betray\w*|unloved|insecure|alone|lonely|trust|scared|afraid|pain|embarrass\w*|unsafe"
    r"|worthless|invisible|disrespect\w*)",
    re.IGNORECASE,
)


# NamedTuple rather than a dataclass: importing dataclasses (and inspect with it) would slow every start of
# Python in the browser, for nothing these two small records need.
class Finding(NamedTuple):
    start: int
    end: int
    reason: str


class DraftReview(NamedTuple):
    findings: tuple[Finding, ...]
    names_action: bool
    names_impact: bool


def _normalise(draft: str) -> str:
    """Curly apostrophes as straight ones; the same length, so positions still match the original."""
    return draft.replace("\u2019", "'").replace("\u2018", "'")


def review_draft(draft: str) -> DraftReview:
    """Find excuse and blame patterns in a draft, and whether it names an action and its impact."""
    text = _normalise(draft)
    found: list[Finding] = []
    for pattern, reason in RULES:
        found.extend(Finding(m.start(), m.end(), reason) for m in pattern.finditer(text))
    found.sort(key=lambda f: (f.start, -f.end))
    kept: list[Finding] = []
    for finding in found:
        if not kept or finding.start >= kept[-1].end:
            kept.append(finding)
    return DraftReview(tuple(kept), bool(_ACTION.search(text)), bool(_IMPACT.search(text)))


def marked_draft(draft: str, findings: tuple[Finding, ...]) -> Node:
    """The reader's draft as plain text with each finding wrapped in a mark."""
    parts: list[Node | str] = []
    position = 0
    for number, finding in enumerate(findings, 1):
        if finding.start > position:
            parts.append(draft[position:finding.start])
        parts.append(el("mark", draft[finding.start:finding.end], title=finding.reason, n=number))
        position = finding.end
    if position < len(draft):
        parts.append(draft[position:])
    return el("p", *parts, cls="gw-draft")


def evaluate(spec: dict[str, Any], fields: dict[str, Any], today: str) -> dict[str, Any]:
    counted = tally(spec, fields)
    draft = str(fields.get("draft") or "")
    review = review_draft(draft) if spec["draft"] and draft.strip() else None
    missing: list[str] = []
    after: list[Node] = []
    if review is not None:
        if not review.names_action:
            missing.append(say_text(spec, "no_action"))
        if not review.names_impact:
            missing.append(say_text(spec, "no_impact"))
        if review.findings:
            after.append(el("p", *say(spec, "to_look_at", count=len(review.findings)), cls="gw-subhead"))
            after.append(marked_draft(draft, review.findings))
            after.append(el("ol", *(el("li", el("q", draft[f.start:f.end]), f" {f.reason}")
                                    for f in review.findings), cls="gw-findings"))
        else:
            after.append(el("p", *say(spec, "no_patterns")))
    return respond(spec, counted, missing, bool(review and review.findings), after,
                   findings=[[f.start, f.end, f.reason] for f in (review.findings if review else ())],
                   names_action=bool(review and review.names_action),
                   names_impact=bool(review and review.names_impact))
