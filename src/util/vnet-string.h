/* vnet-string.h: small string helpers. */
#pragma once

#include <glib.h>

/* Levenshtein distance between two strings (case-sensitive). */
guint vnet_string_edit_distance(const char *a, const char *b);

/* The candidate closest to @str (NULL entries skipped), if it is close
 * enough to be a likely typo (distance <= max(1, len/3)) or differs only in
 * case; else NULL. */
const char *vnet_string_suggest(const char *str, const char *const *candidates, guint n);
