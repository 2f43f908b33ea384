/* vnsh-xml.c: commands on XML files that need no connection. */
#include <config.h>

#include <stdio.h>

#include <glib/gi18n.h>
#include <vnet/vnet.h>

#include "vnsh.h"

/* Errors from the XML layer already start with "FILE:LINE: ". */
static int
report_invalid(GError *error)
{
    fprintf(stderr, "%s\n", error->message);
    return VNSH_EXIT_FAILED;
}

static int
cmd_validate(int argc, char **argv)
{
    g_autoptr(GError) error = NULL;
    VnetDocumentType type = VNET_DOCUMENT_UNKNOWN;

    if (argc != 2) {
        vnsh_error(_("usage: vnsh validate FILE"));
        return VNSH_EXIT_USAGE;
    }
    if (!vnet_xml_validate_file(argv[1], &type, &error))
        return report_invalid(error);
    printf(_("%s: valid %s document\n"), argv[1],
           type == VNET_DOCUMENT_DOMAIN ? "domain" : "network");
    return VNSH_EXIT_OK;
}

static int
cmd_format(int argc, char **argv)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *text = NULL;

    if (argc != 2) {
        vnsh_error(_("usage: vnsh format FILE"));
        return VNSH_EXIT_USAGE;
    }
    text = vnet_xml_format_file(argv[1], &error);
    if (!text)
        return report_invalid(error);
    fputs(text, stdout);
    return VNSH_EXIT_OK;
}

const VnshCommand vnsh_xml_commands[] = {
    {"validate", "validate FILE",
     N_("check a domain or network XML file against every rule, touching nothing"),
     "vnsh validate examples/networks/natnet1.xml", cmd_validate},
    {"format", "format FILE",
     N_("print a domain or network XML file in canonical form, defaults filled in"),
     "vnsh format examples/domains/vepa.xml", cmd_format},
    {NULL},
};
