"""Refused access to a project is a security event: who, which project, when."""

import logging
import re
from datetime import datetime

from django.conf import settings

TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{4} ")


def _console_formatter() -> logging.Formatter:
    """The formatter of the console handler the LOGGING setting configures."""
    handlers = [h for h in logging.getLogger().handlers if type(h) is logging.StreamHandler]
    assert handlers, "LOGGING has no console handler on the root logger"
    return handlers[0].formatter


def _refusals(caplog):
    return [r for r in caplog.records if r.name == "portal.security"]


def test_a_403_is_logged_with_user_project_and_time(client, bob, project, caplog):
    client.force_login(bob)  # a viewer
    before = datetime.now().timestamp()
    assert client.post(f"/projects/{project.pk}/edit/", {"title": "x"}).status_code == 403
    (record,) = _refusals(caplog)
    assert record.levelno == logging.WARNING
    message = record.getMessage()
    assert f"status=403 user={bob.pk} project={project.pk}" in message
    assert before <= record.created <= datetime.now().timestamp()
    line = _console_formatter().format(record)
    assert TIMESTAMP.match(line), line
    assert "portal.security" in line and message in line


def test_a_404_on_someone_elses_project_is_logged(client, charlie, project, caplog):
    client.force_login(charlie)
    assert client.get(f"/projects/{project.pk}/history/").status_code == 404
    (record,) = _refusals(caplog)
    assert f"status=404 user={charlie.pk} project={project.pk}" in record.getMessage()


def test_allowed_access_logs_no_security_event(client, alice, project, caplog):
    client.force_login(alice)
    assert client.get(f"/projects/{project.pk}/").status_code == 200
    assert _refusals(caplog) == []


def test_the_log_format_carries_the_time():
    assert "%(asctime)s" in settings.LOGGING["formatters"]["plain"]["format"]
