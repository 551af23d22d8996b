"""Where the demo identity provider keeps its files (``DEMO_IDP_DIR``)."""

import os
from pathlib import Path

DIR = Path(os.environ.get("DEMO_IDP_DIR", Path(__file__).resolve().parents[2] / "var" / "idp"))
KEY_FILE = DIR / "key.pem"
PEOPLE_FILE = DIR / "people.json"
