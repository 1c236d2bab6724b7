import pytest

from .server import KARI, running_provider


@pytest.fixture(scope="session")
def oidc_server(tmp_path_factory):
    """One loopback provider for these tests, answering Django's test client."""
    with running_provider(tmp_path_factory.mktemp("oidc"), base_urls=["http://testserver"]) as p:
        yield p


@pytest.fixture
def oidc(oidc_server, settings, db):
    """The portal configured for the loopback provider, with Kari's claims fresh."""
    settings.SOCIALACCOUNT_PROVIDERS = oidc_server.providers_setting()
    oidc_server.accounts = {"kari": dict(KARI)}
    oidc_server.save()
    return oidc_server
