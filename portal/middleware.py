"""Headers that keep one person's pages out of shared and browser caches."""

from django.utils.cache import patch_cache_control, patch_vary_headers


class PrivateResponseMiddleware:
    """Signed-in answers (pages, fragments, downloads) are `private, no-store`
    unless a view chose its own Cache-Control: they carry one person's data,
    and a stored copy would outlive the session on a shared computer.

    Every answer also varies on HX-Request. Views answer htmx with a fragment
    of the same URL (`request.htmx`), and which ones do cannot be seen from
    here; marking them all costs nothing on `no-store` answers and keeps any
    cache that stores the few public pages from serving a fragment as a page.
    Static files never get here: WhiteNoise answers them before this runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and "Cache-Control" not in response:
            patch_cache_control(response, private=True, no_store=True)
        patch_vary_headers(response, ["HX-Request"])
        return response
