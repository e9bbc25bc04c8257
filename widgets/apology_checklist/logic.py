"""The apology checklist: the built-in checklist, plus a review of a draft apology on the reader's device.

The review reads a draft sentence by sentence. Each family below is a small grammar of one way an apology
turns into something else (a request, a deadline, a threat, blame...), written over word classes rather than
fixed phrases: texting spellings (`u`, `ur`, `im`) stand in for the words they shorten, words inside
quotation marks are someone's words being reported, not said, and a request that is negated ("you don't need
to reply") asks for nothing. Findings point at spans of the reader's own text by position; the page marks them
without ever treating the text as markup.

The families are measured on tests/data/drafts_dev.yml, which they may be tuned on, and on a held-out set
(tests/data/drafts_held_out.yml) that was written by someone who never saw them and is only scored.
"""

from __future__ import annotations

import math
import re
from array import array
from binascii import a2b_base64
from bisect import bisect_right
from itertools import accumulate, pairwise
from typing import Any, NamedTuple
from zlib import crc32

from guide_widgets.kinds.checklist.logic import respond, tally
from guide_widgets.logic import Context, Node, el, part, say, say_text

# --- Words ---------------------------------------------------------------------------------------------------

# What a pattern writes as <name> matches any of these spellings (texting ones included).
_WORDS = {
    "you": r"(?:you|u|ya|yu)",
    "your": r"(?:your|ur|yr)",
    "youre": r"(?:you're|youre|you are|ur|u r|u're|u are)",
    "youve": r"(?:you've|youve|you have|u have|uve)",
    "youd": r"(?:you'd|youd|you had|you would|u would|u had|u'd|ud)",
    "im": r"(?:i'm|im|i am)",
    "ill": r"(?:i'll|ill|i will|i'm going to|im going to|i am going to|i'm gonna|im gonna|i shall)",
    "ive": r"(?:i've|ive|i have)",
    "id": r"(?:i'd|id|i would|i had)",
    "dont": r"(?:don't|dont|do not)",
    "wont": r"(?:won't|wont|will not)",
    "cant": r"(?:can't|cant|cannot|can not|couldn't|couldnt|could not)",
    "please": r"(?:please|pls|plz|plse|pleaseee*)",
    "are": r"(?:are|r)",
    "be": r"(?:be|b)",
    "me": r"(?:me|mee)",
    "its": r"(?:it's|its|it is|it was|that's|thats|that is|that was|this is|this was)",
    "asks": r"(?:answer|reply|respond|write back|text|txt|call|ring|phone|message|msg|dm|email|contact|meet|see (?:me|"
            r"you|each other|us)|visit|talk|speak|chat|listen|hear|unblock|forgive|come|get back|reach out)",
    "contact": r"(?:answer|reply|respond|write(?: back| to)?|text|txt|call|ring|phone|message|msg|dm|email|e-mail|"
               r"contact|meet|see|visit|talk|speak|chat|listen|hear|unblock|forgive|come|get back|reach out)",
    "day": r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|thurs|fri|sat|sun|"
           r"tonight|tomorrow|tmrw|tmr|tomoz|midnight|noon|the weekend|this weekend|next week|christmas|xmas|"
           r"new year|easter|(?:the )?end of (?:the |this |next )?(?:day|week|month|year)|"
           r"(?:the )?\d{1,2}(?:st|nd|rd|th)|\d{1,2}(?::\d\d)? ?(?:am|pm|o'clock)|"
           r"(?:january|february|march|april|may|june|july|august|september|october|november|december))",
}
_MACRO = re.compile(r"<([a-z]+)>")


def _expand(pattern: str) -> str:
    return _MACRO.sub(lambda m: _WORDS[m.group(1)], pattern)


_START = r"(?:^|(?<=[.!?;:\n])\s*|(?<=\.\.\.)\s*|(?<=[,—–-])\s*)"
"""The start of a sentence or clause, where an imperative stands."""
_LEAD = r"(?:(?:so|and|but|now|just|please|pls|plz|ok|okay|then|honestly|really|seriously|maybe|babe|baby|hun|kindly)[,!]?\s+)*"
"""Words that may come before an imperative without changing it."""


_BLAME_START = (r"(?:" + _START + r"(?:(?:but|and|because|cause|cos|honestly|really|tbh|frankly|let's be honest|"
                r"let's face it|at the end of the day),?\s+)*|(?<=\band )|(?<=\bbut )|(?<=\bbecause )|(?<=\bcos ))")
"""The start of a clause in the writer's own voice, for blame said outright."""


class Family(NamedTuple):
    name: str
    reason: str
    pattern: re.Pattern[str]
    negatable: bool
    """A match after a negation in its clause ("you don't need to reply") does not count."""
    needs_no_act: bool
    """Counts only in a draft that names nothing it did (vague words are fine after a named act)."""
    unless: re.Pattern[str] | None
    """A match whose clause so far ends like this does not count ("I was never going to hurt myself")."""
    unless_sentence: re.Pattern[str] | None
    """A match in a sentence that says this does not count ("as the schedule says")."""
    disclaimable: bool
    """A reason or a smaller word that the writer disowns in the same or the next sentence ("I'm not saying that
    to make it smaller") does not count."""
    ownable: bool
    """Something the writer is sorry for ("I'm sorry for waiting outside your work") is owned, not done again."""


def _family(name: str, reason: str, patterns: tuple[str, ...], *, negatable: bool = False,
            needs_no_act: bool = False, unless: str = "", unless_sentence: str = "", disclaimable: bool = False,
            ownable: bool = False) -> Family:
    joined = "|".join(_expand(p) for p in patterns)
    return Family(name, reason, re.compile(r"(?<![\w'])(?:" + joined + r")(?![\w'])", re.IGNORECASE | re.MULTILINE),
                  negatable, needs_no_act, re.compile(_expand(unless) + r"\s*$", re.IGNORECASE) if unless else None,
                  re.compile(_expand(unless_sentence), re.IGNORECASE) if unless_sentence else None, disclaimable,
                  ownable)


ASKS = ("This asks something of them. An apology that asks for anything (a reply, a meeting, forgiveness, "
        "another chance) puts a price on itself; leave the next step to them.")
CRISIS = "self_harm"
MODEL = "model"

# --- Families: what a draft can turn into ------------------------------------------------------------------
# Earlier families win where two mark the same words, so the ones that must never pass come first.

FAMILIES: tuple[Family, ...] = (
    _family(CRISIS, "This uses your own safety as a reason for them to answer. Please talk to a crisis line "
            "today instead; and your pain, real as it is, is never a reason to contact them.", (
        r"(?:kill|hurt|harm|end|finish) (?:myself|my life|it all|everything|things for good)",
        r"(?:kill|hurt|harm)ing myself", r"(?:suicid\w*|self[- ]harm\w*|overdose|take (?:all )?(?:my|the) pills)",
        r"<wont> (?:be (?:here|around|alive|breathing)|have to worry about me|need to worry about me)"
        r"(?: \w+){0,3}(?: (?:long|longer|tomorrow|tmrw|soon|much longer))",
        r"<wont> (?:be (?:here|around|alive)) (?:tomorrow|tmrw|tmr|by|for|much|in the morning)",
        r"(?:if|unless) (?:<you>|they) (?:\w+ ){0,6}(?:i|<ill>) (?:<wont> (?:be|make it|wake)|end|finish|go|die|do "
        r"something)",
        r"if (?:<you>) (?:go|leave|say no),? i (?:go|die|end)", r"(?:i|<ill>) do something (?:stupid|drastic|bad)",
        r"(?:<dont>|no|can't|cant) (?:see|know) (?:the |any |a )?(?:point|reason|why i should)(?: in| of| to)? "
        r"(?:living|life|going on|getting up|bother|being (?:here|alive)|carrying on|anything|any of it|waking)",
        r"what(?:'s| is) the point (?:of|in) (?:living|life|going on|anything|me)",
        r"(?:only (?:reason|thing) (?:<im>|i am|that's|keeping me|that keeps me)|(?:keeping|keeps) me (?:alive|going))",
        r"(?<!husband )(?<!wife )(?<!partner )(?:still|even) alive", r"(?:no|nothing to) (?:reason|point) (?:to|in) (?:live|living|go on)",
        r"(?:<dont>|do not) want to (?:live|be alive|be here|exist|wake up|go on)",
        r"(?:better|be better) off (?:without me|if i (?:was|were) gone|dead)",
        r"(?:<cant>) (?:go on|carry on|keep going|do this anymore|take (?:it|this) anymore)(?! without| holiday| a holiday| "
        r"trips?| with)",
        r"(?:sitting|standing|stood|sat) (?:on|at|by) (?:the|a) (?:bridge|edge|cliff|roof|tracks|platform)",
        r"(?:stopped|stop|not) taking (?:my|the) (?:medication|meds|tablets|pills)(?:[^.!?\n]{0,60}?)(?:unless|until|"
        r"if|since you|because you|till|not going back)",
        r"(?:made|written|wrote|sorted) (?:a|my) will", r"letters? to (?:my|everyone)(?: \w+){0,6} (?:last|goodbye)",
        r"wanted (?:yours|you) to be the last", r"say(?:ing)? goodbye (?:to everyone|forever|for good)",
        r"hoping something (?:would|will|might) happen", r"(?:wait|need to wait) long for it",
        r"(?:<dont>|no) know what i(?:'ll| will| would| am going to|'d)? do (?:to|with) myself",
        r"(?:finish|end) (?:everything|it all)", r"deserve to (?:die|not be here|disappear)",
        r"no (?:reason|point) (?:to|in) (?:stay|staying) alive",
        r"(?:no|not much|isn't much|isn't any|doesn't seem (?:much|any)|don't see (?:much|the|any)|there's no) point"
        r"(?: (?:without|in|of|to|any ?more|anymore|going on|living|trying))?",
        r"(?:sorting|sorted|getting|got|putting|put) (?:out )?(?:my|all my) (?:affairs|things|stuff) (?:out|in order|sorted|"
        r"straight|tidy)?", r"(?:sorting|sorted|made|making|wrote|writing|updated) (?:out )?(?:the|my) will",
        r"(?:<wont>|won't) (?:have to|need to) (?:put up with|deal with|worry about|see|bother about) (?:me|my \w+) "
        r"(?:much longer|for (?:much|very) long|for long|soon)",
        r"not sure (?:i(?:'ll| will)|<ill>) (?:see|make it to|be here for|be around for|last (?:till|until)) "
        r"(?:christmas|xmas|my birthday|the new year|next year|the weekend|much longer|tomorrow|spring|summer)",
        r"(?:given|giving|gave) (?:away )?(?:the|my) (?:cat|dog|things|stuff|belongings|guitar|car) (?:to|away)",
        r"(?:lighter|better|easier|happier) without me(?: in it| around| here)?", r"the world would be",
        r"(?:got|have|holding|with) (?:the|my|all my|a bottle of) pills", r"pills (?:here|in front of me|ready|lined up)",
        r"(?:won't|wont|will not|might not|may not) (?:wake up|be (?:here|around) (?:for|much|to see|when))",
        r"(?:take|took|end|ending) my (?:own )?life", r"(?:want to|wanna|wish i could|wish to|going to|gonna|ready to) "
        r"(?:die|be dead|disappear|not exist|not be here|not wake up|stop existing)", r"wish i (?:was|were) dead",
        r"(?:might|may) as well (?:not be here|be dead|die|give up on (?:life|living|everything)|end it|not exist)", r"(?:tired|sick) of (?:living|being alive|life|it all)",
        r"not worth (?:living|it any ?more|going on)", r"(?:when|after|once) i(?:'m| am) gone",
        r"(?:won't|wont|will not|no longer) be (?:a|your) (?:problem|burden)", r"(?:a|such a) burden (?:to|on) (?:everyone|"
        r"you|my)", r"(?:look after|take care of) (?:the kids|the children|my \w+|mum|the dog|the cat) for me",
        r"(?:this is|it's|its) (?:my|the) (?:final) (?:goodbye|words)",
        r"(?:<wont>|won't) (?:be|have to) (?:deal|dealing) with me (?:much longer|for long|soon|again|any ?more)(?! "
        r"(?:because|as|since) i)", r"(?:go to sleep|sleep) and not wake up", r"(?:cut|cutting|hurt|hurting) myself",
        r"(?:jump|jumping) (?:off|in front)", r"(?:nothing|no one|nobody) (?:left )?to live for",
        r"(?:i'm|<im>) done with (?:life|living|everything|it all)", r"remember me (?:as|when|kindly|well)",
        r"(?:keep|put) my foot down", r"not stop at all", r"on the (?:bridge|roof|edge|ledge|tracks|cliff)",
        r"before anything happens", r"(?:not|don't|do not|dont) intend to be (?:around|here|alive)",
        r"<wont> have to worry about me", r"after tonight(?: \w+){0,3} (?:won't|wont|never|no more|gone)",
        # Not being alive or here, said of oneself; final arrangements; means; a note or a last word.
        r"(?:if|when|once|after|maybe when) i(?:'m| am|m)? (?:\w+ )?(?:dead|gone|no longer here|not (?:here|around|alive))",
        r"i (?:just )?(?:wasn't|weren't|was not|am not|wasnt|were not) (?:here|around|alive) (?:any ?more)",
        r"(?:not|no longer) (?:be )?(?:in this world|on this earth)(?: any ?more)?", r"(?:will|would) not be a me",
        r"there (?:won't|will not|wont) be (?:a )?me", r"no me without", r"(?:keep|kept) (?:turning|going) without me",
        r"without me in it", r"why (?:i'd|i would|i should|should i) (?:keep|carry) (?:going|on)",
        r"if (?:<ill>|i'll|i will) (?:still )?be (?:here|around|alive)", r"(?:not|never) waking up|never wake up",
        r"tried to (?:make sure of it|end it|kill|hurt myself|take my)", r"make sure of it",
        r"how many (?:it would|it'll|would it|i'd need|i would need|pills)", r"(?:written|wrote|left|writing) (?:the|a|my) note",
        r"(?:last|final) (?:thing|words?|message|letter) i(?:'ll| will)? (?:ever )?(?:write|send|say) to anyone",
        r"(?:won't|wont|will not) need (?:it|them|these|this|that|any of it|my \w+)(?: any ?more| where| now)",
        r"(?:won't|wont|will not) need (?:it|them)(?=\s*[.!,]|\s*$)", r"where i(?:'m| am) going",
        r"for me,? i (?:won't|wont|will not) be able", r"nothing (?:left )?for me to (?:sort|do|live for|stay for)",
        r"(?:need not|needn't|won't need to|don't need to|do not need to) (?:concern|worry) (?:yourself )?(?:about|with) "
        r"me (?:for )?(?:much )?longer", r"what (?:you'll|you will|someone will|they'll|they will) find when",
        r"for when someone needs to get in", r"(?:stopped|stop) taking my (?:meds|medication|tablets|pills),? "
        r"(?:what's the point|no point|why bother)", r"(?:pills|tablets) (?:out |all out )?(?:on the table|in front of me)",
        r"(?:all|got) the pills",
        r"(?:driving|going|heading|walking) to the (?:bridge|cliff|tracks|river|sea|station)",
        r"(?:everyone|every1|everybody|you|u|the kids) (?:would be|'d be|will be|are) better off (?:if|without)",
        r"(?:if i|when i) (?:just )?(?:wasn't|was not|wasnt|weren't) around", r"engine running",
        r"(?:just )?disappear (?:for good|forever|for ever|completely)", r"not (?:gonna|going to) be around (?:much|for|long)",
        r"what(?:'s| is|s) the point (?:of|in) me", r"my life is in (?:<your>|your) hands",
        r"(?:took|taken|swallowed|had) (?:a load of|all my|all the|loads of|a lot of|too many|some) (?:tablets|pills|meds)",
        r"(?:written|wrote|writing) (?:letters|notes|a letter|goodbyes?) to (?:everyone|every1|my family|the kids)"
        r"(?: just in case)?", r"just in case (?:something|anything) happens",
        r"(?:won't|wont|will not) be needing", r"(?:written|wrote|left) (?:letters?|notes?) (?:for|to) (?:the kids|the "
        r"boys|the girls|my \w+|everyone|you)", r"told (?:'em|them|him|her) to look after (?:their|your|ur) (?:mum|mom|"
        r"dad|mother|father)", r"(?:affairs|everything)(?:'s| is| are)? (?:sorted|in order)",
        r"how much longer (?:i|i'll|<ill>) (?:can )?(?:keep going|go on|carry on|hold on|last|take)",
        r"(?:thinking (?:a lot )?about|been (?:up )?(?:at|on)|sitting (?:\w+ ){0,3}(?:at|on|by)|up (?:at|on)|standing "
        r"(?:at|on)|parked (?:at|on|by)) (?:the |a )?(?:bridge|cliffs?|multi-?storey|dam|tracks|railway|ledge|roof|"
        r"rooftop|top floor)", r"giving (?:stuff|things|it all|everything|my stuff|my things|\w+ \w+) away",
        r"(?:look after|take care of) (?:them|it|him|her) better than i (?:could|can|ever)", r"if anything (?:happens|should "
        r"happen) to me", r"stop everything", r"easier (?:on|for) everyone", r"(?:naebody|nobody|no one|no-one) will"
        r"(?=\s*[.!]|\s*$| hear| see| ever)", r"(?:counting|counted|count) (?:them|the (?:tablets|pills))",
        r"(?:tablets|pills)(?: \w+){0,6} (?:all still here|still here)", r"(?:rather|prefer to|want to) not wake up",
        r"call from the hospital", r"no seat ?belt", r"(?:<ill>|i'll|i will|i'm going to|gonna) end it",
        r"no reason (?:for me )?to (?:keep going|go on|carry on|live|stay)", r"(?<!you'll )(?<!you will )be around much "
        r"longer", r"go off somewhere (?:nobody|no one|naebody)",
        r"gave (?:ma|my) \w+ (?:tae|to) \w+", r"why i went quiet", r"whatever happens(?=\s*[.!]|\s*$)",
    ), unless=r"(?:never|not|wasn't|wasnt|was not|weren't|isn't|n't)(?: really| ever| actually)? (?:going|gonna|planning|"
              r"about|meant|meaning|trying|wanting|want) to(?: \w+)?"),
    _family("threat_other", "This is a threat. Whatever it is meant to achieve, it tells them they are not safe "
            "from you: stop, and get help with it (Safety first).", (
        r"if (?:<you>|ya) (?:\w+ ){0,10}(?:i|<ill>|i'll|i will|i'd|i would)(?: \w+)? (?:tell|post|show|send|share|"
        r"apply|report|call|make|take|ruin|expose|come|find|hurt|raise|put|let|go to|leak|publish|print|sue|fight|"
        r"get|bring|use)(?![^.!?\n]*(?:what i did|the truth|i did it))",
        r"(?:would|it'd|it would) be a (?:shame|pity) if", r"(?:remember|don't forget|dont forget) (?:that )?"
        r"(?:<ive>|i still|i've still|i) (?:still )?(?:got|have)", r"(?:still )?(?:got|have) (?:a|the|your) keys?\b"
        r"(?! (?:back|returned))(?: to (?:<your>|the) (?:flat|house|place|home))?(?!.{0,20}(?:posted|returned|left|gave|give|back))",
        r"might (?:like|want|be interested|enjoy) (?:to know|hearing|to hear)",
        r"(?:everyone|every1|people|<your> (?:boss|family|parents|mum|mom|dad|friends|work ?mates|colleagues|new \w+)|"
        r"the court|the police)(?:'s|s)? (?:will|<ill>|is going to|are going to|going to|gonna|would) (?:see|know|"
        r"find out|hear|learn)",
        r"(?:you'll|you will|u will|youll) (?:lose|regret|be sorry|pay|see what happens)",
        r"lose (?:the|your) (?:kids|children|son|daughter|job|house)", r"full custody",
        r"happy to (?:fill|tell) (?:him|her|them) in", r"i know where (?:<you>) (?:live|work|are)",
        r"watch (?:<your>) back", r"(?:<your>|that) little secret",
        r"(?:still )?(?:have|got|kept|keeping) (?:the|your|those|all the|some|all your) (?:photos|pictures|videos|"
        r"messages|texts|letters|nudes|screenshots)(?! (?:deleted|back))(?!.{0,30}(?:deleted|destroyed|binned|returned))",
        r"(?:let's|lets) keep (?:this|things|it) (?:civil|nice|friendly|quiet)", r"i know where (?:<your>|you) (?:\w+ )?"
        r"(?:lives?|works?|stays?|goes|are)", r"if (?:<you>|ya)[^.!?\n]{0,80}?(?:i|<ill>|i'll|i will|i'd|i would)(?: \w+)? "
        r"(?:tell|post|show|send|share|report|expose|ruin|publish|leak|go to)(?![^.!?\n]*(?:what i did|the truth|i did "
        r"it))",
        r"or else", r"(?:<you>|ya)(?:'ll| will) (?:regret|be sorry|pay)", r"watch yourself",
        r"(?:<ill>|i'll|i will) make (?:sure|your life|you)(?! (?:never|safe|feel safe))", r"don't make me",
        r"(?:you|u) (?:don't|dont|do not) want me to", r"i (?:could|can|will) (?:ruin|destroy|finish|end) (?:you|your)",
        r"(?:social services|the police|your (?:boss|work|employer|family|parents)|the court|a lawyer)(?: \w+){0,3} "
        r"(?:might|would|will|could|may) (?:like|want|be interested|hear|find out|learn|see)",
        r"(?:i )?(?:have|got|kept) (?:proof|evidence|screenshots|recordings)", r"i know things",
        r"(?:report|reporting) (?:<you>|ya) (?:to|for)", r"(?:take|taking|get|getting) the (?:kids|children) (?:off|"
        r"away from|from) (?:<you>|ya)",
        r"(?:<im>|i am|i'm) (?:well )?aware of (?:certain|some|a few|your)", r"(?:may|might|would) find (?:it |that )?"
        r"(?:of )?interest(?:ing)?", r"(?:will not|won't|wont|not) be responsible for what", r"if i see (?:<you>|ya) with",
        r"i know (?:<your>|your) (?:routine|new place|address|schedule|movements|new address|new number)",
        r"(?:don't|dont|do not) think (?:<you>|ya) can (?:just )?(?:vanish|hide|disappear|get away|run|ignore)",
        r"(?:<you>|ya) can't hide",
        r"(?:<your>) (?:car|phone|flat|house|lease|contract|account)(?:'s| is)? (?:still )?in my name",
        r"(?:drag|dragging) (?:<your>|your) name", r"(?:ull|you'll|you will|u will) regret", r"i can (?:still )?"
        r"(?:cancel|cut off|stop|take|close|change) (?:<your>)", r"i know where (?:<youre>|ur|you're|you are) (?:staying|"
        r"living|working|sleeping)",
        r"(?:i'd|i would|id|would) (?:really )?hate (?:for|if) (?:<your>|your|anything|something|the|people|them|"
        r"everyone)", r"(?:it )?(?:would|it'd|'d) be (?:a |so |really )?(?:shame|sad|pity|terrible|awful) if", r"shame if",
        r"(?:if|when) (?:they|<your> \w+|your \w+|people|everyone|the \w+) (?:found|find|finds) out", r"(?:get|got|gets) "
        r"the (?:wrong|wrang) idea", r"(?:might|may|would) find (?:[^.!?\n]{0,40}?)interest(?:ing)?",
        r"(?:stay|stays|be) in one piece", r"<your> (?:stuff|things|belongings|clothes|car)(?:'s| are| is)?(?:[^.!?\n]{0,60}?)"
        r"(?:won't be|wont be|in one piece|forever|much longer)", r"(?:<you>|ya) want (?:to see )?(?:him|her|them|the "
        r"kids|the dog|the cat|your \w+)(?: back| again),? (?:you|u)", r"(?:visa|status|residency|papers|permit)(?:[^.!?\n]"
        r"{0,30}?)(?:depend\w* on me|complicat\w*)", r"hope nothing (?:complicates|happens|goes wrong|gets in the way)",
        r"(?:custody|social services|the social|evaluator|cafcass)(?:[^.!?\n]{0,40}?)(?:wrong idea|hear about|find out|"
        r"goes|see how)", r"see how the (?:custody|hearing|court)", r"keep ignoring me and", r"(?:<your>|your) (?:boss|"
        r"employer|manager|father|dad)(?:'s \w+)? and me are (?:mates|friends)", r"(?:close|mates|friends) (?:with|to) "
        r"(?:<your>) (?:boss|father|dad|employer|family|father's)", r"(?:people|everyone|the village|the town|folk) "
        r"(?:are|is) (?:already )?talking", r"so (?:<youre>|you're) (?:prepared|not caught off guard|aware|warned)",
        r"<your> \w+(?:'s| is)? (?:still )?(?:registered to me|in my name)", r"keep(?:ing)? an eye on (?:the place|your|ur)",
        r"(?:you'd|you would|you'll) want to be careful", r"fragile thing|wouldn't take much|wouldnt take much",
        r"what (?:they|people|everyone)(?:'d| would) think if", r"(?:he's|hes|she's|they're|he is|he will be|he'll be) "
        r"(?:getting|gonna get|going to get) hurt", r"hate for (?:anything|something) to happen",
        r"pursue (?:<you>|ya)|(?:sue|suing) (?:<you>|ya)|for defamation",
    ), ownable=True, unless=r"(?:threatened|threatening|threaten|threats|said i(?:'d| would)|told (?:<you>|ya) i(?:'d| would))(?: to)?(?: \w+)?"),
    _family("proximity", "This says you are near them, or will be. Turning up, or being where they are, "
            "takes away their choice and can frighten them.", (
        r"<im> (?:(?:just|right|now|still|sitting|standing|waiting|parked)\s+)*(?:outside|downstairs|parked|"
        r"waiting (?:outside|for you|by|at|in|near)|across (?:the|from)|near (?:<your>|you|the)|nearby|round the "
        r"corner|around the corner|by (?:<your>|the) (?:door|house|flat|work|office|station|car|gate|school)|"
        r"at (?:<your>|the station|the cafe|the café|the pub|the park|the bar)|in (?:<your>|the) "
        r"(?:street|road|building|car park|lobby|area|town)|down the road|on (?:<your>|the) (?:street|doorstep|road))",
        r"<im> (?:now )?living (?:\w+ ){0,2}(?:near|close to|from|by) (?:<you>|<your>)",
        r"(?:<ill>|i'll|i will|i'm|<im>) (?:(?:be|wait|come|stop|drop|pop|swing|turn|show) )?(?:waiting |there |round "
        r"|by |up |in )?(?:at|outside|by|near|round|around|in|on) (?:the (?:\w+ ){0,2}(?:where we|we used|our)|"
        r"<your>|our (?:usual|old|spot|place|table|bench|cafe)|the lantern|\w+'s (?:wedding|party|house|place|funeral|"
        r"christening|birthday))",
        r"(?:<ill>|i'll|i will) (?:(?:be|come|go|stop|drop|pop|swing|turn|show) )(?:by|round|over|up|past) "
        r"(?:<your>|yours|the (?:house|flat|office)|at)",
        r"(?:<ill>|i will) (?:be|wait) (?:waiting )?(?:at|outside|by|near) (?:<your>|yours|the (?:cafe|café|pub|station|"
        r"park|door|gate|house|end of)|our (?:usual|old|spot|place))", r"(?:<ill>|i will) (?:be|wait) (?:waiting )?there\b",
        r"(?:walking|driving|cycling) (?:past|by|round|to|near) (?:<your>|yours|the (?:house|flat)|your (?:house|flat|"
        r"place|work|office))",
        r"(?:drove|walked|went|passed|came|been|cycled|driven) (?:past|by|round|to|near) (?:<your>|yours|the (?:house|"
        r"flat)|your (?:house|flat|place|work|office))(?=[^.!?\\n]*(?:last night|this morning|this afternoon|this evening|today|tonight|yesterday|rn|right now|earlier|just now|this week|again|every day|every night|(?:on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)))",
        r"(?:joined|moved (?:to|near|into)|signed up (?:at|to|for)|started going to) (?:<your>|the same)",
        r"(?:bump|run|ran) into (?:each other|<you>)", r"see each other (?:in|at|around)",
        r"(?:please |pls |just |can you |could you |will you |<you> )come (?:down|out|outside|to the (?:door|window))", r"open the door", r"(?:not|never) leaving until",
        r"(?:till|until|til) (?:<you>) (?:come|open|let)", r"(?:saw|seen|see) (?:<your>) (?:lights|car|bike)",
        r"(?:at|outside) (?:<your>) (?:door|house|home|flat|place|work|office|building|gym|parents'?|mum's|mom's)"
        r"(?: (?:now|rn|right now|tonight))",
        r"(?:say|tell) (?:it|this|you|that)(?: to (?:<you>|<your> face))? (?:in person|to (?:<your>) face|face to face)",
        r"(?:say|tell|apologi[sz]e|explain|talk|speak|see (?:<you>|each other)|sorry|meet)(?: \w+){0,4} (?:in person|"
        r"face to face|to (?:<your>) face)",
        r"<ill> do (?:the )?(?:pick-?up|drop-?off|handover)s?(?: \w+){0,4} (?:too|so i can|so we can)",
        r"(?:walked|drove|went|passed|came|cycled|jogged|ran|been)(?: \w+){0,2} (?:past|by|round) (?:<your>|yours|"
        r"your (?:place|house|flat|work|office|school)|the (?:house|flat))(?=[^.!?\\n]*(?:last night|this morning|this afternoon|this evening|today|tonight|yesterday|rn|right now|earlier|just now|this week|again|every day|every night|(?:on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)))",
        r"(?:<im>|i am|<ill>|i will be|i'll be) (?:\w+ )?(?:staying|living|working|parked|sitting|waiting|stopping|"
        r"moving)(?: \w+){0,4} (?:near|by|outside|opposite|across from|round the corner from|down the road from|next to|"
        r"two streets from) (?:<your>|<you>|yours)",
        r"<im> (?:\w+ )?(?:at the end of|at the top of|at the bottom of|on the corner of) (?:<your>)",
        r"(?:<im>|i am|i'm) (?:in|at|near|around) (?:<your>|your|the) (?:town|city|area|neighbourhood|neighborhood|street|"
        r"road|building|village|work|office|gym|local)", r"(?:<im>|i'm|i am|<ill>|i will|i'll) (?:coming|come|heading|"
        r"popping|dropping) (?:over|round|around|by|to (?:<your>|yours|see you))",
        r"(?:saw|seen|spotted|noticed|watched|watching) (?:<you>|ya) (?:at|in|with|outside|leaving|walking|going|"
        r"coming|on|by|near|last|yesterday|today|the other)", r"(?:see|seeing) (?:<you>|ya) (?:at|in) (?:the|church|school|"
        r"work|\w+'s)(?: \w+){0,3} (?:on|this|next|tomorrow|sunday|saturday)",
        r"(?:moved|moving) (?:to|into|near|closer to) (?:<your>|the same) (?:town|city|area|street|road|building|"
        r"neighbourhood|estate)",
        r"(?:wait|waiting|be|stand|standing|sitting|sit|parked)(?: \w+){0,2} (?:in front of|in front|"
        r"outside|opposite|across from|at the end of|round the corner from) (?:<your>|your|the)",
        r"(?:waited|stood|sat)(?: \w+){0,2} (?:in front of|in front|outside|opposite|across from|at the end of|round the "
        r"corner from) (?:<your>|your|the)(?=[^.!?\\n]*(?:last night|this morning|this afternoon|this evening|today|tonight|yesterday|rn|right now|earlier|just now|this week|again|every day|every night|(?:on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)))",
        r"(?:left|leaving|put|dropped|posted) (?:\w+ )?(?:on|at|through|by) (?:<your>) (?:door|doorstep|step|porch|car|"
        r"desk|gate)", r"in case (?:<you>|ya) (?:came|come|walk|walked|pass|passed|look)",
        r"(?:attending|coming to|be at|going to|be going to) (?:<your>) (?:\w+'s )?(?:wedding|party|funeral|christening|"
        r"graduation|work do|birthday)", r"near (?:<your>) (?:table|seat|desk|house|flat|office|work)",
        r"(?:in|at) the (?:pub|cafe|café|bar|shop|park|station|gym) (?:by|near|next to|opposite|across from) (?:<your>)",
        r"(?:walking|driving|going|passing|cycling) (?:past|by) (?:the|<your>) (?:school|house|office|work|gym|flat)",
        r"<im> (?:\w+ )?at the (?:bus stop|station|corner|end of the road|shop|park|gate|lights) (?:by|near|outside|next "
        r"to|opposite) (?:<your>|your|the)",
        r"<im> in (?:the|a) (?:\w+ ){0,2}(?:across|opposite|near|by|outside|round the corner)(?: the road| the street)? "
        r"from (?:<your>)", r"(?:was passing|went past|passing) (?:<your>) (?:road|street|place|house|work|office|flat)",
        r"(?:drove|walked|went|cycled) past (?:the school|<your> (?:mom's|mum's|mam's|mother's|parents'|sister's) "
        r"(?:place|house))", r"(?:going|coming|be|invited me) (?:to|at) (?:\w+'s|<your> \w+'s|her|his) (?:party|wedding|do|"
        r"birthday|christening)(?:[^.!?\n]{0,50})(?:you'll be|you will be|each other|see you|there)",
        r"(?:flowers|a card|a letter|a note|a gift|something|a parcel|a present)(?: \w+){0,3} (?:on|through|at|in) (?:<your>) "
        r"(?:doorstep|door|letterbox|car|desk|gate|porch|mailbox|postbox)", r"(?:moved|moving) (?:into |in |to )?(?:a "
        r"flat |a house |a place )?(?:on|in) the (?:street|road|block) (?:behind|next to|near|opposite) (?:<your>|yours)",
        r"so i(?:'m| am| can be) (?:around|close|near)", r"(?:just )?wanted to be close", r"(?:staying|getting coffee|"
        r"living|working|eating|drinking)(?: \w+){0,5} (?:near|by|opposite|next to) (?:<your>) (?:new )?(?:apartment|"
        r"flat|house|office|work|place)", r"two (?:lanes|doors|streets|houses|minutes) (?:from|away from) (?:<your>|"
        r"yours|urs)", r"(?:parked|sat|sitting) (?:out )?(?:the )?(?:front|outside|across) (?:of )?(?:<your>|urs|yours)",
        r"(?:we'll|we will) (?:be )?see(?:ing)? each other", r"in the (?:café|cafe|pub|place|restaurant|bar) where we "
        r"(?:had|met|used to)", r"(?:stay|wait) (?:till|until) it closes", r"(?:pop|swing|come|drop) (?:round|by|over)"
        r"(?: to (?:the house|yours|<your>))?(?: \w+){0,3} (?:tomorrow|tonight|after|later|this)",
    ), ownable=True, unless=r"(?:won't|wont|will not|not|never|don't|dont|no longer|stop|stopped|to stay away from)",
       unless_sentence=r"as (?:the )?(?:schedule|agreed|arranged|court|order|plan|usual|always) (?:says|said|set|sets|"
                       r"agreed|out)|(?:agreed|arranged|usual) (?:handover|pick-?up|drop-?off|time)|mediator|solicitor|"
                       r"contact cent(?:re|er)|handover|pick-?up|drop-?off|school gates?"),
    _family("deadline", "This sets them a deadline. Any time limit is pressure: they answer when and if they "
            "choose.", (
        r"(?:if|unless) (?:i|<you>) (?:haven't|havent|have not|don't|dont|do not|hasn't)(?: \w+){0,3} "
        r"(?:hear|heard|answer|answered|reply|replied|decide|decided|respond|responded)",
        r"(?:by|before|until|till|til|no later than|within|after) <day>(?:[^.?!\n]{0,60}?)(?:hear|heard|answer|reply|"
        r"respond|decide|decision|know|yes or no|where we stand|assume|take (?:that|it|this) as|say anything|tell me|"
        r"contact|reach out|talk|forgive)",
        r"(?:hear|heard|answer|reply|respond|response|decide|decision|know|yes or no|where we stand|say anything|"
        r"tell me|get back to me)(?:[^.?!\n]{0,40}?)(?:by|before|until|till|til|no later than|within) (?:<day>|"
        r"(?:seven|\d+|a few|two|three|five|ten|fourteen) (?:days|weeks|hours)|then)",
        r"(?:you(?:'ve| have)? got|<youve>|you have|u have|u got) until", r"(?:tonight|now|today) or never",
        r"(?:this is|it's|its|that's) (?:your|the|my) (?:last|final) (?:chance|time)",
        r"(?:last|final) (?:time|chance) (?:i|<im>|<ill>) (?:reach|ask|write|try|text|call|message|beg)",
        r"i need an answer", r"need to know (?:\w+ ){0,3}(?:where (?:we|i) stand|yes or no|by|tonight|today|now)",
        r"(?:<ill>|i will) (?:take (?:that|it|this|your silence) as|assume)",
        r"(?:keep|leave|have) my phone on (?:until|till|all)", r"yes or no",
        r"(?:<ill>|i will) (?:wait|be waiting) (?:until|till|til) <day>",
        r"(?:<ill>|i will) (?:only |just )?(?:wait|give (?:you|u) )(?:\w+ ){0,2}(?:days|weeks|hours)",
        r"(?:before|by) (?:<day>|then)[,]? (?:<you>) (?:must|need to|have to|should|got to|gotta)",
        r"(?:it )?has to be (?:before|by|tonight|today|now)",
        r"(?:booked|reserved|got) (?:a|our|the|us a) (?:table|room|tickets?|seats?|flight|holiday)",
        r"(?:hold|keep|save) (?:it|the table|them|the room|your seat) (?:till|until|til|for)",
        r"(?:after|by|from) (?:that|then),? (?:it(?:'ll| will) be|it's|it is) too late", r"too late (?:to|for)",
        r"(?:my )?(?:flight|train|bus|ferry|plane)(?: back| home| out)? (?:is|leaves|goes|is on)",
        r"before i (?:go|leave|fly|move|head)(?: \w+)?,? (?:<you>|so|if)",
        r"(?:<your>|an) answer by", r"(?:give|giving) (?:<you>|ya) (?:till|until|til|a week|a month|\w+ days|the "
        r"weekend|one (?:week|month|day))", r"(?:by|before) (?:the )?\d{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|"
        r"jul|aug|sep|oct|nov|dec)\w*",
        r"(?:stands|open|there) (?:til|till|until) (?:<day>|payday|the \w+)", r"(?:<youve>|uve|you've) got (?:til|till|"
        r"until) ", r"(?:til|till|until) payday",
        r"(?:runs out|ends|expires|is up) on the \d", r"(?:take it|assume) (?:you've|you have|u've) decided",
        r"(?:it'd|it would|it will|it'll|needs? to|have to|has to|want to) (?:want to )?be before then", r"(?:till|until|til) the (?:month's|months) (?:out|oot|up)", r"(?:till|until|til) the end of "
        r"the (?:month|week)", r"after (?:tonight|today|monday|tuesday|wednesday|thursday|friday|saturday|sunday) i(?:'ll| "
        r"will)? (?:stop|won't|will not|wont)", r"give it (?:till|until|til)", r"(?:giving|give) it (?:one|a|two) (?:week|"
        r"day|month)s?", r"in a fortnight", r"(?:need|needs|want|have|has|would want) to be (?:afore|before) (?:that|then)", r"unless (?:<you>|ya) say otherwise",
        r"goes back to the shop",
    ), ownable=True),
    _family("request", ASKS, (
        # A question to them asks them for an answer.
        r"(?<![\w'])(?:(?:so|and|but|please|pls|just|then|ok|okay|now|honestly|maybe),?\s+)*(?:can|could|would|will|"
        r"won't|wont|wouldn't|shall|should|may|might|do|did|are|r|is|have|has|would)(?:n't)? (?:<you>|we|us|ya|i)\b"
        r"[^.?!\n]*\?",
        r"(?:<are>|is) (?:<you>|we) (?:free|around|up for|ok to|okay to|able)\b[^.?!\n]*",
        r"(?:how|what) about (?:a|we|us|<you>|meeting|coffee|talking|dinner|lunch)[^.?!\n]*\?",
        r"(?:when|where|why) (?:can|could|will|would|won't|wont|don't|dont|can't|cant|do|did|are|r|shall) "
        r"(?:<you>|we|i)[^.?!\n]*\?",
        r"what (?:am i|do i|should i|can i|would i|are we|do we|will i)[^.?!\n]*\?",
        # Asking outright.
        r"<please>(?! (?:<dont>|do not|no need|ignore|feel free|know|take care|look after|be well|stay safe|"
        r"keep (?:yourself|safe)|delete|forget|throw|use|accept (?:the|this) money|forgive my (?:\w+ )?(?:writing|english|"
        r"spelling|grammar|words)|excuse))",
        r"(?:^|(?<=[.!?\n])\s*|(?<=[,;:]) ?)" + _LEAD + r"(?:answer|reply|respond|write(?: back| to me)?|text|txt|call|"
        r"ring|phone|message|msg|dm|email|contact|meet|unblock|forgive(?! my (?:\w+ )?(?:writing|english|spelling|grammar|"
        r"words))|give|let|tell|talk|speak|listen|hear|"
        r"reconsider|pick up|open|believe|trust|take|accept|send|come|say|remember|think|consider|wait|try|drop|"
        r"get back|reach out|find|show|stop (?:ignoring|blocking|avoiding|hiding)|don't (?:ignore|shut|block|give up|"
        r"leave|delete|push|throw)|dont (?:ignore|shut|block|give up|leave|delete|push))\b(?! (?:it|that|this)[,.]?\s*$)"
        r"[^.!?;\n]*",
        r"(?<!god )(?<!lord )(?<!allah )forgive (?:<me>|us)", r"let <me> (?:know|explain|see|talk|come|make|prove|show|fix|in|back|be|try|speak|"
        r"say|have|hear|visit|help|make it up|take)", r"let's (?:meet|talk|try|start|get|go|see|have|grab|catch|fix|sort|"
        r"work|give|put|speak|sit)",
        r"(?<!them )(?<!they )(?<!him )(?<!her )(?<!people )(?:<contact>) (?:<me>|us)(?! again)\b", r"(?:get back|write back|reply|respond|talk) to <me>", r"(?<!make )(?<!made )(?<!making )(?<!let )(?:<you>|please|pls|just) come back(?: to me| home)?",
        r"(?:give|grant|allow|offer) (?:<me>|us|this|it|our (?:relationship|marriage|family)|what we had)"
        r"(?: (?:a|another|one|one more|one last|a second|a last|a final|some|the|\w+))?(?: (?:more|last|second|real|fair|"
        r"proper|final))? (?:chance|try|go|shot|opportunity|minutes?|moment|hearing|call|second|thought|hour)",
        r"(?:another|second|one more|one last|last|new|fresh) (?:chance|try|go|start|shot)",
        r"hear <me> out", r"take <me> back",
        r"(?:try|start|begin) (?:again|over|afresh)", r"(?:meet|meeting) (?:<me> )?halfway", r"<your> turn",
        r"(?:work|sort|fix|figure) (?:it|this|things|us) out", r"(?:get|getting) back together",
        r"keep <me> (?:posted|updated|informed|in the loop)", r"(?:let|tell) <me> (?:know|if|when|what|how)",
        r"(?:<dont>|do not) (?:ignore|shut|block|push|cut) (?:<me>|this|us)",
        r"(?:all|the only thing|everything) (?:<im>|i|i'm) (?:ask|asking|want|need|beg)",
        r"(?:<im>|i'm|i am) (?:asking|begging|pleading|imploring)", r"i (?:beg|implore|ask) (?:<you>|of <you>)",
        r"(?:would|it'd|it would|that would|that'd) mean (?:a lot|the world|everything|so much|a great deal)",
        r"(?:would|will) be (?:so |very |really )?(?:grateful|glad|thankful|happy|honoured) (?:for|if|to)",
        r"(?:door|phone|inbox|line|number|heart) (?:is|will be|stays|will always be|remains) (?:always )?open",
        r"(?:whenever|when|once|if) (?:<youre>|<you> (?:are|r|feel|are ever)) (?:ready|able|willing)(?![^.!?\n]*(?:things|"
        r"stuff|belongings|boxes|collect|pick up|papers|documents|keys))",
        r"if (?:<you>|ya) (?:ever |could |would |can |might |do )?(?:want|wanna|need|feel like|decide|change "
        r"(?:your|ur) mind|are willing|'re willing|miss me)",
        r"if (?:<you>) (?:would |could |just |only )?(?:gave|give|let|met|meet|called|call|answered|answer|replied|"
        r"reply|wrote|write|talked|talk|spoke|speak|listened|listen|heard|hear|saw|see|unblocked|unblock)(?: to| with)? "
        r"(?:me|us)\b", r"if (?:<you>) (?:would |could |just |only )?(?:came|come) (?:back|home|over|round|to)",
        r"(?:hope|hoping|pray|praying|wish|wishing|long|longing|dream|dreaming) (?:that )?(?:<you>|we|one day|someday|"
        r"some day|in time|maybe)(?: \w+){0,5} (?:can|could|will|would|might|'ll|find)(?: \w+){0,4} "
        r"(?:forgive|reconsider|answer|reply|write|talk|speak|meet|see (?:<me>|each other)|try|again|back|heart|"
        r"find (?:it|a way)|come|call|give|let|be together|work)",
        r"(?:waiting|wait|waited|hoping|looking forward) (?:\w+ ){0,2}(?:for|to) (?:<your>|an|a|the|ur) (?:answer|"
        r"reply|message|call|response|word|text|decision|letter)",
        r"(?:i'd|id|i would|we'd|we would|i|we|would|will) (?:really |so |just |still |truly |honestly )?(?:like|love|"
        r"want|wish|need|appreciate|welcome)(?: for)? "
        r"(?:\w+ ){0,4}(?:to (?:<asks>|explain (?:in person|face to face|properly to)|apologi[sz]e in|try|start|get|have (?:a|one|the)|make (?:it|this|"
        r"things|amends in)|fix|say (?:it|this|sorry) (?:in|to))|the (?:chance|opportunity)|a (?:chance|conversation|"
        r"coffee|drink|word|call|reply|response|meeting)|your (?:voice|answer|reply|response|forgiveness)|from you|"
        r"back from you)",
        r"(?:like|love|want|need|hope|long) to hear (?:from <you>|<your> voice|back|you)",
        r"need (?:<you>|u) to (?:<contact>|understand|give|let|come|believe|tell|forgive|accept)",
        r"(?:tell|show) <me> (?:what|how|that|if|where|we|you|it|there)",
        r"(?:can|could|shall|should|might|maybe) we (?:just |please |at least |still |one day |someday )?(?:meet|talk|"
        r"try|start|see|get|have|grab|catch up|sit|speak|be|go|work|fix|sort)",
        r"we (?:should|need to|must|have to|ought to|owe it to) (?:\w+ )?(?:talk|meet|see|try|sit down|speak|have|"
        r"ourselves|each other|us)",
        r"(?:send|give|text|tell|dm) (?:<me>) (?:<your>|the|a) (?:new )?(?:number|address|email|reply|answer|sign)",
        r"(?:one|a) (?:more|last|final) (?:time|conversation|chance|talk|coffee|meeting)",
        r"(?:<your>|any) (?:reply|answer|response|forgiveness) would",
        r"(?:come|join) (?:to|and|with) (?:<me>|us)|come to (?:the|a|my|our|mia's|\w+'s) (?:party|session|service|"
        r"wedding|dinner|event|meeting|birthday|christening|church|counselling|therapy)",
        r"(?:joint|couples?) (?:session|counselling|counseling|therapy)",
        r"(?:if|whether) (?:<you>) (?:came|come|could come|would come|joined|join)",
        r"(?:message|text|call|write to|answer|reply to) (?:<me>|us) (?:back|whenever|when|if|once|sometime)",
        r"(?:you know where (?:i am|to find me|i live)|my (?:number|door|phone|email|address|inbox)(?:'s|s| is| has| will)? "
        r"(?:still )?(?:the same|open|on|always|as it)|(?:<ill>|i'll|i will) (?:leave|keep) (?:the|a|my) (?:porch "
        r"light|light|door|phone|kettle)|kettle'?s? (?:always |is always )?on|(?:always|still) here (?:for you|if)|here if "
        r"(?:<you>|ya) (?:need|want|ever)|<im> here if|(?:<you>|ya) can always (?:call|reach|find|come|talk|ring|text|"
        r"message)|any ?time (?:<you>|ya) (?:want|need|like|fancy|feel))",
        r"would it kill (?:<you>|ya) to", r"so i (?:know|can see) (?:<you>|<youre>|if <you>)", r"thumbs up",
        r"(?<!who )(?<!what )(?<!where )(?<!how )(?<!whether )(?<!which )(?<!when )(?<!whom )"
        r"(?:<you>|we) (?:could|can|might|should) (?:\w+ ){0,2}(?:call|come|meet|talk|visit|pop|drop|see (?:me|each other|us)|grab|catch up|"
        r"have a|get a|go for)(?! (?:been|\w+ed|died|lost|left))",
        r"(?!(?:do|did) (?:<you>|ya) (?:remember|recall)|remember when|see when|(?:<you>|ya) remember)[^.!?\n]*\b(?:<you>|we|us|ya)\b[^.!?\n]*\?", r"(?:<im>|i'm|i am) (?:only |just )?(?:asking|begging)",
        r"(?:if|when) (?:<youre>|<you> are|<you>(?:'re)?) (?:ever )?(?:passing|around|in town|nearby|free)",
        r"(?:sit|sitting) down (?:together|with (?:<you>|ya|a mediator|a counsellor))", r"with a (?:mediator|counsellor|"
        r"therapist) together|together with a (?:mediator|counsellor|therapist)",
        r"(?:would|will|could|can) (?:<you>|ya) (?:\w+ ){0,3}(?:come|be open|be up for|consider|think about|join|meet|"
        r"go|get|have|try|do|give|let|talk|see|reply|answer|text|call)\b",
        r"(?:just |really )?want (?:us|you and me|u and me) to (?:be|get|try|talk|meet|work|start)",
        r"(?:<your>|the) (?:mum|mom|mam|dad|family|grandma|nan|sister|brother|kids?)(?:'s)? (?:really )?(?:wants?|would "
        r"love|misses|asks? for) (?:<you>|ya) (?:there|to come|back|at|around)",
        r"(?:attend|come to|join) (?:a |the )?(?:session|appointment|meeting)", r"(?:still on|on) the same number",
        r"if that's ever any use", r"keeping (?:\w+ )?free", r"in case you find", r"catch you for a", r"(?:ye|you) ken "
        r"where i am", r"fancy a (?:blether|chat|catch-up|catch up|drink|coffee|pint|walk)", r"(?:a )?catch-up would",
        r"lmk if", r"up for (?:talking|a chat|a coffee|meeting)", r"(?:help|mean) (?:so much|a lot) to know",
        r"we can sit", r"clear the air", r"meet for a (?:coffee|drink|chat)", r"need to know (?:<you>|ya) (?:don't|dont|"
        r"do not) hate me", r"coffee sometime", r"(?:she'd|he'd|they'd|mum'd|she would|he would) love (?:<you>|ya) to "
        r"come", r"so would i", r"sit down with someone",
    ), ownable=True, negatable=True),
    _family("pressure", "This puts pressure on them: it makes your pain, your need, your persistence or your "
            "love theirs to answer.", (
        r"(?:never|not|won't|wont|will not|not going to|not gonna|refuse to) (?:ever )?(?:give|giving) up",
        r"(?:keep|keeping|will keep|<ill> keep|i'll keep|i will keep|<ill> go on|going to keep) (?:on )?(?:writing|"
        r"calling|texting|messaging|trying|fighting|waiting|hoping|loving|sending|reaching out|coming (?:round|"
        r"over|by|to (?:<your>|see)))",
        r"every (?:single )?(?:day|night|week)(?: \w+){0,4} until", r"until (?:<you>|ya) (?:see|answer|reply|"
        r"believe|realise|realize|understand|come|forgive|talk|listen|give|change|take|let|say)",
        r"(?:worth|keep|keeps|kept) fighting for", r"fight(?:ing)? for (?:us|<you>|this|what we|our|you)",
        r"(?:wait|waiting|will wait) (?:for (?:<you>|u|ya) )?(?:forever|all my life|my whole life|as long as|however "
        r"long|for as long|for ever|for years|a lifetime)",
        r"however long (?:it takes|<you> need|you need)", r"(?:for |as )?long as it takes",
        r"(?:<ill>|i will) (?:always )?(?:be (?:here|waiting|there)|wait)(?:(?: \w+){0,3} (?:for you|whatever|no matter|"
        r"when|if|however|always|forever))",
        r"(?:not|never) (?:letting|going to let|gonna let|let) (?:it|you|us|this|what we had) go(?! to| out| see| and)",
        r"(?:love|loving|loved) (?:<you>|ya) (?:forever|always|no matter|till|until|more than)",
        r"(?:<cant>|won't|wont) (?:just )?(?:switch|turn|shut) off", r"(?:stop|stopped) loving (?:<you>|ya)",
        r"(?:feelings|love) (?:for <you> )?(?:have not|haven't|will not|won't|will never|never) (?:changed|change|die|fade)",
        r"the love of my life|my soul ?mate|my (?:one|only) (?:true )?love|(?:you(?:'re| are)|ur|u r) it for me|"
        r"my heart is (?:only |still )?(?:yours|<your>s)|(?:you(?:'re| are)|ur) my (?:everything|world|life)",
        r"(?:nobody|no one|noone|no1) (?:will|could|would|else will|else could) (?:ever )?(?:love|want|treat|know) (?:<you>|ya)",
        r"what we (?:had|have) (?:was|is) (?:real|special|worth)",
        r"(?:we(?:'re| are| will|'ll)|were) (?:gonna|going to|meant to|destined to) (?:work|be|get)",
        r"(?:meant to be together|meant for each other|made for each other|meant to be us)", r"(?:bought|kept) the ring",
        r"(?:i|<ill>|i'll|i would|i'd|<id>) (?:\w+ )?(?:do|give up|give) anything(?: (?:<you>|ya) (?:want|ask|say|need)| for "
        r"(?:<you>|ya|us)| it takes)?",
        r"(?:i|we) (?:<cant>|can't) (?:live|go on|cope|survive|breathe|eat|sleep|function|think|work|be happy|"
        r"manage|do this)(?: \w+){0,2} without (?:<you>|ya)",
        r"(?:<cant>) (?:eat|sleep)(?:,| and| or)? (?:i )?(?:<cant>)? ?(?:eat|sleep|think|work)",
        r"falling apart", r"(?:nothing|lost|no one|nobody|empty|half a person) without (?:<you>|ya)",
        r"without (?:<you>|ya),? (?:i|<im>|my|life|there|nothing)",
        r"(?:only|just) (?:<you>|ya) can", r"(?:<youre>|you're) the only (?:one|person|thing)",
        r"i need (?:<you>|ya)\b(?! to (?:know that )?(?:not|never))",
        r"(?<!like )(?<!as if )(?<!though )<you> owe (?:me|us|it)(?! nothing)", r"we owe it to (?:ourselves|each other|us|the kids|our)",
        r"after (?:everything|all) (?:we|i|we've|<ive>)", r"if (?:<you>) (?:ever )?(?:really |truly )?(?:loved|cared)",
        r"what (?:more|else) do (?:<you>) want", r"(?:said|told you|apologi[sz]ed)(?: i'm| im)? sorry (?:a hundred|"
        r"a thousand|so many|countless|more|\d+|a million) times", r"more times than i can count",
        r"(?:told|telling) (?:everyone|every1|every one|people|my (?:family|mum|friends))(?: that)? (?:we(?:'re| are|"
        r"re| will|'ll) (?:gonna|going to|getting|back|together|fine|working))", r"(?:my (?:mates|friends|family) (?:all )?(?:say|tell me) (?:i should )?(?:move on|let go))",
        r"(?:i(?:'ll| will)|<ill>) (?:always )?be (?:here|there)(?: for (?:<you>|ya))?,? (?:whatever|no matter|for as "
        r"long|always)",
        r"(?:you(?:'re| are)|ur|u r) (?:worth (?:it|fighting|waiting|everything)|the one(?: for me|\s*[.!,]|\s*$))",
        r"(?:until|till|til) i (?:hear|get|see) (?:from )?(?:<you>|<your>|ya|a (?:reply|word|message))",
        r"my (?:whole )?life is on hold", r"tattoo\w*", r"(?:you(?:'re| are)|ur|u r|youre) my (?:person|everything|world|"
        r"life|one|soul ?mate|other half|forever)",
        r"(?:no (?:one|other|body|man|woman|person|other person)|nobody|no1)(?: \w+){0,2} (?:can|could|will|would) (?:ever )?"
        r"love (?:<you>|ya)", r"(?:waiting|wait) no matter", r"no matter how long", r"(?:wait|waiting) (?:even |for )?"
        r"(?:\w+ )?years", r"heart is (?:only |still |all )?(?:for|yours)",
        r"(?:isn't|is not|it's not|its not) over(?! for me)", r"refuse to (?:let|give|accept)", r"soul ?mates?",
        r"what (?:<youre>|you're|you are|ur) doing to me", r"(?:<you>|ya) (?:have|need|got) to understand",
        r"my heart is (?:literally )?breaking", r"(?:<ill>|i'll|i will) (?:check in|write|text|message|call|email)"
        r"(?: \w+){0,3} every", r"still (?:here|waiting)(?: and| for)",
        r"(?:wait|waiting) for (?:<you>|ya) (?:forever|forevr|4ever)", r"be here every (?:single )?day",
        r"(?:written|wrote|writing) (?:<you>|ya) a (?:letter|note|message|poem) (?:for )?every",
        r"never stop hoping", r"(?:keep|i'll keep) doing it (?:till|until)", r"heart (?:is still with|doesn't know how "
        r"to let go)", r"holding on to (?:that|you|us|hope)", r"one more day with (?:<you>|ya)", r"every night (?:till|"
        r"until)", r"kept (?:<your>) side of the bed", r"(?:remain|will remain|always) (?:\w+ )?devoted",
        r"best thing that ever happened to me", r"throw in the towel", r"(?:no|never|won't|will not|wont) stop loving",
        r"every (?:song|street|thing)(?: on the radio)? is (?:<you>|ya)", r"not moving on", r"keep showing up",
        r"whether (?:<you>|ya) want me to or not", r"know (?:<you>|ya) still love me", r"not stopping (?:until|till)",
        r"still wearing (?:my|the|our) ring", r"keeps asking where (?:<youre>|you are|you're)", r"a good wife",
        r"most beautiful person", r"think about (?:<you>|ya) every (?:second|minute|day|hour)", r"killing me not to be",
    ), ownable=True),
    _family("changed_so", "This turns your change into something they owe you. Change is yours to do for its "
            "own sake; it earns you nothing from them.", (
        r"(?:(?:<ive>|<im>|i) (?:\w+ ){0,5}(?:changed(?! (?:the|my|our|your|his|her|its) )|done|finished|completed|stopped|quit|given up|been (?:to|in|going)|"
        r"got a new|sober|clean|in therapy|in a programme|in a program|going to)[^.!?\n]{0,80}?(?:,|and|so|now|which)?"
        r"\s*(?:so (?:<you>|we|there|idk|now|can|maybe)|now (?:<you>|it's|its|we|can)|(?:<you>|ya) (?:can|could|"
        r"should|might|will|must|need to|have to) (?:come|see|give|let|trust|meet|reconsider|try|take|talk|start|"
        r"forgive|believe)|idk why|don't understand why|dont understand why))",
        r"(?<!you )(?<!u )(?<!they )(?<!she )(?<!he )(?:earned|deserve|deserves|am owed|i'm owed) (?:a|the|another|this|that|one|some|to|your|ur) ?(?:chance|"
        r"conversation|hearing|second|go|try|shot|talk|reply|answer|be heard|show|another|forgiveness|trust)",
        r"(?:i|i've|i have|i think i|i feel i|surely i)(?: \w+)? (?:deserve|earned) to (?:be (?:heard|forgiven|given|"
        r"trusted)|show|prove|see|talk|try|have|get|explain)",
        r"(?:reasonable|fair|time|right) (?:for (?:<you>) )?to (?:reconsider|give|let|see|meet|talk|trust|come|forgive|try|"
        r"review|lift|change)",
        r"(?:<dont>|don't|do not|can't|cant|cannot) (?:understand|see|get) why (?:<you>|ya)",
        r"why (?:<you>|ya|ur|<youre>) (?:still|won't|wont|can't|cant|don't|dont|keep|treating|treat|refuse)",
        r"(?:you'd|you would|you'll|you will|u'd|ud|u will|youd) see (?:how much i(?:'ve| have)? changed|that i(?:'ve| have) "
        r"changed|the change|(?:that )?i(?:'m| am) different|a different)",
        r"no reason now", r"(?:no|any) reason (?:for (?:<you>|the kids|them|us) to|why (?:<you>|we|the kids) "
        r"(?:can't|cant|shouldn't|should not|couldn't|won't|wont))", r"(?:let me|chance to|want to|going to|i'll|i will|<ill>|allow me to) (?:prove|show) (?:it )?(?:to )?(?:<you>|ya)\b(?! (?:nothing|anything))",
        r"(?:a |an )?(?:completely |totally |entirely |really )?(?:different|new|changed|better) (?:person|man|woman|"
        r"guy|husband|wife|partner)(?: now)?",
        r"not (?:that|the same) (?:guy|man|person|woman|girl|bloke)(?: \w+){0,2}(?: anymore| any more| now)?",
        r"now i am changed", r"(?:i|<ive>) (?:have )?changed,? (?:so|now|and now|i promise)",
        r"the least (?:<you>|ya) (?:could|can) do", r"no reason any ?more (?:for|why)",
        r"given (?:all )?(?:that|this),? (?:i think |surely |then )?(?:<you>|the kids|we|it's|i)",
        r"(?:i would|i'd|i) expect (?:<you>|ya) to", r"keeping me blocked", r"(?:feels|seems|is) (?:cruel|unfair|harsh|"
        r"petty) (?:now|of you)",
        r"(?:sober|clean|changed|better) now,? so (?:there(?:'s| is)|theres|we|you|u)",
    ), ownable=True),
    _family("moral", "This uses faith, duty or the children to press them. Those are theirs to weigh, not yours "
            "to use.", (
        r"(?:god|jesus|the lord|scripture|the bible|christ|allah)(?:[^.!?\n]{0,40}?)(?:forgives? (?:us|everyone|all|you)|"
        r"forgave|would do|wants (?:you|us)|says|teaches|tells us|seventy|so should)",
        r"(?:forgive|forgiveness)(?:[^.!?\n]{0,30}?)(?:as god|as christ|as jesus|as the lord|seventy times|like god)",
        r"(?:pray|praying|prayed) (?:that )?(?:<you>|ya|you'll|we|for us|for our)",
        r"(?:vows?|marriage is|married (?:in|before)) (?:[^.!?\n]{0,40}?)(?:god|life|forever|keep|sacred|promised|both)",
        r"(?:better or (?:for )?worse|in sickness and|till death|until death|for life)",
        r"(?:a|any) (?:good|real|true|decent|kind|loving) (?:person|christian|woman|man|wife|husband|mother|mum|mom|"
        r"father|dad|partner) (?:forgives|gives|would|should|doesn't|does not|stands|sticks)",
        r"(?:everyone|everybody|every one|all of us) (?:deserves|deserve) (?:forgiveness|a second|another|to be forgiven)",
        r"forgiveness is (?:for|good for|really for|about) (?:<you>|ya|your)",
        r"(?:holding on to|holding onto|keeping) (?:anger|resentment|hate|bitterness)", r"anger only hurts",
        r"(?:the|our|my|your) (?:kids?|children|child|son|daughter|boys|girls|little one|family|\w+ and \w+) "
        r"(?:need|needs|deserve|deserves|want|wants|miss|misses|ask|asks|keep asking|cry|cries|didn't ask|did not ask)"
        r"(?! (?:you|<you>) to be safe)",
        r"(?:their|a|both) (?:mum|mom|mother|dad|father|parents) and (?:dad|mum|mom|father|mother)",
        r"under (?:one|the same) roof", r"in (?:our|my) (?:family|culture|religion|church) we", r"my (?:mother|mum|mom|father|"
        r"dad|parents?|family) (?:cries|cry|is heartbroken|are heartbroken|can't|keeps asking|asks|begs)",
        r"think (?:about|of) (?:her|him|them|the kids|the children|<your> family|my (?:mother|mum|family|parents)|us|"
        r"our (?:family|kids|children|daughter|son))",
        r"what (?:am i|do i|should i) (?:supposed to )?(?:tell|say to) (?:her|him|them|the kids|the children)",
        r"(?:you've|<youve>|you have) chosen for them", r"(?:break|breaking|broke) up (?:the|our|this) family",
        r"(?:i would|let me) remind (?:<you>)", r"not the only one who (?:has|had|needs) to",
        r"what (?:jesus|god|a christian) would do",
        r"(?:lord|god|jesus|christ|allah)(?: \w+){0,3} (?:forgave|forgives|forgiveness|would forgive)",
        r"(?:the )?(?:bible|scripture|koran|quran|torah|church|faith) (?:says|teaches|tells us)",
        r"(?:forgive|forgiving)(?: \w+){0,3} as (?:god|christ|jesus|we|the lord)", r"(?:love|real love|true love) "
        r"(?:forgives|is patient|keeps no record)", r"keeps no record of wrongs", r"(?:do|doing) the right thing",
        r"(?:<your>|our) (?:duty|vows)", r"famil(?:y|ies) (?:sticks?|stays?|should stick|should stay|must stick) together", r"(?:karma|grace|mercy)(?: \w+){0,3} (?:you|forgive|deserve)",
        r"what (?:would|will) (?:people|everyone|the neighbours|the family|your parents|my parents) (?:think|say)",
        r"(?:your|our) (?:mother|mum|father|dad|parents) would (?:want|have wanted)", r"family is (?:forever|everything)",
        r"as my (?:wife|husband)", r"(?:the|our) (?:kids|children) (?:deserve|need) (?:a|their|both)",
        r"in (?:our|my) (?:culture|community|family|tradition|religion|country),? (?:a |the )?(?:wife|husband|woman|man|"
        r"women|men|marriage|divorce|people (?:don't|do not)|we (?:don't|do not) (?:divorce|leave|split))",
        r"(?:will be|bring|brings|bringing) (?:in |great |such )?shame", r"(?:holding|hold) (?:a|on to|onto) (?:grudge|"
        r"anger|resentment)", r"(?:only )?(?:poisons|hurts|eats away at) (?:you|yourself)",
        r"(?:divorce|breaking up|breakin up|break up|leaving|walking away|ending)(?: \w+){0,4} (?:is )?(?:a sin|sinful|"
        r"against god)", r"god hates divorce", r"(?:<youre>|you are|ur) a (?:better|good|real) christian",
        r"find it in (?:<your>) heart",
    ), ownable=True),
    _family("promises", "This offers promises in place of owning what happened. What you did comes first; any "
            "promise is only proven by time, not by saying it.", (
        r"(?:<ill>|i will|i'll) (?:be|become|make) (?:the|a|your) (?:\w+ )?(?:man|woman|husband|wife|partner|bf|gf|"
        r"boyfriend|girlfriend|person) (?:you|u) (?:deserve|want|need|always wanted)",
        r"(?:<ill>|i will|i'll) (?:be|become) (?:the )?(?:best|perfect|good|better|everything)\b(?! to (?:the kids|them))",
        r"make (?:<you>|ya) (?:so )?happy", r"(?:you'll|you will|u will|youll|u'll) (?:see(?=\s*[.!,]|\s*$)|never (?:have to|need "
        r"to) worry)",
        r"(?:things|it|everything|all|life|we) (?:will|'ll|are going to|is going to|gonna) be (?:perfect|different|"
        r"fine|better|amazing|great|good)(?: (?:now|from now on|this time|between us|again))?",
        r"(?:next year|this time|from now on) (?:is|will be|it's) (?:going to be )?(?:our|different)",
        r"our (?:future|year|life) (?:together )?(?:will|is going to|is)",
        r"(?:spend|devote) the rest of my life (?:making|proving|showing)", r"i give (?:<you>) my word",
        r"i swear(?: on)?", r"never (?:ever )?again\b[^.!?\n]*(?:promise|swear|you'll see|i swear)",
        r"(?:i )?promise(?: you)?,? (?:it'll|it will|it won't|i will|i'll|never|to be|things|everything|we)",
        r"hand on (?:my )?heart", r"(?:<ill>|i'll|i will) make (?:it|this|all of it) up to (?:<you>|ya)",
        r"(?:things|it|everything|all|life|we|this)(?:'ll| will| are going to| is going to| gonna) be (?:better|different|"
        r"perfect|fine|amazing|great|good|like before)", r"(?:better|different) than (?:before|ever)",
        r"(?:can |will )?promise (?:<you>|ya) (?:the|that|it|things|we|our)", r",? i promise(?=\s*[.!]|\s*$)",
        r"i promise (?:<ill>|i'll|i will|i'd|to|you|that|never)(?! (?:not )?(?:contact|write|text|call|message|bother|"
        r"come|won't|will not|never (?:contact|write|text|call|come)))", r"(?:<ill>|i'll|i will) (?:be|treat (?:<you>|ya)) "
        r"(?:so )?(?:good|nice|kind|better|amazing) (?:to|for) (?:<you>|ya)",
        r"from now on,? (?:no more|things|everything|it(?:'ll| will)|i(?:'ll| will)|ill) (?:be|no more|never|make|treat)", r"i promise (?:<you>|ya)(?=\s*[.!]|\s*$)",
    ), ownable=True, needs_no_act=False),
    _family("minimising", "This makes what happened sound smaller than it was.", (
        r"(?:<its>|it was|it's|twas|was) (?:only|just|merely|simply|literally|nothing but|not even|never) (?:a|an|one|once|"
        r"twice|the|some|words|texts?|messages?|sex|talk|talking|a joke|jokes|banter|flirting|a kiss|kissing|a bit|"
        r"a little|\d+|physical|emotional|a few|a couple)",
        r"(?:only|just) (?:ever )?(?:a (?:few|couple|bit|little)|once|twice|one (?:time|kiss|night|drink|message|text|date|"
        r"mistake|slap|push)|a kiss|a push|a shove|a slap|words|texts|"
        r"messages|flirting|banter|a joke|jokes|talk|a moment|\d+ (?:seconds|minutes|times|messages|texts|quid|pounds))",
        r"(?:only|just) (?:looked|checked|read|glanced|kissed|pushed|shoved|grabbed|raised my voice|said|joked)",
        r"(?:only|just|literally|maybe|at most|no more than|it was) (?:a|one) couple of (?:times|messages|texts|drinks|"
        r"weeks|kisses)", r"(?:a|one) couple of times,? (?:that's|thats|max|tops|at most)",
        r"(?:only|just|literally|maybe|at most|no more than|it was) a few (?:times|messages|texts|hundred|drinks)",
        r"a few (?:small|little) (?:things|lies)",
        r"nothing (?:physical|serious|really|much) (?:happened|went on|was going on|to it)",
        r"(?:more|mostly|purely|just) emotional(?: than)?", r"(?:it's|its|it is|it was|it wasn't) not (?:like|as if)|not as if|"
        r"not like (?:i|it)", r"(?:it|that|this|which|they|she|he) (?:wasn't|was not|isn't|is not|weren't|were not|wasnt) (?:that |very |really |even )?"
        r"(?:hard|serious|bad|a big deal|that big a deal|big|a real|a proper|anything|much|often|physical|meant)\b",
        r"(?:big|huge|such a) deal", r"(?:most|all|other|lots of|plenty of) (?:couples|people|men|women|guys|partners|"
        r"blokes) (?:do|look|check|would|have)", r"anyone would have", r"everyone does", r"a bit of (?:banter|fun|a laugh|a joke)",
        r"(?:came|comes|coming) from a good place", r"meant well", r"(?:a little|a bit|slightly|somewhat|maybe a bit|"
        r"sometimes) (?:thoughtless|harsh|much|rough|insensitive|jealous|controlling|overprotective|protective|strict|intense|"
        r"short|sharp|loud|careless|distant|off)",
        r"(?:literally|only|just) (?:\d+|two|three|a few) (?:seconds|minutes|times|messages|texts)",
        r"(?:it|that|this|she|he|they|the kiss|the affair|the texts|sex|she|the messages) (?:meant|means) nothing", r"(?:didn't|did not|doesn't|does not|didnt) mean (?:anything|a thing|much)",
        r"(?:all |it's |its |is |that's )?in the past(?: now)?", r"(?:let's|we can|we should|we could|time for us to|time we) move on",
        r"get over it", r"(?:nobody|no one|noone)(?:'s)? (?:got|was|is) (?:hurt|perfect)", r"no (?:real )?harm (?:done|was done)",
        r"one[- ]time thing", r"not (?:your|my|our|the) (?:life savings|whole life)", r"wasn't (?:hard|that hard)",
        r"(?<!told you )(?<!said you were )(?<!called you )(?<!like you were )(?<!like u were )(?<!that you were )"
        r"(?<!that u were )(?<!u werent )(?<!you weren't )(?:over ?react\w*|too sensitive|so sensitive|being dramatic|"
        r"making a fuss)(?! every time)",
        r"(?:i )?(?:may|might) have been (?:a bit|a little|slightly|somewhat)",
        r"(?:i was|i may have been|i could be|i can be) (?:a bit|a little|slightly|somewhat|sometimes|occasionally)",
        r"(?:wasn't|was not|wasnt) always (?:the best|perfect|easy|kind|there|nice)",
        r"hardly (?:a|the|any) (?:crime|big|end of|disaster|tragedy|matter)", r"crime of the century",
        r"that's all (?:it was|that happened|i did)", r"a bit of (?:\w+ing|a row|a scuffle|a push|a shove|a temper)",
        r"(?:checked|looked at|read|went through) (?:<your>) (?:phone|messages|texts|emails) (?:now and then|once or twice|"
        r"from time to time|occasionally)", r"(?:i )?(?:know )?i (?:wasn't|was not) perfect",
        r"at least (?:i|it|we|that|nobody|no one)(?: \w+){0,2} (?:didn't|never|wasn't|did not|was not|haven't|"
        r"hadn't|isn't)", r"(?:could|might) have been (?:a lot |much |far )?worse", r"not as bad as",
        r"(?:a|just a|only a) (?:lapse|slip|blip|one-off|one off|moment of weakness|silly mistake|stupid mistake|"
        r"little mistake)", r"one-off|one off", r"out of character", r"(?:blown|blowing|blew) (?:it |this |things )?"
        r"(?:out of proportion|up)", r"(?:making|made) (?:a|such a) (?:big|huge) (?:thing|deal|fuss)",
        r"(?:mountain out of|storm in a) (?:a )?(?:molehill|teacup)", r"technically(?: \w+){0,3} (?:nothing|not|never|"
        r"didn't|wasn't)", r"(?<!like )(?<!as if )(?<!pretended )(?<!pretending )(?:nothing|not much) (?:really )?happened", r"(?:just|only) friends",
        r"(?:harmless|innocent) (?:fun|flirting|texts|messages|chat)", r"didn't (?:even )?go (?:any )?further",
        r"(?:never|didn't) (?:actually|even|really) (?:slept|sleep|touched|kissed|did anything|hit)",
        r"(?:it|that) (?:was|is) (?:silly|stupid|daft|nothing|minor|small|tiny|harmless)\b(?! (?:of me|and cruel))",
        r"(?:sort of|kind of|kinda|sorta) (?:\w+ed|lied|cheated|hit|pushed)", r"(?:over|too) (?:the top|much) "
        r"(?:maybe|perhaps|i guess)", r"(?:slightly|a tad|a touch) (?:over|out of|too)",
        r"(?:only|just|merely) (?:about |like |ever |the )?(?:one|a|\d+|two|three|four|five|a few|a handful|a couple|"
        r"some|\w+ hundred)(?: \w+)? (?:quid|pounds|dollars|euros|texts|messages|times|page|minutes?|seconds|kiss|"
        r"drink|night|time|months?|weeks?|days?)", r"a handful of", r"not some (?:big|huge|great|massive|proper)",
        r"(?:only|just) (?:messing|joking|playing|teasing|mucking|having a laugh|banter|kidding)",
        r"light-?hearted", r"(?:just|only) a (?:joke|laugh|bit of fun)", r"(?:couples|people|everyone|everybody|all "
        r"couples|every couple) (?:make|say|do|says|does) (?:all the time|stuff|things|that|it)",
        r"(?:it's|its|it is|it was|that's) not that (?:deep|serious|big|bad)", r"(?:five|ten|\d+|a few|two|three) "
        r"seconds", r"(?:only|just) (?:lasted|took|happened)", r"(?:wasn't|was not|isn't|it's not|its not|wasnt) like i",
        r"(?:just the|only the|only|just) one (?:kiss|time|page|text|message|night|drink|slap|push|shove)",
        r"(?:only|just) (?:\w+ing|checking|looking|joking|on there)(?: \w+){0,3} (?:now and then|once or twice|to look|"
        r"a bit|sometimes|occasionally|for a (?:bit|while|couple|few))", r"(?:didn't|didnt|did not) even (?:hit|touch|"
        r"hurt|mark|read|open|look|see|do|sleep|kiss|meet)", r"(?:only|just|maybe) (?:\d|five|ten|two|three|a few) "
        r"(?:minutes|mins|seconds|secs|times)\b", r"like (?:\d+|five|ten|two|a few) (?:minutes|mins|seconds|secs)", r"(?:only|just) (?:dinner|lunch|a drink|drinks|coffee|some messages|a "
        r"few messages|texts|friends|a chat)", r"(?:it was|we were|we're|we are) (?:only|just) (?:talking|chatting)", r"(?:messages|texts|dinner|talking|a kiss|kissing|flirting|a drink),? nothing more", r"a bit heated",
        r"(?:only|just) (?:on there )?to look", r"never (?:met|slept with|touched|kissed) anyone", r"(?:a bit|a little) "
        r"(?:hard|rough|loud|much|heated|strong)", r"(?:only|just) small (?:arguments|things|fights|rows)", r"every couple "
        r"has", r"(?:only|just) for (?:a couple|a few|a bit|a while|one|two)", r"i did (?:come|call|show up|turn up) "
        r"(?:the next|later|after)", r"(?:they|the kids) were (?:fine|ok|okay|alright)", r"(?:mostly|half) joking",
        r"(?:maybe|only|at most) once a (?:week|month|day|fortnight)(?: at most)?", r"at most\b",
        r"(?:barely|hardly) (?:ever )?(?:\w+ed|touched|grabbed|pushed|hit|looked|checked|read|used|noticed|a|an|any)\b",
        r"(?:it|that|this|they|those|which) (?:was|were|'s|is) (?:barely|hardly|mostly|basically|more of|more like|minor|"
        r"nothing but)\b", r"(?:relatively|fairly|quite) (?:modest|small|minor|little|short|brief)",
        r"isolated (?:lapse|incident)|minor significance|brief lapse|lapse of judge?ment", r"worse than it (?:was|looks|"
        r"sounds|seemed)", r"more of a \w+ than", r"not (?:thousands|weeks|months|years|hundreds)\b", r"here and there",
        r"(?:all|most|many|loads of|lots of|half the|plenty of) (?:husbands|wives|couples|men|women|fathers|mothers|"
        r"people|guys|partners|lads|blokes)(?: \w+){0,4} (?:do|check|have|were|did|say|talk)", r"normal (?:thing|in "
        r"marriage|for couples)", r"people (?:like to |tend to )?exaggerate", r"nobody means anything", r"never got that "
        r"bad", r"we were (?:basically|practically|already|pretty much) (?:broken up|over|finished|split|done)",
        r"went a bit further than", r"(?:it's|its|it is|it was) no(?:t)? like i", r"the odd (?:glance|look|text|message|"
        r"drink|time|night)", r"(?:little|small) (?:quarrel|argument|white lies|lies|things mostly)",
        r"(?:only|just) (?:ever )?when (?:the drink|i(?:'d| had) had|i was drunk)", r"(?:one|once)(?: time)?(?: only)?,? "
        r"in (?:\w+ )?(?:years|months)", r"(?:is|it's|its) not (?:a )?big amount", r"a loan,? really",
    ), ownable=True, disclaimable=True),
    _family("shared_blame", "This shares out the blame. Your apology is for what you did; what they did is not "
            "part of it.", (
        r"we (?:both|were both|both were|(?:'re|are) both|had both|each|all) (?!know|knew|agreed|know that)(?:\w+ ){0,2}"
        r"(?:made|were|did|had|messed|hurt|said|contributed|played|let|failed|acted|behaved|lost|got|unhappy|to blame|at "
        r"fault|wrong|responsible|guilty|screaming|shouting|lost it|toxic|awful|bad|terrible|cruel|crossed|did things)",
        r"both of us (?:were|made|did|had|are|lost|got|said|played)", r"on both (?:sides|parts|ends)", r"it takes two",
        r"mistakes were made", r"my (?:part|share|side|half) (?:in|of)(?: (?:it|this|that|what|the))?",
        r"(?:the )?worst in each other", r"(?:toxic|bad|cruel|awful|horrible|terrible) (?:to|for) each other",
        r"(?:our|we) (?:both )?had (?:our )?(?:problems|issues|faults)",
        r"(?:<you>|ya) (?:\w+ )?(?:hurt|wronged|lied to|betrayed|cheated on|failed|let down) me(?: \w+)? (?:too|as well)",
        r"(?:<youve>|<you>|ya) (?:\w+ )?(?:lied|cheated|hurt \w+|done (?:things|stuff|worse)|made mistakes|messed up|"
        r"said things)(?: \w+)? (?:too|as well)", r"we all make mistakes",
        r"(?:not|no|neither (?:of us )?(?:was|were)) (?:an )?angels?", r"(?:both|all) (?:of us )?(?:made|make|have made) "
        r"(?:the )?mistakes", r"(?:we|us) (?:both|two) (?:were|are) (?:to blame|at fault|wrong)",
        r"you (?:weren't|were not|are not|aren't|wasnt|wasn't) (?:perfect|innocent|blameless|a saint)",
        r"(?:communication|trust|things) (?:had )?(?:broken|broke) down (?:on|between) both",
        r"we (?:both|were both|'ve both|have both) (?!know|knew|agreed|know that|understood)\w+ed",
        r"(?:it )?(?:wasn't|was not|isn't) (?:all|just|only|entirely|completely|100%) (?:me|my fault|on me|one-sided)",
        r"(?:there were|it took) two of us", r"(?:it|this|that) was mutual", r"(?:we|us|we'd|we had|we've|we have) (?:grew|grown|drifted|fell|fallen) apart",
        r"(?:our|the) relationship (?:was|had become|got) (?:toxic|broken|bad|unhealthy)", r"we were (?:toxic|"
        r"as bad as each other|both to blame|both wrong|equally)", r"as bad as each other", r"(?:equally|50/50|fifty[- ]"
        r"fifty|half and half)", r"the (?:part|share|role) i played", r"(?:my|our) (?:side|half) of (?:it|things|the)",
        r"we (?:both|were both|both were) (?!agreed|know|knew|understood|loved|wanted|decided|said the)(?:\w+ ){0,3}"
        r"(?:\w+ing|\w+ed|stop|stopped|quit|gave up|controlling|jealous|"
        r"cold|distant|unfaithful|selfish|to blame)(?! (?:you|u)\b)", r"(?:not|isn't|is not|wasn't) (?:one|just one|only "
        r"one) person(?:'s)? fault", r"neither of us (?:was|were|is|tried|made|listened|did|behaved|wanted|could|would)",
        r"both of us (?:was|were|are|is) not", r"we are both (?:too )?(?:passionate|stubborn|jealous|hot-headed|proud|to blame|guilty|at fault|responsible|"
        r"difficult|as bad)", r"(?:problem|fault) of us (?:two|both)",
        r"we both (?:kept|had|made|did|were|said|lied|cheated|hurt)", r"two[- ]way street",
        r"we(?:'d| had| were| would)? both (?!agreed|know|knew|understood|loved|wanted|decided|said the|sat)\w+",
        r"(?:both|each) (?:went|got|were) too far", r"one hand (?:cannot|can't|can not) clap", r"each other's throats",
        r"(?:difficulties|problems|issues)(?: \w+){0,4} (?:were|was) mutual",
    ), disclaimable=True),
    _family("conditional", "“If”, “any” and “may have” put the hurt in doubt: say what you did and that it hurt "
            "them.", (
        r"(?:sorry|apologi[sz]e|regret \w+|apology|apologies)(?: \w+){0,2} if(?! (?:this|it) (?:comes|reads|sounds|is|gets|seems))",
        r"if (?:i|my \w+|anything|something|any of (?:this|that|it)) (?:i )?(?:have |has |had |ever |may have |might "
        r"have )?(?:hurt|upset|offended|caused|wronged|disappointed|made (?:you|u)|did (?:anything|something)|said "
        r"(?:anything|something)|came|crossed|bothered)",
        r"if (?:<you>|ya) (?:were|felt|feel|got|have been|took|found)(?: \w+)? ?(?:hurt|upset|offended|let down|"
        r"uncomfortable|bad|that way|it)",
        r"if (?:that|this|it|what i did|what i said) (?:upset|hurt|offended|bothered|made)",
        r"(?:any|whatever) (?:pain|hurt|harm|upset|offen[cs]e|distress|discomfort|inconvenience|trouble|suffering)"
        r"(?:(?: that)? (?:i|it|my \w+|this|they) (?:may|might|could|have|has)?)?",
        r"(?:may|might) have (?:been|caused|hurt|upset|offended|made|done|come across|seemed|felt)",
        r"came (?:across|off) (?:as|like|the wrong)", r"(?:wasn't|was not|never|not) my intention",
        r"whatever i (?:did|said|have done)", r"if anything i (?:did|said)", r"to the extent",
        r"if (?:that's|that is|this is) how (?:<you>) (?:feel|see|saw|felt)", r"if i made (?:something|anything)",
        r"if (?:<you>|ya) (?:felt|feel|thought|think|found|find|saw|see) (?:that )?(?:i|it|my|that|like)",
        r"if (?:<youre>|<you>) (?:still )?(?:feeling|felt|feel)",
        r"sor+y if (?:i|it|that|my)", r"(?:to|in) whatever (?:extent|way)", r"if the (?:\w+ )?(?:is what|was what) "
        r"(?:hurt|upset)",
    )),
    _family("feelings", "This is sorry about their feelings, not about what you did.", (
        r"sorry (?:that )?(?:<you>|ya)(?:'re| are| r|'ve| have)? (?:feel|felt|feeling|see|saw|took|take|got|"
        r"ended up|end up|find|found|think|thought|seem|seemed) ?(?:it|that|so|upset|hurt|bad|this|our|about|feeling|"
        r"the|my|things|offended|angry|annoyed)?",
        r"(?:regret|sorry) that (?:<you>|ya) (?:found|find|feel|felt|were|are|took)",
        r"sorry (?:that )?(?:<youve>|you've|you have) (?:been )?(?:so |very |really )?(?:upset|hurt|angry|offended|sad)",
        r"sorry (?:that )?(?:<youre>|<you> (?:were|are|was|r|got)) (?:so |very |really |this |that |still )?(?:upset|"
        r"hurt|angry|offended|sad|disappointed|annoyed|bothered|mad|cross)",
        r"(?:sorry|regret)(?: about| for)? how (?:<you>|ya) (?:feel|felt|took|see|saw|reacted)",
        r"sorry (?:<you>|ya) (?:took|take) it (?:so )?(?:badly|hard|personally|the wrong way)",
        r"sorry (?:that )?my (?:\w+ )?(?:decisions?|choices?|actions?|words?|behaviou?r|comments?|jokes?) (?:upset|"
        r"hurt|offended|bothered|affected|annoyed)",
        r"sor+y (?:<youre>|ur|you're) (?:hurting|feeling|upset|angry|sad)", r"sor+y (?:it|that|this) (?:upset|hurt|"
        r"bothered|offended)", r"(?:you|u) experienced (?:our|the|it|this)", r"sor+y (?:my|the) (?:\w+ )?(?:made|make) "
        r"(?:<you>|ya) feel",
    )),
    _family("self_pity", "This turns the apology toward your own suffering. It is about their hurt; yours "
            "deserves care elsewhere.", (
        r"(?:<ive>|i've|i|ive) (?:lost|lose) (?:everything|it all|all of it|my (?:home|friends|job|family|kids|life))",
        r"(?:<im>|i'm) the one (?:who|that) (?:has|have|had|must|will have) to", r"(?:dark|bad|low|horrible|terrible) place",
        r"(?:no one|nobody|noone|no1) (?:even |ever )?(?:checks|cares|asks|visits|visit|calls|talks|helps|understands)",
        r"(?:how|so) much (?:<im>|i am|i'm|i(?:'ve| have)(?: been)?|i) (?:suffering|hurting|struggling|going through|"
        r"in pain)",
        r"(?:<im>|i am|i'm|i've been|i have been|<ive> been) (?:so |really |very |completely )?(?:suffering|"
        r"struggling|a wreck|a mess|broken|devastated|miserable|depressed|in pieces|destroyed|shattered|heartbroken|"
        r"a shell|in hell|going through hell|lost)",
        r"cry(?:ing)? (?:every|all|each|myself to sleep)(?: single)? ?(?:night|day|evening)?",
        r"(?:<cant>|haven't been able to|can't|cant) (?:even )?(?:work|get up|function|cope|concentrate|get out of bed)",
        r"guilt (?:is|has been|keeps) (?:eating|killing|destroying|crushing)", r"eating me (?:alive|up)",
        r"never felt so (?:low|bad|alone|lonely|awful)", r"(?:most difficult|hardest|worst|darkest) (?:time|months|"
        r"year|weeks|days|period)s? of my (?:life|whole life)", r"my (?:health|mental health|sleep|work) (?:has|have|is)",
        r"(?:<im>|i am|i'm) (?:all )?alone(?! with)", r"nobody visit", r"eating only", r"(?:you have|<youve>|you've) no idea",
        r"how hard (?:this|it|all this) (?:has been|is|was) (?:for|on) me", r"i hate myself", r"since (?:<you>) left,? i",
        r"i deserve to (?:be alone|suffer|rot)", r"(?:not|haven't|have not|havent|can't|cannot|barely) (?:slept|eaten|"
        r"sleep|eat) (?:properly |well |at all )?(?:in|for|since)",
        r"(?:<im>|i am|i'm) (?:a|such a|the) (?:terrible|horrible|awful|worst|bad|monster|disgusting|useless|pathetic)"
        r"(?: (?:person|man|woman|partner|human|husband|wife))?", r"(?:i(?:'ve| have)|<ive>) (?:got )?(?:nobody|no one|"
        r"nothing left)", r"the kids look at me", r"my life (?:has|is) (?:no|without) (?:point|meaning)",
        r"(?:it(?:'s| is| has been)|its) (?:so )?hard (?:for|on) me",
        r"(?:feel|felt) so (?:awful|terrible|bad|sick|guilty|low|horrible|ashamed) (?:about myself|that|i can)",
        r"(?:can|could) barely (?:get up|function|sleep|eat|work|breathe|cope)",
        r"(?:punished|suffered|paid) enough", r"(?:a )?shadow of (?:my|what|who|the man|the person)",
        r"(?:someone|the kind of person|a person|somebody) who (?:ruins|destroys|wrecks|breaks|spoils) (?:everything|"
        r"every)",
        r"suffered (?:more|the most|as much)", r"more than (?:i have|me)\b", r"how (?:i'm|<im>|i am) (?:supposed|meant|"
        r"going) to live with", r"every day is (?:torture|hell|agony|a struggle|a nightmare)", r"(?:torture|agony)",
        r"(?:can't|cannot) (?:even )?look at myself", r"(?:my life|i) (?:is|am) (?:literally )?(?:in pieces|ruined|over|"
        r"destroyed|a mess|a wreck)", r"i have nothing(?: left)?(?=\s*[.!,]|\s*$| now| any ?more)", r"lost (?:my|the) \w+,? (?:and )?lost", r"(?:so |really )?(?:ill|sick|unwell) since (?:<you>|ya) left", r"i(?:'ve| have)? lost (?:\w+ )?(?:stone|kilos|"
        r"weight|pounds)", r"(?:the )?consequences for me (?:have|were|are) (?:been )?(?:severe|serious|huge|terrible|devastating)", r"(?:<im>|i'm|i am) the one (?:who's|who has|that's|who is)",
        r"on my own now",
        r"(?:i'm|im|i am) hurting too", r"more than (?:<you>|ya) know", r"everyone hates me",
        r"(?:my )?(?:own )?family (?:wont|won't|will not|doesn't|don't) (?:speak|talk) to me",
        r"paid a (?:very )?heavy price", r"suffer very much", r"tested me so", r"how much more i can take",
        r"punishment enough", r"feel sick every day", r"(?:naebody|nobody)(?:'s| has) suffered", r"how lonely it gets",
        r"turns? (?:their|his|her) backs? on", r"doing it tough", r"won't return my calls", r"(?:is|are) not talking to me",
        r"sitting alone", r"turned upside down", r"business is suffering", r"empty house", r"lost my position",
        r"the year i've had", r"much more to give", r"nobody gets how hard", r"being the villain", r"paying for this"
        r"(?: mistake)? for the rest of my life", r"(?:everyone|everybody)(?:'s| has) turned against me",
        r"drinking more (?:now )?than",
    )),
    _family("excuse", "A reason can come later, if they ask; here it reads as an excuse.", (
        r"(?:<id>|i'd|i had) (?:had )?(?:way |far |a bit |much |a lot )?too (?:much|many)(?: to drink| drinks)?",
        r"(?:<im>|i was|i'd been|i had been|i've been|<ive> been|i felt) (?:so |very |really |just |completely |under )?"
        r"(?:drunk|high|wasted|hammered|stressed|exhausted|under (?:so much |a lot of |huge )?(?:pressure|stress)|"
        r"lonely|confused|bored|not myself|not thinking|in a bad way|going through (?:a lot|stuff|things|a hard))",
        r"(?:didn't|did not|didnt) know what i was doing", r"(?:couldn't|could not|couldnt) help (?:it|myself)",
        r"i had my reasons", r"(?:didn't|did not|didnt|never) mean (?:to|it|any of it|anything by)",
        r"(?:it's|it is|its|that's) (?:just )?how i was (?:brought up|raised)", r"all i (?:ever )?(?:saw|knew) (?:growing|as a)",
        r"(?:new |my |the )(?:medication|meds|tablets) (?:and|made|was|were)", r"(?:wasn't|was not|wasnt) (?:really )?"
        r"(?:me|myself|the real me)\b", r"(?:not|wasn't) (?:really )?me making",
        r"i was (?:only|just) (?:trying|angry|joking|worried|protecting|looking out|being honest|upset|drunk|tired)",
        r"(?:the|my) (?:drink|drinking|gambling|addiction|depression|stress|job|work|anxiety|illness) (?:had taken|took "
        r"over|made me|took control|was to blame)",
        r"(?:work|the job|stress|life|money) was (?:crushing|killing|getting to|destroying) me",
        r"(?:i was|i'd been|<ive> been|i felt) (?:so |really )?(?:lonely|unhappy|neglected|ignored|unloved) (?:and|because|since|"
        r"while|when) (?:<you>|ya)",
        r"(?:<you>|ya) were (?:away (?:so much|all the time|a lot)|never home|always at work|always working|never there|so busy)",
        r"in my defen[cs]e", r"to be fair", r"so i (?:was|got|felt) (?:so |really )?(?:angry|upset|jealous|mad|"
        r"suspicious|worried)",
        r"(?:only|just) (?:\w+ed|lied|did it|said it|did that|did this|hid it) because",
        r"because i (?:was|felt|got) (?:so |really |too |very )?(?:lonely|drunk|stressed|tired|bored|confused|weak|"
        r"desperate|overwhelmed|high|wasted)", r"i (?:<dont>|don't) (?:even remember|remember (?:most|much|any|anything|what))", r"in a way it wasn't",
        r"(?:in the )?heat of the moment", r"lost my temper because", r"snapped because",
        r"(?:would|i'd|<id>) have (?:snapped|done|reacted|lost it|shouted|blown up)(?: at| with| the same)? ?(?:anyone|"
        r"anybody|the same)", r"wound (?:so |too )?tight", r"(?:lot of |so much )?(?:tension|pressure|stress) (?:in|at) "
        r"(?:the )?(?:office|work|home|job)", r"(?:mind|head|brain) was (?:not|n't) (?:in control|right|working|there|mine)",
        r"trust issues", r"from my (?:last|previous|past|old) (?:relationship|marriage|partner)",
        r"(?:my|a) (?:childhood|upbringing|past|dad|father) (?:made|makes|taught|is why)",
        r"(?:i|<im>|i'm|i was) (?:wasn't|was not|<im> not|i'm not) (?:in a good|in the right) (?:place|headspace|frame "
        r"of mind)", r"(?:in|was in) a (?:bad|dark|difficult|rough|terrible) (?:place|headspace|way)(?: at the time| then)?",
        r"(?:i|<im>) (?:just )?(?:panicked|snapped|lost control|lost it|saw red|flipped)(?:,| and| when| because)",
        r"(?:it|things) just happened", r"one thing led to another", r"(?:i )?(?:wasn't|was not|<im> not) thinking",
        r"(?:didn't|did not|never) think(?: it through)?(?:,| and| when)", r"(?:i was grieving|my grief|my (?:dad|mum|mother|"
        r"father|brother|sister|friend)(?:'s)? (?:had )?(?:just )?(?:died|passed|death|illness))(?: \w+){0,4} "
        r"(?:and i|so i|that i|which|made|was why)", r"(?:i was|<im>|i am|i've been) (?:depressed|anxious|"
        r"burnt out|burned out|ill|sick|unwell)(?: at the time| then)?(?:,| and| so| which)",
        r"the (?:only )?reason i (?:\w+ )?(?:did|said|lied|cheated|hit|shouted|\w+ed)(?: it| that| this)? (?:was|is)", r"(?:out of|because of|from) (?:love|jealousy|insecurity|fear|stress)", r"because i "
        r"(?:loved|love|cared about) (?:<you>|ya) (?:so much|too much)",
        r"i was (?:only |just )(?:trying|looking out|protecting|worried about)",
        r"(?:the|my) (?:drink|alcohol|booze|drugs|pills|meds|medication|gambling|depression|anxiety|adhd|ptsd|"
        r"childhood|upbringing|past|dad|father|mother)(?: \w+){0,3} (?:made me|took over|was talking|got the better|"
        r"is (?:to blame|why))",
        r"(?:grew up|growing up|raised|brought up) (?:with|by|around|in|like) (?:\w+ ){0,6}(?:so i(?:'m| am| was)?|that's "
        r"why|it's why|which is why|so i guess|and i guess)", r"(?:didn't|did not|never) mean (?:a word|any of it|it)", r"(?:anger|the drink|drink|alcohol|"
        r"rage|jealousy|pain|grief) talking", r"couldn't help (?:it|myself|any of it)", r"switched off",
        r"in my (?:country|culture|family) (?:men|we|people|boys|it)", r"my (?:adhd|autism|ptsd|bipolar|"
        r"depression|anxiety|ocd|condition|illness|diagnosis) (?:makes|made|means|meant)", r"wasn't (?:really )?(?:a choice|"
        r"my choice|a decision|deliberate|intentional)", r"(?:sleeping )?(?:tablet|pill|medication) with (?:wine|alcohol|"
        r"drink)", r"i was (?:only )?(?:\d+|nineteen|eighteen|seventeen|twenty|young|a kid|a child|too young)(?: and|,)",
        r"didn't know any better", r"(?:a|it was a) reflex", r"(?:my body|i) just reacted", r"before i could think",
        r"because i'd been (?:hurt|cheated on|betrayed|let down)", r"(?:cheated on|hurt|betrayed) (?:so )?(?:badly )?before",
        r"(?:work|the job|life|money|stress|the baby|the kids) had been (?:crushing|killing|getting to|on top of) me",
        r"i just snapped", r"(?:i )?only did it (?:bc|because|cos|cause) i", r"(?:on a comedown|hungover|off my face|"
        r"out of it|blackout|blacked out)", r"wasn't thinkin(?:g)? straight|wasnt thinkin(?:g)? straight",
        r"(?:my parents|my mum and dad|my family)(?:'s|s)? (?:marriage|relationship) was (?:the same|like that)",
        r"never learned how", r"(?:it's|its) an? (?:adhd|autism|ptsd|anxiety|bipolar|trauma) thing", r"i (?:just )?have a "
        r"temper", r"(?:i )?had a lot going on", r"when (?:i'm|im) (?:scared|angry|drunk|stressed|tired)(?:,)? i",
        r"(?:far from home|alone in (?:an(?:other)? )?(?:country|city)|very difficult period|difficult time for me)",
        r"(?:my|an) ex (?:used to|did it|did the same)", r"rubbed off", r"(?:they|work) cut my (?:hours|pay|shifts)",
        r"(?:nothing|not much) i can do", r"(?:hadn't|hadnt|had not|haven't|havent) slept (?:in|for) ", r"didn't even know "
        r"i'd|didnt even know id",
        r"(?:i was|i'd been|i had been|i've been|i was at the time|i felt) (?:\w+ ){0,3}(?:tired|exhausted|"
        r"overwhelmed|under (?:\w+ ){0,2}(?:pressure|strain|stress)|in shock|terrified|feart|ashamed|weak|off my meds|"
        r"not in my senses|not (?:fully )?myself|not thinking straight|going through a (?:really )?(?:dark|hard|rough|bad) "
        r"time|working doubles|doing \w+-hour weeks)", r"my (?:head|heid|mind|brain) (?:was|wis) (?:mince|not correct|all "
        r"over|a mess|gone|elsewhere)", r"(?:work|the business|the mortgage|money|life|the job) (?:was|wis) (?:insane|"
        r"going under|crazy|killing me|a nightmare)", r"the (?:stress|pressure) (?:was|of)", r"(?:had|'d had|'d) (?:a|a "
        r"really) (?:horrible|terrible|bad|awful|rough) (?:week|day|month|time)", r"(?:had|'d had|taken|had taken) (?:a "
        r"few|two pegs|a couple|\w+ drinks|too many)", r"(?:my )?(?:dad|mum|mother|father|brother|sister|friend|nan|gran) "
        r"had (?:just )?died", r"(?:just )?lost my job and", r"i (?:panicked|lashed out)", r"(?:turned|made) me (?:into "
        r"someone else|like this)", r"it slipped", r"didn't realise how it (?:looked|sounded)", r"people pleaser",
        r"(?:it's|its|it is) (?:a sickness|an illness|medical|my blood sugar|a disease)", r"how a man is made",
        r"the devil", r"temptation (?:is|was) too strong|temptation in my path", r"from my childhood",
        r"i (?:just )?(?:needed|wanted) to feel something", r"(?:felt|feel) (?:completely )?invisible at (?:work|home)",
        r"(?:i )?had no other way", r"keep us afloat", r"break-ins|burglaries", r"i get it from my (?:mum|dad|mother|father)",
        r"(?:i've|i have) always been like that", r"(?:in my family|where i(?:'m| am) from) (?:everybody|everyone|we all|"
        r"people) (?:speak|talk|shout|do|is)", r"(?:after|because of) what happened with my ex", r"my ex (?:cheated|hurt|"
        r"lied)", r"(?:i've got|i have) (?:adhd|autism|ptsd|bipolar)", r"(?:hadn't|hadnt|had not) eaten",
        r"running on (?:nothing|empty)", r"(?:my )?(?:mother|mum|dad|father|family) was putting (?:so much )?pressure",
    ), ownable=True, disclaimable=True, unless=r"(?:not|n't|never|wasn't|isn't)(?: (?:just|only|really|because of|due to))?"),
    _family("blame", "This hands the blame for what you did to them.", (
        r"but (?:<youve>|<youre>|<youd>|<you>|ya|<your>) (?:always|also|too|started|made|kept (?:on|pushing|nagging|going "
        r"on|bringing)|provoked|pushed|wound|brought it|did it|knew how|know how|had been|'d been|were (?:always|never|so|"
        r"being|constantly|the one|no)|was (?:always|never|so|being)|should(?:n't)? have|could have (?:stopped|said|told|"
        r"left)|didn't (?:care|listen|help|try|want|stop)|wouldn't (?:listen|stop|let)|gave me|left me|ignored|never "
        r"(?:listened|cared|helped|tried|stopped|let|told)|had stopped|'d stopped|started it|did the same|hurt me|lied|"
        r"cheated|weren't (?:exactly|perfect|innocent|there))[^.!?;\n]*",
        r"(?:<you>|ya) (?:made|make|pushed|push|drove|forced|provoked|wound|winds|wind|got|get|drive) (?:me|it "
        r"(?:impossible|hard|so hard)|me so)\b(?! (?:feel|doubt|realise|realize|see|understand))",
        r"(?:<you>|ya) know how i get", r"if (?:<you>|ya)(?:'d| had| hadn't| had not| would have| would've| just| "
        r"only)", r"if things had been", r"(?:because|since|cause|coz|cos|bc|cuz) (?:<you>|ya) (?!(?:were|was) (?:scared|afraid|frightened|terrified|hurt|"
        r"upset|crying|shaking|right|ill|sick|grieving|pregnant|alone))(?:never|always|kept|made|wouldn't|"
        r"stopped (?:caring|trying|listening|touching)|pushed|provoked|drove|nagged|started|ignored|left me|gave me|"
        r"were (?:always|never|so|cold|distant|nagging|impossible|out|away)|had (?:stopped|been cold|been distant|gone cold)|"
        r"didn't (?:care|listen|help|try|want me|stop))(?!\s*[,.;!?])",
        r"(?:<you>|ya) (?:gave|give|gives|had given) me (?:reason|reasons|cause|no choice|every reason|grounds)",
        r"(?:<you>|ya) (?:did|do) (?:ask|want)(?: for)?", r"(?:<you>|ya) (?:asked|wanted) (?:for )?(?:it(?! back)|my honest)",
        r"(?:<you>|ya) told me (?:not )?to\b", r"(?:on|from) (?:<your>) (?:side|end|part) too",
        r"(?:your|ur) (?:fault|part|share) (?:too|as well|in (?:it|this|that))", r"(?:<you>|ya) (?:also|too)\b(?! (?:deserved|much|many|far|long|often|young|well))",
        r"neglected (?:on (?:<your>) side|by (?:<you>))", r"(?:<youd>|you(?:'d| had)) (?:already )?(?:checked out|stopped (?:touching|caring|trying|loving|listening|"
        r"making)|left (?:me|us)|given up|moved on|gone cold|pulled away)",
        r"what did (?:<you>|ya) expect", r"(?:<you>|ya) (?:were|was) (?:laughing at|mocking|distant|never there|"
        r"impossible|hard to)", r"(?:<you>|ya) brought (?:it|this|that)? ?up",
        r"(?:<you>|ya) (?:literally )?(?:wound|wind) me up", r"(?:<you>|ya) (?:started|began) it",
        r"(?:<you>|ya) (?:did it|did this|did that) (?:anyway|first|too)",
        r"(?:<you>|ya) (?:always|never) (?:listened|cared|helped|supported|noticed|understood|appreciated|respected|"
        r"trusted|wanted|made|had|gave|let|paid|did|showed|tried|asked|put|took|thought|said|stopped|"
        r"touched|listen|care)",
        r"(?:<you>|ya) (?:had )?stopped (?:touching|talking|caring|trying|loving|listening)",
        r"(?:<youre>|you're|you are|ur) not (?:innocent|blameless|perfect) (?:either|yourself|in this)",
        r"(?:what about|and) what (?:<you>|ya) did", r"(?:<you>|ya) (?:were|was) no (?:saint|angel)",
        r"(?:which|what|all my|my) buttons (?:to push|you push)", r"push(?:ed|es|ing)? my buttons",
        r"<your> (?:mother|mum|mam|mom|dad|father|family|friends|sister|brother|parents|ex) (?:never|always|didn't|kept|"
        r"was always|were always|wasn't) (?:once )?(?:helped|backed|supported|liked|respected|accepted|let|gave|"
        r"interfered|meddled|stuck|treated|welcomed|made|in my ear|turned|wanted|putting|turning|poisoning|filling|"
        r"saying|talking)", r"(?:putting|put|filling|filled) (?:ideas|things|stuff|lies) in(?:to)? (?:<your>) head",
        r"after (?:what|all) (?:<you>|ya) (?:did|said|put me through|had done)", r"(?:<your>) (?:jealousy|nagging|"
        r"coldness|attitude|behaviour|behavior|moods?|drinking|temper|constant \w+|criticism) "
        r"(?:made|drove|pushed|didn't help|did this|did that)", r"(?:<you>|ya) (?:left|leave) me (?:alone|no choice|with no)",
        r"thanks to (?:<you>|ya)", r"(?:<you>|ya) know what (?:<you>|ya) did", r"(?:<you>|ya) (?:brought|bring) (?:it|this) "
        r"on", r"(?:<you>|ya) should(?:'ve| have| of) (?:known|told|said|stopped|listened)",
        r"(?:<you>|ya) (?:ignored|neglected|abandoned|pushed) me", r"(?:<you>|ya) (?:were|was) (?:never|always) "
        r"(?:there|home|around|busy|working|on your phone|out)", r"(?:<you>|ya) (?:had|have) (?:a part|your part|some "
        r"responsibility)",
        r"(?:<you>|ya) (?:pushed|push)(?: and pushed)? (?:until|till|me)",
        # Said in the writer's own voice, at the start of a clause: not what they once told someone ("I told Sam
        # you were the reason"), nor what they made the other believe.
        _BLAME_START + r"(?:it|this|that|all of (?:it|this|that)|everything|the whole thing)(?:'s|s| is| was| were) "
        r"(?:all |mostly |really |entirely |completely |totally |just |honestly )?(?:<your>) (?:own )?fault",
        _BLAME_START + r"(?:<youre>|you were|u were) (?:the (?:reason|cause|one who made me)|why i)\b",
        _BLAME_START + r"(?:it|this|that|everything|all of (?:it|this|that))(?:'s|s| is| was) (?:all |really |entirely )?"
        r"on (?:<you>|ya)\b(?! "
        r"(?:to decide|to choose|if|whether|now))", r"(?:<you>|ya) (?:only |just )?(?:have|had|got) (?:yourself|urself) "
        r"to blame",
        r"\bi (?:still |really |honestly )?blame (?:<you>|ya)\b", r"(?:how|exactly how) to (?:wind|wound|push|"
        r"get to|set) me", r"(?:on|from) (?:<your>) part", r"provo\w+", r"(?:<you>|ya) (?:started it|(?:\w+ )?(?:\w+ed|hit|did|started|swung|went for|threw|shouted|swore)(?: me| it| at me)? "
        r"first)",
        r"what was i supposed to (?:think|do|feel)", r"(?:<you>|ya) were being (?:so |really )?(?:shady|difficult|cold|"
        r"distant|impossible|secretive|unreasonable|annoying)", r"never (?:once )?backed me up", r"(?:<you>|ya) (?:let|allowed) "
        r"(?:her|him|them) (?:talk|treat|speak)", r"(?:maybe|perhaps) (?:don't|do not|dont) \w+", r"(?:<you>|ya) made "
        r"(?:the house|home|it|things|our life|life) (?:so )?(?:miserable|hell|unbearable|impossible|hard)",
        r"a (?:wife|husband|partner|girlfriend|boyfriend) who (?:had|would have|was|actually)",
        r"(?:<you>|ya)[^.!?\n]{3,60}? (?:tho|though)(?=\s*[.!?\n]|\s*$)",
        r"if (?:<you>|ya) (?:weren't|werent|wasn't|wasnt|were not|hadn't|hadnt|didn't|didnt) (?:so |be |been )?\w+"
        r"(?:[^.!?\n]{0,60}?)i (?:wouldn't|wouldnt|would not|would never|'d never|never would)",
        r"(?:<you>|ya) were (?:right )?(?:up in my face|in my face|screaming|shouting|yelling|texting|on (?:your|ur) "
        r"phone|flirting|provoking)", r"(?:<you>|ya) shouldn(?:'t|t) (?:have|of|'ve) (?:brought|tried|said|done|gone|"
        r"grabbed|pushed|started|told|called)", r"(?:<you>|ya) (?:hurt|hit|pushed|lied to|cheated on) me first",
        r"(?:dont|don't) forget that", r"(?:<you>|ya) made me feel (?:unwanted|unloved|alone|ignored|invisible|like)",
        r"(?:<you>|ya) never (?:told|let) me how (?:serious|bad|much)", r"(?:<you>|ya) (?:were|was) never (?:easy|"
        r"there|home|around|interested)",
        r"(?:<you>|ya) (?:had )?stopped (?:looking at me|being (?:a|the|my)|loving me|caring|touching me|trying|"
        r"talking to me)",
        r"(?:<you>|ya) (?:were|was) (?:also )?not (?:listening|there|helping|trying)", r"(?:<you>|ya) (?:spent|were "
        r"spending)(?: money)? like", r"(?:<you>|ya) kept (?:pushing|on|nagging|going on|at me|bringing)",
        r"(?:<you>|ya) wouldn(?:'t|t) (?:let me|listen|stop|talk)", r"(?:<you>|ya) turned (?:a small|every|one little|something small|a comment|a joke)",
        r"(?:<your>) (?:own )?(?:conduct|behaviour|behavior|family|mother|barrister|therapist|lawyer|solicitor)(?: \w+){0,3} "
        r"(?:made|started|turned|always|said|never)", r"(?:hadn't|had not|weren't|were not) been intimate|i had needs",
        r"(?:<you>|ya) should(?:n't|nt| not) (?:have|of|'ve) (?:got|gotten|been|tried|started|come)(?! (?:put|made|left|"
        r"treated|spoken|alone|exposed|through|there|scared|afraid|hurt))", r"(?:<you>|ya) "
        r"called me (?:worse|names|an? \w+)", r"(?:how|the way|the night|the day|when) (?:<you>|ya) (?:laughed at|mocked|"
        r"humiliated|called) me", r"(?:<you>|ya)(?:'d| had| were| was) (?:already |so |getting |gone )+(?:distant|cold|"
        r"halfway out|checked out)", r"(?:you were|u were|<youre>|you're|ur) the one (?:who|that) (?:gave up|started|left|wouldn't|ended|walked|"
        r"pulled away|stopped|went cold)",
        r"(?:remember|recall) (?:<you>|ya) (?:saying|said|telling)", r"what was i (?:meant|supposed) (?:tae|to) (?:do|dae|"
        r"think|feel)", r"(?:they|she|he|<your> \w+) never (?:really )?(?:made me|liked me|accepted me|welcomed me)",
        r"from day one", r"always asking for", r"(?:<you>|ya) gave me (?:plenty of|lots of|every|so many|enough) reasons?",
        r"turned (?:<you>|ya) against me", r"even (?:<your>) (?:own )?(?:therapist|doctor|mum|mother|friends|family|"
        r"sister) (?:said|says|thinks|agreed)", r"(?:<your> \w+|they|she|he) (?:started|began) it",
        r"(?:<you>|ya) know what my temper", r"(?:<you>|ya) (?:still )?kept on", r"(?:<you>|ya) (?:disappear|"
        r"disappeared|went off) for (?:hours|days)", r"telling me i(?:'d| would) never",
    ), ownable=True, disclaimable=True),
    _family("vague", "Too vague: say exactly what you did.", (
        r"(?:sorry|apologi[sz]e|apologies|regret)(?: \w+)? (?:for|about) (?:everything|it all|all (?:of )?(?:it|this|that|"
        r"the \w+)|whatever|anything|what (?:happened|went on|went down)|the way things|how things|all the stuff|the "
        r"(?:situation|events|past|mess)|all of (?:the|this|that) \w+)",
        r"(?:regret|sorry about|sorry for|apologi[sz]e for) (?:the events|how (?:it|things) (?:turned out|ended|went)|"
        r"what happened|the way (?:it|things) (?:ended|went|turned out))",
        r"things happened", r"(?:stuff|things) (?:that )?went down", r"(?:the way|how) things (?:turned out|ended|went)",
        r"(?:sorry|apologi[sz]e) (?:for|about) the (?:whole thing|lot)",
        r"sor+y (?:about|for|bout) (?:the stuff|all of it|the past|that night|it all|everything else|the lot)",
        r"regret (?:a lot of|so many|lots of) things", r"(?:sorry|regret) (?:for |about )?everything else",
    ), needs_no_act=True),
)


# --- Reading a draft ---------------------------------------------------------------------------------------

_QUOTE = re.compile(r"(?<![\w])(['\"])(?=\w)(.{1,160}?)(?<=[\w.!?,])\1(?![\w])|“(.{1,160}?)”|‘(.{1,160}?)’",
                    re.DOTALL)
_NEGATION = re.compile(r"(?<![\w'])(?:not|no|never|nothing|without|nor|neither|none|don't|dont|do not|doesn't|"
                       r"won't|wont|can't|cant|didn't|didnt|shouldn't|wouldn't|isn't|aren't|n't)(?![\w'])", re.IGNORECASE)
_CLAUSE_START = re.compile(r"[.!?;\n]|,\s|\s—\s|\s–\s|\s-\s|(?<![\w'])(?<!not )(?:but|and|so|because)(?![\w'])",
                           re.IGNORECASE)
_CLAUSE_END = re.compile(r"[.!?;\n]|,\s|\s—\s|\s–\s|\s-\s|(?<![\w'])(?:but|because|when|while|until|so that)(?![\w'])",
                         re.IGNORECASE)
_REPORTED = re.compile(_expand(
    r"(?<![\w'])(?:i|we)(?: (?:used to|would|'d|always|once|even|kept|then|often|just|also|sometimes))* (?:say|said|tell|"
    r"have told <you>|'ve told <you>|had told <you>|could tell(?: <you>)?|could say|might say|was telling|were telling|"
    r"was saying|was calling|(?:have |'ve )?been (?:calling|saying|telling)|keep saying|"
    r"told|claim|claimed|pretend|pretended|insist|insisted|swear|swore|scream|screamed|shout|shouted|yell|yelled|"
    r"threaten|threatened|make out|made out|call|called|accuse|accused|blame|blamed|keep saying|kept saying|kept "
    r"telling)(?:ing)?(?: to)?(?: (?:<you>|ya|them|him|her|people|everyone|every1|everybody|myself|our \w+|my \w+|"
    r"<your> \w+|the \w+|\w+'s \w+))?(?: that)?(?= (?:<you>|ya|<youre>|<youd>|<youve>|i|<im>|<id>|<ive>|<ill>|it|"
    r"we|she|he|they|that|this|<your>|my|nothing|everything))"
    r"|(?<![\w'])(?:told|tells|said to|reminded|taught) me(?: that)?(?= )|(?<![\w'])made it (?:look|sound|seem) "
    r"(?:like|as if)|(?<![\w'])(?:as proof|told myself|pretending|convinced myself) that"
    r"|(?<![\w'])(?:<im> not going to|<wont>|i'm not gonna|im not gonna|i will not|not going to|won't) (?:pretend|say|tell "
    r"(?:<you>|ya))(?: that)?|(?<![\w'])(?:calling|called|call) (?:it|that|this)(?= )"), re.IGNORECASE)

_ACT = re.compile(_expand(
    r"(?<![\w'])(?:i|<ive>|<im>|<id>)(?: (?:have|had|also|then|just|even|once|often|never|did|was|kept|would|used to|"
    r"repeatedly|always|constantly|deliberately|knowingly|secretly|\w+ly))*\s(?:\w+ed|lied|cheated|broke|hid|forgot|"
    r"left|said|told|kept|went|did|spent|chose|took|hurt|stopped|let|made|ran|sent|met|slept|gave|read|wrote|flirted|"
    r"ignored|hit|threw|drove|stood|swore|threatened|shouted|yelled|screamed|pushed|grabbed|stole|sold|put|called|"
    r"got|wasn't|was not|was unfaithful|was cruel|was cold|wasn't there|had an affair|had a relationship|didn't|did not|"
    r"never|couldn't|wouldn't|cheat|lie|hit|slap|push|shout|took|shoved|mocked|belittled|controlled|tracked|followed|"
    r"frightened|scared|humiliated|betrayed|blamed|gaslit|spoke|talked|laughed|sat|drank|gambled|bullied|"
    r"was (?:a \w+|so \w+|\w+ and \w+|jealous|controlling|violent|nasty|mean|abusive|dishonest|unkind|selfish|cruel|"
    r"cold|distant|a liar|a bully|wrong|angry|horrible|awful|not there|never there|absent|rude|\w+ing)|been (?:lying|"
    r"cheating|seeing|drinking|hiding))"
    r"|(?:sorry|apologi[sz]e|apologies|ashamed|regret)(?: (?:so|very|really|truly|deeply|much|i am|i'm))* (?:for|"
    r"about|that|of) (?!everything|what happened|it all|all|whatever|anything|the way things|how things|the whole|the lot)(?:\w+ing|the \w+|my \w+|how i|what i|when i|that i|i |lying|cheating|"
    r"the way i)"
    r"|to have \w+ed|(?<![\w'])(?:my|the) (?:affair|lies|lying|cheating|infidelity|drinking|gambling|temper|jealousy|control|"
    r"violence|behaviour|behavior|words|comments|remarks|betrayal|deception|abuse|shouting|gaslighting|tracking|"
    r"tracker|push|slap|kiss|threats?|insults?|names i)"), re.IGNORECASE)
_VAGUE_ACT = re.compile(_expand(
    r"(?:messed|screwed|stuffed|fucked|mucked) (?:up|things up|it up)|made (?:a )?mistakes?|(?:wasn't|was not) "
    r"(?:perfect|the best|great|always)|(?:was|did) wrong|let (?:<you>|ya) down|hurt (?:<you>|ya)\b|did (?:what i did|"
    r"things)|was (?:a )?(?:bad|poor|rubbish|terrible) (?:partner|husband|wife|boyfriend|girlfriend)"), re.IGNORECASE)
"""What a draft names when it names nothing in particular: "I messed up" is not yet an act."""
_IMPACT = re.compile(_expand(
    r"(?<![\w'])(?:(?:i|<ive>|<id>)(?: \w+){1,3} (?:<you>|ya|on <you>|to <you>|at <you>|from <you>|"
    r"behind <your> back|<your> \w+)\b|\w+(?:ed|ing) (?:on|to|at|from|with|against|behind|about) (?:<you>|ya|<your>)\b|"
    r"(?:our|<your>) (?:joint |shared )?(?:account|money|savings|home|house|flat|marriage|children|kids|family|bed)|"
    r"(?:<you>|ya) (?:\w+ ){0,3}?(?:felt|feel|were|was|had to|lost|carried|sat|looked|lived|stopped|"
    r"deserved|deserve|spent|came|questioned|doubted|cried|faced|went through|needed|paid|trusted|believed|found out|"
    r"had no|couldn't|could not|didn't|did not|never|must have|might have|may have|walked|tiptoed|packed|started|"
    r"used to|weren't|wasn't|are|'re|had|became|stopped|lose|live|learned|called|asked|told|said|knew|got)|"
    r"(?:made|left|cost|gave|caused|took from|put|forced|kept|denied|robbed|stripped|did to|done to|costing|leaving|"
    r"making) (?:<you>|ya)|for (?:<you>|ya)\b|to (?:<you>|ya)\b|(?:<your>) (?:\w+ ){0,2}(?:privacy|freedom|safety|"
    r"body|plans|home|money|life|family|friends|feelings|memory|trust|health|reputation|job|work|confidence|"
    r"sense|judgement|judgment|mind|own|name|future|savings|credit|peace|sleep|career|standing|faith|name|children|"
    r"kids|voice|right|choice)|humiliat\w*|betray\w*|unloved|insecure|alone|lonely|trust|scared|afraid|frighten\w*|"
    r"fear\w*|pain|hurt\w*|embarrass\w*|unsafe|worthless|invisible|disrespect\w*|ashamed|small|stupid|foolish|"
    r"exposed|watched|anxious|violen\w*|terrif\w*|crazy|mad|paranoid|damage\w*|harm\w*|cruel\w*|control\w*|"
    r"afraid|shame|upset|devastat\w*|miserable|hurtful|wrong|brace|eggshells|on edge|suffer\w*|risk|stress\w*|"
    r"dangerous|degrad\w*|intimidat\w*|manipulat\w*|violat\w*|bruise\w*|injur\w*|abus\w*)"), re.IGNORECASE)


def _act_verb(act: re.Match[str]) -> int:
    """Where the named act's last word starts (`I really messed` -> `messed`), to read what follows it."""
    return act.start() + act.group().rfind(" ") + 1 if " " in act.group() else act.start()


def _normalise(draft: str) -> str:
    """Curly apostrophes as straight ones; the same length, so positions still match the original."""
    return draft.replace("\u2019", "'").replace("\u2018", "'")


def _masked(text: str) -> str:
    """The draft with reported words blanked out, at the same positions: what someone else said, or what the
    writer used to say ("I told you it was your fault"), inside quotation marks or after a verb of saying, is
    not what the draft says now."""
    chars = list(text)
    for match in _REPORTED.finditer(text):
        end = _CLAUSE_END.search(text, match.end() + 1)
        for index in range(match.end(), end.start() if end else len(text)):
            if chars[index] not in "\n":
                chars[index] = "~"
    for match in _QUOTE.finditer(text):
        inner = next(group for group in match.groups()[1:] if group is not None)
        start = match.start() + (match.group(0).find(inner))
        if inner.strip().count(" ") > 30:
            continue
        for index in range(start, start + len(inner)):
            if chars[index] not in "\n":
                chars[index] = "~"
    return "".join(chars)


def _clause_before(text: str, start: int) -> str:
    """The clause a match stands in, from its start to the match (at most 60 characters)."""
    window = text[max(0, start - 60):start]
    cut = 0
    for match in _CLAUSE_START.finditer(window):
        cut = match.end()
    return window[cut:]


def _negated(text: str, start: int) -> bool:
    """Whether a negation stands in the clause before `start` ("you don't need to ... reply")."""
    return bool(_NEGATION.search(_clause_before(text, start)))


_OWNED = re.compile(r"(?:sorry|apologi[sz]e|apologies|ashamed|regret)(?: (?:so|very|really|truly|deeply|that|for|about|"
                    r"of|i|i've|i'd|i'm|ever|having|to have|most|all))* (?:for|about|of|that i|i|i've|i'd|having)\s*$",
                    re.IGNORECASE)
_DISCLAIMER = re.compile(r"(?<![\w'])(?:(?:not|isn't|is not|wasn't|was not|never|n't) (?:an? |as an? |offering (?:it|that|"
                         r"this) as an? |saying (?:it|that|this) (?:as an?|to)|saying (?:it|that|this) to )?(?:excuse|reason|"
                         r"explanation|justification|make (?:it|this) (?:smaller|better|okay|ok|sound))|(?:no|not an?) "
                         r"excuse|(?:doesn't|doesnt|does not|didn't|didnt|did not) (?:excuse|explain|change|make (?:it|this|"
                         r"that) (?:okay|ok|less|right|better|any)|make it less)|(?:aren't|isn't|is not|are not) the "
                         r"point|but i didn't|i chose|my choice|like that made it|hide behind|less mine|(?:the )?(?:drink|"
                         r"drinking|alcohol|booze|drugs|meds) (?:didn't|didnt|did not)|(?:i'm|im|i am) (?:\w+ )?sober|sober "
                         r"(?:now|for|since)|\bin aa\b|my sponsor|none of (?:it|that|this) was (?:your|ur) fault|(?:it|that) "
                         r"(?:wasn't|was not|wasnt|isn't|is not) (?:your|ur) fault|that(?:'s| is| was) (?:shameful|petty|"
                         r"cruel|unfair|on me))(?![\w'])", re.IGNORECASE)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")


class _Sentences:
    """The sentences of a text, found once, so that each finding looks up its own in logarithmic time."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = [(match.start(), match.end()) for match in _SENTENCE.finditer(text)]
        self.starts = [start for start, _ in self.spans]

    def at(self, position: int, around: int = 0) -> str:
        """The sentence holding `position`, with `around` sentences before and after it."""
        index = bisect_right(self.starts, position) - 1
        if index < 0 or position >= self.spans[index][1]:
            return ""
        first, last = self.spans[max(0, index - around)][0], self.spans[min(len(self.spans) - 1, index + around)][1]
        return self.text[first:last]


# --- A second reader: a model of the sentences of the development half -------------------------------------
# Rules explain; the model reaches further. A logistic regression over each sentence's words and word pairs,
# each hashed into one of MODEL_BUCKETS weights, trained on the development half of the corpus (tests/
# draft_model.py writes it below as signed bytes, and a test checks that it is what that half trains), marks a
# sentence the rules let pass only when it is very sure.

_SHORT = {"u": "you", "ur": "your", "ya": "you", "im": "i'm", "ive": "i've", "ill": "i'll", "id": "i'd",
          "dont": "don't", "wont": "won't", "cant": "can't", "didnt": "didn't", "isnt": "isn't", "wasnt": "wasn't",
          "youre": "you're", "thats": "that's", "pls": "please", "plz": "please", "r": "are", "abt": "about",
          "rn": "now", "tmrw": "tomorrow", "bc": "because", "cuz": "because", "coz": "because", "cos": "because",
          "gonna": "going to", "wanna": "want to", "every1": "everyone", "tho": "though", "rly": "really",
          "sry": "sorry"}
_TOKEN = re.compile(r"[a-z']+|\?|\d+")
MODEL_REASON = ("This reads like the sentences that turn an apology into something else (a request, pressure, "
                "an excuse, blame). Read it once more as they would.")


def sentence_features(sentence: str) -> list[str]:
    """A sentence's words (texting spellings written out) and neighbouring word pairs, as the model reads it."""
    words: list[str] = []
    for token in _TOKEN.findall(sentence.lower().replace("\u2019", "'")):
        words.extend(_SHORT.get(token, token).split())
    return sorted(set(words) | {f"{a} {b}" for a, b in pairwise(words)} |
                  ({"?"} if sentence.rstrip().endswith("?") else set()))


def bucket(feature: str) -> int:
    """Where a feature's weight is kept: its CRC-32, folded into MODEL_BUCKETS."""
    return crc32(feature.encode()) % MODEL_BUCKETS


def sentence_score(sentence: str) -> float:
    """How sure the model is that a sentence is not part of a sincere apology, from 0 to 1."""
    z = MODEL_BIAS + MODEL_SCALE * sum(_WEIGHTS[bucket(feature)] for feature in sentence_features(sentence))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


# generated: model (tests/draft_model.py --write); do not edit by hand
MODEL_BUCKETS = 8192
MODEL_THRESHOLD = 0.998
MODEL_BIAS = -5.0077
MODEL_SCALE = 0.048369
MODEL_WEIGHTS = (
    "8/YC6QYEFdvv8zYHFi8AGgD7AgIXAPoV/u/h9Sv3/g0ADATd9g75FekBAAH9AAQEC/gt5Pz9BfcA/eLmAAD4DP7xMi4NBgAR6+jyAQj4CPwL8Q"
    "4F/PTlARMC/PcRDvzvFvfjAwsAum7t4wIcDQDn9QcH6fAc7eT3AQDe/yrpCAn54+UyFjMj8i3K/Q7xSvz8KgAw8/3/+vjxAgL9+PYLIunqvxPo"
    "GRENHO8M8g4BBx8u7RIaFCX8AvUTDwb/KAAXAAfvChkVHQXw//fwEfUM9gXu7f0VCAD02BP/CArTAP/3APYnAQ77OvrQH+/u2e3wHvn9BeUE8y"
    "EAGwU/6P79TP0E/+UPABEHAPAAHB4iAPtG9/DbDQUHBudQNeP9/qjwCf0CLAATEGkAABP87T3kBf//8+X0MuP6DAb86wAIEvvZ2f8q/tzwHinn"
    "OO4dAfkBARjyAvE2ChLx/wAL/AMbFj744e0JAOfpvQINBQzx7P/3MwbZAQUq9vH4Ef8Q+fQC5vb3L+VDEjD08gkMEwb93gX70f81B/8Q/hEBUx"
    "YDDvkTAAkJ+PUPDP8J2O7yANQZExQU9QAU9wDG9vX70Afn/fo7He8D9wMTK+frNwctAA8K+BL4/REQ8fXi7ukP/g9IAAnvNdor6R8dAP4AA+EK"
    "MvAhHxj4A/zUA/4EA/AR6yi9G/sQ/ffx5/31z80K9P4hVv79Dx4B8QMcFvL33NPp/wfy6tsz/Q389TYR8zAdAAUGG+8FAPb4DeUc7dsD9hoW/v"
    "MCGOBF9ssSFwP35wgD/B4R7AT1+vkUGvEg8eTmHhY1GQBc1u8f8+s1/vMc/RwZzgAA7P3uAA/yBRD/7Pb2/AL9Cxr//ew41e4GFgYT7DoYAN3t"
    "GdwL+PsKAPPx/x8ZIsv/Awf/+gj8ABjuTQsMFkn/Bv8ZAEkC9+T++t/55R869OwV6A/z/fAJJOP7AfwQ4yIp6ebwLwf+DwDyDP7+2v76N/UlA9"
    "QC/fLoBewAABAE5gAA8w3x+BD47hT27R3+Pv9jAwE4//XxNfMDFzkSBhIJ8hEYDvLn2voR9fAPA+/67gDzJA0B/QT9APf//ucFKwD/BOwA/+AA"
    "Ivj19SvPAPj//gAJ/wv6If7x+vjj8hnz+f76Hf8Dyg4H5+wPENgADwDS8e380gcb6QPi+Rc97u4T2/4G4AsZ++UiAPUPE/YAFS/0xvP06vHqAP"
    "/37icRf+JMV/0ARCrrEQ71DhX/7OMA/tc2H/IT+AH9+vzZ99T8IAhUFwD8AeoN/xTx4xvy7Sv1AeAJ+wHZKB/cEjAjFP/48vu3Lwwl8yYAAgfU"
    "/xbzBv4A6C0XAu4EC/ca8g4LEBICAOUIHMb1E9/UIfT6BRALBhEH7gDzDPjuIf3YFxEM5AsH5AAIBPfZIAXrDd39A/vZ/hJf/RELAAAk8ATfBe"
    "P3DAHh7gPm//35FP782u4s+QsYKTz/APIACQEA3/UP9CH15fTw5R/9KEHf8w30C/b5/x3/+Q5VBwzTDO0PACTe0AoC+fkM+goY3gkTHfAAEv/w"
    "Gwn1v/bsByXSGPoDBPor9Cb6/BIQB/LX+tjvFdoWARQpAAAAAAL8CwcP/+X+ATn49+Dy8PwDvO4M9QDg9vsA5w7g6Bjl9AA4CwUI7wD8C/kHFC"
    "/19fUgBQAUDwD6Bvv2AOY1CfPpVC7DABsgsTwXC/0jLPoEE/bNFTAE4uY5Qf75BtUACgDnAfwaIQhUDfYaAdIcGgMAAvAc6/bmEen3HfD62v3d"
    "9vYMJvA3H9v9D9v+AwT/B+4E5Ob74fziBP32Bvn/ziMWJOAA3TT66fgr+AAdKeUAMP/+Dfv/AB3vAf3kAvEF9vnx4fYLVxAKBBcE9QX/F/FBGR"
    "zrDefv69sJ9iYS5yEA0gDv+BIQH94h/SbcCfTI4hbuAQAV4vzsAPxM9e0PCir84RAA2P//EeUF+BH3IxkA9OfvFz4X+RgPJBQb/vQW4f7wBAf4"
    "AwIi/wAO8ykFEBUBGgIJBBD8+QL7E/r/7AH3FQP8BhDi/QD6/er69wzq5twYAOcg9yTlBf769woAA/3s/jkR9/ca5x3wCBL8IRgeF+Lq2hD+AO"
    "39/PoAEgcCFeoA6xX5FO7C/EYq9/b2SwDt7Rk+CvoOGub4HekZ+BD12zTZEAL8I/ry6uL27hjz+gT3/AsAAQDi7BIEHw4f7AEX/ewWAxLd9wHn"
    "Hub1Ju7a/NfD6kreR+/z/fwZ9/oEAf34EAE7/x0AJAv6E9ENDe1R3gHsC/nuCfvxCQYpEgYT+RrwCgEk7ebw6QACCf3n9CG+Fxv3ABQtAuAY++"
    "wH+wb6IhcX/wAXAADy9Pfm+OoA+fAmCdLz7vf3BhPlCAD6/QjrFwAIDvoyGwXQDfLWDP0rwRkf7yQGLCL739wZ0xAf+u76AjT55+7FVyYEEPYO"
    "9uMU7An+Ah/w+foIMfbzOd9c+vkID+Hs1gDaDwYIAw/2UfD27/b9Fv0TCyf7EfoACv4CEgb5EfsO/gID9WP58uMX+Qr38PYQTQIR9AMR/fcnBx"
    "U6+en4+xoVBtvv/RAEFxkFGAD/Bgn66Njz4DNjE/kCDgvpAQLlHAECJ+H3EusUDAHs5AXx+Av/4g38Cfo/+fxh2voq+e3Z+hEP/fYF9PQGCejw"
    "DP/xJ/7n8PzxBi0W8R4FCgDb3/YDDQHS4BT1AAD6/Qb+RRUSABQB6S37Fwfw3Cwa8+3/GuIw/98XFiBD5gDs5dgF6fYAMwshDfwhC9kA/wP+yg"
    "faAgwMH/MhAAn6F7r+BvPeEwIA1RMP8/UA2fQAEOLxCRQVAOsDEuz7Cw38DfTf5wAPHvL99u/60uHt2f3iEwD9CPcA7v8N/hPgACI9ARoEAwwd"
    "7u4M8C8M6CL+Y+Ug+esCA/74ERgyFgUB/wbx4vb/CvwMHNgABQf59ffY8/LxFt/u6uzzIQH09AD44ers8PcBAPgQzwT/3yX+0Ajh+BcF7usmJi"
    "QL9w3zABX5FwDtCfvMFigbHxX55QwY7SL2FuQD9hv7APLpCh/8D+ME4w4B9g3t+wAr+vMB9AsCAP4yDvj8AiXn9xgkE/8MBAzzKfMAHA3/Jffs"
    "8e3zF/sCFCUA8i7+BQ0b2gCrCSQTC/Yt2P8A6Q9AHPDgBwD7+gPyGP8H/gDn/MLsGv7m+/X4AhEe/ODsEP8i/1Io4ATl/d4RCRvr/PEi4RH/0t"
    "3k9+MH0QEAOA73+A4SO0H7COn2AO8PGdfXAP3gVxgiDB7gyOn+5f/68fLj8g7+AudA8+sAGQMJHAAKwSD19wUHDRHrBuwB4Afr+O/7C/8Z/gAP"
    "+QAE+gb1Du05AP/TBgH6+AwO99XiBwD3MiEA1QgF+c3m+wLfVhQz2fLt5iDv+goG7SP+Ce/9Aj0k3PL6BAZhDQngBwbsExrlKAAW8uoA6ekAER"
    "QOE+IM8QH4MfjaL93pEiYiGAD0GwP0LAkoJd5UCxTm/u78ACr7B/MpFgYIFBfvMQwoAP4aEfEEGe7ysBX35wM4A1ABDAPxFQTu+EEg4Pc2DN3r"
    "6gH/49gF9UfsGfkH2gX+2u8g9ucI+hMWABwFBwAHDwDyAAkA+O8XABr46vL6/g4EAPwj9/0J9jUM71n+7Pb+BOtX/OLq/BD1//fw3gL7AQDp9e"
    "wILQAKFiH3Fwrh9PYPCfblRSDs9/0TAv3h++MALPf0GdoCARf39/IA/e3/PPUWItkrADUu8jAN7QX4CdovHPEV1x3h9Pnu8O/4EM/Q8g/79Nfs"
    "9+4JDwz81CTfCQoFJxcI++7XGC/Q3REAGsAJDRbu6xAAEygfBPPXWu7pB7IR1TsbEP/gC/4A8gIR8AwU5f/iORMF9uD4AAsmMB7hJtD+Bgsa3P"
    "7z+gAgGu0H2gYQ7Qr6/s4C+AYDF+0I8SUWABHxGdkJzAb7/OkX6h8nBhMG+/fjAjUHEvLx6g/g3PLc/RT79PTp/enJACfm2OsPFwDVAQH3EAX3"
    "7PruBP7p+9D/Eu8A/hAI7+vS9iED+f0Z/vw9OB8nGRrlBhL0M9/2wAnI990B/iLk9PL89/32ryz5Df8ADg7m4gcdGRIB+eIy8gUX/SvOBuz+IA"
    "ftDwEwCPvqBwDZBh79NuTw9PjzA/kQIx8v7PT1AfEG8QT5CfgA//Db6wQICPkHPwDz+fsYHBHF1SvvCQID4gwDEQQjUPoLFgj69+v+yvv7g+8h"
    "FPoZLfUFGO3F+gvy7gkKMgzsLRP79gcBFOIA7/32DQDv3xYA7AAK5xUdAPkECv//CfDyKR4X5hE48gPwBekFAAD/BO4O6Qkc9N4qGgTy3uULCP"
    "D4B/cVCw7R/ADAA0DxSfbrEQntGeT58+Uc/BQMBAsJQQD8HP73IwMRPF0LKQX3APHr/wL2Hv7lAP8HBj/xF/MHCQnsAQP/0OkPD97+KQAe4cr/"
    "5AD+EiD+Hi///93bEvz47QIZB/32Lx8A2/v4AObhAPD65/AP9DL7+AL3ERva5vUABhG26gvSDuT9/Pb//hgX3ijyC/8EEwkC/P0fAAX8/enw99"
    "0PGABKGP3h/CTtDPn98OkPHAwHAvkFByna1ecH9fgVHOT+Jw0xAPsKCuwaABAM8Psr/Mr68kcD0wvc+SX+/fT/F/kfCAMC+MIY8vkBAPj6Cgom"
    "+QBD6xIGA+f47RwVDP/i+/31ywfs+U/l8h/4MA0PFgTYAeX07wX68f0Q9v775vsDDvruBhMfGwwTARAKJj3z5gD9CPLp+yMKC/jv9hn27AoAAC"
    "wGMvbm6wzw0Qjf/wD/EfHZ/DcOBv7o/wEM9vox/xH5RugT/vXyC+cC6+TqFc/12wH8KhYP8PL7KPzx/SEEBBAj8jUH4gAgDece0yT6Byrx+cj3"
    "Vyb4+CnmGuMyMx8dBeH+/goTCw0INRgFORMA7+sBBg4I/PX38//+8wn5J+/tL+TqEQAV6wf6CRf7/wX0ACbq8fn7De385/X5P/846B0S+P8A4y"
    "8dISHdFiUF9v358/wU+ftJABcO5w39CwXj9PMGBxVQEh4y7gXo5egJ8hMC9PsOJQ3s/gMR+fbnAND74u4fDR7nBtoDA/414yIKBe8a2Aj0Cz8D"
    "GPvi9hb54hgCAPoG/fvuDwD19D8L9CPZEbL4/AMGCfnuFQQUAA4JHMkC6vTfAPL/2Qb+Mez86/b3ENL5B/nmEugQAP8HGvoH0xsxBf/7JvA58v"
    "r27hEgBAMW9zAM/fzU2/n8Gwbz8/725+4kAPb5GPT7+ez2HwH8KeXjFu0AIf7sDtD31wMC9iZr6Ob5Ayb/I//c+QkP5x/y6A/nADTmHvPoFvj2"
    "/QEq8gP8APgK3OnZ1fsKCAw6F+cADgXDC/cACvsBPg3/+er7AvbwHiYuAgAK8AH1AADbDi/e9fBhBt8JAAL2FBD6GOwF+i367gAACPX29QT5/P"
    "zo4CAA9g3eEP0G3QYI+xzsEBQX88z14+HvAMAACfb9U+EO/gMaDSEA7Sz39fkWCPr6AtgXAP8HGAHZAOT7+N8I6BfjJzH4H+0A2PUKACLzEffw"
    "AR/+/P8C//P5AD738tMLH+4B9w/w6yr6B/z66yPqARQiBBrh8hJA/ff/1wnY5vQCEgrz4/8BBwTrBvAW+f8EEzL/yREP5PvOEAgP2AXjAQ8DEe"
    "gc8RP1Lu4P8w3gFPwNEfv02Ov9AgwSEBwG9g4k/vsYFSXM+gQmEBj/8QwC/gAC/+nkAgHsDQNw/A4E+ADY7wL/CQAM/gX/6/v+ABgAX/T4DP7q"
    "3wQH+iYF3/QWOf0h/A/9/Pzr//H90iXu8Sn+Bd8OAg3zC/Mo+fgABPXpAB4o8AQF/ksO/+4p9gr0zeju5/MC/VH89Nz9GfP20w72+wgW6/2JMv"
    "gF8gAN9DEADB4ABfP4/9rhCBn7/fQAFAD39xAV6P0SJQYPA+f3Fwz3+wfOCBAAMgIvAPDeAA3i3AgIHAD32BUN9OX1DDElJAoP3w0UC/Ia+AD6"
    "7hDjJuMO6wYW8hkCBAoRCxAL8/fs70gs7PgF6+4C7kDn7BntJvkd/Pf82wzqFvf6DQ7n/Bfk1+7rLf4X6f3h6wAd+BcBB+r6+QcD0Eoa6f7//w"
    "Hr5RUH9e/9+gsADPn57/9IPhj4+AT3DwP0BwcVJtj38Prn+w8JA/rr8vPv5ADtOfUFDDL07UL2HvX8JP8J5d3pADvy9wb13+bp1w7/5vjh/Po0"
    "BSL/++bvC/Tn+Sn0/QAWEwAADiEMHgop98EXAAYX/RL4+vz89wr++gQ6AhYD/PkZ4x/aLgcREPkQ/f3779f/5OEAGAAOBdUjNzcM/wzgGRTvCQ"
    "MmIgz+6f4yCP4eDgAfI+ZD/grHC/sYBA4CJGHzDyD8ACkA9ub6BBwR++HcQika8vkFCPwr8P3+4BsBDN4A8ATRB9ka8zgQ//8NF/oAHSH+/QD6"
    "1fIVAALk0BT7+vkL/wPrB/YW+/cVGgfu6P/h1gD9C/T1/PjfIv3tAwPTIwf1Hv8U/+v8Fgnc7uP5PAss7MgY/TL/CfcE5eQ5Fg/6Fv/5AScD/A"
    "cTMxIk0+LO+wsM9yP3LAkF8OoWzfUb+P7cFAP47PQTLPD8Af385/T5E9ESKAn88v3u+Bj2/hHU7eXx2PEg9wD+Ke4m4Pn/7wTq+/L1QPYTFvkw"
    "AeX8+v4M7tQnCS0U6w0AGPXuFfMPCQcQyBEIBv3S6wj08w8XEub6Awv58PrdHB35GQfMDA4ASCQB8+oC/gH+7/MIFOr+9OX//lD+5wHgAvzEHv"
    "sgDf/26+Qv5Or/EQD06ff/AkP6/QEr8xr4EvAL4jX+8eUnEQYX+QEI6x0+4/X/FCL3Kv4GEuXxDhbm6PPbCOcVAu3s6ur+6AL9/wX8JRb/D//e"
    "FcYEBhgLAwjiAyDx9vpOBhoe6N/h+h0IEurx+Qz39wjy4ij8FgAM2CIlLP0JEAX96+wJDOUIZvn/+Poh+PomBQDvK+fr+/3E/DP59QtPFDL77u"
    "nO+Rj51P4i/fgHFvMg9/cK/vsHAPAG2vcbBgD+FxcW/uD+3PBXRA0LNsv07/rj8woOAvAILeYB/vz0B/M3EfgD5Avx7DD2C+UI7R4H/AQvAkBm"
    "CPkC8vj2+wvlBxEqMtwY9+sN7BIG8vnw/RE6IQAvF/wEKkcPCfUZCPQFAv7+8wYF/Pvn/wX05dMh+vz57/P5+z4L4PH23+4N+8wPGP8CHAv43w"
    "UWCP/w+ATq+wvwPAr78RHzAfff/gb7/OMZAPUNAOfsCRYE98/78P8s6yAfQhUd+f/+EBUADAkF+fPl5uUC3/YA9gzzIQ0BAeb+Cjzo9+/b8uH0"
    "DAAtAlP28/AOEwsqFNb/BCX7OhYC+gEKFuz2DAMNFw4U4QoW4vw47gwD/O7f5RD0ATrpGt8a/Bwj7sMK+xAUJPfmLgMM/wf7GOP1ABDnBA/z8Q"
    "H0+fb16//+7/v99N8P+BUA6hwA4ezSAuoAAAf68drqBuX17vUA5PwYAO4UAAzvCAnnHA7rKgDm9wPoAQQLzevtFwcA/QDs8zsA5xQO/fPs+x0O"
    "7/wt9OLdAewy8dsGFvHl7CUG7wb/C//v/AAB5foSBQklC/r49xov/hsMHRAACOTuUxz44fL7CxYFAPrqGwD5BQT+/2rtAAD09QoJd+/v9Qj4D+"
    "sEFAkuAAL/APEI7ZMm+SL/+yHk7uft5wf/Cv3yBv3yAfrvCP/1HNzg//Xz/Qf6AB34DyT28/cqL/MI7gYXIvcIPhrtEwD6CfoAHe0K+j4GJBcI"
    "IQT4/usU7BIH5cVC+B72Av8A7Bi04w0V+/MX9/YxQgj77ScC4yD7KhnABPT7++8bAAcQCgD+xhgACvP4IQYM9A/x7+zEIADu8Vnn9iEA6uwbCg"
    "HnA+fkFA/1/SsF/BUCI/PoByL1HyAU3O4B9gb1CB0H7CIA8+ggOir/7gvr7+/z7wgJ7wr1DOvo7gH7GPn/GuUAAv/6/PTR/RzRISZKBgjp/tH1"
    "CAP75vf/A+LDGPYQFs3m8QAJ8uUABxzn5s35ByA73xAKAQwy/tn5/Db3Feor5uL4AR0ACeb0Cvr7MQ34L+z0FR3t998GMwcA5eH1Bfbf9vj5FQ"
    "DdAxH7FNUFEwD6AeAXG+4HBvT1AB8A6eLoA80G4OP8AuPq3Sn3/AnnBuvW4vco7vwFCf8N+fsL7f4HFfQWFesV9dn36+/1K//r6fr0BPca+f4T"
    "/dvmIfsUAdYSG/cA8QDg/fPz8+DUCPTXKTMA9ejzzQQP/hfoGP0F6fb+2A73+uv2BP7rFwzvNhAAD80V9vTH+DX15AnqMh8I+gH1///2MfX/1w"
    "H4KxQU5RUF2wwD9+kA+/v1HC8j3gMCEvwk9Ngr5xED/Vz97u3xDPoA/f/8EhMM+Rvo8fwA8vMUEwv2CAIIBvAE4NQauR8RAAtpGgcV/vclBwP8"
    "+PDtAAIoCvsI6i7zAAMcCqXu6RsH7SbbEvz5APnvFQD2QuEJ/fsLAPftxwAsAArz1gr+JOtJEQf09AIbROsmJs/4Cgcc8u382xUA4iAE8QYQ6t"
    "r+7vAp+df1G94pAwbtRf415AsUDGEKuP8D+/nlBfMA4wn4+PndN+LqAgAg/wEECSL94BEg9BUD1AUH+A749CIVJgIS9fv4Ca7+/wDv7/btIQL+"
    "5vYpDxHzA90l+/kY8OfjDQIGAv/cENwIFxESBQn18/MACNgP6Sj7Dg4A8/8h8ej3AAYc8en50/obJNn8CwkVACP+3vEKEPvkAN4JQQbyC/glAP"
    "EAACDt/hjl4v/9Fx8D+BX9/wn48gEA49wb7hT9+eoFFBf86Pf3/P//DN8D/BsH9f4fA+gAAQAB/yvn3ecPByD87f8GDfLw7eb9FwYD/f/+Bfj2"
    "+w4C/+0G//MOEdzlMOkCEhbx7R7pHxgd5Ajv6fbzCu8V9xLpLf0KKuTh+hr2+ynl+wf68gcS8u7yAB4JOPsm/AP/MQ0ZB+356ssT/PVGGd0B5Q"
    "AeEfQAGBMXANX/Au714+75/gUW/+jwA/0J/ff9+CAGJzrqIkQo//7zFf0h9NUCFOb8FwIdBgMbAP7rFAEdFvrxBeEH8uoe6gryABH4+xY8AgIA"
    "29v7Ih0AAfv5+uHhOvj/7RT1AOLhDBrK8gjoD/QPI/smFckFGfjLFBPm/RUR6EnvEh4A6PQMEQwJ9fsABxXm7hj3CxXqCjoLERwDHvP3BRn07v"
    "72xe4UHObk/AD7JPVY8+/xCEEkEADg5gkj/wL59O0JCQcEAOb4KNrvCBT83+wg+gb4ERn+DBZK8fggRfQCFycKB/Ui//XbCv/l6/8EAgz9A/f5"
    "29wd1PXvO/Ut3xggERgK5wsDGgP49Bz//uMD8vsR1RAV9e3yB/z78O8G4wT37vrs4/su6wr/DwDr/u4NW+z/+PjrAhb02w37AP/eD+nYBRf3A/"
    "Pd8Qb5/gAN9PMSDDbmAPz5EPME9/MV/wTZ7AAGAucE9PUXCgoIAPT+/Ab+6uT1CezS9fkcCePf9ffr+zHlBuT2AAD8/Qgx+uTUGRD78M3x9wno"
    "K+gDFz5CBQb0KgTtBQAT/ewqE/cE8Qn4I/LxKxYD+BTu5u7u3QrX9ubwHf75Bf3g/STr5wr3L/sS/+Dn8gn/7vYUDPj/CRTVAA/zDvMMFiIQAB"
    "AINPPi8AbqCRj7+QkI5+UW/0fVIwD25BoF+wfPADoA/v31EwLz9O/o7xbuBBoL9QT8A+7rA8cO6PM6FCYAD/IA9fQI8hj7+QPg8z32B/34AwIK"
    "9PP3/PISBwDv9g3k+QUDBSUJ5gAjChXv/t0EAN9B//79HDT+/P3tAOYBLO4g6wAv/u0ICe4PDtLjACX4APoCA+v4GhECAyDq9PcR990L9v7m/Q"
    "kG4jgNEj//4Qf98gkABQj76/zVBAIdARUC+wjj7Qrl494FEg8CAN724NggExkICfUI7xD7BBP3Buv52xA+JQID9Bz9Ah7u5t0l9vfx/P36CfkV"
    "9wPrOiwZC/v66gAV8tMN+BXgGt7/ABrf/vUAHQH+0PkUAQ3v/QbcBAcb9xnyGf8B/PYoLvX6CQf9GAH1A/z44P76/RXs0wkIEwD9KA8BKBXp+C"
    "L39BwJAhP+8wIF7PXu5f4X+vv98R/+CAnwJ+cW/tby+vrx//oKIQDi7uXo+vXrB/v6Kegx4xvuB/sU/Pv6Ew0ACk8LLugg5d0Y6f47IgQjG+jz"
    "Kvc/5CL2+e8O3PQKIPYW6+UY+wMDB+L0Au3q7/cPH/4f4+Ie/gAdDPANTQf7KgUT/f8t+eL6LPz2DyA7EwEPBB0AAw709RoR7/HzBjrw9fH9Bh"
    "QW/QMd+P4h8BnlHvP3/AP/9Pn9IPMB//Dh9hYE+vn3H/8CAtn1BTMG+N4F/f1I5B5OEP8d/+Ps5wsAPvMd+AUbDO837Abo+e0cGQL84NgN/ecE"
    "/hjsHvwRGhroDfP+/RgD7vMM1D/x6/1s+d4XQPUAHAD6AOYi2+7s8P774B4AHPa6zAUT/wDz5AD7/vMEN/QaJ/v01vTt/AnfJd4SBfwXDTL+8P"
    "f8APvsIOjV8uj3EM7aBPYIBxIWOw0R8Azr3vkTAwfuAC7t+WXf6fsA+Cco2x0dDv8RAcvx3vz27hDtIgkBFQ32DA0S/vzT9wUPGQn2OPzt2SwC"
    "2v8j9PHrKTP8ABD6++kaDeLo9Orv8ezrGOAA2R0ILujj+QAZC/jy/OQAJBPj7PLi9h5FAPME/jP9LBb/3xoJBhX6CgwRQ//t/fASIvL7Rv4EGf"
    "3qSv36/ODnBRv2/Pj7LgoQ7hgK+P0B9ejH3hL++hnv+hr63Cf1OgDrFPstz/sI/ir45PNDYP/+BS4f6evjCAAMDOkr9AHPBUQQ3xgHAAD1I78H"
    "9wDqC98jz8nz9hMGAR4A9BnXJQYQEPcF8SAG+AASQtIO7/4cM+UUNP0V3xgAAPcBCeb8JOErBREdMh78EBMBCv/99f35Kuz2Bzbp6xjv1wsUCf"
    "YSFQEQCe4PAAPkFQHzAAAw4A4R8QHnBR8="
)
# end of generated model
_WEIGHTS = array("b", a2b_base64(MODEL_WEIGHTS)) if MODEL_WEIGHTS else array("b", bytes(MODEL_BUCKETS))


class Finding(NamedTuple):
    start: int
    end: int
    reason: str
    family: str


class DraftReview(NamedTuple):
    findings: tuple[Finding, ...]
    names_action: bool
    names_impact: bool

    @property
    def crisis(self) -> bool:
        """The draft uses the writer's own safety as leverage: the reader sees the crisis lines."""
        return any(finding.family == CRISIS for finding in self.findings)


def review_draft(draft: str) -> DraftReview:
    """Every passage that turns the draft into something other than an apology, and whether it names what was
    done and what that did to them."""
    text = _masked(_normalise(draft))
    names_action = any(not _VAGUE_ACT.match(text, _act_verb(act)) for act in _ACT.finditer(text))
    names_impact = bool(_IMPACT.search(text))
    sentences = _Sentences(text)
    found: list[Finding] = []
    for family in FAMILIES:
        if family.needs_no_act and names_action:
            continue
        for match in family.pattern.finditer(text):
            if match.end() == match.start() or (family.negatable and _negated(text, match.start())):
                continue
            if family.unless is not None and family.unless.search(text[max(0, match.start() - 60):match.start()]):
                continue
            if family.ownable and _OWNED.search(_clause_before(text, match.start())):
                continue
            if family.unless_sentence is not None and family.unless_sentence.search(sentences.at(match.start())):
                continue
            if family.disclaimable and _DISCLAIMER.search(sentences.at(match.start(), around=1)):
                continue
            start = match.start() + len(match.group()) - len(match.group().lstrip())
            found.append(Finding(start, match.end(), family.reason, family.name))
    # How many characters up to each position some finding covers: a sentence overlaps a finding when its
    # span covers any.
    depth = [0] * (len(text) + 1)
    for finding in found:
        depth[finding.start] += 1
        depth[finding.end] -= 1
    covered = [0, *accumulate(1 if level > 0 else 0 for level in accumulate(depth))]
    for start, end in sentences.spans:
        sentence = text[start:end]
        if covered[end] == covered[start] and sentence_score(sentence) > MODEL_THRESHOLD:
            found.append(Finding(start + len(sentence) - len(sentence.lstrip()), end, MODEL_REASON, MODEL))
    order = {family.name: index for index, family in enumerate(FAMILIES)} | {MODEL: len(FAMILIES)}
    found.sort(key=lambda f: (f.start, order[f.family], -f.end))
    kept: list[Finding] = []
    for finding in found:
        if not kept or finding.start >= kept[-1].end:
            kept.append(finding)
        elif order[finding.family] < order[kept[-1].family]:
            kept[-1] = finding._replace(start=kept[-1].start, end=max(kept[-1].end, finding.end))
    return DraftReview(tuple(kept), names_action, names_impact)


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
        if review.crisis and spec.get("crisis"):
            after.append(part("crisis"))
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
                   families=[f.family for f in (review.findings if review else ())],
                   crisis=bool(review and review.crisis),
                   names_action=bool(review and review.names_action),
                   names_impact=bool(review and review.names_impact))
