from projects.models import Membership


def test_admin_pseudonymises_instead_of_deleting(admin_client, alice, project):
    response = admin_client.post(
        "/admin/auth/user/",
        {"action": "pseudonymise", "_selected_action": [alice.pk]},
        follow=True,
    )
    assert response.status_code == 200
    alice.refresh_from_db()
    assert alice.username == f"slettet-{alice.pk}" and alice.email == ""
    assert not alice.is_active and not alice.has_usable_password()
    assert "Alice" not in alice.get_full_name()
    assert Membership.objects.filter(user=alice, project=project).exists()


def test_admin_cannot_delete_users(admin_client, alice):
    response = admin_client.post(f"/admin/auth/user/{alice.pk}/delete/", {"post": "yes"})
    assert response.status_code == 403
    assert type(alice).objects.filter(pk=alice.pk).exists()


def test_admin_lists_projects_and_units(admin_client, project):
    assert admin_client.get("/admin/projects/project/").status_code == 200
    assert admin_client.get(f"/admin/projects/project/{project.pk}/change/").status_code == 200
    assert admin_client.get("/admin/projects/membership/").status_code == 200
