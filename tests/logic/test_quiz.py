"""The quiz's scoring. Plain functions and asserts: runs under pytest and inside Pyodide."""

from guide_widgets.kinds.quiz.logic import evaluate, score

from logic.english import context

TODAY = context("quiz", "2026-11-26")

SPEC = {
    "min_answered": 2,
    "questions": [
        {"text": "a", "answers": [{"label": "x", "weight": 0}, {"label": "y", "weight": 1},
                                  {"label": "z", "weight": 4}]},
        {"text": "b", "answers": [{"label": "x", "weight": 0}, {"label": "y", "weight": 2}]},
        {"text": "c", "answers": [{"label": "x", "weight": 0}, {"label": "y", "weight": 2.5}]},
    ],
    "bands": [{"min": 0}, {"min": 35}, {"min": 65}],
}


def shown(node):
    """The text a node shows, numbers as the page would show them in English."""
    if node["t"] == "text":
        return node["v"]
    if node["t"] == "number":
        return f"{node['v']:g}"
    return "".join(shown(child) for child in node.get("c", []))


def run(**answers):
    return evaluate(SPEC, {f"q{i}": str(v) for i, v in answers.items()} |
                    {k: "" for k in ("q1", "q2", "q3") if k not in {f"q{i}" for i in answers}}, TODAY)


def ask(q1="", q2="", q3=""):
    return evaluate(SPEC, {"q1": q1, "q2": q2, "q3": q3}, TODAY)


def test_no_verdict_until_enough_answers():
    result = ask(q1="2")
    assert result["facts"]["band"] is None
    assert result["facts"]["remaining"] == 2
    texts = [shown(n) for n in result["view"]]
    assert texts == ["1 of 3 questions answered.", "Answer 1 more question to see a result."]


def test_score_is_share_of_the_highest_weights_answered():
    # q1 weight 1 of 4, q2 weight 2 of 2: 3 of 6 = 50%.
    result = ask(q1="1", q2="1")
    assert result["facts"]["score"] == 50.0
    assert result["facts"]["band"] == 1
    assert result["facts"]["remaining"] == 1


def test_band_boundaries_are_inclusive():
    assert score(SPEC, {0: 0, 1: 0}) == 0.0
    # Exactly 65%: find answers that give it is awkward, so check the band rule at its edges directly.
    from guide_widgets.logic.bands import reached
    bands = SPEC["bands"]
    assert [reached(bands, p) for p in (0, 34.99, 35, 64.99, 65, 100)] == [0, 0, 1, 1, 2, 2]


def test_all_answers_at_the_top_give_the_last_band():
    result = ask(q1="2", q2="1", q3="1")
    assert result["facts"]["score"] == 100.0
    assert result["facts"]["band"] == 2
    picture = result["view"][1]  # the bands as a scale, the last one chosen, the score at its top
    assert (picture["t"], picture["at"], picture["band"], picture["settled"]) == ("scale", 100, 2, False)
    assert picture["label"] == "Your answers score 100 of 100, in the band “Time to step back”." or \
        picture["label"].startswith("Your answers score 100 of 100")
    assert result["view"][2] == {"t": "band", "i": 2}


def test_a_value_that_is_no_answer_gets_a_message_and_the_rest_still_count():
    result = ask(q1="7", q2="1", q3="0")
    assert result["errors"] == {"q1": "Choose one of the answers."}
    assert result["facts"]["answered"] == 2
    assert result["facts"]["band"] is not None


def test_all_zero_weights_do_not_divide_by_zero():
    assert ask(q1="0", q2="0", q3="0")["facts"]["score"] == 0.0


DECISIVE = {
    "min_answered": 3,
    "questions": [
        {"text": "reply", "answers": [{"label": "open", "weight": 0}, {"label": "short", "weight": 1},
                                      {"label": "asked me to stop", "settles": "Stop", "because": "they asked you to stop"}]},
        {"text": "fit", "answers": [{"label": "fine", "weight": 0}, {"label": "poor", "weight": 2}]},
        {"text": "order", "answers": [{"label": "no", "weight": 0},
                                      {"label": "a court order", "weight": 1, "settles": "Stop"}]},
        {"text": "pace", "answers": [{"label": "calm", "weight": 0},
                                     {"label": "rushed", "weight": 1, "settles": "Wait",
                                      "because": "you feel rushed"}]},
    ],
    "bands": [{"min": 0, "title": "Go on"}, {"min": 50, "title": "Wait"}, {"min": 90, "title": "Stop"}],
}


def decide(*answers):
    fields = {f"q{i}": "" if a is None else str(a) for i, a in enumerate(answers, 1)}
    return evaluate(DECISIVE, fields, TODAY)


def test_a_decisive_answer_settles_the_result_however_mild_the_rest():
    outcome = decide(2, 0, 0, 0)
    assert outcome["facts"]["band"] == 2
    assert outcome["facts"]["settled"] is True
    assert outcome["facts"]["score"] < 50  # the score alone would have said "Go on"
    picture = outcome["view"][1]  # settled: its band chosen (drawn as settled), the score not marked
    assert (picture["t"], picture["at"], picture["settled"]) == ("scale", None, True)
    texts = [shown(n) for n in outcome["view"] if n["t"] not in ("band", "scale")]
    assert texts == ["Based on 4 of 4 answers.", "Because you said they asked you to stop.",
                     "That answer settles the result on its own, whatever your other answers are."]


def test_a_decisive_answer_shows_its_band_before_enough_questions_are_answered():
    outcome = decide(2, None, None, None)
    assert outcome["facts"]["band"] == 2
    assert outcome["facts"]["answered"] == 1
    assert not any("Answer" in shown(n) for n in outcome["view"] if n["t"] not in ("band", "scale"))


def test_the_label_is_quoted_when_an_answer_says_no_because():
    texts = [shown(n) for n in decide(0, 0, 1, 0)["view"] if n["t"] not in ("band", "scale")]
    assert "Because you answered “a court order”." in texts


def test_several_decisive_answers_lead_to_the_most_serious_band_and_name_its_reasons():
    outcome = decide(2, 0, 1, 1)
    assert outcome["facts"]["band"] == 2
    texts = [shown(n) for n in outcome["view"] if n["t"] not in ("band", "scale")]
    assert "Because you said they asked you to stop." in texts
    assert "Because you answered “a court order”." in texts
    assert "Because you said you feel rushed." not in texts  # it led to a milder band, which is not shown
    assert "Those answers settle the result on their own, whatever your other answers are." in texts


def test_a_decisive_answer_never_leads_to_a_milder_band_than_the_score():
    # "rushed" settles on "Wait", but every answer here is its question's heaviest: 4 of 4 = 100%, "Stop".
    outcome = decide(1, 1, None, 1)
    assert outcome["facts"]["score"] == 100.0
    assert outcome["facts"]["band"] == 2
    assert outcome["facts"]["settled"] is False


def test_without_a_decisive_answer_the_score_decides_as_before():
    outcome = decide(1, 1, 0, None)
    assert outcome["facts"]["settled"] is False
    assert outcome["facts"]["score"] == 75.0  # 1 + 2 + 0 of 1 + 2 + 1 (a decisive answer weighs its question's most)
    assert outcome["facts"]["band"] == 1


FLOORED = {
    "min_answered": 3,
    "questions": [
        {"text": "afraid", "answers": [{"label": "no", "weight": 0},
                                       {"label": "not sure", "weight": 1, "at_least": "Wait",
                                        "because": "you are not sure they feel safe", "help": "[Help](#help)"}]},
        {"text": "fit", "answers": [{"label": "fine", "weight": 0}, {"label": "poor", "weight": 2}]},
        {"text": "pace", "answers": [{"label": "calm", "weight": 0}, {"label": "rushed", "weight": 2}]},
        {"text": "order", "answers": [{"label": "no", "weight": 0},
                                      {"label": "a court order", "settles": "Stop", "because": "a court said so"}]},
    ],
    "bands": [{"min": 0, "title": "Go on"}, {"min": 50, "title": "Wait"}, {"min": 90, "title": "Stop"}],
}


def floored(*answers):
    fields = {f"q{i}": "" if a is None else str(a) for i, a in enumerate(answers, 1)}
    return evaluate(FLOORED, fields, TODAY)


def test_a_floor_shows_its_band_at_once_with_its_reason_and_help():
    outcome = floored(1, None, None, None)
    assert outcome["facts"]["band"] == 1
    assert outcome["facts"]["floor"] == 1
    assert outcome["facts"]["score"] is None  # one answer of the three needed: the score does not count yet
    assert outcome["facts"]["settled"] is False
    assert outcome["view"][3] == {"t": "part", "n": "q1-1"}
    picture = outcome["view"][1]  # no score yet: the floor's band chosen, nothing marked
    assert (picture["t"], picture["at"], picture["band"]) == ("scale", None, 1)
    texts = [shown(n) for n in outcome["view"] if n["t"] not in ("band", "part", "scale")]
    assert texts == ["Based on 1 of 4 answers.", "Because you said you are not sure they feel safe.",
                     "With that answer the result is at least this serious, however you answer the rest.",
                     "3 questions still open: your answers to them can change this result."]


def test_mild_answers_never_dilute_a_floor():
    outcome = floored(1, 0, 0, 0)
    assert outcome["facts"]["score"] < 50  # the score alone would say "Go on"
    assert outcome["facts"]["band"] == 1
    assert outcome["facts"]["remaining"] == 0
    assert not any("still open" in shown(n) for n in outcome["view"] if n["t"] not in ("band", "scale"))


def test_a_more_serious_score_goes_above_a_floor_and_says_so_without_the_floor():
    outcome = floored(1, 1, 1, None)  # 5 of 5: 100%
    assert outcome["facts"]["band"] == 2
    assert outcome["facts"]["floor"] == 1
    texts = [shown(n) for n in outcome["view"] if n["t"] not in ("band", "part", "scale")]
    assert not any(text.startswith("Because") for text in texts)


def test_an_answer_that_settles_outranks_a_floor():
    outcome = floored(1, 0, 0, 1)
    assert outcome["facts"]["band"] == 2
    assert outcome["facts"]["settled"] is True
    texts = [shown(n) for n in outcome["view"] if n["t"] not in ("band", "part", "scale")]
    assert "Because you said a court said so." in texts
    assert "Because you said you are not sure they feel safe." not in texts
    assert {"t": "part", "n": "q1-1"} not in outcome["view"]


def test_without_a_floor_or_a_settled_answer_the_quiz_waits_for_enough_answers():
    outcome = floored(0, 0, None, None)
    assert outcome["facts"]["band"] is None
    assert outcome["facts"]["floor"] is None
