"""Every URL pattern of the site as a flat list, for the access declarations
(``lms.access``) and the tests that hold every route to one."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern


@dataclass(frozen=True)
class Pattern:
    """One URL pattern: its full name, its path (without the language prefix), the
    converters of its parameters, and the module of its view."""

    name: str | None
    path: str
    converters: dict[str, str]
    view_module: str
    localised: bool

    @property
    def app(self) -> str:
        return self.view_module.split(".")[0]


def _converter_name(converter: object) -> str:
    return type(converter).__name__.removesuffix("Converter").lower()


def _walk(
    patterns: Iterable[URLPattern | URLResolver],
    prefix: str,
    namespace: str | None,
    converters: dict[str, str],
    localised: bool,
) -> Iterator[Pattern]:
    for entry in patterns:
        found = dict(converters)
        if isinstance(entry.pattern, RoutePattern):
            found.update(
                {key: _converter_name(value) for key, value in entry.pattern.converters.items()}
            )
        elif isinstance(entry.pattern, RegexPattern):
            found.update(dict.fromkeys(entry.pattern.regex.groupindex, "regex"))
        if isinstance(entry, URLResolver):
            is_locale = isinstance(entry.pattern, LocalePrefixPattern)
            piece = "" if is_locale else str(entry.pattern).lstrip("^").rstrip("$")
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from _walk(
                entry.url_patterns, prefix + piece, inner, found, localised or is_locale
            )
        else:
            name = entry.name
            if name and namespace:
                name = f"{namespace}:{name}"
            yield Pattern(
                name=name,
                path=prefix + str(entry.pattern).lstrip("^").rstrip("$"),
                converters=found,
                view_module=getattr(entry.callback, "__module__", "") or "",
                localised=localised,
            )


def url_patterns(resolver: URLResolver | None = None) -> list[Pattern]:
    """Every URL pattern of the site, included ones and namespaces resolved."""
    resolver = resolver or get_resolver()
    return list(_walk(resolver.url_patterns, "", None, {}, False))
