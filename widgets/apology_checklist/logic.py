"""The apology checklist: the built-in checklist, plus what a draft apology still lacks.

A draft is read for the usual ways an apology slides into excuse or blame, and for whether it names a
specific action and what that action did to the other person. Findings point at spans of the reader's own
text by position; the page marks them without ever treating the text as markup.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from guide_widgets.kinds.checklist.logic import respond, tally
from guide_widgets.logic import Context, Node, el, say, say_text

_WORD = r"(?<![\w'])"
_END = r"(?![\w'])"

# What a draft can slide into, each family with the one-line reason shown beside a marked passage. Patterns are
# matched case-insensitively on the draft with curly apostrophes made straight; the first match wins on
# overlap, so the more specific families come first. tests/data/drafts.yml is the labelled set they are
# measured on (tests/test_draft_review.py).
_FAMILIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("This asks something of them. An apology that asks for anything (forgiveness, a reply, a meeting, another "
     "chance) puts a price on itself; leave the next step to them.", (
        r"please(?! (?:do not|don't|ignore|feel no|feel free))",
        r"(?:^|[.!?]\s+|,\s*|\bjust |\bnow )forgive me",
        r"(?:can|could|will|would|won't) you (?:ever |please |just )?(?:forgive|answer|reply|write|call|text|"
        r"unblock|meet|see|talk|give|let|take|tell|come)",
        r"(?:hope|pray|beg|ask) (?:that )?you (?:can|could|will|would|to|might)?\s*(?:find it in your heart to "
        r")?(?:forgive|give|take|let|see|meet|answer|reply|call|write|unblock|come back|reconsider|try)",
        r"give (?:me|us|this|it|our relationship|what we had) (?:another |a second |one more |one last |a )?"
        r"(?:chance|try|go)",
        r"(?:answer|call|text|message|phone|ring|unblock|contact|meet) me\b",
        r"(?:reply|respond|write back|get back|talk|speak|come back) to me",
        r"write (?:back|me)\b", r"hear me out", r"take me back", r"come (?:back|home)\b",
        r"let me (?:explain|see you|talk|come|make (?:it|this) up|prove|back|in|fix)",
        r"let's (?:meet|talk|try|start|get|go|see)",
        r"(?:can|could|shall) we (?:just |please |at least |still )?(?:meet|talk|try|start|see|get)",
        r"(?:like|love|want|need|hope|long) to hear (?:from you|your voice|back)", r"let me know (?:when|if|what|how)",
        r"(?:try|start) (?:again|over)\b", r"(?:don't|do not) (?:shut me out|ignore me|push me away|give up on)",
        r"i(?:'m| am) begging", r"your turn", r"meet me halfway",
        r"all i (?:ask|want) is (?:that you|for you|one)", r"i need you to", r"tell me (?:we|you|that|if|it)",
    )),
    ("This puts pressure on them: it makes your pain, your need or your persistence theirs to solve.", (
        r"(?:can't|cannot|can not|couldn't) (?:live|go on|cope|survive|breathe|be happy|function) without you",
        r"(?:nothing|no one|nobody|lost) without you", r"(?:don't|do not) know what i(?:'ll| will| would)? do",
        r"(?:never|won't|will not) (?:give up|stop trying|stop fighting|let (?:you|us) go)",
        r"(?:do|give up) anything(?: you want| for you| it takes)?", r"wait (?:for you )?forever",
        r"(?:the only (?:one|person) (?:who|that) can|only you can)", r"if you (?:ever )?(?:really )?loved me",
        r"you owe (?:me|us|it)", r"after (?:everything|all) (?:we|i)", r"(?:my|our) last chance",
        r"until you (?:answer|reply|respond|talk|see|forgive|listen)",
        r"i(?:'ll| will) keep (?:writing|calling|trying|texting|messaging|coming)",
        r"what (?:more|else) do you want", r"(?:a hundred|a thousand|so many|how many) times",
        r"without you(?:,)? (?:my life|i(?:'m| am)?|there|nothing|life)", r"my life (?:has|is) (?:no|without) (?:point|meaning)",
    )),
    ("This shares out the blame. Your apology is for what you did; what they did is not part of it.", (
        r"we (?:both|were both|both were|had both|each) (?:made|were|did|had|messed|hurt|said|contributed|played|"
        r"let|failed|acted|behaved|lost|got|unhappy|to blame|at fault|wrong|responsible|guilty)", r"both of us (?:were|made|did|had)", r"on both sides",
        r"mistakes were made", r"it takes two", r"my (?:part|share|side) (?:in|of) (?:it|this|what)",
        r"you (?:were not|weren't|are not|aren't) (?:perfect|innocent|blameless) (?:either|yourself)",
        r"you (?:\w+ )?(?:hurt|wronged|lied to|betrayed|cheated on|failed) me(?: too| as well)",
        r"neither of us", r"(?:our|we) (?:both )?had (?:our )?problems",
    )),
    ("This makes what happened sound smaller than it was.", (
        r"(?:it|that|this) (?:was|is) (?:only|just|merely) (?:a|one|once|the|some|words|sex|talk|a joke)",
        r"(?:meant|means) nothing", r"(?:didn't|did not|doesn't|does not) mean (?:anything|a thing|much)",
        r"(?:(?:it|that|this) )?(?:was|is)(?:n't| not) (?:a big deal|that bad|that serious|a big thing|such a big)",
        r"(?:you(?:'re| are) )?over ?react\w*", r"(?:too|so) sensitive", r"a few (?:small|little) (?:things|lies)",
        r"only (?:jokes?|once|a kiss|words|a bit)", r"just (?:a moment|a kiss|once|words|a joke|jokes)",
        r"nobody (?:got|was) hurt", r"no (?:harm|real harm) (?:done|was done)", r"anyone would have",
        r"everyone does", r"(?:all |it's |is )?in the past(?: now)?", r"(?:let's|we can|we should) move on",
        r"get over it", r"a couple of times", r"(?:nobody|no one|nobody's|no one's) (?:is )?perfect",
        r"i (?:was|may have been|might have been|could be|can be) (?:a bit|a little|slightly|somewhat|sometimes|"
        r"occasionally|maybe|perhaps)", r"(?:wasn't|was not) always (?:the best|perfect|easy|kind|there)",
        r"(?:a )?one[- ]time thing", r"i (?:was|am) (?:only|just) (?!sorry)\w+",
        r"i (?:only|just) (?!want|wanted|need|needed|hope|hoped|mean|meant)(?:\w+ed|lied|said|did|kissed|slept"
        r"|took|went|hit|pushed|told)",
    )),
    ("“If”, “any” and “may have” put the hurt in doubt: say what you did and that it hurt them.", (
        r"(?:sorry|apologi[sz]e|regret \w+|apology) if", r"if (?:i|my \w+) (?:have |has |had |ever )?"
        r"(?:hurt|upset|offended|caused|wronged|disappointed|made you)",
        r"if you (?:were|felt|feel|got|have been) (?:hurt|upset|offended|let down)",
        r"(?:any|whatever) (?:pain|hurt|harm|upset|offen[cs]e|distress)(?: that)? i (?:may|might|could)?",
        r"(?:may|might|could) have (?:been|caused|hurt|upset|offended|made|done)",
        r"whatever i (?:did|said|have done)", r"if anything i (?:did|said)", r"to the extent",
        r"if (?:that's|that is) how you (?:feel|see)",
    )),
    ("This turns the apology toward your own suffering. It is about their hurt; yours belongs elsewhere.", (
        r"(?:how|so) hard (?:this|it|all this) (?:has been|is|was) (?:for|on) me",
        r"(?:i(?:'ve| have)|i) (?:not|haven't|have not) (?:slept|eaten)", r"i(?:'m| am) (?:a|such a) (?:wreck|mess)",
        r"i(?:'m| am) (?:a|the) (?:terrible|horrible|awful|worst|bad) (?:person|man|woman|partner)",
        r"i(?:'m| am) the worst", r"i hate myself", r"i deserve to (?:be alone|suffer|die)",
        r"(?:i(?:'ve| have)|i) lost everything", r"going through hell", r"(?:my|this) (?:pain|suffering)",
        r"i feel so (?:awful|terrible|bad|sick|guilty) (?:about myself|that)", r"can barely (?:get up|function|sleep)",
        r"(?:you have|you've) no idea how", r"since you left",
        r"i(?:'ve| have) been (?:so |really |very )?(?:depressed|miserable|devastated|broken|a mess|suffering|"
        r"struggling|in pieces)",
    )),
    ("This is sorry about their feelings, not about what you did.", (
        r"sorry (?:that |if )?you(?:'re| are)? (?:feel|felt|feeling|were|are|got|took)\b",
    )),
    ("This hands the blame for your actions to them.", (
        r"you made me\b", r"you (?:pushed|drove|forced|provoked) me\b", r"if you had(?:n't| not)\b",
        r"because you\b", r"you (?:also|too)\b(?! deserved)",
        r"you (?:always|never) (?:listened|cared|helped|supported|noticed|understood|appreciated|respected|"
        r"trusted|wanted|made|had|gave|let|paid|were|did|showed|tried|asked|put|took|let|thought|said|stopped)",
    )),
    ("Too vague: say exactly what you did.", (
        r"sorry (?:for|about) (?:everything|whatever|anything|all of (?:it|this|that)|what happened)\b",
        r"(?:the way|how) things (?:turned out|ended|went)", r"(?:regret|sorry about) what happened",
        r"things happened",
    )),
    ("A reason can come later; here it reads as an excuse.", (
        r"i (?:was|am|'m|felt) (?:so |very |really )?(?:drunk|high|stressed|tired|under pressure|lonely|scared|"
        r"not myself|confused|bored|going through a lot)\b", r"i (?:didn't|did not) know what i was doing",
        r"i couldn't help (?:it|myself)", r"i had my reasons", r"i (?:didn't|did not) mean (?:to|it)",
    )),
    ("“But” tends to cancel what came before it and lead into an excuse.", (
        r"but(?= you\b| i (?:was|had|only|just|thought|felt|needed|didn't|did not|couldn't|never meant)\b"
        r"| it (?:was|wasn't|is)\b| that (?:was|is)\b| (?:at least|honestly|in my defen[cs]e|to be fair|we|"
        r"there were|things|at the time)\b)",
    )),
)

RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(_WORD + "(?:" + "|".join(patterns) + ")" + _END, re.IGNORECASE | re.MULTILINE), reason)
    for reason, patterns in _FAMILIES
)

_ACTION = re.compile(
    _WORD + r"i (?:have |had |also |then |just |even |once |often |never )?(?:\w+ed|lied|cheated|broke|hid|forgot|"
    r"left|said|told|kept|went|did|spent|chose|took|hurt|stopped|let|made|ran|sent|met|slept|gave|read|wrote|"
    r"flirted|ignored|hit|threw|drove|stood|swore|threatened|shouted|yelled|screamed|pushed|grabbed|stole|"
    r"sold|put|called|got|wasn't|was not|was unfaithful|was cruel|was cold|wasn't there|had an affair|had a "
    r"relationship|didn't|did not|never|couldn't|wouldn't|kept)\b",
    re.IGNORECASE,
)
_IMPACT = re.compile(
    _WORD + r"(?:you (?:must have |might have |may have |had to |still )?(?:felt|feel|were|lost|carried|sat|looked|"
    r"questioned|stopped|lived|deserved)|made you|hurt you|left you|cost you|gave you|caused you|for you|"
    r"humiliat\w*|betray\w*|unloved|insecure|alone|lonely|trust|scared|afraid|frightened|fear|pain|hurt|"
    r"embarrass\w*|unsafe|worthless|invisible|disrespect\w*|ashamed|small|stupid|exposed|watched|anxious|"
    r"violent|cost|paid|price|stayed with you|never want|your (?:privacy|freedom|safety|body|plans|home|money|life|family|"
    r"friends|feelings|memory))",
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


def evaluate(spec: dict[str, Any], fields: dict[str, Any], context: Context) -> dict[str, Any]:
    counted = tally(spec, fields)
    draft = str(fields.get("draft") or "")
    review = review_draft(draft) if spec["draft"] and draft.strip() else None
    missing: list[str] = []
    after: list[Node] = []
    if review is not None:
        if not review.names_action:
            missing.append(say_text(context, "no_action"))
        if not review.names_impact:
            missing.append(say_text(context, "no_impact"))
        if review.findings:
            after.append(el("p", *say(context, "to_look_at", count=len(review.findings)), cls="gw-subhead"))
            after.append(marked_draft(draft, review.findings))
            after.append(el("ol", *(el("li", el("q", draft[f.start:f.end]), f" {f.reason}")
                                    for f in review.findings), cls="gw-findings"))
        else:
            after.append(el("p", *say(context, "no_patterns")))
    return respond(spec, context, counted, missing, bool(review and review.findings), after,
                   findings=[[f.start, f.end, f.reason] for f in (review.findings if review else ())],
                   names_action=bool(review and review.names_action),
                   names_impact=bool(review and review.names_impact))
