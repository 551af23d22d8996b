"""Certificates: templates, issue, reissue and revocation, frozen PDFs and public
verification by code or QR. It consumes course completion from ``courses``.

Layer 3: imports ``courses``, ``supervision``, ``people`` and ``core``.
"""
