"""Sign-in routes: the OAuth2 password flow for API clients, and who-am-I."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response
from fastapi.security import OAuth2PasswordRequestForm
from pydantic import BaseModel
from sqlalchemy.orm import Session

from clearlane.api.auth.service import SignInError, authenticate, issue_token
from clearlane.api.deps import SESSION_COOKIE, CurrentUser, DbSession, sign_in_slot
from clearlane.api.errors import ApiError, error_responses
from clearlane.api.permissions import MATRIX
from clearlane.config import get_settings
from clearlane.store.tables import UserRow
from clearlane.users import end_session

router = APIRouter(prefix="/api/auth", tags=["auth"])


class Token(BaseModel):
    access_token: str
    token_type: str = "bearer"
    expires_in: int


class Me(BaseModel):
    username: str
    full_name: str | None
    role: str
    organisation: str | None
    permissions: list[str]


def client_of(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def sign_in(db: DbSession, request: Request, username: str, password: str, channel: str) -> UserRow:
    """Authenticate, committing the audit entry whatever the outcome; raises ApiError 401/429."""
    try:
        user = authenticate(
            db, username=username, password=password, client=client_of(request), channel=channel
        )
    except SignInError as exc:
        db.commit()  # the failed attempt stays in the audit trail
        if exc.retry_after is not None:
            raise ApiError(429, str(exc), headers={"Retry-After": str(exc.retry_after)}) from exc
        raise ApiError(401, str(exc), headers={"WWW-Authenticate": "Bearer"}) from exc
    db.commit()
    return user


@router.post(
    "/token",
    response_model=Token,
    summary="Sign in (OAuth2 password flow)",
    description="Over `CLEARLANE_SIGN_IN_CONCURRENCY` sign-ins at once on the server: 503 "
    "with `Retry-After`.",
    dependencies=[Depends(sign_in_slot)],
    responses=error_responses(401, 429, 503),
)
def token(
    request: Request, db: DbSession, form: Annotated[OAuth2PasswordRequestForm, Depends()]
) -> Token:
    user = sign_in(db, request, form.username, form.password, "api")
    minutes = get_settings().access_token_minutes
    access, _sid = issue_token(db, user, kind="access", minutes=minutes)
    db.commit()
    return Token(access_token=access, expires_in=minutes * 60)


@router.post(
    "/logout",
    status_code=204,
    summary="End this token's session (it is refused from now on)",
)
def logout(user: CurrentUser, db: DbSession) -> Response:
    if user.sid:
        end_session(db, user.sid)
        db.commit()
    return Response(status_code=204)


@router.get("/me", response_model=Me, summary="The signed-in user and what they may do")
def me(user: CurrentUser) -> Me:
    return Me(
        username=user.username,
        full_name=user.full_name,
        role=user.role.value,
        organisation=user.organisation,
        permissions=sorted(p.value for p in MATRIX[user.role]),
    )


def set_session_cookie(db: Session, response: Response, user: UserRow) -> str:
    """Start a web session for ``user`` (recorded server-side, committed here); returns the
    session id (its CSRF token derives from it)."""
    settings = get_settings()
    value, sid = issue_token(db, user, kind="session", minutes=settings.session_hours * 60)
    db.commit()
    response.set_cookie(
        SESSION_COOKIE,
        value,
        max_age=settings.session_hours * 3600,
        httponly=True,
        samesite="strict",
        secure=settings.secure_cookies,
        path="/",
    )
    return sid


def clear_session_cookie(response: Response) -> None:
    response.delete_cookie(SESSION_COOKIE, path="/")
