# src/network: fragment of the top-level Makefile.am
