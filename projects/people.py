"""How a person is named on the pages: their full name, or their username."""

from django.contrib.auth.models import AbstractBaseUser


def person_name(user: AbstractBaseUser | None) -> str:
    """The name shown for `user`; empty for no one."""
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()
