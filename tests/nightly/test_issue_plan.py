"""Issue plans from the verification history: no issue on a first miss, none for outages."""

from __future__ import annotations

from scripts.nightly.issues import OUTAGE_KEY, OpenIssue, Rules, plan

ELEMENT = "login.submit"


def run(day: int, verdict: str | None, outcome: str | None = None) -> dict:
    """A history record where ELEMENT got ``verdict`` (None: portal unreachable)."""
    if verdict is None:
        return {
            "finished": f"2026-11-{day:02d}T02:00:00+05:30",
            "outcome": "portal unreachable",
            "pages": {"login": "unreachable"},
            "elements": {ELEMENT: "not checked"},
        }
    drift = verdict != "present"
    return {
        "finished": f"2026-11-{day:02d}T02:00:00+05:30",
        "outcome": outcome or ("drift" if drift else "no drift"),
        "pages": {"login": "ok"},
        "elements": {ELEMENT: verdict},
        "observed": {ELEMENT: "SIGN IN"} if verdict == "label drift" else {},
        "run_url": "https://github.com/o/r/actions/runs/1",
    }


def kinds(actions) -> list[tuple[str, str]]:
    return [(action.kind, action.key) for action in actions]


def test_first_miss_opens_no_issue():
    assert plan([run(1, "present"), run(2, "label drift")], []) == []


def test_second_miss_in_a_row_opens_one_issue_with_the_details():
    actions = plan(
        [run(1, "label drift"), run(2, "label drift")],
        [],
        mentions={ELEMENT: ["docs/log-in/steps.md:30"]},
    )
    assert kinds(actions) == [("open", ELEMENT)]
    body = actions[0].body
    assert "SIGN IN" in body
    assert "docs/log-in/steps.md:30" in body
    assert "actions/runs/1" in body


def test_further_misses_comment_on_the_open_issue():
    runs = [run(1, "missing"), run(2, "missing"), run(3, "missing")]
    actions = plan(runs, [OpenIssue(7, ELEMENT)])
    assert kinds(actions) == [("comment", ELEMENT)]
    assert actions[0].number == 7


def test_one_pass_does_not_close_the_issue_yet():
    runs = [run(1, "missing"), run(2, "missing"), run(3, "present")]
    assert plan(runs, [OpenIssue(7, ELEMENT)]) == []


def test_recovery_for_k_runs_closes_the_issue():
    runs = [run(1, "missing"), run(2, "missing"), run(3, "present"), run(4, "present")]
    actions = plan(runs, [OpenIssue(7, ELEMENT)])
    assert kinds(actions) == [("close", ELEMENT)]


def test_unreachable_nights_do_not_count_towards_drift():
    runs = [run(1, "present"), run(2, "missing"), run(3, None), run(4, None)]
    assert [a for a in plan(runs, []) if a.key == ELEMENT] == []


def test_unreachable_nights_between_misses_are_skipped_not_counted_as_passes():
    runs = [run(1, "missing"), run(2, None), run(3, "missing")]
    assert kinds(plan(runs, [])) == [("open", ELEMENT)]


def test_unreachable_night_does_not_touch_an_open_drift_issue():
    runs = [run(1, "missing"), run(2, "missing"), run(3, None)]
    assert [a for a in plan(runs, [OpenIssue(7, ELEMENT)]) if a.key == ELEMENT] == []


def test_long_outage_opens_one_outage_issue():
    runs = [run(1, "present"), run(2, None), run(3, None), run(4, None)]
    assert kinds(plan(runs, [])) == [("open", OUTAGE_KEY)]


def test_continuing_outage_comments_on_the_same_issue():
    runs = [run(day, None) for day in range(1, 6)]
    actions = plan(runs, [OpenIssue(9, OUTAGE_KEY)])
    assert kinds(actions) == [("comment", OUTAGE_KEY)]
    assert actions[0].number == 9


def test_short_outage_opens_nothing():
    assert plan([run(1, "present"), run(2, None)], []) == []


def test_reachable_portal_closes_the_outage_issue():
    runs = [run(1, None), run(2, None), run(3, None), run(4, "present")]
    assert kinds(plan(runs, [OpenIssue(9, OUTAGE_KEY)])) == [("close", OUTAGE_KEY)]


def test_thresholds_are_configurable():
    runs = [run(1, "missing")]
    assert kinds(plan(runs, [], Rules(open_after=1))) == [("open", ELEMENT)]


def page_run(day: int, login: str, outcome: str = "no drift") -> dict:
    return {
        "finished": f"2026-11-{day:02d}T20:30:00+00:00",
        "outcome": outcome,
        "pages": {"home": "ok", "login": login},
        "elements": {ELEMENT: "present" if login == "ok" else "not checked"},
    }


def test_page_unchecked_for_n_nights_while_the_portal_answers_opens_an_issue():
    runs = [page_run(day, "unreachable") for day in (1, 2, 3)]
    assert kinds(plan(runs, [])) == [("open", "page:login")]


def test_page_unchecked_for_fewer_nights_opens_nothing():
    assert plan([page_run(1, "blocked"), page_run(2, "blocked")], []) == []


def test_page_checked_again_closes_its_issue():
    runs = [page_run(1, "blocked"), page_run(2, "ok")]
    assert kinds(plan(runs, [OpenIssue(5, "page:login")])) == [("close", "page:login")]


def test_whole_portal_outage_opens_no_page_issue():
    runs = [page_run(day, "unreachable", "portal unreachable") for day in (1, 2, 3)]
    assert ("open", "page:login") not in kinds(plan(runs, []))


def test_issue_of_an_element_removed_from_the_contract_is_closed():
    actions = plan([run(1, "present")], [OpenIssue(8, "login.old_link")])
    assert kinds(actions) == [("close", "login.old_link")]
    assert "no longer in the contract" in actions[0].body


def test_a_page_that_changed_one_night_opens_nothing():
    assert plan([page_run(1, "ok"), page_run(2, "changed", "drift")], []) == []


def test_a_page_that_changed_two_nights_opens_one_page_drift_issue():
    runs = [page_run(1, "changed", "drift"), page_run(2, "changed", "drift")]
    actions = plan(runs, [])
    assert kinds(actions) == [("open", "page:login")]
    assert actions[0].title == "Portal drift: page login (changed)"
    assert "A person decides" in actions[0].body


def test_a_changed_page_with_an_open_issue_gets_a_comment_not_a_second_issue():
    runs = [page_run(1, "changed", "drift"), page_run(2, "changed", "drift")]
    assert kinds(plan(runs, [OpenIssue(4, "page:login")])) == [("comment", "page:login")]


def test_an_outage_night_neither_counts_nor_breaks_a_changed_page_streak():
    runs = [
        page_run(1, "changed", "drift"),
        page_run(2, "unreachable", "portal unreachable"),
        page_run(3, "changed", "drift"),
    ]
    assert kinds(plan(runs, [])) == [("open", "page:login")]


def test_guide_places_in_a_drift_issue_are_code_so_a_file_name_cannot_mention():
    actions = plan(
        [run(1, "label drift"), run(2, "label drift")], [],
        mentions={ELEMENT: ["docs/@octocat.md:3"]},
    )
    assert "- ` docs/@octocat.md:3 `" in actions[0].body


def test_elements_of_a_changed_page_get_no_issue_of_their_own():
    runs = [page_run(day, "changed", "drift") for day in (1, 2)]
    for run_record in runs:
        run_record["elements"][ELEMENT] = "missing"
    actions = plan(runs, [], element_pages={ELEMENT: "login"})
    assert kinds(actions) == [("open", "page:login")]
