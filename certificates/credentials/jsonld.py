"""JSON-LD for credentials without the network: the contexts our documents use are kept
here (the W3C Verifiable Credentials 2.0 context and the Open Badges 3.0.3 context, as
published), and a document naming any other context is refused rather than fetched.

Canonicalisation is RDF Dataset Canonicalization (RDFC-1.0, the algorithm pyld calls
URDNA2015), as the ``eddsa-rdfc-2022`` cryptosuite requires.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from pyld import jsonld

VC_V2 = "https://www.w3.org/ns/credentials/v2"
OB_V3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"

_HERE = Path(__file__).parent / "contexts"
CONTEXT_FILES = {
    VC_V2: _HERE / "credentials-v2.jsonld",
    OB_V3: _HERE / "ob-context-3.0.3.json",
}


class UnknownContext(ValueError):
    """The document names a context we do not keep: we never fetch one."""


@cache
def context_document(url: str) -> dict[str, Any]:
    path = CONTEXT_FILES.get(url)
    if path is None:
        raise UnknownContext(url)
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def _load(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    try:
        document = context_document(url)
    except UnknownContext as error:
        raise jsonld.JsonLdError(
            "Context not available offline.",
            "jsonld.LoadDocumentError",
            {"url": url},
            code="loading document failed",
        ) from error
    # "static" lets pyld keep the resolved context between documents (it is never re-read).
    return {"contextUrl": None, "documentUrl": url, "document": document, "tag": "static"}


def canonical_nquads(document: dict[str, Any]) -> str:
    """The RDFC-1.0 canonical N-Quads of a JSON-LD document. Raises ``UnknownContext`` for
    a context we do not keep, and ``ValueError`` for a document that is not JSON-LD."""
    for url in _context_urls(document):
        context_document(url)
    try:
        result = jsonld.normalize(
            document,
            {
                "algorithm": "URDNA2015",
                "format": "application/n-quads",
                "documentLoader": _load,
            },
        )
    except jsonld.JsonLdError as error:
        raise ValueError(str(error)) from error
    return str(result)


def _context_urls(document: dict[str, Any]) -> list[str]:
    context = document.get("@context")
    items = context if isinstance(context, list) else [context]
    return [item for item in items if isinstance(item, str)]
