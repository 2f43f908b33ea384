#!/bin/sh
# Every source file with translatable strings is listed in po/POTFILES.in,
# and every listed file exists. Prints TAP.
top=${VNET_TOP_SRCDIR:-$(dirname "$0")/..}
cd "$top" || exit 1
echo "1..2"
missing=$(grep -l -E '(^|[^A-Za-z0-9_])N?_\("' $(find src tools -name '*.c' | sort) 2>/dev/null |
    while read -r f; do grep -qx "$f" po/POTFILES.in || echo "$f"; done)
if [ -z "$missing" ]; then
    echo "ok 1 - every file with _() strings is in po/POTFILES.in"
else
    echo "not ok 1 - missing from po/POTFILES.in:" $missing
fi
stale=$(grep -v '^#' po/POTFILES.in | grep -v '^$' | while read -r f; do [ -f "$f" ] || echo "$f"; done)
if [ -z "$stale" ]; then
    echo "ok 2 - every file in po/POTFILES.in exists"
else
    echo "not ok 2 - listed but missing:" $stale
fi
