"""A proven project with something in every part a template holds, and in
everything it must leave out."""

from datetime import date
from decimal import Decimal

from benefits.models import Measurement, PlanEvent
from canvas.models import Canvas, Note
from projects.models import Experiment, GateDecision, Lesson, Project, ProjectFlow
from tests.benefits.builders import make_benefit, make_cost, make_indicator, make_plan, make_value


def make_proven(project: Project, *, member, owner) -> Project:
    Project.objects.filter(pk=project.pk).update(
        step="operation", funnel_stage="operation", status="at_risk", start_date=date(2025, 1, 1)
    )
    ProjectFlow.objects.create(
        project=project,
        hypothesis_project="Vi tror at SMS-varsel om besøkstid",
        hypothesis_value="vil gi færre telefoner",
        hypothesis_measures="antall telefoner halveres",
        isolated=True,
        isolated_note="Eget system",
        implementation_status="I drift i sone nord",
    )
    board = Canvas.objects.create(project=project, title="I dag")
    Note.objects.create(canvas=board, block="value_propositions", text="Kjent besøkstid")
    Note.objects.create(
        canvas=board, block="customer_segments", text="Pårørende", created_by=member
    )
    Note.objects.create(canvas=board, block="channels", text="Slettet lapp", deleted=True)
    project.stakeholders.create(name="Pårørendeforeningen", interest=5, influence=2)
    project.user_profiles.create(title="Pårørende i jobb", pains="Vet ikke når")
    goal = project.goals.create(level="user", title="Forutsigbare besøk")
    project.design_principles.create(title="Enkelt først")
    identified = project.identified_benefits.create(title="Færre telefoner", kind="time_saved")
    measure = project.measures.create(
        title="SMS-varsel", benefit=5, effort=2, goal=goal, status="done"
    )
    GateDecision.objects.create(
        project=project, step="hypothesis", decision="go_on", comment="Ja", decided_by=owner
    )
    Experiment.objects.create(project=project, date=date(2025, 3, 1), title="Papirprototype")
    Lesson.objects.create(project=project, title="Start med pårørende")
    plan = make_plan(project, status="approved", edition=2)
    benefit = make_benefit(plan, owner=member, source=identified)
    benefit.measures.add(measure)
    make_value(benefit, 2027, basis="tasks", a=Decimal(1200), b=Decimal(350))
    make_cost(plan)
    indicator = make_indicator(benefit, by=owner)
    Measurement.objects.create(
        indicator=indicator, value=Decimal(75), date=date(2026, 6, 1), recorded_by=member
    )
    PlanEvent.objects.create(plan=plan, action="approved", by=owner, edition=2)
    project.refresh_from_db()
    return project
