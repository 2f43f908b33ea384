/* vnet-i18n.h: gettext for user-visible text. */
#pragma once

#include <glib/gi18n-lib.h>

/* Binds the library's text domain once; every public entry point that can
 * produce user-visible text calls it (cheap after the first call). */
void vnet_i18n_init(void);
