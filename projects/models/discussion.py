"""Comments: what members say about the project or one of its items. The
item is any model registered in `projects.discussion.targets` (the project
itself, canvas notes, benefits, …), held as a generic relation, so projects
knows nothing of the apps whose rows are discussed."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..versioning import ProjectRow

COMMENT_MAX_LENGTH = 4000


class Comment(ProjectRow):
    """One comment; every version of its text is kept in its history."""

    project_related_name = "comments"

    target_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    target_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("target_type", "target_id")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="comments",
    )
    text = models.TextField(_("comment"), max_length=COMMENT_MAX_LENGTH)
    # The members a comment mentioned when it was saved (non-members are not kept).
    mentions = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="mentioned_in"
    )
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [
            models.Index(fields=["project", "target_type", "target_id"], name="comment_target"),
            models.Index(fields=["project", "-created_at"], name="comment_newest"),
        ]

    def __str__(self) -> str:
        return self.text[:80]
