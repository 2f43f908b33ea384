/* vnsh-xml.c: commands on XML files that need no connection. */
#include <config.h>

#include <stdio.h>

#include <glib/gi18n.h>

#include "vnsh.h"

/* Errors from the XML layer already start with "FILE:LINE: ". */
static int
report_invalid(GError *error)
{
    fprintf(stderr, "%s\n", error->message);
    return VNSH_EXIT_FAILED;
}

static int
cmd_validate(VnshCtl *ctl, const VnshArgs *args)
{
    g_autoptr(GError) error = NULL;
    const char *file = vnsh_args_get(args, "file");
    VnetDocumentType type = VNET_DOCUMENT_UNKNOWN;

    if (!vnet_xml_validate_file(file, &type, &error))
        return report_invalid(error);
    printf(_("%s: valid %s document\n"), file,
           type == VNET_DOCUMENT_DOMAIN ? "domain" : "network");
    return VNSH_EXIT_OK;
}

static int
cmd_format(VnshCtl *ctl, const VnshArgs *args)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *text = vnet_xml_format_file(vnsh_args_get(args, "file"), &error);

    if (!text)
        return report_invalid(error);
    fputs(text, stdout);
    return VNSH_EXIT_OK;
}

static const VnshOption file_options[] = {
    {"file", VNSH_OPT_ARG, VNSH_OPT_REQUIRED, "FILE", N_("a domain or network XML file"),
     VNSH_COMPLETE_FILE},
    {NULL},
};

const VnshCommand vnsh_xml_commands[] = {
    {"validate", N_("check a domain or network XML file against every rule, touching nothing"),
     N_("Errors name the file, line, element, attribute and value at fault."),
     "vnsh validate examples/networks/natnet1.xml", file_options, VNSH_CMD_NO_CONNECT,
     cmd_validate},
    {"format", N_("print a domain or network XML file in canonical form, defaults filled in"),
     NULL, "vnsh format examples/domains/direct-vepa-eth0.xml", file_options, VNSH_CMD_NO_CONNECT,
     cmd_format},
    {NULL},
};
