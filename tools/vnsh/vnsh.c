/* vnsh.c: the vnet shell's entry point: global options, then one command
 * line from argv or an interactive session. */
#include <config.h>

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "vnsh.h"

/* Joins argv into command vectors: a word that is ";" or ends with an
 * unquoted ';' (as the shell passes `vnsh list\; net-list`) ends a command.
 * A single word holding a whole line ("list; net-list") is split as a line. */
static int
run_words(VnshCtl *ctl, int argc, char **argv)
{
    g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func(g_free);
    int status = VNSH_EXIT_OK;

    if (argc == 1 && strpbrk(argv[0], "; \t'\""))
        return vnsh_run_line(ctl, argv[0], FALSE);
    for (int i = 0; i <= argc; i++) {
        gboolean end = i == argc;
        const char *word = end ? NULL : argv[i];

        if (word && g_str_has_suffix(word, ";")) {
            if (word[1])
                g_ptr_array_add(words, g_strndup(word, strlen(word) - 1));
            end = TRUE;
        } else if (word) {
            g_ptr_array_add(words, g_strdup(word));
        }
        if (end && words->len) {
            g_ptr_array_add(words, NULL);
            status = vnsh_run_argv(ctl, words->len - 1, (char **)words->pdata);
            g_ptr_array_set_size(words, 0);
            if (status != VNSH_EXIT_OK || ctl->quit)
                break;
        }
    }
    return status;
}

int
main(int argc, char **argv)
{
    VnshCtl ctl = {.input = stdin};
    int status;
    int i;

    setlocale(LC_ALL, "");
    bindtextdomain(GETTEXT_PACKAGE, LOCALEDIR);
    bind_textdomain_codeset(GETTEXT_PACKAGE, "UTF-8");
    textdomain(GETTEXT_PACKAGE);

    for (i = 1; i < argc && argv[i][0] == '-'; i++) {
        const char *arg = argv[i];

        if (g_str_equal(arg, "-h") || g_str_equal(arg, "--help")) {
            vnsh_print_usage(stdout);
            return VNSH_EXIT_OK;
        } else if (g_str_equal(arg, "-V") || g_str_equal(arg, "--version")) {
            char *version_argv[] = {(char *)"version", NULL};

            return vnsh_run_argv(&ctl, 1, version_argv);
        } else if (g_str_equal(arg, "-c") || g_str_equal(arg, "--connect")) {
            if (++i >= argc) {
                vnsh_error(_("option '%s' needs a URI"), arg);
                return VNSH_EXIT_USAGE;
            }
            g_free(ctl.uri);
            ctl.uri = g_strdup(argv[i]);
        } else if (g_str_has_prefix(arg, "--connect=")) {
            g_free(ctl.uri);
            ctl.uri = g_strdup(arg + strlen("--connect="));
        } else if (g_str_equal(arg, "--")) {
            i++;
            break;
        } else {
            vnsh_error(_("unknown option '%s'; 'vnsh --help' lists the options"), arg);
            g_free(ctl.uri);
            return VNSH_EXIT_USAGE;
        }
    }

    if (i >= argc)
        status = vnsh_interactive(&ctl);
    else
        status = run_words(&ctl, argc - i, argv + i);
    vnsh_ctl_clear(&ctl);
    return status;
}
