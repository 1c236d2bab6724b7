from collections.abc import Callable, Iterable
from functools import wraps

from django.http import HttpResponseNotAllowed

from .selectors import project_for_user


def project_view(
    *,
    methods: Iterable[str] = ("GET",),
    write: Iterable[str] = ("POST",),
    approve: Iterable[str] = (),
    annotate: Callable[..., dict] | None = None,
):
    """Give the view its project (from `project_id`) through `project_for_user`.

    Access is checked before the method, so an outsider gets 404 whatever the
    method. Requests whose method is in `write` need an editor, those in
    `approve` someone who decides the project's gates. `annotate`, given the
    view's other URL arguments, names values read with the project in its one
    query (a poll's whole answer can then cost that query)."""
    allowed = {m.upper() for m in methods}
    if "GET" in allowed:
        allowed.add("HEAD")
    write, approve = set(write), set(approve)

    def decorator(view):
        @wraps(view)
        def wrapper(request, project_id: int, **kwargs):
            project = project_for_user(
                request.user,
                project_id,
                write=request.method in write and request.method in allowed,
                approve=request.method in approve and request.method in allowed,
                annotations=annotate(**kwargs) if annotate else None,
            )
            if request.method not in allowed:
                return HttpResponseNotAllowed(sorted(allowed))
            return view(request, project, **kwargs)

        return wrapper

    return decorator
