#!/usr/bin/env bash
# Renders the example's HTML report in headless Chromium: the page must
# load with no request leaving it (it is self-contained), show the
# report's figures (checked in the rendered DOM against the JSON report of
# the same run) and its two charts; a screenshot is kept for a person to
# look at: target/report/report.png.
#
# Installs chromium with apt-get when it is missing (Debian package).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null; then
    echo "==> installing chromium"
    export DEBIAN_FRONTEND=noninteractive
    sudo_cmd=()
    [[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -qq
    "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi

echo "==> cargo build (piimask)"
cargo build --quiet --bin piimask
bin="${CARGO_TARGET_DIR:-target}/debug/piimask"
out="${CARGO_TARGET_DIR:-target}/report"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

echo "==> piimask guard | piimask report on examples/guard"
(cd examples/guard && cat network.jsonl monitor.jsonl |
    "../../$bin" guard --key-file demo.key --config config.json 2>/dev/null) >"$out/guarded.jsonl"
roi=(--cost-of-measures 1000 --cost-per-leaked-record 150 --revenue-per-conversation 20 --period-days 30)
"$bin" report "${roi[@]}" --json --html "$out/report.html" "$out/guarded.jsonl" >"$out/report.json"

chrome=(chromium --headless --no-sandbox --disable-gpu --hide-scrollbars
    --no-first-run --disable-extensions --user-data-dir="$out/chromium-profile")
echo "==> chromium --dump-dom"
"${chrome[@]}" --dump-dom "file://$out/report.html" 2>/dev/null >"$out/report.dom.html"
echo "==> chromium --screenshot"
"${chrome[@]}" --window-size=1100,2600 --screenshot="$out/report.png" \
    "file://$out/report.html" 2>/dev/null

python3 - "$out" <<'PY'
import json, sys
from html.parser import HTMLParser

out = sys.argv[1]
report = json.load(open(f"{out}/report.json"))
dom = open(f"{out}/report.dom.html", encoding="utf-8").read()

class Page(HTMLParser):
    """Collects the rendered tables (id -> rows of cell texts), the KPI
    cards (id -> value) and the SVG charts (id -> number of bars)."""
    def __init__(self):
        super().__init__()
        self.tables, self.cards, self.bars = {}, {}, {}
        self.table = self.card = self.svg = None
        self.cell = None
        self.in_value = False
        self.external = []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("script", "link", "img", "iframe") or "src" in a:
            self.external.append(tag)
        if tag == "table":
            self.table = a.get("id"); self.tables[self.table] = []
        elif tag == "tr" and self.table:
            self.tables[self.table].append([])
        elif tag in ("td", "th") and self.table:
            self.cell = ""
        elif tag == "div" and a.get("class") == "card":
            self.card = a.get("id")
        elif tag == "div" and a.get("class") == "v" and self.card:
            self.in_value = True; self.cards[self.card] = ""
        elif tag == "svg":
            self.svg = a.get("id"); self.bars[self.svg] = 0
        elif tag == "rect" and self.svg:
            self.bars[self.svg] += 1
    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None and self.table:
            self.tables[self.table][-1].append(self.cell.strip()); self.cell = None
        elif tag == "table":
            self.table = None
        elif tag == "div" and self.in_value:
            self.in_value = False; self.card = None
        elif tag == "svg":
            self.svg = None
    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data
        if self.in_value:
            self.cards[self.card] += data

page = Page()
page.feed(dom)
failures = []
def check(what, got, want):
    if got != want:
        failures.append(f"{what}: page shows {got!r}, report says {want!r}")

def row(table, label):
    for r in page.tables.get(table, []):
        if r and r[0] == label:
            return r
    failures.append(f"{table}: no row {label!r}")
    return None

check("external resources", page.external, [])
m = report["messages"]
check("card messages", page.cards.get("kpi-messages"), str(m["scanned"]))
check("card leaks", page.cards.get("kpi-leaks"), str(report["leak_events"]["all"]["total"]))
check("card alerts", page.cards.get("kpi-alerts"), str(report["alerts"]["total"]))
for label, key in [("scanned", "scanned"), ("outbound", "outbound"), ("conversations", "conversations")]:
    r = row("messages", label)
    if r: check(f"messages {label}", r[1], str(m[key]))
for table, key in [("leaks-by-class", "by_class"), ("leaks-by-kind", "by_kind"), ("leaks-by-agent", "by_agent")]:
    for name, o in report["leak_events"][key].items():
        r = row(table, name)
        if r: check(f"{table} {name}", r[1:], [str(o[k]) for k in ("total", "held", "masked", "delivered")])
for agent, c in report["compliance"]["agents"].items():
    r = row("compliance", agent)
    if r: check(f"compliance {agent}", r[3], f"{c['share'] * 100:.1f}%")
alerts = page.tables.get("alerts", [])[1:]
check("alert rows", len(alerts), report["alerts"]["total"])
for r, a in zip(alerts, report["alerts"]["list"]):
    check(f"alert {a['id']}", (r[1], r[2], r[5]), (a["rule"], a["actor"], f"{a['response_secs']} s"))
for name, o in report["reveals"]["by_role"].items():
    r = row("reveals-by-role", name)
    if r: check(f"reveals {name}", r[1], str(o["total"]))
for label, key in [("exposure avoided", "exposure_avoided"), ("ROI", "roi")]:
    r = row("roi", label)
    if r: check(f"roi {label} formula", r[2], report["roi"][key]["formula"])
check("leak bars per day", page.bars.get("chart-events", 0) > 0, True)
# Two rects (track and fill) per agent and one pair for the team.
check("compliance bars", page.bars.get("chart-compliance"), 2 * (len(report["compliance"]["agents"]) + 1))

import struct
png = open(f"{out}/report.png", "rb").read()
check("screenshot is a PNG", png[:8], b"\x89PNG\r\n\x1a\n")
width, height = struct.unpack(">II", png[16:24])
check("screenshot size", (width, height), (1100, 2600))
if failures:
    print("\n".join(failures)); sys.exit(1)
print(f"rendered report checked: {len(page.tables)} tables, {len(page.cards)} cards, "
      f"charts {page.bars}; screenshot {out}/report.png")
PY
