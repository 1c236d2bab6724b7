from django.forms.renderers import TemplatesSetting


class PortalFormRenderer(TemplatesSetting):
    """Renders every field with Designsystemet's markup (templates/_field.html)."""

    field_template_name = "_field.html"
