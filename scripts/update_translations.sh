#!/usr/bin/env bash
# Re-extracts the client's UI strings into assets/i18n/*.ts and compiles them to .qm.
#   scripts/update_translations.sh          extract (keeps existing translations) and compile
#   scripts/update_translations.sh --fill   also fill new Chinese/English translations from
#                                           scripts/translations_zh.py (our glossary)
# The i18n test (tests/client/ui/test_i18n.py) fails when a string is missing or unfinished.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
SOURCES=$(find client/ui -name '*.py' | sort)
for lang in zh_CN en; do
    # shellcheck disable=SC2086
    "$BIN/pyside6-lupdate" -no-obsolete -locations none -target-language "$lang" $SOURCES -ts "assets/i18n/jiaowu_${lang}.ts"
done
if [[ "${1:-}" == "--fill" ]]; then
    "$BIN/python" scripts/translations_zh.py assets/i18n/jiaowu_zh_CN.ts assets/i18n/jiaowu_en.ts
fi
for lang in zh_CN en; do
    "$BIN/pyside6-lrelease" "assets/i18n/jiaowu_${lang}.ts" -qm "assets/i18n/jiaowu_${lang}.qm"
done
