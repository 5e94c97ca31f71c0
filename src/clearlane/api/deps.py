"""FastAPI dependencies: the database session, the signed-in user, and permission checks.

Two ways to sign in, one user model: an ``Authorization: Bearer`` token (API clients, OAuth2
password flow) or the ``clearlane_session`` cookie (the web UI). Cookie-authenticated requests
that change something must carry the session's CSRF token (form field ``csrf_token`` or header
``X-CSRF-Token``); bearer requests need none, as browsers never attach them on their own.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import OAuth2PasswordBearer
from sqlalchemy.orm import Session, sessionmaker

from clearlane.api.errors import ApiError
from clearlane.api.permissions import Permission, Role, allowed
from clearlane.api.security import TokenError, check_csrf, read_token
from clearlane.users import SessionUser, session_user

SESSION_COOKIE = "clearlane_session"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
oauth2 = OAuth2PasswordBearer(tokenUrl="/api/auth/token", auto_error=False)


def session_factory(request: Request) -> sessionmaker[Session]:
    factory: sessionmaker[Session] = request.app.state.session_factory
    return factory


async def get_db(request: Request) -> AsyncIterator[Session]:
    """A session for the request, closed when it ends. An async dependency, so FastAPI opens
    and closes it on the event loop instead of handing both steps to its thread pool (two
    thread switches a request): creating a session does no I/O (it connects on first use),
    and closing one returns its connection to the pool.

    Closing does I/O on PostgreSQL (the ROLLBACK that ends the sign-in check's transaction),
    as does the sign-in check itself (:func:`optional_user`, also on the loop), so a server
    that stops answering would stall this worker's loop. Kept so (a thread switch each would
    cost every request CPU, and every route waits for the store anyway), with the stall
    bounded: the PostgreSQL connections give up on a dead or cut-off server after about 30-60
    s (:data:`clearlane.store.session.PG_STALL_LIMITS`) instead of the kernel's 15 minutes."""
    with session_factory(request)() as session:
        yield session


DbSession = Annotated[Session, Depends(get_db)]


@dataclass(frozen=True)
class Principal:
    """The signed-in user as routes see it."""

    id: int
    username: str
    role: Role
    organisation: str | None
    full_name: str | None
    session_id: str | None = None  # set when signed in through the web session cookie
    sid: str | None = None  # the server-side session of the token or cookie (sign-out ends it)

    def can(self, permission: Permission) -> bool:
        return allowed(self.role, permission)

    @property
    def is_trader(self) -> bool:
        return self.role == Role.TRADER


def _load(session: Session, claims: dict[str, object], kind: str) -> SessionUser | None:
    """The active user of a live server-side session (signed out, disabled or re-passworded
    users' tokens and cookies find none)."""
    return session_user(session, sid=str(claims["sid"]), username=str(claims["sub"]), kind=kind)


async def _csrf_ok(request: Request, session_id: str) -> bool:
    token = request.headers.get("x-csrf-token")
    if token is None and request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        form = await request.form()
        value = form.get("csrf_token")
        token = value if isinstance(value, str) else None
    return check_csrf(session_id, token)


async def optional_user(
    request: Request, db: DbSession, bearer: Annotated[str | None, Depends(oauth2)]
) -> Principal | None:
    """The user of a valid token or session cookie, else None (raises on a bad CSRF token)."""
    if bearer:
        try:
            claims = read_token(bearer, kind="access")
        except TokenError as exc:
            raise ApiError(401, str(exc), headers={"WWW-Authenticate": "Bearer"}) from exc
        session_id = None
    else:
        cookie = request.cookies.get(SESSION_COOKIE)
        if not cookie:
            return None
        try:
            claims = read_token(cookie, kind="session")
        except TokenError:
            return None
        session_id = str(claims.get("sid", ""))
        if request.method not in SAFE_METHODS and not await _csrf_ok(request, session_id):
            raise ApiError(403, "CSRF token missing or wrong: reload the page and try again")
    row = _load(db, claims, "access" if bearer else "session")
    if row is None:
        if bearer:
            raise ApiError(
                401,
                "this token's session has ended (signed out, user deactivated or password "
                "changed): sign in again",
                headers={"WWW-Authenticate": "Bearer"},
            )
        return None
    return Principal(
        id=row.id,
        username=row.username,
        role=Role(row.role),
        organisation=row.organisation,
        full_name=row.full_name,
        session_id=session_id,
        sid=str(claims["sid"]),
    )


async def current_user(
    user: Annotated[Principal | None, Depends(optional_user)],
) -> Principal:
    if user is None:
        raise ApiError(
            401,
            "not signed in: send a bearer token or sign in",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return user


CurrentUser = Annotated[Principal, Depends(current_user)]


class Require:
    """``Depends(Require(Permission.X))``: the signed-in user, if their role has X, else 403."""

    def __init__(self, permission: Permission) -> None:
        self.permission = permission

    async def __call__(self, user: CurrentUser) -> Principal:
        if not user.can(self.permission):
            raise ApiError(
                403, f"your role ({user.role.value}) may not do this: needs {self.permission.value}"
            )
        return user


def require(permission: Permission) -> type[Principal]:
    """``user: require(Permission.X)`` as a typed parameter annotation."""
    return Annotated[Principal, Depends(Require(permission))]  # type: ignore[return-value]
