"""The single texts of the step pages (the hypothesis, the selection criteria,
the bimodal placement, the implementation status): the parts of `ProjectFlow`,
each saved on its own by one view."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from projects.decorators import project_view
from projects.htmx import announce
from projects.models import ProjectFlow
from projects.versioning import StaleEdit

from ..pages import PARTS, bimodal_context, criteria_summary, earlier_wordings, page_partial
from ..services import flow_for, flow_update
from .steps import render_page, stale_notice

CLASH_TEXT = gettext_lazy(
    "Someone else changed the same lines while you were editing, so your changes were "
    "not saved. The form now holds the current text; your own text is beside it to copy from."
)


@project_view(methods=["POST"])
def flow_part(request, project, part: str):
    if part not in PARTS:
        raise Http404
    spec = PARTS[part]
    form_class, page, saved = spec.form, spec.page, spec.saved
    flow = flow_for(project)
    form = form_class(request.POST, instance=flow, project=project, prefix=part)
    status, notice = 200, None
    if form.is_valid():
        try:
            fields = {name: form.cleaned_data[name] for name in form._meta.fields}
            saved_flow = flow_update(
                project=project,
                data=fields,
                part_digest=form.cleaned_data["part_digest"],
                loaded=form.loaded(),
            )
        except StaleEdit as stale:
            status = 409
            form = form_class(instance=stale.current, project=project, prefix=part)
            if form.merges:
                # One's own text beside the current one, field by field.
                form.mine = [(form[name], fields[name]) for name in form._meta.fields]
                notice = {"kind": "danger", "text": CLASH_TEXT}
            else:
                notice = stale_notice(form, request.POST)
        else:
            saved = _merged(saved_flow.merged_with, saved)
            if not request.htmx:
                messages.success(request, saved)
                return redirect(reverse(page, args=[project.pk]) + f"#{part}")
            project.flow = ProjectFlow.objects.get(project=project)
            form = form_class(instance=project.flow, project=project, prefix=part)
            notice = {"kind": "success", "text": saved}
    if request.htmx:
        flow = form.instance
        context = {"project": project, "flow": flow, "forms": {part: form}, "notice": notice}
        if part == "criteria":
            context["criteria"] = criteria_summary(flow)
        if part == "bimodal":
            context["bimodal"] = bimodal_context(flow)
        if part == "hypothesis":
            context["earlier"] = earlier_wordings(project)
        response = render(request, page_partial(page, part), context, status=status)
        return announce(response, notice and notice["text"])
    if notice:
        messages.error(request, notice["text"])
    return render_page(request, project, page, forms={part: form}, status=status)


def _merged(name: str | None, saved) -> str:
    """The message after a save, saying whose changes it was merged with
    (`name`: None when not merged, "" when it is not known who)."""
    if name is None:
        return saved
    if name:
        merged = _("Your changes were merged with those of %(name)s.") % {"name": name}
    else:
        merged = _("Your changes were merged with those of someone else.")
    return f"{saved} {merged}"
