from django import forms
from django.utils.translation import gettext_lazy as _

from ..models.discussion import COMMENT_MAX_LENGTH
from ..widgets import CountedTextarea


class CommentForm(forms.Form):
    text = forms.CharField(
        label=_("Comment"),
        max_length=COMMENT_MAX_LENGTH,
        help_text=_("Plain text. Links become clickable; write @ and a name to mention a member."),
        # `data-mentions` names the list of members the mention picker offers.
        widget=CountedTextarea(
            attrs={
                "rows": 3,
                "data-mentions": "mention-members",
                "data-mentions-label": _("Members to mention"),
            }
        ),
        error_messages={"required": _("Write a comment before you post it.")},
    )
    # The version the author started from; a stale edit is refused.
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
