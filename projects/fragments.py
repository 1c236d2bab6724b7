"""What a part of a project's page, cached as rendered through Django's cache
framework ({% cache %}), varies on for the person who sees it."""

from django.middleware.csrf import get_token


def person_key(request, project) -> str:
    """The project's change stamp (which every recorded change replaces), the
    person and their standing in the project (what they may do), and their
    CSRF secret: the parts' forms carry their token. The part's own name and
    the language go beside it in the {% cache %} tag."""
    get_token(request)  # sets the secret on a first visit
    secret = request.META["CSRF_COOKIE"]
    actor = project.actor
    return (
        f"{project.pk}:{project.change_stamp}:{actor.user_id}:{actor.role}:"
        f"{actor.leader}:{actor.admin}:{secret}"
    )
