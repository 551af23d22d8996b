"""Timing of a certificate's credential and PDF signature, for ``bench/certificates.py``.

``credential_ms_median``: building the Open Badges credential and its eddsa-rdfc-2022 proof
(two RDFC-1.0 canonicalisations and an Ed25519 signature). ``sign_ms_median``: attaching
the credential to the rendered PDF and signing it (PAdES B-B, RSA-3072). The status list
entry is a row update and is not counted.
"""

from __future__ import annotations

import statistics
import time


def credential_benchmark(enrolment, runs: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    from django.utils import timezone

    from certificates import pdf, services, signing
    from certificates.credentials import document
    from certificates.credentials import services as credential_services

    person = enrolment.person
    person.preferred_language = "kk"
    certificate = services._build(
        enrolment=enrolment,
        person=person,
        course=enrolment.course,
        issued_at=timezone.now(),
        issued_by=None,
    )
    rendered = pdf.render_document(certificate)

    def credential() -> dict:  # type: ignore[type-arg]
        unsigned = document.build(
            certificate=certificate, email=person.email, status_list=1, status_index=7
        )
        return credential_services.sign(unsigned)[0]

    for _warm in range(3):
        signing.finish(rendered, credential())
    credential_ms, sign_ms = [], []
    for _run in range(runs):
        start = time.perf_counter()
        signed = credential()
        credential_ms.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        signing.finish(rendered, signed)
        sign_ms.append((time.perf_counter() - start) * 1000)
    return statistics.median(sign_ms), statistics.median(credential_ms)
