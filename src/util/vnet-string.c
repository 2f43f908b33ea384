/* vnet-string.c: edit distance and "did you mean" suggestions. */
#include <config.h>

#include <string.h>

#include "util/vnet-string.h"

/* Optimal string alignment distance: insertions, deletions, substitutions
 * and swaps of neighbours ("yse" -> "yes") each cost one. */
guint
vnet_string_edit_distance(const char *a, const char *b)
{
    gsize la = strlen(a), lb = strlen(b);
    gsize width = lb + 1;
    g_autofree guint *d = g_new(guint, (la + 1) * width);
    guint result;

    for (gsize i = 0; i <= la; i++)
        d[i * width] = i;
    for (gsize j = 0; j <= lb; j++)
        d[j] = j;
    for (gsize i = 1; i <= la; i++) {
        for (gsize j = 1; j <= lb; j++) {
            guint cost = a[i - 1] == b[j - 1] ? 0 : 1;
            guint best = MIN(d[(i - 1) * width + j] + 1, d[i * width + j - 1] + 1);

            best = MIN(best, d[(i - 1) * width + j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                best = MIN(best, d[(i - 2) * width + j - 2] + 1);
            d[i * width + j] = best;
        }
    }
    result = d[la * width + lb];
    return result;
}

const char *
vnet_string_suggest(const char *str, const char *const *candidates, guint n)
{
    const char *best = NULL;
    guint best_distance = G_MAXUINT;
    guint limit;

    if (!str || !*str)
        return NULL;
    limit = MAX(1, strlen(str) / 3);
    for (guint i = 0; i < n; i++) {
        const char *candidate = candidates[i];
        guint d;

        if (!candidate)
            continue;
        if (g_ascii_strcasecmp(candidate, str) == 0)
            return candidate;
        d = vnet_string_edit_distance(str, candidate);
        if (d < best_distance) {
            best_distance = d;
            best = candidate;
        }
    }
    return best_distance <= limit ? best : NULL;
}
