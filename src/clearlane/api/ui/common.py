"""What every page of the web UI shares: templates, the signed-in user, the menu, HTML errors.

Pages use the same sign-in as the API (the session cookie, see :mod:`clearlane.api.deps`) and
the same permission matrix: a page needs a permission, and the menu shows only the pages the
role may open. A page requested without a session redirects to ``/login``; one the role may
not open renders a 403 page. Forms and HTMX requests that change something carry the
session's CSRF token (checked in :func:`clearlane.api.deps.optional_user`).
"""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from clearlane.api.deps import Principal, optional_user
from clearlane.api.permissions import Permission
from clearlane.api.security import csrf_token

TEMPLATES_DIR = Path(__file__).resolve().parents[1] / "templates"
templates = Jinja2Templates(directory=str(TEMPLATES_DIR))
# a new idempotency key each time a creating form is drawn (messages, documents): the form
# posted twice (a double click, the browser's resend) is stored once (api/idempotency.py)
templates.env.globals["form_key"] = lambda: uuid.uuid4().hex


@dataclass(frozen=True)
class MenuEntry:
    path: str
    label: str
    permission: Permission
    traders: bool = False  # shown to traders (who have their own portal) only when True


MENU: tuple[MenuEntry, ...] = (
    MenuEntry("/", "Queue", Permission.QUEUE_READ),
    MenuEntry("/dashboard", "Dashboard", Permission.KPI_READ),
    MenuEntry("/profiles", "Profiles", Permission.PROFILE_READ),
    MenuEntry("/models", "Models", Permission.MODEL_READ),
    MenuEntry("/audit", "Audit", Permission.AUDIT_READ),
    MenuEntry("/traders", "Traders", Permission.RISK_READ),
    MenuEntry("/trader", "My declarations", Permission.DECLARATION_SUBMIT, traders=True),
)


def menu_for(user: Principal) -> list[MenuEntry]:
    """The menu entries the user's role may open (traders see only their portal)."""
    return [
        entry for entry in MENU if user.can(entry.permission) and entry.traders == user.is_trader
    ]


def home_of(user: Principal) -> str:
    """Where a user lands after signing in."""
    if user.is_trader:
        return "/trader"
    entries = menu_for(user)
    return entries[0].path if entries else "/dashboard"


class LoginRequired(Exception):
    """No valid session: the page redirects to /login (and back afterwards)."""

    def __init__(self, next_path: str) -> None:
        super().__init__(next_path)
        self.next_path = next_path


class PageError(Exception):
    """An error shown as an HTML page (403 forbidden, 404 not found, ...)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def safe_next(value: str | None) -> str:
    """A redirect target after sign-in: a local path only (no open redirect)."""
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return "/"
    return value


def login_url(request: Request) -> str:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return "/login" if target == "/" else f"/login?next={quote(target, safe='')}"


async def page_user(
    request: Request, user: Annotated[Principal | None, Depends(optional_user)]
) -> Principal:
    if user is None:
        raise LoginRequired(login_url(request))
    request.state.ui_user = user  # error pages keep the menu
    return user


PageUser = Annotated[Principal, Depends(page_user)]


class PagePermission:
    """``Depends(PagePermission(Permission.X))``: the user if their role has X, else a 403 page."""

    def __init__(self, permission: Permission) -> None:
        self.permission = permission

    async def __call__(self, user: PageUser) -> Principal:
        if not user.can(self.permission):
            raise PageError(
                403,
                f"Your role ({user.role.value}) may not open this page: it needs "
                f"the permission {self.permission.value}.",
            )
        return user


def needs(permission: Permission) -> Any:
    """``user: Annotated[Principal, needs(Permission.X)]``: a page that needs X."""
    return Depends(PagePermission(permission))


def csrf_of(user: Principal | None) -> str:
    return csrf_token(user.session_id) if user is not None and user.session_id else ""


def render(
    request: Request,
    template: str,
    user: Principal | None = None,
    *,
    status_code: int = 200,
    **context: Any,
) -> HTMLResponse:
    """Render ``template`` with the user, their menu and their CSRF token."""
    return templates.TemplateResponse(
        request,
        template,
        {
            "user": user,
            "menu": menu_for(user) if user is not None else [],
            "csrf": csrf_of(user),
            "path": request.url.path,
            "P": Permission,
            **context,
        },
        status_code=status_code,
    )


def is_htmx(request: Request) -> bool:
    return request.headers.get("hx-request") == "true"


# ---------------------------------------------------------------------------- template filters


def _pct(value: Any, digits: int = 1) -> str:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "–"
    return f"{float(value) * 100:.{digits}f} %"


def _num(value: Any, digits: int = 0) -> str:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "–"
    return f"{float(value):,.{digits}f}"


def _when(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


templates.env.filters["pct"] = _pct
templates.env.filters["num"] = _num
templates.env.filters["when"] = _when
