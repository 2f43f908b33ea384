/* vnet-log.h: debug logging through GLib's structured log.
 *
 * VNET_DEBUG selects what is printed: "1" or "all" for everything, or a
 * comma-separated list of categories ("xml,netlink"). Library code logs at
 * debug level only; errors travel as GError, never as log lines.
 */
#pragma once

#include <glib.h>

gboolean vnet_log_category_enabled(const char *category);

void vnet_log_debug_full(const char *category, const char *file, const char *line,
                         const char *func, const char *format, ...) G_GNUC_PRINTF(5, 6);

/* Re-reads VNET_DEBUG; for tests. */
void vnet_log_reset(void);

#define vnet_debug(category, ...)                                                                  \
    do {                                                                                           \
        if (G_UNLIKELY(vnet_log_category_enabled(category)))                                       \
            vnet_log_debug_full(category, __FILE__, G_STRINGIFY(__LINE__), G_STRFUNC,              \
                                __VA_ARGS__);                                                      \
    } while (0)
