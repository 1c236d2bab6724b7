"""Sign-in with the organisation's identity (OpenID Connect) through
django-allauth: settings read from the environment (config), the provider
and adapters that add what the portal requires on top of allauth (provider),
and the people, errors and log-out around it (accounts, views)."""
