"""What projects tells the apps that build on it (which it must not import)."""

from django.dispatch import Signal

# Sent after people's roles changed, within the change's transaction:
# `changes` [(membership, old role or None for a new member)], `actor_id`.
roles_changed = Signal()
# Sent after a comment was saved that mentions members not mentioned in it
# before: `comment`, `target` (its item), `mentioned` (those members), `actor_id`.
mentioned = Signal()
# Sent after someone was made responsible for a row (projects.responsibilities):
# `row`, `user_id`, `project_id`, `url`, `actor_id`.
made_responsible = Signal()
