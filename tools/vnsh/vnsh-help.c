/* vnsh-help.c: `vnsh --help`, `help`, `help COMMAND` and the man page,
 * all written from the command tables so they cannot drift apart. */
#include <config.h>

#include <string.h>

#include <glib/gi18n.h>

#include "vnsh.h"

/**
 * vnsh_command_synopsis:
 * @command: a command
 *
 * Returns: (transfer full): e.g. "list [--all] [--inactive] [--json]".
 */
char *
vnsh_command_synopsis(const VnshCommand *command)
{
    GString *text = g_string_new(command->name);

    for (const VnshOption *o = command->options; o && o->name; o++) {
        gboolean required = o->flags & VNSH_OPT_REQUIRED;
        const char *dots = o->flags & VNSH_OPT_MULTI ? "..." : "";

        g_string_append_c(text, ' ');
        if (!required)
            g_string_append_c(text, '[');
        switch (o->type) {
        case VNSH_OPT_BOOL:
            g_string_append_printf(text, "--%s", o->name);
            break;
        case VNSH_OPT_STRING:
            g_string_append_printf(text, "--%s %s", o->name, o->metavar);
            break;
        case VNSH_OPT_ARG:
            g_string_append(text, o->metavar);
            break;
        }
        if (!required)
            g_string_append_c(text, ']');
        g_string_append(text, dots);
    }
    return g_string_free(text, FALSE);
}

static char *
option_label(const VnshOption *o)
{
    switch (o->type) {
    case VNSH_OPT_BOOL:
        return g_strdup_printf("--%s", o->name);
    case VNSH_OPT_STRING:
        return g_strdup_printf("--%s %s", o->name, o->metavar);
    case VNSH_OPT_ARG:
        break;
    }
    return g_strdup_printf("%s, --%s %s", o->metavar, o->name, o->metavar);
}

/**
 * vnsh_print_command_help:
 * @out: where to print
 * @command: a command
 *
 * Prints what `help COMMAND` shows: synopsis, description, options, example.
 */
void
vnsh_print_command_help(FILE *out, const VnshCommand *command)
{
    g_autofree char *synopsis = vnsh_command_synopsis(command);

    fprintf(out, "  %s\n    %s - %s\n\n", _("NAME"), command->name, _(command->summary));
    fprintf(out, "  %s\n    %s\n\n", _("SYNOPSIS"), synopsis);
    if (command->description)
        fprintf(out, "  %s\n    %s\n\n", _("DESCRIPTION"), _(command->description));
    if (command->options && command->options->name) {
        fprintf(out, "  %s\n", _("OPTIONS"));
        for (const VnshOption *o = command->options; o->name; o++) {
            g_autofree char *label = option_label(o);

            fprintf(out, "    %-28s %s\n", label, _(o->help));
        }
        fputc('\n', out);
    }
    fprintf(out, "  %s\n    %s\n", _("EXAMPLE"), command->example);
}

static guint
name_width(void)
{
    guint width = 0;

    for (const VnshGroup *g = vnsh_groups; g->title; g++)
        for (const VnshCommand *c = g->commands; c->name; c++)
            width = MAX(width, strlen(c->name));
    return width;
}

/**
 * vnsh_print_command_list:
 * @out: where to print
 *
 * Prints every command with its summary, by group (what `help` shows).
 */
void
vnsh_print_command_list(FILE *out)
{
    int width = name_width();

    for (const VnshGroup *g = vnsh_groups; g->title; g++) {
        fprintf(out, " %s:\n", _(g->title));
        for (const VnshCommand *c = g->commands; c->name; c++)
            fprintf(out, "    %-*s  %s\n", width, c->name, _(c->summary));
        fputc('\n', out);
    }
    fprintf(out, "%s\n", _("'vnsh help COMMAND' (or 'COMMAND --help') describes one command."));
}

/**
 * vnsh_print_usage:
 * @out: where to print
 *
 * Prints `vnsh --help`.
 */
void
vnsh_print_usage(FILE *out)
{
    fprintf(out, _("Usage: vnsh [-c URI] [COMMAND [ARGS...]] [; COMMAND [ARGS...]]...\n\n"));
    fprintf(out, _("Without a command, vnsh reads commands interactively.\n\n"));
    fprintf(out, _("Options:\n"));
    fprintf(out, "  -c, --connect URI   %s\n", _("connect to URI (default: $VNET_DEFAULT_URI)"));
    fprintf(out, "  -h, --help          %s\n", _("show this help"));
    fprintf(out, "  -V, --version       %s\n\n", _("show the version"));
    vnsh_print_command_list(out);
}

/* ---- the man page --------------------------------------------------------------- */

/* Escapes text for roff: backslashes, and leading dots or quotes. */
static void
roff(GString *out, const char *text)
{
    if (*text == '.' || *text == '\'')
        g_string_append(out, "\\&");
    for (const char *p = text; *p; p++) {
        if (*p == '\\')
            g_string_append(out, "\\e");
        else if (*p == '-')
            g_string_append(out, "\\-");
        else
            g_string_append_c(out, *p);
    }
}

static void
man_command(GString *out, const VnshCommand *command)
{
    g_autofree char *synopsis = vnsh_command_synopsis(command);

    g_string_append(out, ".TP\n.B ");
    roff(out, synopsis);
    g_string_append_c(out, '\n');
    roff(out, command->summary);
    g_string_append(out, ".\n");
    if (command->description) {
        g_string_append(out, "\n");
        roff(out, command->description);
        g_string_append_c(out, '\n');
    }
    for (const VnshOption *o = command->options; o && o->name; o++) {
        g_autofree char *label = option_label(o);

        g_string_append(out, ".RS\n.TP\n.B ");
        roff(out, label);
        g_string_append_c(out, '\n');
        roff(out, o->help);
        g_string_append(out, "\n.RE\n");
    }
    g_string_append(out, ".RS\n.PP\nExample:\n.B ");
    roff(out, command->example);
    g_string_append(out, "\n.RE\n");
}

/**
 * vnsh_man_page:
 *
 * Returns: (transfer full): vnsh(1) in man(7) format, from the tables.
 */
char *
vnsh_man_page(void)
{
    GString *out = g_string_new(NULL);

    g_string_append_printf(out,
                           ".\\\" vnsh.1: generated from vnsh's command tables by vnsh-mangen.\n"
                           ".TH VNSH 1 \"\" \"vnet %s\" \"User Commands\"\n",
                           PACKAGE_VERSION);
    g_string_append(out,
                    ".SH NAME\n"
                    "vnsh \\- the vnet shell: domains, networks and their NICs\n"
                    ".SH SYNOPSIS\n"
                    ".B vnsh\n"
                    "[\\fB\\-c\\fR \\fIURI\\fR] [\\fICOMMAND\\fR [\\fIARGS\\fR...]]"
                    " [\\fB;\\fR \\fICOMMAND\\fR...]\n"
                    ".SH DESCRIPTION\n"
                    "vnsh manages vnet's domains (guests and their network cards) and virtual\n"
                    "networks through libvnet. Its commands are those of virsh, and the\n"
                    "network verbs of VBoxManage (\\fBnatnetwork\\fR, \\fBhostonlyif\\fR).\n"
                    "With a command on the command line it runs it (several commands are\n"
                    "separated by \\fB;\\fR and the first failure stops the rest); without\n"
                    "one it reads commands from a prompt with line editing, tab completion\n"
                    "of commands, options and names, and a history kept in\n"
                    "\\fI$XDG_DATA_HOME/vnet/vnsh_history\\fR. When standard input is not a\n"
                    "terminal, commands are read from it, one line at a time.\n"
                    ".PP\n"
                    "Listings print aligned columns, or JSON with \\fB\\-\\-json\\fR. Errors\n"
                    "are printed on standard error as \\fBerror:\\fR followed by the\n"
                    "library's message.\n"
                    ".SH OPTIONS\n"
                    ".TP\n.BI \\-c \" URI\" \"\\fR, \\fP\\-\\-connect \" URI\n"
                    "The connection: \\fBtest:///default\\fR (in memory, with an example\n"
                    "network and domain), \\fBlocal:///?root=\\fIDIR\\fR (the in-process\n"
                    "driver with its folders under \\fIDIR\\fR) or \\fBlocal:///system\\fR.\n"
                    "Without it, \\fBVNET_DEFAULT_URI\\fR is used; without that, root gets\n"
                    "\\fBlocal:///system\\fR and other users an error naming the choices.\n"
                    ".TP\n.BR \\-h \", \" \\-\\-help\nShow the usage and the commands.\n"
                    ".TP\n.BR \\-V \", \" \\-\\-version\nShow the version.\n"
                    ".SH COMMANDS\n"
                    "Every command accepts \\fB\\-\\-help\\fR. Positional arguments may also\n"
                    "be given by name (\\fB\\-\\-domain web1\\fR), and option values as\n"
                    "\\fB\\-\\-opt value\\fR or \\fB\\-\\-opt=value\\fR.\n");
    for (const VnshGroup *g = vnsh_groups; g->title; g++) {
        g_string_append(out, ".SS ");
        roff(out, g->title);
        g_string_append_c(out, '\n');
        for (const VnshCommand *c = g->commands; c->name; c++)
            man_command(out, c);
    }
    g_string_append(out,
                    ".SH EXIT STATUS\n"
                    "0 on success, 1 when a command failed, 2 on bad usage.\n"
                    ".SH ENVIRONMENT\n"
                    ".TP\n.B VNET_DEFAULT_URI\nThe connection URI when \\fB\\-c\\fR is not given.\n"
                    ".TP\n.BR VISUAL \", \" EDITOR\nThe editor of \\fBedit\\fR and "
                    "\\fBnet\\-edit\\fR (default \\fBvi\\fR).\n"
                    ".TP\n.B XDG_DATA_HOME\nWhere the history is kept "
                    "(\\fIvnet/vnsh_history\\fR; default \\fI~/.local/share\\fR).\n"
                    ".SH FILES\n"
                    ".TP\n.I $XDG_DATA_HOME/vnet/vnsh_history\nThe interactive history.\n"
                    ".SH SEE ALSO\n"
                    ".BR virsh (1),\n.BR VBoxManage (1)\n");
    return g_string_free(out, FALSE);
}
