"""Notifications: what the portal tells each person, in the inbox and by
e-mail (for each event, or in the daily digest, as each person chooses).

Other parts of the portal tell people through `events` (`mentioned_notify`,
`made_responsible_notify`, ...) or `services.notify`."""
