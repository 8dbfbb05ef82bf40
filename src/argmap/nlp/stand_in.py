"""What argmap's stand-ins for model components share: they save and load as the component they
stand in for, so a saved pipeline loads again with that component's data."""

from __future__ import annotations

from typing import Any


class StandIn:
    """Base of a component that runs another one's work another way (see
    :mod:`argmap.nlp.attribute_table`, :mod:`argmap.nlp.lemma_memo`).

    A subclass gives :meth:`adopt` (take the component stood in for), :meth:`_adopted` (that
    component, or a clear error if none was adopted) and :meth:`_fresh` (an empty one of its kind,
    to load into).
    """

    def adopt(self, component: Any) -> None:  # pragma: no cover - every subclass defines it
        raise NotImplementedError

    def _adopted(self) -> Any:  # pragma: no cover - every subclass defines it
        raise NotImplementedError

    def _fresh(self) -> Any:  # pragma: no cover - every subclass defines it
        raise NotImplementedError

    def to_disk(self, path: Any, *, exclude: Any = ()) -> None:
        self._adopted().to_disk(path, exclude=exclude)

    def from_disk(self, path: Any, *, exclude: Any = ()) -> StandIn:
        self.adopt(self._fresh().from_disk(path, exclude=exclude))
        return self

    def to_bytes(self, *, exclude: Any = ()) -> bytes:
        return self._adopted().to_bytes(exclude=exclude)

    def from_bytes(self, data: bytes, *, exclude: Any = ()) -> StandIn:
        self.adopt(self._fresh().from_bytes(data, exclude=exclude))
        return self
