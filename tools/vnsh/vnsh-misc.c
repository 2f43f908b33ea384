/* vnsh-misc.c: commands about the shell itself. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "vnsh.h"

static int
cmd_version(VnshCtl *ctl, const VnshArgs *args)
{
    printf("vnsh %s (libvnet %s)\n", PACKAGE_VERSION, vnet_get_version());
    return VNSH_EXIT_OK;
}

static int
cmd_help(VnshCtl *ctl, const VnshArgs *args)
{
    const char *name = vnsh_args_get(args, "command");
    const char *sub = vnsh_args_get(args, "subcommand");
    const VnshCommand *command;

    if (!name) {
        vnsh_print_command_list(stdout);
        return VNSH_EXIT_OK;
    }
    if (sub) {
        g_autofree char *full = g_strdup_printf("%s %s", name, sub);

        command = vnsh_command_find(full);
    } else {
        command = vnsh_command_find(name);
    }
    if (!command && !sub && vnsh_command_is_prefix(name)) {
        /* "help natnetwork": every subcommand */
        size_t len = strlen(name);
        gboolean first = TRUE;

        for (const VnshGroup *g = vnsh_groups; g->title; g++) {
            for (const VnshCommand *c = g->commands; c->name; c++) {
                if (strncmp(c->name, name, len) == 0 && c->name[len] == ' ') {
                    if (!first)
                        putchar('\n');
                    vnsh_print_command_help(stdout, c);
                    first = FALSE;
                }
            }
        }
        return VNSH_EXIT_OK;
    }
    if (!command) {
        vnsh_error(_("unknown command '%s%s%s'; 'vnsh help' lists the commands"), name,
                   sub ? " " : "", sub ? sub : "");
        return VNSH_EXIT_USAGE;
    }
    vnsh_print_command_help(stdout, command);
    return VNSH_EXIT_OK;
}

static int
cmd_quit(VnshCtl *ctl, const VnshArgs *args)
{
    ctl->quit = TRUE;
    return VNSH_EXIT_OK;
}

static int
cmd_connect(VnshCtl *ctl, const VnshArgs *args)
{
    const char *uri = vnsh_args_get(args, "uri");

    g_clear_pointer(&ctl->conn, vnet_connection_close);
    if (uri) {
        g_free(ctl->uri);
        ctl->uri = g_strdup(uri);
    }
    return vnsh_connection(ctl) ? VNSH_EXIT_OK : VNSH_EXIT_FAILED;
}

static int
cmd_uri(VnshCtl *ctl, const VnshArgs *args)
{
    puts(vnet_connection_get_uri(ctl->conn));
    return VNSH_EXIT_OK;
}

static int
cmd_complete(VnshCtl *ctl, const VnshArgs *args)
{
    GPtrArray *given = vnsh_args_get_all(args, "word");
    g_autoptr(GPtrArray) words = g_ptr_array_new();
    g_autoptr(GPtrArray) candidates = NULL;
    gboolean files = FALSE;

    for (guint i = 0; given && i < given->len; i++)
        g_ptr_array_add(words, given->pdata[i]);
    if (!words->len)
        g_ptr_array_add(words, (gpointer) "");
    g_ptr_array_add(words, NULL);
    candidates = vnsh_complete_words(ctl, (char **)words->pdata, &files);
    for (guint i = 0; i < candidates->len; i++)
        puts(candidates->pdata[i]);
    return VNSH_EXIT_OK;
}

static const VnshOption help_options[] = {
    {"command", VNSH_OPT_ARG, 0, "COMMAND", N_("the command to describe"),
     VNSH_COMPLETE_COMMAND},
    {"subcommand", VNSH_OPT_ARG, 0, "SUBCOMMAND",
     N_("the second word of a two-word command (natnetwork add)")},
    {NULL},
};

static const VnshOption connect_options[] = {
    {"uri", VNSH_OPT_ARG, 0, "URI", N_("the URI; without it, reconnect to the current one")},
    {NULL},
};

static const VnshOption complete_options[] = {
    {"word", VNSH_OPT_ARG, VNSH_OPT_MULTI, "WORD",
     N_("the words of a command line; the last one is completed")},
    {NULL},
};

const VnshCommand vnsh_misc_commands[] = {
    {"help", N_("list the commands, or describe one"), NULL, "vnsh help natnetwork modify",
     help_options, VNSH_CMD_NO_CONNECT, cmd_help},
    {"version", N_("print the version of vnsh and libvnet"), NULL, "vnsh version", NULL,
     VNSH_CMD_NO_CONNECT, cmd_version},
    {"connect", N_("connect to another URI (or reconnect)"), NULL,
     "connect local:///?root=/tmp/demo", connect_options, VNSH_CMD_NO_CONNECT, cmd_connect},
    {"uri", N_("print the URI of the connection"), NULL, "vnsh -c test:///default uri", NULL, 0,
     cmd_uri},
    {"quit", N_("leave the interactive shell"), NULL, "quit", NULL, VNSH_CMD_NO_CONNECT,
     cmd_quit},
    {"exit", N_("leave the interactive shell (same as quit)"), NULL, "exit", NULL,
     VNSH_CMD_NO_CONNECT, cmd_quit},
    {"complete", N_("print the completions of a command line's last word (for bash)"),
     N_("Used by the bash completion script. Domain and network names come from the "
        "connection when it can be opened."),
     "vnsh -c test:///default complete -- start ''", complete_options, VNSH_CMD_NO_CONNECT,
     cmd_complete},
    {NULL},
};
