"""The browser suite's journeys: one small function each, registered with ``@journey``.

A journey is ``def name(b: Browser) -> None``; it runs once per language with a fresh browser, acts
through ``b.visit``/``b.fill``/``b.submit``/``b.click_link``, checks with ``b.expect*`` and raises
``harness.Failure`` when the site does not do what it should. ``needs`` names journeys that must run
first in the same language; what they leave for later ones is in ``b.state`` (a journey raises
``harness.Skip`` when what it needs is not there, so a failure late in one journey does not hide the
next one).

To add one: a new module in this folder with a decorated function; modules are imported in name order,
journeys run in ``order`` (then name) order.
"""
from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass, field
from typing import Callable

REGISTRY: dict[str, "Journey"] = {}


@dataclass
class Journey:
    name: str
    run: Callable
    order: int = 100
    needs: tuple[str, ...] = field(default_factory=tuple)


def journey(name: str, order: int = 100, needs: tuple[str, ...] = ()) -> Callable[[Callable], Callable]:
    def register(function: Callable) -> Callable:
        if name in REGISTRY:
            raise ValueError(f"two journeys named {name!r}")
        REGISTRY[name] = Journey(name, function, order, tuple(needs))
        return function
    return register


def discover() -> list[Journey]:
    for module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        importlib.import_module(f"{__name__}.{module.name}")
    return sorted(REGISTRY.values(), key=lambda j: (j.order, j.name))


def select(names: list[str]) -> list[Journey]:
    """The journeys named (with those they need), or all of them."""
    every = discover()
    if not names:
        return every
    unknown = [n for n in names if n not in REGISTRY]
    if unknown:
        raise SystemExit(f"unknown journeys {unknown}; known: {[j.name for j in every]}")
    wanted: set[str] = set()

    def add(name: str) -> None:
        if name not in wanted:
            wanted.add(name)
            for need in REGISTRY[name].needs:
                add(need)
    for name in names:
        add(name)
    return [j for j in every if j.name in wanted]
