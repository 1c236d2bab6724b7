"""The header's unread count, kept current by every htmx answer."""

import json

from django.http import HttpResponse

from .selectors import unread_count, unread_label


class UnreadCountMiddleware:
    """Adds the person's unread count to each htmx answer that swaps something
    (an `HX-Trigger` event "notifications" {count, label}, read by portal.js),
    so the header follows what the page did. An answer with nothing to swap
    (204, such as a board's poll when nothing changed) pays nothing: its
    count could not have moved for anything the person did."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        status = response.status_code
        if (
            getattr(request, "htmx", False)
            and (200 <= status < 300 or status == 409)
            and status != 204
            and request.user.is_authenticated
            and "notifications" not in response.get("HX-Trigger", "")
        ):
            add_count(response, unread_count(request.user))
        return response


def add_count(response: HttpResponse, count: int) -> None:
    add_trigger(response, "notifications", {"count": count, "label": unread_label(count)})


def add_trigger(response: HttpResponse, name: str, detail: dict) -> None:
    """Add the event to the answer's HX-Trigger, keeping those already there."""
    current = response.get("HX-Trigger", "").strip()
    if current.startswith("{"):
        events = json.loads(current)
    else:
        events = {event.strip(): None for event in current.split(",") if event.strip()}
    events[name] = detail
    response["HX-Trigger"] = json.dumps(events)
