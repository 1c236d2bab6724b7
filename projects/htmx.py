"""Small helpers shared by every app's htmx views: a status message read
aloud after a swap, and the one answer most views give (the page, or for htmx
a partial of it)."""

import json

from django.http import HttpResponse
from django.shortcuts import render
from django_htmx.http import reswap, retarget


def announce(response: HttpResponse, message: str | None) -> HttpResponse:
    """Have the page's status region read `message` aloud after an htmx swap
    (nothing when there is no message)."""
    if message:
        response["HX-Trigger"] = json.dumps({"announce": str(message)})
    return response


def respond(
    request,
    template: str,
    context: dict,
    *,
    partial: str,
    status: int = 200,
    message: str | None = None,
    swap: str = "",
) -> HttpResponse:
    """`template` as a page, or for htmx its `partial` with `message` read
    aloud after the swap. `swap`, a selector, makes the partial replace that
    element whatever the request aimed at."""
    if not request.htmx:
        return render(request, template, context, status=status)
    response = render(request, f"{template}#{partial}", context, status=status)
    if swap:
        response = reswap(retarget(response, swap), "outerHTML")
    return announce(response, message)
