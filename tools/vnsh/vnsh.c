/* vnsh.c: the vnet shell's entry point: options, help, dispatch. */
#include <config.h>

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <vnet/vnet.h>

#include "vnsh.h"

static const VnshCommand *const command_groups[] = {
    vnsh_xml_commands,
    vnsh_misc_commands,
};

void
vnsh_error(const char *format, ...)
{
    va_list args;
    g_autofree char *text = NULL;

    va_start(args, format);
    text = g_strdup_vprintf(format, args);
    va_end(args);
    fprintf(stderr, "error: %s\n", text);
}

static const VnshCommand *
find_command(const char *name)
{
    for (guint g = 0; g < G_N_ELEMENTS(command_groups); g++)
        for (const VnshCommand *c = command_groups[g]; c->name; c++)
            if (g_str_equal(c->name, name))
                return c;
    return NULL;
}

static void
print_usage(FILE *out)
{
    fprintf(out, _("Usage: vnsh [-c URI] [COMMAND [ARGS…]]\n\n"));
    fprintf(out, _("Options:\n"));
    fprintf(out, "  -c, --connect URI   %s\n", _("connect to URI"));
    fprintf(out, "  -h, --help          %s\n", _("show this help"));
    fprintf(out, "  -V, --version       %s\n\n", _("show the version"));
    fprintf(out, _("Commands:\n"));
    for (guint g = 0; g < G_N_ELEMENTS(command_groups); g++)
        for (const VnshCommand *c = command_groups[g]; c->name; c++)
            fprintf(out, "  %-20s %s\n", c->name, _(c->summary));
}

static int
run_command(int argc, char **argv)
{
    const VnshCommand *command = find_command(argv[0]);

    if (!command) {
        vnsh_error(_("unknown command '%s'; 'vnsh --help' lists the commands"), argv[0]);
        return VNSH_EXIT_USAGE;
    }
    return command->run(argc, argv);
}

int
main(int argc, char **argv)
{
    const char *uri = NULL;
    int i;

    setlocale(LC_ALL, "");
    bindtextdomain(GETTEXT_PACKAGE, LOCALEDIR);
    bind_textdomain_codeset(GETTEXT_PACKAGE, "UTF-8");
    textdomain(GETTEXT_PACKAGE);

    for (i = 1; i < argc && argv[i][0] == '-'; i++) {
        const char *arg = argv[i];

        if (g_str_equal(arg, "-h") || g_str_equal(arg, "--help")) {
            print_usage(stdout);
            return VNSH_EXIT_OK;
        } else if (g_str_equal(arg, "-V") || g_str_equal(arg, "--version")) {
            char *version_argv[] = {(char *)"version", NULL};
            return run_command(1, version_argv);
        } else if (g_str_equal(arg, "-c") || g_str_equal(arg, "--connect")) {
            if (++i >= argc) {
                vnsh_error(_("option '%s' needs a URI"), arg);
                return VNSH_EXIT_USAGE;
            }
            uri = argv[i];
        } else if (g_str_equal(arg, "--")) {
            i++;
            break;
        } else {
            vnsh_error(_("unknown option '%s'; 'vnsh --help' lists the options"), arg);
            return VNSH_EXIT_USAGE;
        }
    }
    (void)uri;

    if (i >= argc) {
        print_usage(stderr);
        return VNSH_EXIT_USAGE;
    }
    return run_command(argc - i, argv + i);
}
