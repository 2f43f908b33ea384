/* vnsh-misc.c: commands about the shell itself. */
#include <config.h>

#include <stdio.h>

#include <glib/gi18n.h>
#include <vnet/vnet.h>

#include "vnsh.h"

static int
cmd_version(int argc, char **argv)
{
    if (argc > 1) {
        vnsh_error(_("'version' takes no arguments"));
        return VNSH_EXIT_USAGE;
    }
    printf("vnsh %s (libvnet %s)\n", PACKAGE_VERSION, vnet_get_version());
    return VNSH_EXIT_OK;
}

const VnshCommand vnsh_misc_commands[] = {
    {"version", "version", N_("print the version of vnsh and libvnet"), "vnsh version",
     cmd_version},
    {NULL},
};
