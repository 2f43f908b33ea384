#!/bin/sh
# quickstart.sh: set up a fresh Debian 12 machine and build vnet, then
#   ./quickstart.sh demo    run the demo
#   ./quickstart.sh check   run the whole test suite ("N passed, N failed")
#   ./quickstart.sh deps    only install the Debian packages
set -eu

cd "$(dirname "$0")"

# Everything vnet needs to build, test and run its demo.
PACKAGES="build-essential autoconf automake libtool autopoint gettext pkg-config
  libxml2-dev libxml2-utils libglib2.0-dev libglib2.0-bin libnl-3-dev libnl-route-3-dev
  libdbus-1-dev dbus libjson-glib-dev libreadline-dev valgrind iproute2 busybox
  dnsmasq-base nftables iputils-ping tmux python3 python3-dbus doxygen"

say() { printf '==> %s\n' "$*"; }

install_deps() {
    missing=""
    for p in $PACKAGES; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
            missing="$missing $p"
    done
    [ -z "$missing" ] && return 0
    say "installing Debian packages:$missing"
    if [ "$(id -u)" -eq 0 ]; then
        sudo=""
    elif command -v sudo >/dev/null 2>&1; then
        sudo="sudo"
    else
        echo "error: need root (or sudo) to install:$missing" >&2
        exit 1
    fi
    $sudo apt-get update -q
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends $missing
}

build() {
    if [ ! -x configure ]; then
        say "autogen"
        ./autogen.sh >/dev/null
    fi
    if [ ! -f Makefile ]; then
        say "configure"
        ./configure --quiet
    fi
    say "make"
    make -j"$(nproc)" >/dev/null
}

# Counts test cases from automake's .trs files (one per TAP line).
report() {
    find . -name '*.trs' -newer configure -print0 2>/dev/null |
        xargs -0 cat 2>/dev/null |
        awk '/^:test-result: (PASS|XFAIL)/ {p++}
             /^:test-result: (FAIL|XPASS|ERROR)/ {f++}
             /^:test-result: SKIP/ {s++}
             END {printf "%d passed, %d failed, %d skipped\n", p, f, s}'
}

demo() {
    say "vnsh --version"
    ./tools/vnsh/vnsh --version
}

check() {
    find . -name '*.trs' -delete 2>/dev/null || true
    status=0
    make -j"$(nproc)" check || status=$?
    if [ $status -ne 0 ]; then
        find . -name 'test-suite.log' -exec sed -n '1,200p' {} \; >&2 || true
    fi
    report
    return $status
}

case "${1:-}" in
deps) install_deps ;;
demo) install_deps; build; demo ;;
check) install_deps; build; check ;;
*)
    echo "usage: $0 demo|check|deps" >&2
    exit 2
    ;;
esac
