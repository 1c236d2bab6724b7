from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from benefits.calculations import format_amount

register = template.Library()


@register.filter
def kroner(value) -> str:
    """1 234 567 kr, the Norwegian way."""
    return format_amount(value)


def _attrs(attrs: dict) -> str:
    """`attrs` as django/forms/widgets/attrs.html writes them."""
    return "".join(
        f" {conditional_escape(name)}"
        + ("" if value is True else f'="{conditional_escape(str(value))}"')
        for name, value in attrs.items()
        if value is not False
    )


@register.filter
def choice_inputs(options) -> str:
    """A checkbox or radio list's options (from a widget's optgroups), each as
    input_option.html with the portal's input.html writes it. Built here, not
    included per option: a list of a project's measures has dozens."""
    items = []
    for option in options:
        attrs, value = option["attrs"], option["value"]
        label_for = f' for="{conditional_escape(attrs["id"])}"' if attrs.get("id") else ""
        value = "" if value is None else f' value="{conditional_escape(str(value))}"'
        field = (
            f'<input type="{conditional_escape(option["type"])}"'
            f' name="{conditional_escape(option["name"])}" class="ds-input"{value}{_attrs(attrs)}>'
        )
        label = conditional_escape(option["label"])
        items.append(f"<div>\n    <label{label_for}>{field}\n {label}</label>\n\n</div>")
    return mark_safe("".join(items))  # noqa: S308 -- every value escaped
