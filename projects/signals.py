"""What projects tells the apps that build on it (which it must not import)."""

from django.dispatch import Signal

# Sent after people's roles changed, within the change's transaction:
# `changes` [(membership, old role or None for a new member)], `actor_id`.
roles_changed = Signal()
