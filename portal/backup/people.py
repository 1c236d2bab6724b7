"""The people a project file names, and who they are in this installation.

A file carries each person as username, name and e-mail, never a password.
An import finds them by e-mail, then by username; anyone not found is
created inactive (an administrator activates them, or they sign in through
the organisation's identity provider)."""

from functools import cache

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models
from django.utils.translation import gettext as _

from projects import responsibilities

from .fileformat import PERSON_KEYS, ImportRefused


@cache
def user_fields(label: str) -> tuple[str, ...]:
    """The fields of model `label` that point at a person."""
    model = apps.get_model(label)
    return tuple(
        f.name
        for f in model._meta.concrete_fields
        if f.is_relation and f.related_model is get_user_model()
    )


@cache
def user_lists(label: str) -> tuple[str, ...]:
    """The many-to-many fields of model `label` that list people (a comment's mentions)."""
    model = apps.get_model(label)
    return tuple(f.name for f in model._meta.many_to_many if f.related_model is get_user_model())


def _named(obj: dict) -> list:
    """The people a row names, each as a natural key (["username"])."""
    found = [obj["fields"].get(name) for name in user_fields(obj["model"])]
    for name in user_lists(obj["model"]):
        listed = obj["fields"].get(name) or []
        found += listed if isinstance(listed, list) else [listed]
    return [value for value in found if value is not None]


def _usernames(objects: list[dict]) -> set[str]:
    """The usernames the rows name (as natural keys: ["username"])."""
    names = set()
    for obj in objects:
        for value in _named(obj):
            if not (
                isinstance(value, list | tuple) and len(value) == 1 and isinstance(value[0], str)
            ):
                raise ImportRefused(
                    _("A row of %(model)s names a person in an unreadable way.")
                    % {"model": obj["model"]}
                )
            names.add(value[0])
    return names


def people_of(objects: list[dict]) -> list[dict]:
    """The people the rows name, for the file."""
    users = get_user_model().objects.filter(username__in=_usernames(objects)).order_by("username")
    return [{k: getattr(u, k) for k in PERSON_KEYS} for u in users]


def _check(person: dict) -> None:
    username = person["username"]
    User = get_user_model()
    try:
        if not username or len(username) > 150:
            raise ValidationError(_("A username has 1 to 150 characters."))
        User.username_validator(username)
        if person["email"]:
            validate_email(person["email"])
        for key in ("first_name", "last_name"):
            if len(person[key]) > 150:
                raise ValidationError(_("A name has at most 150 characters."))
    except ValidationError as exc:
        raise ImportRefused(
            _("The person “%(username)s” in the file: %(error)s")
            % {"username": username[:150], "error": " ".join(exc.messages)}
        ) from exc


def _find_or_create(person: dict) -> models.Model:
    User = get_user_model()
    if person["email"]:
        found = User.objects.filter(email__iexact=person["email"]).order_by("pk").first()
        if found:
            return found
    found = User.objects.filter(username=person["username"]).first()
    if found:
        return found
    return User.objects.create_user(
        username=person["username"],
        email=person["email"],
        password=None,  # no password: they sign in once activated
        first_name=person["first_name"],
        last_name=person["last_name"],
        is_active=False,
    )


def people_map(people: list[dict], objects: list[dict]) -> dict[str, str]:
    """This installation's username for each username the rows name, creating
    people not found. Refuses a row naming someone the list leaves out."""
    listed = {}
    for person in people:
        _check(person)
        listed[person["username"]] = person
    missing = sorted(_usernames(objects) - set(listed))
    if missing:
        raise ImportRefused(
            _("The file names people it does not list: %(names)s")
            % {"names": ", ".join(n[:150] for n in missing[:10])}
        )
    return {name: _find_or_create(person).get_username() for name, person in listed.items()}


def responsible_check(objects: list[dict]) -> None:
    """Refuse a row that names someone responsible who is not a member of the
    file's project (the portal releases a member's items when they leave)."""
    members = {
        tuple(obj["fields"].get("user") or ())
        for obj in objects
        if obj["model"] == "projects.membership"
    }
    checked = {
        model._meta.label_lower: (model, field) for model, field in responsibilities.fields()
    }
    for obj in objects:
        model, field = checked.get(obj["model"], (None, None))
        value = obj["fields"].get(field) if model else None
        if value is not None and tuple(value) not in members:
            raise ImportRefused(
                _(
                    "A row of the file (%(model)s) names %(username)s responsible, "
                    "who is not a member of the project."
                )
                % {"model": model._meta.verbose_name, "username": str(value[0])[:150]}
            )


def people_rename(objects: list[dict], mapping: dict[str, str]) -> None:
    """Point the rows at this installation's people."""
    for obj in objects:
        for name in user_fields(obj["model"]):
            value = obj["fields"].get(name)
            if value is not None:
                obj["fields"][name] = [mapping[value[0]]]
        for name in user_lists(obj["model"]):
            if name in obj["fields"]:
                obj["fields"][name] = [[mapping[value[0]]] for value in obj["fields"][name]]


def people_clear(objects: list[dict]) -> None:
    """Remove every person from the rows (a template names nobody)."""
    for obj in objects:
        for name in user_fields(obj["model"]):
            if name in obj["fields"]:
                obj["fields"][name] = None
        for name in user_lists(obj["model"]):
            if name in obj["fields"]:
                obj["fields"][name] = []
