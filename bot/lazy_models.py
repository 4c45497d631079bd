"""aiogram's models of the Bot API built when first used, not all at import.

`import aiogram.types` ends by calling `model_rebuild()` on each of its ~300 models, so that
each resolves its forward references. That builds a validator and a serializer for every one,
each holding the schemas of every type it contains: about 100 MB of resident memory and two
seconds of CPU at start, most of it for types the bot never validates on their own (the bot
validates `Update` and the answers of the few methods it calls).

`build_models_on_first_use()`, run before aiogram is first imported (`bot/__init__.py`), turns
those calls into what they are needed for: the names they pass become the model's own parent
namespace (which pydantic puts ahead of the names of the code that first uses the model) and
are added to the namespace of each type's module (where pydantic looks when it builds a model
inside another, such as `Response[Message]`); the model is built on its first use (its
`defer_build` is already on). The models are the same; only when they are built changes.
"""

from __future__ import annotations

import sys
from typing import Any

from pydantic import BaseModel

_rebuild = BaseModel.model_rebuild.__func__  # type: ignore[attr-defined]


def _rebuild_on_first_use(
    cls: type[BaseModel],
    *,
    force: bool = False,
    raise_errors: bool = True,
    _parent_namespace_depth: int = 2,
    _types_namespace: dict[str, Any] | None = None,
) -> bool | None:
    if _types_namespace is not None and not force and cls.__module__.startswith("aiogram."):
        namespace = vars(sys.modules[cls.__module__])
        for name, value in _types_namespace.items():
            namespace.setdefault(name, value)
        # Ahead of the names of whatever frame first uses the model (pydantic looks there too).
        cls.__pydantic_parent_namespace__ = {
            **(cls.__pydantic_parent_namespace__ or {}),
            **_types_namespace,
        }
        return None
    result: bool | None = _rebuild(
        cls,
        force=force,
        raise_errors=raise_errors,
        _parent_namespace_depth=_parent_namespace_depth + 1,
        _types_namespace=_types_namespace,
    )
    return result


def build_models_on_first_use() -> None:
    if "aiogram.types" in sys.modules:
        return  # too late: they are built already
    setattr(BaseModel, "model_rebuild", classmethod(_rebuild_on_first_use))  # noqa: B010
