/* vnet-common.h: version and macros shared by every libvnet header. */
#pragma once

#if !defined(VNET_H_INSIDE) && !defined(VNET_COMPILATION)
#error "Only <vnet/vnet.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

#define VNET_MAJOR_VERSION 0
#define VNET_MINOR_VERSION 1
#define VNET_MICRO_VERSION 0

/**
 * vnet_get_version:
 *
 * Returns: the version of the libvnet that is loaded at run time, as a
 * static string such as "0.1.0".
 */
const char *vnet_get_version(void);

G_END_DECLS
