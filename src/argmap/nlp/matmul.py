"""The model's matrix products through numpy's BLAS, on one thread per process.

thinc's CPU backend multiplies matrices with BLIS by default. On the machines argmap is measured
on, the products a small English pipeline makes (a few hundred rows by 64 to 1,024 columns) run
about three times faster through numpy's BLAS (OpenBLAS in the numpy wheels), which thinc offers
as ``NumpyOps(use_blis=False)``; the products are about a third of the whole parse. The weights,
the layers and everything else stay as the model made them; only the order in which a product's
terms are summed may differ, so scores can differ in the last bits of a float. argmap checks that
the parse stays the same (tests and the README's measurement over every corpus it scores).

numpy's BLAS may start a thread per core for one product. argmap's parallelism is its processes
(``--jobs``), so a process that multiplies through :class:`OneThreadNumpyOps` first limits its
BLAS to one thread (once per process, forked workers included).
"""

from __future__ import annotations

import os
from typing import Any

from thinc.api import Model, NumpyOps

_limited_in: int | None = None  # the process whose BLAS was limited to one thread


def one_blas_thread() -> None:
    """Limit this process's BLAS libraries to one thread (once per process)."""
    global _limited_in
    if _limited_in == os.getpid():
        return
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")
    _limited_in = os.getpid()


class OneThreadNumpyOps(NumpyOps):
    """thinc's numpy backend with matrix products by numpy's BLAS on one thread."""

    def __init__(self) -> None:
        super().__init__(use_blis=False)

    def gemm(self, x, y, *, out=None, trans1=False, trans2=False):  # noqa: ANN001, ANN201 (thinc's signature)
        one_blas_thread()
        return super().gemm(x, y, out=out, trans1=trans1, trans2=trans2)


def use_numpy_matmul(nlp: Any) -> int:
    """Give every layer of ``nlp``'s models that runs on thinc's plain numpy backend the
    :class:`OneThreadNumpyOps` backend. Layers on any other backend (a GPU, a custom one) are left
    as they are. Returns how many layers were switched."""
    ops = OneThreadNumpyOps()
    switched = 0
    for _name, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if not isinstance(model, Model):
            continue
        for layer in model.walk():
            if type(layer.ops) is NumpyOps:
                layer.ops = ops
                switched += 1
    return switched
