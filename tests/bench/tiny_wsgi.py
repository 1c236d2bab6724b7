"""A WSGI app that answers "ok" to everything: gunicorn's life cycle without Django."""


def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"ok"]
