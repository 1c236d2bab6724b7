"""The inbox: a person's notifications, newest first, marked read one by one
or all at once; the header's unread count; the e-mail choice."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from projects.htmx import announce

from .forms import EmailChoiceForm
from .selectors import notifications_for_user, unread_count
from .services import email_choice_set, notification_mark_read, notifications_mark_all_read

PER_PAGE = 25


def _page(request):
    paginator = Paginator(notifications_for_user(request.user), PER_PAGE)
    return paginator.get_page(request.GET.get("page") or request.POST.get("page"))


def _back(request):
    page = request.POST.get("page", "")
    return redirect("inbox" if not page.isdigit() else f"/inbox/?page={page}")


@require_GET
def inbox(request):
    page = _page(request)
    return render(request, "notifications/inbox.html", {"page": page})


def _read(request, notification_id: int):
    """The person's own notification (404 otherwise), marked read."""
    notification = notifications_for_user(request.user).filter(pk=notification_id).first()
    if notification is None:
        raise Http404
    notification_mark_read(user=request.user, notification_id=notification.pk)
    return notification


@require_POST
def notification_read(request, notification_id: int):
    notification = _read(request, notification_id)
    if not request.htmx:
        return _back(request)
    notification.refresh_from_db(fields=["read_at"])
    response = render(request, "notifications/inbox.html#item", {"n": notification})
    return announce(response, _("Marked as read."))


@require_POST
def notifications_read_all(request):
    marked = notifications_mark_all_read(user=request.user)
    message = _("All notifications are marked as read.") if marked else None
    if not request.htmx:
        if message:
            messages.success(request, message)
        return _back(request)
    response = render(request, "notifications/inbox.html#list", {"page": _page(request)})
    return announce(response, message)


@require_GET
def notification_go(request, notification_id: int):
    """Mark the notification read and go to its item."""
    url = _read(request, notification_id).url
    if not url_has_allowed_host_and_scheme(url, allowed_hosts=None) or not url.startswith("/"):
        url = "/inbox/"
    return redirect(url)


@require_GET
def unread_badge(request):
    """The header's inbox link, polled every minute."""
    return render(request, "notifications/_badge.html", {"unread": unread_count(request.user)})


@require_http_methods(["GET", "POST"])
def notification_settings(request):
    form = EmailChoiceForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        email_choice_set(user=request.user, email=form.cleaned_data["email"])
        messages.success(request, _("Your choice was saved."))
        return redirect("notification-settings")
    return render(request, "notifications/settings.html", {"form": form})
