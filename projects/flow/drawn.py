"""The pieces of a page drawn from one of its lists: the progress bar of step
3's activities, the stakeholder map and the prioritization matrix. A section
names its piece (`Section.drawn`); the page shows it, and a change to the list
sends it along out of band. Each takes the project and the list's rows."""

from django.urls import reverse

from projects.people import person_name

from ..discussion.selectors import comment_counts, count_label, thread_url
from ..models import Measure
from . import charts, progress, quadrants


def activity_progress(project, activities) -> dict:
    return {"progress": progress.activity_progress(statuses=[a.status for a in activities])}


def stakeholder_map(project, people) -> dict:
    return {"chart_json": charts.as_json(charts.stakeholder_figure(people)), "people": people}


def priorities(project, measures) -> dict:
    """The matrix's ordered table and its chart. Rows carry their values as
    ready strings and links are built from one reversed URL: with 200 measures,
    form widgets, localized numbers and a {% url %} per row cost more than the
    page's budget."""
    measures = quadrants.prioritized(measures)
    labels = charts.quadrant_labels()
    counts = comment_counts(project_id=project.pk, models=[Measure])
    threads = thread_url(project_id=project.pk, kind="measure", item_id=0)[:-2]
    ordered = []
    for m in measures:
        key = quadrants.quadrant(benefit=m.benefit, effort=m.effort)
        ordered.append(
            {
                "pk": str(m.pk),
                "title": m.title,
                "benefit": str(m.benefit),
                "effort": str(m.effort),
                "version": str(m.version),
                "quadrant": key,
                "label": labels[key],
                "comments": count_label(counts.of(m)),
                "comments_url": f"{threads}{m.pk}/",
                "responsible": person_name(m.responsible),
            }
        )
    return {
        "ordered": ordered,
        "measure_base": reverse("projects:section-add", args=[project.pk, "measures"])[:-4],
        "score_base": reverse("projects:matrix", args=[project.pk]),
        "chart_json": charts.as_json(charts.matrix_figure(measures)),
    }
