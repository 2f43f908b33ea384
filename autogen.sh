#!/bin/sh
# Regenerate the build system from configure.ac and the Makefile fragments.
set -e
srcdir=$(dirname "$0")
cd "$srcdir"
autoreconf -fi
echo "Now run ./configure && make"
