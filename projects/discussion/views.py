"""The pages of comments: a thread (an item's comments and the form), editing
and deleting one's own, and the project's discussion."""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django_htmx.http import reswap, retarget

from .. import access
from ..decorators import project_view
from ..htmx import announce, respond
from ..models import Comment
from ..versioning import StaleEdit
from . import selectors, targets
from .forms import CommentForm
from .services import delete_comment, edit_comment, post_comment

THREAD = "projects/discussion/thread.html"


def _thread_context(project, kind: str, row, *, form=None) -> dict:
    people = selectors.members(project_id=project.pk)
    may_comment = access.comment_refusal(project.actor) is None
    target = targets.target(kind)
    return {
        "project": project,
        "kind": kind,
        "row": row,
        "what": target.what,
        "item_url": target.url(row),
        "thread_url": selectors.thread_url(project_id=project.pk, kind=kind, item_id=row.pk),
        "comments": selectors.thread(
            project_id=project.pk, row=row, people=people, actor=project.actor
        ),
        "form": (form or CommentForm()) if may_comment else None,
        "people": people if may_comment else [],
    }


@project_view(methods=["GET", "POST"], write=())
def comment_thread(request, project, kind: str, item_id: int):
    if kind == "project" and item_id == project.pk:
        row = project  # read with its access already
    else:
        row = targets.item(kind, project_id=project.pk, item_id=item_id)
    form, message = None, None
    if request.method == "POST":
        refusal = access.comment_refusal(project.actor)
        if refusal:
            raise PermissionDenied(refusal)
        form = CommentForm(request.POST)
        if form.is_valid():
            comment, mentioned = post_comment(
                project=project, actor=project.actor, target=row, text=form.cleaned_data["text"]
            )
            message = _("Your comment was posted.")
            if not request.htmx:
                messages.success(request, message)
                return redirect(request.path)
            if selectors.has_earlier(comment):
                people = [selectors.person(user) for user in mentioned]
                return _posted(request, project, kind, row, comment, people, message=message)
            form = None
    context = _thread_context(project, kind, row, form=form)
    return respond(request, THREAD, context, partial="thread", message=message)


def _posted(request, project, kind: str, row, comment: Comment, people, *, message: str):
    """The answer to a comment added to a thread that has others: a fresh
    form, and the comment added to the end of the list (out of band); the
    thread's earlier comments are not drawn again. `people`: the members it
    mentions, all its text needs to name."""
    comment.author = request.user
    selectors.shown([comment], people=people, actor=project.actor)
    context = {
        "project": project,
        "posted": comment,
        "form": CommentForm(),
        "thread_url": selectors.thread_url(project_id=project.pk, kind=kind, item_id=row.pk),
    }
    response = render(request, f"{THREAD}#posted", context)
    return announce(reswap(retarget(response, "#comment-form"), "outerHTML"), message)


def _own(project, comment_id: int) -> Comment:
    comment = get_object_or_404(
        Comment.objects.select_related("author", "target_type"), pk=comment_id, project=project
    )
    refusal = access.comment_change_refusal(project.actor, author_id=comment.author_id)
    if refusal:
        raise PermissionDenied(refusal)
    return comment


def _thread_of(project, comment: Comment) -> str:
    found = targets.of_model(ContentType.objects.get_for_id(comment.target_type_id).model_class())
    return selectors.thread_url(project_id=project.pk, kind=found.kind, item_id=comment.target_id)


@project_view(methods=["GET", "POST"], write=())
def comment_edit(request, project, comment_id: int):
    comment = _own(project, comment_id)
    initial = {"text": comment.text, "version": comment.version}
    form = CommentForm(request.POST or None, initial=initial, auto_id=f"id_%s_{comment.pk}")
    status, error = 200, None
    if request.method == "POST" and form.is_valid():
        try:
            comment, _mentioned = edit_comment(
                comment=comment,
                actor=project.actor,
                text=form.cleaned_data["text"],
                version=form.cleaned_data["version"],
            )
        except StaleEdit as stale:
            if stale.current is None:
                messages.error(request, _("The comment was deleted in the meantime."))
                return redirect(_thread_of(project, comment))
            comment, status = stale.current, 409
            error = _(
                "The comment was changed in another window since you opened it. "
                "Here it is as saved now; your text was not saved."
            )
            form = CommentForm(
                initial={"text": comment.text, "version": comment.version},
                auto_id=f"id_%s_{comment.pk}",
            )
        else:
            message = _("Your comment was saved.")
            if not request.htmx:
                messages.success(request, message)
                return redirect(_thread_of(project, comment))
            return _one(request, project, comment, message=message)
    context = {"project": project, "comment": comment, "form": form, "error": error}
    context["thread_url"] = _thread_of(project, comment)
    context["people"] = selectors.members(project_id=project.pk)
    return respond(
        request, "projects/discussion/comment_edit.html", context, partial="edit", status=status
    )


def _one(request, project, comment: Comment, *, message: str) -> HttpResponse:
    people = selectors.members(project_id=project.pk)
    selectors.shown([comment], people=people, actor=project.actor)
    context = {"project": project, "comment": comment}
    response = render(request, f"{THREAD}#comment", context)
    return announce(response, message)


@project_view(methods=["POST"], write=())
def comment_delete(request, project, comment_id: int):
    comment = _own(project, comment_id)
    back = _thread_of(project, comment)
    version = request.POST.get("version", "")
    try:
        delete_comment(
            comment=comment,
            actor=project.actor,
            version=int(version) if version.isdigit() else comment.version,
        )
        message = _("Your comment was deleted. The project's history keeps it.")
    except StaleEdit:
        message = _("The comment was changed in another window; open it again to delete it.")
        if not request.htmx:
            messages.error(request, message)
            return redirect(back)
        return _one(request, project, comment, message=message)
    if not request.htmx:
        messages.success(request, message)
        return redirect(back)
    return announce(HttpResponse(""), message)


@project_view()
def discussion(request, project):
    page = Paginator(selectors.discussion(project_id=project.pk), 50).get_page(
        request.GET.get("page")
    )
    people = selectors.members(project_id=project.pk)
    comments = selectors.with_items(
        list(page.object_list), project_id=project.pk, people=people, actor=project.actor
    )
    return render(
        request,
        "projects/discussion/discussion.html",
        {"project": project, "page": page, "comments": comments},
    )
