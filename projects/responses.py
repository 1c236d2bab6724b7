"""Small helpers shared by every app's htmx views."""

import json

from django.http import HttpResponse


def announce(response: HttpResponse, message: str) -> HttpResponse:
    """Have the page's status region read `message` aloud after an htmx swap."""
    response["HX-Trigger"] = json.dumps({"announce": str(message)})
    return response
