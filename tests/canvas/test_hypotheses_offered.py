from canvas.models import Canvas, Note


def test_step_one_offers_the_canvas_hypotheses_as_experiments(client, alice, project):
    canvas = Canvas.objects.create(project=project, title="I dag")
    Note.objects.create(
        canvas=canvas, block="value_propositions", text="Pårørende vil ha SMS", hypothesis=True
    )
    Note.objects.create(canvas=canvas, block="channels", text="Vanlig lapp")
    client.force_login(alice)
    page = client.get(f"/projects/{project.pk}/hypothesis/").text
    assert "Pårørende vil ha SMS" in page and "Vanlig lapp" not in page
    title = "P%C3%A5r%C3%B8rende%20vil%20ha%20SMS"
    link = f"/projects/{project.pk}/lists/experiments/add/?title={title}"
    assert link in page
    form = client.get(link).text
    assert 'value="Pårørende vil ha SMS"' in form


def test_a_viewer_sees_the_hypotheses_without_the_link(client, bob, project):
    canvas = Canvas.objects.create(project=project, title="I dag")
    Note.objects.create(canvas=canvas, block="channels", text="Lege via app", hypothesis=True)
    client.force_login(bob)
    page = client.get(f"/projects/{project.pk}/hypothesis/").text
    assert "Lege via app" in page and "lists/experiments/add/?title=" not in page
