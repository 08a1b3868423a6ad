#!/bin/sh
# Regenerates the message catalog: extracts the msgids (N_ marks), merges them into each language's .po
# (new entries are left to translate in the .po), and compiles the shipped .mo files.
set -e
cd "$(dirname "$0")/.."
BIN="$(dirname "$(command -v python)")"
[ -x .venv/bin/pybabel ] && BIN=.venv/bin
"$BIN/pybabel" extract --no-location --project ccch_docs -k N_ -k NP_:1,2 -o ccch_docs/locale/ccch_docs.pot \
    ccch_docs/messages.py ccch_docs/yamlerrors.py ccch_docs/cli.py
"$BIN/pybabel" update --no-fuzzy-matching -D ccch_docs -d ccch_docs/locale \
    -i ccch_docs/locale/ccch_docs.pot
"$BIN/pybabel" compile --statistics -D ccch_docs -d ccch_docs/locale
