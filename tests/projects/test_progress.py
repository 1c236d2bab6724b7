from projects.flow.progress import CHECKLIST, step_state, steps


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


def test_it_counts_the_criteria_met():
    from projects.flow.progress import criteria_count

    assert criteria_count(answers=[True, True, None, False, True, True]) == {"yes": 4, "total": 6}


def test_activities_not_relevant_do_not_count():
    from projects.flow.progress import activity_progress

    statuses = ["done", "done", "not_relevant", "in_progress", "not_started"]
    assert activity_progress(statuses=statuses) == {
        "done": 2,
        "relevant": 4,
        "percent": 50,
    }
    assert activity_progress(statuses=[])["percent"] == 0
