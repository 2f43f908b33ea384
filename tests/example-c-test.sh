#!/bin/sh
# example-c-test.sh: runs examples/c/vnet-example as built by make check,
# then builds the same source out of tree against an installed copy of
# libvnet found through pkg-config, and runs that too. TAP output.
set -u
srcdir=${VNET_TOP_SRCDIR:?}
builddir=${VNET_TOP_BUILDDIR:?}
cc=${VNET_CC:-cc}
pkg_config=${VNET_PKG_CONFIG:-pkg-config}
domain="$srcdir/examples/c/domain.xml"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/vnet-example.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT

echo "1..2"

check_output() {
    grep -q "<target dev='vnet" "$1" &&
        grep -q "domain 'example1' started, destroyed and undefined on test:///default" "$1"
}

if "$builddir/examples/c/vnet-example" "$domain" >"$tmp/out1" 2>&1 && check_output "$tmp/out1"; then
    echo "ok 1 in-tree example prints the live XML"
else
    sed 's/^/# /' "$tmp/out1"
    echo "not ok 1 in-tree example prints the live XML"
fi

# Install only what a C program needs, into a staging root, without letting
# the outer make's job server or flags leak into this one.
prefix=$(sed -n 's/^prefix=//p' "$builddir/src/libvnet.pc")
if env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL ${MAKE:-make} -s -C "$builddir" \
       install-libLTLIBRARIES install-vnetincludeHEADERS install-pkgconfigDATA \
       DESTDIR="$tmp/stage" >"$tmp/install.log" 2>&1 &&
   pc=$(find "$tmp/stage" -name libvnet.pc | head -n1) && [ -n "$pc" ] &&
   # pkg-config's --define-variable would re-root glib too: point a copy
   # of the installed file at the staging root instead
   mkdir -p "$tmp/pc" &&
   sed "s|^prefix=.*|prefix=$tmp/stage$prefix|" "$pc" >"$tmp/pc/libvnet.pc" &&
   flags=$(PKG_CONFIG_PATH="$tmp/pc" $pkg_config --cflags --libs libvnet) &&
   libdir=$(PKG_CONFIG_PATH="$tmp/pc" $pkg_config --variable=libdir libvnet) &&
   $cc ${VNET_EXAMPLE_CFLAGS:-} "$srcdir/examples/c/vnet-example.c" -o "$tmp/vnet-example" \
       $flags >"$tmp/cc.log" 2>&1 &&
   LD_LIBRARY_PATH="$libdir" "$tmp/vnet-example" "$domain" >"$tmp/out2" 2>&1 &&
   check_output "$tmp/out2" &&
   # the program must have used the installed library, not the build tree's
   LD_LIBRARY_PATH="$libdir" ldd "$tmp/vnet-example" | grep -q "$tmp/stage"; then
    echo "ok 2 example built with pkg-config against an installed libvnet"
else
    cat "$tmp/install.log" "$tmp/cc.log" "$tmp/out2" 2>/dev/null | sed 's/^/# /'
    echo "not ok 2 example built with pkg-config against an installed libvnet"
fi
