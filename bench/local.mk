# bench: fragment of the top-level Makefile.am
EXTRA_DIST += bench/README.md
