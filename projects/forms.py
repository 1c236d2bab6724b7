from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from projects.widgets import CountedTextarea

from . import access
from .access import Actor
from .models import Membership, Project

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def validate_upload_size(file) -> None:
    """Refuse an uploaded file larger than IMPORT_MAX_UPLOAD_MB, before anything reads it."""
    limit = settings.IMPORT_MAX_UPLOAD_MB
    if file.size > limit * 1024 * 1024:
        raise forms.ValidationError(_("The file is larger than %(mb)s MB.") % {"mb": limit})


class ProjectForm(forms.ModelForm):
    # The version the user started from; a stale one is refused by the service.
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Project
        fields = ["title", "summary", "unit", "status", "start_date", "target_date"]
        widgets = {
            "summary": CountedTextarea(attrs={"rows": 4}),
            "start_date": DATE,
            "target_date": DATE,
        }
        help_texts = {
            "title": _("A short name the whole organisation will recognise."),
            "summary": _("What the project is about, in two or three sentences."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].widget.attrs["autocomplete"] = "off"
        if not self.instance.pk:
            del self.fields["status"]  # a new project starts on track
        elif not self.is_bound:
            self.initial["version"] = self.instance.version

    def clean_title(self) -> str:
        title = self.cleaned_data["title"].strip()
        if not title:
            raise forms.ValidationError(_("Give the project a title."))
        return title

    def clean(self):
        cleaned = super().clean()
        start, target = cleaned.get("start_date"), cleaned.get("target_date")
        if start and target and target < start:
            self.add_error("target_date", _("The target date cannot be before the start date."))
        return cleaned


class MemberAddForm(forms.Form):
    identifier = forms.CharField(
        label=_("Username or e-mail"),
        max_length=254,
        help_text=_("The colleague must already have a user in the portal."),
    )
    role = forms.ChoiceField(label=_("Role"), choices=Membership.Role.choices)

    def __init__(self, *args, project: Project, actor: Actor, **kwargs):
        super().__init__(*args, **kwargs)
        self.project = project
        self.fields["identifier"].widget.attrs["autocomplete"] = "off"
        labels = dict(Membership.Role.choices)
        self.fields["role"].choices = [(r, labels[r]) for r in self.roles_for(actor)]

    @staticmethod
    def roles_for(actor: Actor) -> list[str]:
        """The roles `actor` may give someone new."""
        return access.roles_offered(actor, user_id=None, old=None)

    def clean_identifier(self):
        # One answer for an unknown, an inactive and an ambiguous address, and
        # no name before the person is added: the form tells nobody who has a user.
        identifier = self.cleaned_data["identifier"].strip()
        users = get_user_model().objects.filter(
            Q(username__iexact=identifier) | Q(email__iexact=identifier), is_active=True
        )
        matches = list(users[:2])
        if len(matches) != 1:
            raise forms.ValidationError(
                _("No single active user has that username or e-mail address.")
            )
        user = matches[0]
        if Membership.objects.filter(project=self.project, user=user).exists():
            raise forms.ValidationError(_("That person is already a member of this project."))
        return user


class MemberRoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Membership.Role.choices)
