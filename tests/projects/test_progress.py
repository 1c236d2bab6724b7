from projects.progress import CHECKLIST, step_state, steps


def test_steps_before_the_current_one_are_done():
    assert step_state(step="hypothesis", current="goals") == "done"
    assert step_state(step="goals", current="goals") == "current"
    assert step_state(step="deliver", current="goals") == "upcoming"
    assert step_state(step="deliver", current="operation") == "done"


def test_checklist_splits_done_and_missing():
    result = steps(current="hypothesis", facts={"has_summary": True, "has_team": False})
    first = result[0]
    assert first.state == "current"
    assert len(first.done) == 1 and len(first.missing) == len(CHECKLIST["hypothesis"]) - 1
    assert [s.state for s in result] == ["current", "upcoming", "upcoming"]
