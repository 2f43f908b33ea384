#!/bin/sh
# LOG_COMPILER for the GTest programs: asks for TAP output, and runs the test
# under valgrind when VNET_TEST_VALGRIND=1 (make check-valgrind).
test=$1
shift
if [ "${VNET_TEST_VALGRIND:-0}" = 1 ]; then
    exec env G_SLICE=always-malloc G_DEBUG=gc-friendly \
        "${VNET_TOP_BUILDDIR:-.}/libtool" --mode=execute valgrind --quiet --error-exitcode=99 --leak-check=full \
        --show-leak-kinds=definite --errors-for-leak-kinds=definite \
        --suppressions="$VNET_TEST_SRCDIR/valgrind.supp" \
        "$test" --tap "$@"
fi
exec "$test" --tap "$@"
