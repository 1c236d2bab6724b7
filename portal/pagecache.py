"""Whole pages kept in this process's memory for one viewer.

A page is kept under a key naming everything it shows: the caller's `vary`
(such as a project's revision, which every recorded change replaces), the
viewer, the language and the address. Access is checked before, on every
request. Only two values must differ from one response to the next, the CSRF
token and the CSP nonce; the kept page has them swapped for fresh ones.
"""

import hashlib

from django.contrib import messages
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.middleware.csp import get_nonce
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.utils.translation import get_language

# Other people's and units' names are not part of any revision: they show at
# most this much later (the overview's shared parts keep as long again).
TIMEOUT = 300


def render_cached(request: HttpRequest, template: str, context: dict, *, vary: tuple):
    """`render(request, template, context)`, or the page kept from an earlier
    one with the same `vary` for this viewer. `context` should read the
    database lazily, so a kept page costs no queries."""
    nonce = get_nonce(request)
    # Messages are for one response only.
    if request.method != "GET" or nonce is None or len(messages.get_messages(request)):
        return render(request, template, context)
    user = request.user  # the page's header shows their name and, for staff, the admin link
    parts = (template, *vary, user.pk, user.get_full_name(), user.is_staff, get_language())
    parts += (request.get_full_path(),)
    key = "page:" + hashlib.sha256(repr(parts).encode()).hexdigest()
    pages = caches["pages"]
    token, nonce = get_token(request), str(nonce)
    if kept := pages.get(key):
        html, old_token, old_nonce = kept
        return HttpResponse(html.replace(old_token, token).replace(old_nonce, nonce))
    response = render(request, template, {**context, "csrf_token": token, "csp_nonce": nonce})
    pages.set(key, (response.content.decode(), token, nonce), TIMEOUT)
    return response
