"""FastAPI dependencies: the database session, the signed-in user, and permission checks.

Two ways to sign in, one user model: an ``Authorization: Bearer`` token (API clients, OAuth2
password flow) or the ``clearlane_session`` cookie (the web UI). Cookie-authenticated requests
that change something must carry the session's CSRF token (form field ``csrf_token`` or header
``X-CSRF-Token``); bearer requests need none, as browsers never attach them on their own.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Annotated, TypeVar

import anyio
import anyio.to_thread
from anyio import CapacityLimiter
from fastapi import Depends, Request
from fastapi.security import OAuth2PasswordBearer
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from clearlane.api.errors import ApiError
from clearlane.api.permissions import Permission, Role, allowed
from clearlane.api.security import TokenError, check_csrf, read_token
from clearlane.config import get_settings
from clearlane.store.session import connection_without_transaction
from clearlane.users import SessionUser, session_user, session_user_on

SESSION_COOKIE = "clearlane_session"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
oauth2 = OAuth2PasswordBearer(tokenUrl="/api/auth/token", auto_error=False)


def session_factory(request: Request) -> sessionmaker[Session]:
    factory: sessionmaker[Session] = request.app.state.session_factory
    return factory


def store_engine(request: Request) -> Engine:
    """The engine the app's session factory binds its sessions to, through SQLAlchemy's
    public :meth:`Session.get_bind` (a session does no I/O until it is used), found once per
    factory and kept beside it on ``app.state`` (the private ``sessionmaker.kw["bind"]`` was
    read until 2026-12-05)."""
    factory = session_factory(request)
    found: tuple[sessionmaker[Session], Engine] | None = getattr(
        request.app.state, "store_engine", None
    )
    if found is None or found[0] is not factory:
        with factory() as session:
            bind = session.get_bind()
        found = (factory, bind if isinstance(bind, Engine) else bind.engine)
        request.app.state.store_engine = found
    return found[1]


T = TypeVar("T")


def _sign_in_limiter(request: Request) -> CapacityLimiter:
    """The app's own thread-pool tokens for the sign-in check, as many as the store's pool
    has connections (``db_pool_size`` + ``db_pool_overflow``), one set per event loop.

    Not the thread pool's shared 40 (review c10): a sign-in whose checkout waits for a free
    connection holds its token while it waits, and a request that has its connection needs a
    token for its (sync) route before it can give the connection back. With 40 sign-ins
    waiting, no request holding a connection could run: nothing came back, and every waiter
    answered 503 after the pool timeout (40 of 60 racers, on a pool of 2, for reads of a
    few milliseconds each). On tokens of their own the waiting sign-ins leave the shared
    ones to the routes; more waiters than connections would only wait longer."""
    loop = asyncio.get_running_loop()
    found: tuple[asyncio.AbstractEventLoop, CapacityLimiter] | None = getattr(
        request.app.state, "sign_in_limiter", None
    )
    if found is None or found[0] is not loop:
        settings = get_settings()
        found = (loop, CapacityLimiter(settings.db_pool_size + settings.db_pool_overflow))
        request.app.state.sign_in_limiter = found
    return found[1]


#: Seconds a client is told to wait after a 503 for a sign-in over the bound.
RETRY_AFTER_SIGN_IN = 1


def _sign_in_slots(request: Request) -> anyio.Semaphore:
    """The app's places for sign-ins (``sign_in_concurrency``), one set per event loop (a
    server worker runs one loop: one set per process)."""
    loop = asyncio.get_running_loop()
    places = request.app.state.settings.sign_in_concurrency
    found: tuple[asyncio.AbstractEventLoop, int, anyio.Semaphore] | None = getattr(
        request.app.state, "sign_in_slots", None
    )
    if found is None or found[0] is not loop or found[1] != places:
        found = (loop, places, anyio.Semaphore(places))
        request.app.state.sign_in_slots = found
    return found[2]


async def sign_in_slot(request: Request) -> AsyncIterator[None]:
    """A place for one sign-in (a password check) for the request's life: taken at once when
    fewer than ``sign_in_concurrency`` sign-ins run, else waited for on the event loop (no
    thread held) for at most ``sign_in_wait_seconds``, then 503 with ``Retry-After``.

    A sign-in route is sync: it runs on the thread pool's 40 tokens shared with every other
    sync route, and its argon2 check holds its token for the CPU time of a hash. A burst of
    sign-ins held them all, and no other request ran until they were done (session 25,
    pool11). Bounded here, at most ``sign_in_concurrency`` tokens are theirs; the rest stay
    with the other routes. The short wait keeps a shift's officers signing in together from
    being turned away; a longer burst is refused rather than queued without end."""
    slots = _sign_in_slots(request)
    try:
        slots.acquire_nowait()
    except anyio.WouldBlock:
        settings = request.app.state.settings
        wait = settings.sign_in_wait_seconds
        taken = False
        if wait > 0:
            with anyio.move_on_after(wait):
                await slots.acquire()
                taken = True
        if not taken:
            raise ApiError(
                503,
                f"too many sign-ins at once on this server (waited {wait:g} s for one of "
                f"{settings.sign_in_concurrency} places): retry after {RETRY_AFTER_SIGN_IN} s",
                headers={"Retry-After": str(RETRY_AFTER_SIGN_IN)},
            ) from None
    try:
        yield
    finally:
        slots.release()


async def _signing_in(request: Request, call: Callable[..., T], *args: object) -> T:
    """``call(*args)`` (a sign-in query) in the thread pool, on the sign-in's own tokens.

    A request cancelled while the query runs (asyncio's own cancellation, which anyio's shield
    does not hold back: a server's shutdown timeout, a client gone under a server that cancels)
    waits for the thread before it ends: the query uses the request's session, and
    :func:`get_db` closing it under the thread raised ``IllegalStateChangeError`` and left the
    connection the thread then took checked out (review c10)."""
    running = asyncio.ensure_future(
        anyio.to_thread.run_sync(call, *args, limiter=_sign_in_limiter(request))
    )
    try:
        return await asyncio.shield(running)
    except asyncio.CancelledError:
        while not running.done():
            try:
                await asyncio.shield(running)
            except asyncio.CancelledError:
                continue
            except Exception:  # noqa: BLE001 - the cancellation is what to raise
                break
        raise


async def get_db(request: Request) -> AsyncIterator[Session]:
    """A session for the request, closed when it ends. An async dependency, so FastAPI opens
    and closes it on the event loop instead of handing both steps to its thread pool (two
    thread switches a request): creating a session does no I/O (it connects on first use),
    and closing one returns its connection to the pool, which never waits for the pool.

    The event loop must never *take* a connection from the pool (session 24, pool10): with
    every connection in use a checkout waits, up to the pool timeout, and the connections it
    waits for go back only when the loop runs their requests' teardown (here), so the loop
    waited on its own pool and 5 of 20 racers answered 500 after 30 s. The sign-in check
    (:func:`optional_user`, :class:`RequireSignedIn`) therefore runs its query in the thread
    pool; routes use the session in the thread pool too (sync routes, or
    ``run_in_threadpool``).

    Closing does I/O on PostgreSQL (the ROLLBACK that ends the request's transaction), so a
    server that stops answering would stall this worker's loop. Kept so (a thread switch
    would cost every request CPU), with the stall bounded: the PostgreSQL connections give up
    on a dead or cut-off server after about 30-60 s
    (:data:`clearlane.store.session.PG_STALL_LIMITS`) instead of the kernel's 15 minutes."""
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


async def _claims(
    request: Request, bearer: str | None
) -> tuple[dict[str, object], str | None] | None:
    """The claims of a valid bearer token or session cookie and the cookie's session id (None
    for a bearer token); None without either (raises on a bad token or CSRF token)."""
    if bearer:
        try:
            claims = read_token(bearer, kind="access")
        except TokenError as exc:
            raise ApiError(401, str(exc), headers={"WWW-Authenticate": "Bearer"}) from exc
        return claims, None
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
    return claims, session_id


def _principal(
    row: SessionUser | None, claims: dict[str, object], session_id: str | None, bearer: bool
) -> Principal | None:
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


async def optional_user(
    request: Request, db: DbSession, bearer: Annotated[str | None, Depends(oauth2)]
) -> Principal | None:
    """The user of a valid token or session cookie, else None (raises on a bad CSRF token)."""
    found = await _claims(request, bearer)
    if found is None:
        return None
    claims, session_id = found
    # in the thread pool: the first query takes the session's connection (see get_db)
    row = await _signing_in(request, _load, db, claims, "access" if bearer else "session")
    return _principal(row, claims, session_id, bool(bearer))


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
        return self.check(user)

    def check(self, user: Principal) -> Principal:
        """``user``, if their role has the permission, else 403."""
        if not user.can(self.permission):
            raise ApiError(
                403, f"your role ({user.role.value}) may not do this: needs {self.permission.value}"
            )
        return user


def require(permission: Permission) -> type[Principal]:
    """``user: require(Permission.X)`` as a typed parameter annotation."""
    return Annotated[Principal, Depends(Require(permission))]  # type: ignore[return-value]


class RequireSignedIn:
    """:class:`Require` for a route that uses no request session of its own (the submit
    route, whose submission opens its own sessions): the sign-in check runs on a connection
    taken from the pool for that one statement and handed back at once, outside a
    transaction on PostgreSQL (no ``BEGIN`` and ``ROLLBACK`` round trips), instead of on a
    :func:`get_db` session opened for the whole request; and as one dependency instead of
    four (:class:`Require`, :func:`current_user`, :func:`optional_user`, :func:`get_db`),
    which FastAPI solved on every request. The same answers: 401, 403 and CSRF as theirs."""

    def __init__(self, permission: Permission) -> None:
        self.require = Require(permission)

    @property
    def permission(self) -> Permission:
        """The permission it requires, as :class:`Require` names it (the permission matrix
        test reads it from every route's dependencies)."""
        return self.require.permission

    async def __call__(
        self, request: Request, bearer: Annotated[str | None, Depends(oauth2)]
    ) -> Principal:
        found = await _claims(request, bearer)
        user = None
        if found is not None:
            claims, session_id = found
            # in the thread pool: the checkout may wait for a free connection (see get_db)
            row = await _signing_in(
                request, _load_on, store_engine(request), claims, "access" if bearer else "session"
            )
            user = _principal(row, claims, session_id, bool(bearer))
        return self.require.check(await current_user(user))


def _load_on(engine: Engine, claims: dict[str, object], kind: str) -> SessionUser | None:
    """:func:`_load` on a connection of its own, taken from the pool for this one statement
    and handed back at once (no transaction on PostgreSQL)."""
    with engine.connect() as connection:
        return session_user_on(
            connection_without_transaction(connection),
            sid=str(claims["sid"]),
            username=str(claims["sub"]),
            kind=kind,
        )


def require_signed_in(permission: Permission) -> type[Principal]:
    """:func:`require` through :class:`RequireSignedIn`, for a route without a request
    session."""
    return Annotated[Principal, Depends(RequireSignedIn(permission))]  # type: ignore[return-value]
