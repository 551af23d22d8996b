"""Supervision pages, one module per thing a person does: ``plan`` (entry page, caseload,
schools, years, the visit plan), ``visits`` (a visit, its moves, notes and report),
``records`` (observations, attachments, action points), ``oversight`` (coverage, action
point lists, observed practice) and ``offline`` (service worker, manifest, offline page).

Each view authenticates, finds the object within the reader's scope (``lookups``: 404
outside it), calls one service, and answers through ``replies`` in the channel the request
asked for (the page, autosave JSON, or a submission queued offline); services refuse with
a reason (403 for the role, a message on the form for the input).
"""
