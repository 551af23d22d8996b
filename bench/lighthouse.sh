#!/usr/bin/env bash
# Lighthouse on the course and module pages, as a learner's phone sees them.
#
# Serves the product as production does (bench/_server.py: the demo programme in a
# database of its own, DJANGO_DEBUG=false, compressed hashed static files, gunicorn),
# signs in as the demo tutor, and runs the project's own Lighthouse (package.json) in
# Debian's Chromium with mobile emulation, the session passed as a Cookie header.
#
#     bash bench/lighthouse.sh            # BENCH_WORKDIR=DIR keeps the built database
#
# Prints, per page:  NAME performance=X accessibility=Y
# Exits 1 when a page scores under 95 for performance or under 100 for accessibility.
set -euo pipefail

cd "$(dirname "$0")/.."
LIGHTHOUSE=node_modules/.bin/lighthouse
PYTHON=.venv/bin/python
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
CHROME_FLAGS="--headless --no-sandbox --disable-gpu --disable-background-networking"

if [ ! -x "$LIGHTHOUSE" ]; then
  echo "Lighthouse is not installed: run 'npm ci' (or 'make install') first." >&2
  exit 2
fi

scratch="$(mktemp -d -t lms-lighthouse-XXXXXX)"
workdir="${BENCH_WORKDIR:-$scratch/data}"
server=""
cleanup() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
    kill -TERM "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  rm -rf "$scratch"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

"$PYTHON" bench/_server.py --workdir "$workdir" --ready-file "$scratch/ready.json" \
  --max-seconds 900 &
server=$!

# Building the demo programme takes a minute or two; give up after ten.
for _ in $(seq 600); do
  [ -s "$scratch/ready.json" ] && break
  if ! kill -0 "$server" 2>/dev/null; then
    echo "The product did not start." >&2
    exit 2
  fi
  sleep 1
done
[ -s "$scratch/ready.json" ] || { echo "The product did not start in time." >&2; exit 2; }

"$PYTHON" - "$scratch/ready.json" "$scratch" <<'PY'
import json, sys
from pathlib import Path
ready = json.loads(Path(sys.argv[1]).read_text())
scratch = Path(sys.argv[2])
(scratch / "headers.json").write_text(json.dumps({"Cookie": ready["cookie_header"]}))
for name in ("course", "module"):
    (scratch / f"{name}.url").write_text(ready["base_url"] + ready["pages"][name])
PY

missed=0
for name in course module; do
  url="$(cat "$scratch/$name.url")"
  timeout 240 "$LIGHTHOUSE" "$url" \
    --quiet \
    --chrome-flags="$CHROME_FLAGS" \
    --form-factor=mobile \
    --only-categories=performance,accessibility \
    --extra-headers="$scratch/headers.json" \
    --output=json --output-path="$scratch/$name.json" >/dev/null
  line="$("$PYTHON" - "$scratch/$name.json" "$name" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
if "/accounts/" in report.get("finalDisplayedUrl", ""):
    sys.exit(f"{sys.argv[2]}: the session was not accepted ({report['finalDisplayedUrl']})")
scores = {key: round((c["score"] or 0) * 100) for key, c in report["categories"].items()}
# What to look at when a score drops: failed audits of either category.
for key, category in report["categories"].items():
    for ref in category["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref["weight"] and audit["score"] is not None and audit["score"] < 0.9:
            value = audit.get("displayValue", "")
            print(f"  {key}: {ref['id']} score={audit['score']:.2f} {value}", file=sys.stderr)
print(f"{sys.argv[2]} performance={scores['performance']} accessibility={scores['accessibility']}")
PY
)"
  echo "$line"
  perf="$(sed -E 's/.*performance=([0-9]+).*/\1/' <<<"$line")"
  a11y="$(sed -E 's/.*accessibility=([0-9]+).*/\1/' <<<"$line")"
  if [ "$perf" -lt 95 ] || [ "$a11y" -lt 100 ]; then missed=1; fi
done
exit "$missed"
