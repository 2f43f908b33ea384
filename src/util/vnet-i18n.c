/* vnet-i18n.c: binding libvnet's gettext domain. */
#include <config.h>

#include "util/vnet-i18n.h"

void
vnet_i18n_init(void)
{
    static gsize done = 0;

    if (g_once_init_enter(&done)) {
        bindtextdomain(GETTEXT_PACKAGE, LOCALEDIR);
        bind_textdomain_codeset(GETTEXT_PACKAGE, "UTF-8");
        g_once_init_leave(&done, 1);
    }
}
