"""Reading comments: a thread, a project's discussion, and how many comments
each item of a page has, each in a number of queries that does not grow with
the comments."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Model
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .. import access
from ..access import Actor
from ..models import Comment
from . import targets
from .text import parts


def display_name(user) -> str:
    return user.get_full_name() or user.username


def person(user) -> dict:
    """A member as the mention list offers them: username and name."""
    return {"username": user.username, "name": display_name(user)}


def members(*, project_id: int) -> list[dict]:
    """The project's members as the mention list offers them."""
    users = get_user_model().objects.filter(memberships__project_id=project_id)
    return sorted((person(u) for u in users), key=lambda m: m["name"].lower())


def _names(people: list[dict]) -> dict[str, str]:
    return {m["username"].lower(): m["name"] for m in people}


def shown(comments: list[Comment], *, people: list[dict], actor: Actor) -> list[Comment]:
    """Give each comment its author's name (None for a former member), its
    text's parts (mentions of current members marked) and whether `actor` may
    edit and delete it (`mine`)."""
    names = _names(people)
    for comment in comments:
        comment.author_name = display_name(comment.author) if comment.author_id else None
        comment.parts = parts(comment.text, members=names)
        comment.mine = access.comment_change_refusal(actor, author_id=comment.author_id) is None
    return comments


def thread(*, project_id: int, row: Model, people: list[dict], actor: Actor) -> list[Comment]:
    """The comments on `row`, oldest first."""
    comments = Comment.objects.filter(
        project_id=project_id,
        target_type=ContentType.objects.get_for_model(row),
        target_id=row.pk,
    ).select_related("author")
    return shown(list(comments), people=people, actor=actor)


def has_earlier(comment: Comment) -> bool:
    """Whether the comment's item had other comments before it."""
    return (
        Comment.objects.filter(
            project_id=comment.project_id,
            target_type_id=comment.target_type_id,
            target_id=comment.target_id,
            pk__lt=comment.pk,
        )
        .order_by()
        .exists()
    )


def thread_url(*, project_id: int, kind: str, item_id: int) -> str:
    return reverse("projects:comment-thread", args=[project_id, kind, item_id])


def discussion(*, project_id: int):
    """All the project's comments, newest first (a queryset to paginate)."""
    return (
        Comment.objects.filter(project_id=project_id)
        .select_related("author")
        .order_by("-created_at", "-pk")
    )


@dataclass
class Item:
    """What a comment is about, in words ("Measure “Title”"), and its thread."""

    label: str
    thread_url: str


def with_items(
    comments: list[Comment], *, project_id: int, people: list[dict], actor: Actor
) -> list[Comment]:
    """Give each comment its text's parts and its `item` (None when the item
    no longer exists): one query per kind of item on the page."""
    wanted = defaultdict(set)
    for comment in comments:
        wanted[comment.target_type_id].add(comment.target_id)
    items = {}
    for type_id, ids in wanted.items():
        found = targets.of_model(ContentType.objects.get_for_id(type_id).model_class())
        if found is None:
            continue
        what = capfirst(str(found.what))
        for row in found.rows().filter(pk__in=ids):
            items[type_id, row.pk] = Item(
                label=_("%(what)s “%(title)s”") % {"what": what, "title": row},
                thread_url=thread_url(project_id=project_id, kind=found.kind, item_id=row.pk),
            )
    for comment in comments:
        comment.item = items.get((comment.target_type_id, comment.target_id))
    return shown(comments, people=people, actor=actor)


@dataclass
class Counts:
    """How many comments each item of a page has: `of(row)`."""

    project_id: int
    by_item: dict[tuple[int, int], int] = field(default_factory=dict)

    def of(self, row: Model) -> int:
        return self.of_pk(type(row), row.pk)

    def of_pk(self, model: type[Model], pk: int) -> int:
        """The count of `model`'s row `pk` (for plain rows that are not instances)."""
        type_id = ContentType.objects.get_for_model(model).pk
        return self.by_item.get((type_id, pk), 0)

    def of_model(self, model: type[Model]) -> dict[int, int]:
        """The counts of `model`'s rows by pk (for a page of hundreds of rows)."""
        type_id = ContentType.objects.get_for_model(model).pk
        return {pk: n for (t, pk), n in self.by_item.items() if t == type_id}


def count_label(n: int) -> str:
    """ "3 comments", as `_count.html` says it."""
    return ngettext("%(n)s comment", "%(n)s comments", n) % {"n": n}


def comment_counts(*, project_id: int, models: list[type[Model]]) -> Counts:
    """The number of comments on each row of `models` in the project, in one query."""
    types = ContentType.objects.get_for_models(*models).values()
    rows = (
        Comment.objects.filter(project_id=project_id, target_type__in=types)
        .order_by()
        .values_list("target_type_id", "target_id")
        .annotate(n=Count("pk"))
    )
    return Counts(project_id, {(t, i): n for t, i, n in rows})
