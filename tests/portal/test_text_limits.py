"""Every free-text field has a maximum length, which the form enforces with its
own message and which long text fields show as a character counter."""

import importlib
import inspect

import pytest
from django import forms
from django.apps import apps
from django.db import models
from django.urls import reverse

from projects.models import Project
from projects.widgets import CountedTextarea
from tests.benefits.builders import make_plan
from tests.projects.test_project_edit import form_data

APPS = ("projects", "canvas", "benefits", "portal")
FORM_MODULES = (
    "projects.forms",
    "projects.flow.forms",
    "canvas.forms",
    "benefits.forms",
    "benefits.guidance_forms",
    "benefits.review_forms",
    "projects.discussion.forms",
    "portal.forms",
)


def test_every_text_people_type_into_has_a_maximum_length():
    unbounded = [
        f"{model.__name__}.{field.name}"
        for app in APPS
        for model in apps.get_app_config(app).get_models()
        for field in model._meta.concrete_fields
        if isinstance(field, models.TextField)
        and field.editable
        and field.max_length is None
        and not model.__name__.startswith("Historical")  # the history's own bookkeeping
    ]
    # Written by the portal itself (a failed bundle's error, cut to 1,000 characters).
    assert unbounded == ["DeckBundle.error"]


def _form_classes():
    for name in FORM_MODULES:
        module = importlib.import_module(name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, forms.BaseForm) and cls.__module__ == name:
                yield cls


def test_every_textarea_of_every_form_has_a_limit_and_a_counter():
    textareas = [
        (cls.__name__, name, field)
        for cls in _form_classes()
        for name, field in cls.base_fields.items()
        if isinstance(field.widget, forms.Textarea)
    ]
    assert len(textareas) > 20
    for form, name, field in textareas:
        assert field.max_length, f"{form}.{name}"
        assert isinstance(field.widget, CountedTextarea), f"{form}.{name}"


def test_a_textarea_carries_its_maxlength_and_the_counter_text(client, alice, project):
    client.force_login(alice)
    page = client.get(f"/projects/{project.pk}/edit/").text
    assert 'maxlength="4000"' in page
    assert 'data-counter="{left} av {max} tegn igjen"' in page
    client.cookies["django_language"] = "sv"
    assert (
        'data-counter="{left} av {max} tecken kvar"'
        in client.get(f"/projects/{project.pk}/edit/").text
    )


def test_the_canvas_note_field_has_a_counter_too(client, alice, project):
    from canvas.models import Canvas

    canvas = Canvas.objects.create(project=project, title="I dag")
    client.force_login(alice)
    page = client.get(canvas.get_absolute_url()).text
    assert 'maxlength="500" autocomplete="off" data-counter="{left} av {max} tegn igjen"' in page


def test_a_too_long_project_summary_is_refused_with_the_forms_message(client, alice, project):
    client.force_login(alice)
    url = f"/projects/{project.pk}/edit/"
    response = client.post(url, form_data(project, summary="x" * 4001))
    assert response.status_code == 200
    assert "4000 eller færre tegn (den har nå 4001)" in response.text
    assert Project.objects.get(pk=project.pk).summary == project.summary


def test_a_too_long_benefit_description_is_refused_with_the_forms_message(client, alice, project):
    plan = make_plan(project)
    client.force_login(alice)
    data = {"title": "Færre besøk", "kind": "other", "gainer": "citizens", "owner": alice.pk}
    url = reverse("benefits:benefit-add", args=[project.pk])
    response = client.post(url, {**data, "description": "x" * 2001})
    assert "2000 eller færre tegn (den har nå 2001)" in response.text
    assert not plan.benefits.exists()


@pytest.mark.parametrize("length", [2000, 2001])
def test_a_unit_rating_comment_is_held_to_its_limit(client, leader, unit, length):
    from portal.models import UnitRating

    client.force_login(leader)
    url = reverse("unit-rating-edit", args=[unit.pk])
    fields = {"ambition": "high", "capacity": "low", "comment": "x" * length, "version": ""}
    data = {f"unit-{unit.pk}-{name}": value for name, value in fields.items()}
    response = client.post(url, data)
    saved = UnitRating.objects.filter(unit=unit).first()
    if length == 2000:
        assert saved is not None and len(saved.comment) == 2000
    else:
        assert saved is None and "2000 eller færre tegn (den har nå 2001)" in response.text
