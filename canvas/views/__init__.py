"""The canvas pages and their htmx fragments. Every view gets its project through
`project_view` (outsiders 404, viewers 403 on writes); writes go through
canvas.services, which refuse stale versions with StaleEdit (answered 409)."""
