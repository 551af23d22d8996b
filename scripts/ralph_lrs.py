"""Serve Ralph's LRS API with its file-system backend, for the ``lrs`` tests (``.ci/run``).

Run with the Python of ``.venv-lrs`` (``make lrs``):
``ralph_lrs.py HOST PORT DIRECTORY``; credentials come from ``$RALPH_APP_DIR/auth.json``
(written by ``ralph auth``). ``ralph runserver -b fs`` cannot serve these tests as it is:
its file-system LRS writes each POST with the "create" operation, which refuses a file that
exists, so every POST after the first fails with 500. Here the backend appends instead (the
file is JSON lines, read whole for each query), and uvicorn runs in this process without
the reloader, so stopping this process stops the LRS.
"""

from __future__ import annotations

import os
import sys


def main() -> None:
    host, port, directory = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    os.environ["RALPH_RUNSERVER_BACKEND"] = "fs"
    os.environ["RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH"] = directory
    import uvicorn
    from ralph.backends.data.base import BaseOperationType
    from ralph.backends.lrs.fs import FSLRSBackend

    FSLRSBackend.default_operation_type = BaseOperationType.APPEND
    uvicorn.run("ralph.api:app", host=host, port=port, log_level="warning")


if __name__ == "__main__":
    main()
