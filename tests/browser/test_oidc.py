"""Signing in with the organisation's identity in a real browser, against a
real OpenID provider (npm oidc-provider) on loopback."""

from playwright.sync_api import expect

from portal.oidc.config import form_action_sources
from tests.oidc.server import running_provider


def test_sign_in_with_the_organisations_button(page, live_server, settings, tmp_path, axe_check):
    with running_provider(tmp_path, base_urls=[live_server.url]) as provider:
        settings.SOCIALACCOUNT_PROVIDERS = provider.providers_setting()
        apps = settings.SOCIALACCOUNT_PROVIDERS["openid_connect"]["APPS"]
        settings.SECURE_CSP = {
            **settings.SECURE_CSP,
            "form-action": ["'self'", *form_action_sources(apps)],
        }
        page.goto(f"{live_server.url}/accounts/login/")
        organisation = page.get_by_role("button", name="Kommunens pålogging")
        expect(organisation).to_be_visible()
        main_buttons = page.locator("main").get_by_role("button")
        expect(main_buttons.first).to_have_text("Kommunens pålogging")
        axe_check(page)
        organisation.click()

        # The provider's own log-in form (its development interaction).
        page.wait_for_url(f"{provider.issuer}/interaction/**")
        page.locator("input[name=login]").fill("kari")
        page.locator("input[name=password]").fill("hva-som-helst")
        page.locator("button[type=submit]").click()

        page.wait_for_url(f"{live_server.url}/")
        expect(page.locator("html")).to_have_attribute("lang", "nb")
        menu = page.locator("summary", has_text="Kari Nordmann")
        expect(menu).to_be_visible()
        expect(page.get_by_role("heading", level=1)).to_have_text("Mine prosjekter")

        # Log-out ends the provider's session too: its confirmation page.
        menu.click()
        page.get_by_role("button", name="Logg ut").click()
        page.wait_for_url(f"{provider.issuer}/session/end**")
