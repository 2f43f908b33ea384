/* vnsh-mangen.c: writes vnsh(1) from the command tables at build time, so
 * that the man page lists exactly the commands vnsh has. */
#include <config.h>

#include <stdio.h>

#include "vnsh.h"

int
main(void)
{
    g_autofree char *page = vnsh_man_page();

    fputs(page, stdout);
    return ferror(stdout) ? 1 : 0;
}
