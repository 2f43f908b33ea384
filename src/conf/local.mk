# src/conf: fragment of the top-level Makefile.am
