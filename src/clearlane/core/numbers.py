"""One rule for every number ClearLane reads: a boolean is not a number.

Python's ``bool`` is an ``int`` (``True == 1``) and Pydantic's lax mode turns JSON ``true``
into ``1`` for an ``int`` field and ``1.0`` for a ``float`` one, so ``"packages": true`` was
stored as one package. Strict mode would refuse booleans but also the numbers CSV and XML
cells carry as text, so the rule is a small validator run before the field's own:

* :data:`Int`, :data:`Float`, :data:`OptionalInt`, :data:`OptionalFloat`, :data:`TextOrNumber`:
  annotated types for
  Pydantic models (declarations, goods items, control results, findings, API bodies);
* :func:`is_bool` / :func:`bool_message`: the same test and words for code that checks
  parsed JSON by hand (transport documents).

It lives beside :mod:`clearlane.core.bounds`, not in :mod:`clearlane.core.validation`: the
schemas use it, and importing that package from them would import the schemas again.
"""

from __future__ import annotations

from typing import Annotated, Any, TypeGuard

from pydantic import BeforeValidator
from pydantic_core import PydanticCustomError

#: The error type Pydantic reports (``err["type"]``) for a boolean given as a number.
BOOL_NUMBER = "bool_not_number"


def is_bool(value: Any) -> TypeGuard[bool]:
    """Whether ``value`` is a boolean (JSON ``true``/``false``), which no number field takes."""
    return value is True or value is False


def bool_message(value: bool) -> str:
    """What is wrong with a boolean given as a number, in the words of every reader."""
    return f"a boolean ({'true' if value else 'false'}) is not a number"


def refuse_bool(value: Any) -> Any:
    """Pydantic before-validator: a boolean is refused, anything else goes on to the field's
    own validation (lax: a number, or text that reads as one)."""
    if value is True or value is False:
        raise PydanticCustomError(BOOL_NUMBER, bool_message(value))
    return value


_NOT_BOOL = BeforeValidator(refuse_bool)

# The Annotated wraps the whole type (``int | None``), so Pydantic keeps ``info.annotation``
# as ``int | None`` (code that looks for ``float`` among a field's types still finds it).
Int = Annotated[int, _NOT_BOOL]
Float = Annotated[float, _NOT_BOOL]
OptionalInt = Annotated[int | None, _NOT_BOOL]
OptionalFloat = Annotated[float | None, _NOT_BOOL]
#: A value as declared or found by a control: text or a number, never a boolean.
TextOrNumber = Annotated[str | float | None, _NOT_BOOL]
