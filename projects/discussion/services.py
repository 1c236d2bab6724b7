"""Writing comments. Each write is recorded in the history (every version of
a comment is kept) and returns the members newly mentioned, for whoever tells
them."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone

from .. import access, signals
from ..access import Actor
from ..models import Comment, Project
from ..versioning import delete_versioned, save_versioned
from .text import mentioned


def members_named(*, project_id: int, text: str) -> list[AbstractBaseUser]:
    """The project's members whom `text` mentions, in the order mentioned."""
    names = mentioned(text)
    if not names:
        return []
    # A project has tens of members: read them all rather than match names in SQL.
    users = get_user_model().objects.filter(memberships__project_id=project_id)
    by_name = {user.username.lower(): user for user in users}
    return [by_name[name] for name in names if name in by_name]


@transaction.atomic
def post_comment(
    *, project: Project, actor: Actor, target: models.Model, text: str
) -> tuple[Comment, list[AbstractBaseUser]]:
    """Save a new comment of `actor` on `target` (a registered row of the
    project, or the project); the comment and the members it mentions."""
    access.check(access.comment_refusal(actor))
    comment = Comment(
        project=project,
        target_type=ContentType.objects.get_for_model(target),
        target_id=target.pk,
        author_id=actor.user_id,
        text=text,
    )
    comment.save()
    mentions = members_named(project_id=project.pk, text=text)
    comment.mentions.set(mentions)
    _tell(comment, mentions, actor, target=target)
    return comment, mentions


@transaction.atomic
def edit_comment(
    *, comment: Comment, actor: Actor, text: str, version: int
) -> tuple[Comment, list[AbstractBaseUser]]:
    """Save a new version of `comment`'s text, unless someone saved it since
    `version` (StaleEdit); the comment and the members mentioned now who were
    not before."""
    access.check(access.comment_change_refusal(actor, author_id=comment.author_id))
    before = set(comment.mentions.values_list("pk", flat=True))
    comment = save_versioned(
        comment, data={"text": text, "edited_at": timezone.now()}, version=version
    )
    mentions = members_named(project_id=comment.project_id, text=text)
    comment.mentions.set(mentions)
    new = [user for user in mentions if user.pk not in before]
    _tell(comment, new, actor, target=comment.target)
    return comment, new


def _tell(
    comment: Comment, mentioned: list[AbstractBaseUser], actor: Actor, *, target: models.Model
) -> None:
    if mentioned:
        signals.mentioned.send(
            sender=Comment,
            comment=comment,
            target=target,
            mentioned=mentioned,
            actor_id=actor.user_id,
        )


@transaction.atomic
def delete_comment(*, comment: Comment, actor: Actor, version: int) -> None:
    """Delete `comment` (its history keeps it), unless it changed since `version`."""
    access.check(access.comment_change_refusal(actor, author_id=comment.author_id))
    delete_versioned(comment, version=version)
