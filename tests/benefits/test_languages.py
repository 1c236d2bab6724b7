import pytest
from django.urls import reverse
from django.utils import translation

from .builders import make_benefit, make_indicator, make_value


@pytest.mark.parametrize(
    ("language", "heading"),
    [("nn", "Gevinstplan"), ("sv", "Nyttoplan"), ("en", "Benefit plan")],
)
def test_the_plan_speaks_every_language(client, alice, project, plan, language, heading):
    benefit = make_benefit(plan)
    make_value(benefit, 2028)
    make_indicator(benefit, by=alice)
    client.force_login(alice)
    client.cookies["django_language"] = language
    r = client.get(reverse("benefits:plan", args=[project.pk]))
    assert r.status_code == 200 and f">{heading}<" in r.text
    translation.activate("nb")
