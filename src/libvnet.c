/* libvnet.c: library-wide entry points. */
#include <config.h>

#include <vnet/vnet.h>

/**
 * vnet_get_version:
 *
 * Returns: the version of the loaded libvnet, e.g. "0.1.0".
 */
const char *
vnet_get_version(void)
{
    return PACKAGE_VERSION;
}
