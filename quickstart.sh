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
  dnsmasq-base nftables iputils-ping tmux python3 python3-dbus doxygen
  systemd passwd procps util-linux"

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

# The demo: vnsh on the real host driver, in a throwaway network and mount
# namespace with its own root folder, so the machine's network is never
# touched: the example NAT network, a netns guest with a NIC on it and one
# with a direct (macvtap) NIC on a veth "uplink", started, listed, and
# cleaned up. Needs root (sudo is used when available).
demo() {
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || {
            echo "error: the demo needs root (or sudo) for its private namespace" >&2
            exit 1
        }
        sudo="sudo"
    fi
    root=$(mktemp -d /tmp/vnet-demo.XXXXXX)
    cat >"$root/guest1.xml" <<'EOF'
<domain type='netns'>
  <name>guest1</name>
  <devices>
    <interface type='natnetwork'>
      <mac address='52:54:00:00:15:05'/>
      <source network='natnet1'/>
    </interface>
  </devices>
</domain>
EOF
    cat >"$root/guest2.xml" <<'EOF'
<domain type='netns'>
  <name>guest2</name>
  <devices>
    <interface type='direct'>
      <mac address='52:54:00:00:16:01'/>
      <source dev='uplink0' mode='bridge'/>
    </interface>
  </devices>
</domain>
EOF
    cat >"$root/demo.sh" <<'EOF'
set -u
vnsh() { echo "\$ vnsh $*"; ./tools/vnsh/vnsh -c "local:///?root=$ROOT" "$@" || failed=1; }
failed=0
# a private /run/netns, so the guests' named namespaces vanish with us
mount --make-rprivate /
mkdir -p /run/netns && mount -t tmpfs tmpfs /run/netns
ip link set lo up
# a stand-in for the host's physical NIC, for the direct (macvtap) guest
ip link add uplink0 type veth peer name uplink0p && ip link set uplink0 up && ip link set uplink0p up

vnsh net-define examples/networks/natnet1.xml
vnsh net-start natnet1
vnsh define "$ROOT/guest1.xml"
vnsh define "$ROOT/guest2.xml"
vnsh start guest1
vnsh start guest2
# guest1 asks natnet1's DHCP server for an address
ip netns exec guest1 busybox udhcpc -q -n -t 5 -i eth0 -s /bin/true >/dev/null 2>&1 ||
    echo "(no DHCP lease for guest1)"
vnsh list --all
vnsh net-list --all
vnsh domiflist guest1
vnsh domiflist guest2
vnsh net-dhcp-leases natnet1

echo "==> cleaning up"
./tools/vnsh/vnsh -c "local:///?root=$ROOT" \
    "destroy guest1; destroy guest2; undefine guest1; undefine guest2" >/dev/null 2>&1
./tools/vnsh/vnsh -c "local:///?root=$ROOT" \
    "net-destroy natnet1; net-undefine natnet1" >/dev/null 2>&1
exit $failed
EOF
    say "vnsh demo in a private namespace (root folder $root)"
    status=0
    $sudo env ROOT="$root" unshare --net --mount sh "$root/demo.sh" || status=$?
    $sudo rm -rf "$root"
    if [ $status -ne 0 ]; then
        say "some demo steps failed (their errors are above)"
        return $status
    fi
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
