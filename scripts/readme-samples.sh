#!/usr/bin/env bash
# Prints the sample outputs the README shows, from a sample roster built here with a pinned clock, so
# they can be refreshed after a change (the interactive session is captured separately, in tmux).
# Usage: bash scripts/readme-samples.sh > /tmp/samples.txt   (after npm run build)
#        bash scripts/readme-samples.sh --roster <folder>      only builds the sample roster there (the
#                                                             report's browser test makes the README's
#                                                             screenshot from it)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
roster=$work/roster
if [ "${1:-}" = --roster ]; then roster=${2:?--roster needs a folder}; fi
export CX_CONFIG_DIR=$roster CX_NOW=2026-11-24T09:00:00Z NO_COLOR=1
cx() { node "$root/bin/cx.cjs" "$@"; }
assess() { echo "$3" | CX_NOW=$2T09:00:00Z node "$root/bin/cx.cjs" assess "$1" --answers - >/dev/null 2>&1; }
assess "Dana Lee" 2026-10-01 '{"understands":"yes","relevant":"yes","endorses":"yes","pledged":"no","stance":"resistant","participation":"joins","outlier-reasons":["already-doing-it"],"influence":"high","role":"VP Operations","team":"Contact centre"}'
assess "Sam Ortiz" 2026-10-20 '{"understands":"yes","relevant":"no","doubt-reason":"roi-unclear","stance":"neutral","participation":"joins","influence":"medium","role":"Finance partner","team":"Finance"}'
assess "Priya Nair" 2026-11-10 '{"understands":"yes","relevant":"yes","endorses":"yes","pledged":"yes","acted":"yes","stance":"keen","participation":"recruits","influence":"high","role":"Head of Digital","team":"Digital"}'
assess "Kim Park" 2026-11-02 '{"understands":"yes","relevant":"yes","endorses":"yes","pledged":"yes","acted":"no","stance":"keen","participation":"joins","influence":"high","role":"Director, Support","team":"Contact centre"}'
assess "Lee Chan" 2026-11-18 '{"understands":"thinks-they-do-it","stance":"neutral","participation":"unknown","influence":"low","role":"Store manager","team":"Retail"}'
assess "Ravi Shah" 2026-10-05 '{"understands":"yes","relevant":"yes","endorses":"no","doubt-reason":"resists-change","stance":"resistant","participation":"declines","outlier-reasons":["already-doing-it"],"influence":"high","role":"Head of Quality","team":"Operations"}'
assess "Sam Ortiz" 2026-11-19 '{"understands":"yes","relevant":"yes","endorses":"yes","pledged":"no","stance":"keen","participation":"joins"}'
cx log "Priya Nair" "Presented results at the ops review" --tactic nurture-followers --outcome worked --date 2026-11-12 >/dev/null
cx log "Dana Lee" "Offered to co-lead the complaints review; she'll think about it" --tactic co-lead --outcome waiting --date 2026-11-17 >/dev/null
cx log "Ravi Shah" "Asked what worries him; he says the program repeats his quality work" --tactic understand-why --date 2026-11-18 >/dev/null
cx set "Lee Chan" --target buy-in >/dev/null
cat > "$work/steering.csv" <<'CSV'
Name,Stage,Disposition,Team,Influence,Notes,Email
Ravi Shah,,,,,"Agreed to look at the complaint themes, ""if it doesn't add meetings""",ravi@example.com
Mo Haddad,Buy-in,fence-sitter,Finance,medium,New budget owner,mo@example.com
Lee Chan,,,,medium,,lee@example.com
CSV
cd "$work"
if [ "${1:-}" = --roster ]; then
  # Only what changes the roster.
  show() {
    case "$*" in *--dry-run* | "cx list"* | "cx todo"* | "cx show"* | "cx board"* | "cx report"*) return ;; esac
    eval "$@" >/dev/null 2>&1 || true
  }
else
  # The sample folder is a temporary one: paths in the output read as a home folder's.
  show() { echo "\$ $*"; eval "$@" 2>&1 | sed "s|$work|/home/you|g" || true; echo; }
fi
show cx list
show cx import steering.csv --dry-run
show cx import steering.csv
show cx set '"Sam Ortiz"' '"Mo Haddad"' --stage commitment --note '"Pledged two analysts at the steering meeting"'
show cx set '"Dana Le"' --stage commitment
show "cx list --json | jq -r '.[] | select(.disposition == \"outlier\") | \"\\(.name)\\t\\(.stage)\\t\\(.reasons | join(\",\"))\"'"
show cx list --stage commitment --sort stuck
show cx todo
show cx todo --markdown --limit 3
show cx log '"Kim Park"' '"Shared Priya'"'"'s ops-review results; Kim booked a first sprint"' --tactic social-proof --outcome worked
show cx show '"Dana Lee"'
show cx board
show cx board --months 3
show cx report
