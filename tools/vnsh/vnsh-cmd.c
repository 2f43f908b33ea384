/* vnsh-cmd.c: finding commands, parsing their options from the tables,
 * splitting command lines, running them. */
#include <config.h>

#include <string.h>

#include <glib/gi18n.h>

#include "vnsh.h"

const VnshGroup vnsh_groups[] = {
    {N_("Domains"), vnsh_domain_commands},
    {N_("Networks"), vnsh_network_commands},
    {N_("NAT networks (VBoxManage natnetwork)"), vnsh_natnetwork_commands},
    {N_("Host-only networks (VBoxManage hostonlyif)"), vnsh_hostonlyif_commands},
    {N_("XML files"), vnsh_xml_commands},
    {N_("The shell"), vnsh_misc_commands},
    {NULL},
};

/**
 * vnsh_command_find:
 * @name: a command name, e.g. "list" or "natnetwork add"
 *
 * Returns: the command, or NULL.
 */
const VnshCommand *
vnsh_command_find(const char *name)
{
    for (const VnshGroup *g = vnsh_groups; g->title; g++)
        for (const VnshCommand *c = g->commands; c->name; c++)
            if (g_str_equal(c->name, name))
                return c;
    return NULL;
}

/**
 * vnsh_command_is_prefix:
 * @word: a word
 *
 * Returns: whether @word starts two-word commands ("natnetwork").
 */
gboolean
vnsh_command_is_prefix(const char *word)
{
    size_t len = strlen(word);

    for (const VnshGroup *g = vnsh_groups; g->title; g++)
        for (const VnshCommand *c = g->commands; c->name; c++)
            if (strncmp(c->name, word, len) == 0 && c->name[len] == ' ')
                return TRUE;
    return FALSE;
}

static char *
subcommands_of(const char *prefix)
{
    g_autoptr(GString) list = g_string_new(NULL);
    size_t len = strlen(prefix);

    for (const VnshGroup *g = vnsh_groups; g->title; g++)
        for (const VnshCommand *c = g->commands; c->name; c++)
            if (strncmp(c->name, prefix, len) == 0 && c->name[len] == ' ')
                g_string_append_printf(list, "%s%s", list->len ? ", " : "", c->name + len + 1);
    return g_string_free(g_steal_pointer(&list), FALSE);
}

/**
 * vnsh_command_lookup:
 * @argc: number of words
 * @argv: the words; argv[0] starts the command name
 * @ret_used: (out): how many words the name took (1 or 2)
 *
 * Returns: the command, or NULL after printing a usage error.
 */
const VnshCommand *
vnsh_command_lookup(int argc, char **argv, int *ret_used)
{
    const VnshCommand *command;

    if (argc >= 2 && vnsh_command_is_prefix(argv[0])) {
        g_autofree char *name = g_strdup_printf("%s %s", argv[0], argv[1]);

        command = vnsh_command_find(name);
        if (command) {
            *ret_used = 2;
            return command;
        }
    }
    if (vnsh_command_is_prefix(argv[0])) {
        g_autofree char *subs = subcommands_of(argv[0]);

        if (argc >= 2)
            vnsh_error(_("'%s' has no subcommand '%s'; it has: %s"), argv[0], argv[1], subs);
        else
            vnsh_error(_("'%s' needs a subcommand: %s"), argv[0], subs);
        return NULL;
    }
    command = vnsh_command_find(argv[0]);
    if (!command) {
        vnsh_error(_("unknown command '%s'; 'vnsh help' lists the commands"), argv[0]);
        return NULL;
    }
    *ret_used = 1;
    return command;
}

/**
 * vnsh_command_find_option:
 * @command: a command
 * @name: an option name without dashes
 *
 * Returns: the option, or NULL.
 */
const VnshOption *
vnsh_command_find_option(const VnshCommand *command, const char *name)
{
    for (const VnshOption *o = command->options; o && o->name; o++)
        if (g_str_equal(o->name, name))
            return o;
    return NULL;
}

static void
args_add(VnshArgs *args, const char *name, const char *value)
{
    GPtrArray *values = g_hash_table_lookup(args->values, name);

    if (!values) {
        values = g_ptr_array_new_with_free_func(g_free);
        g_hash_table_insert(args->values, g_strdup(name), values);
    }
    g_ptr_array_add(values, g_strdup(value));
}

static gboolean
usage_error(const VnshCommand *command, const char *format, ...) G_GNUC_PRINTF(2, 3);

static gboolean
usage_error(const VnshCommand *command, const char *format, ...)
{
    va_list args;
    g_autofree char *text = NULL;
    g_autofree char *synopsis = vnsh_command_synopsis(command);

    va_start(args, format);
    text = g_strdup_vprintf(format, args);
    va_end(args);
    vnsh_error("%s", text);
    fprintf(stderr, _("usage: %s\n"), synopsis);
    return FALSE;
}

/* The closest option name, for "did you mean". */
static const char *
suggest_option(const VnshCommand *command, const char *name)
{
    const char *best = NULL;
    guint best_distance = 3;

    for (const VnshOption *o = command->options; o && o->name; o++) {
        guint distance = 0;
        const char *a = o->name, *b = name;

        /* a cheap distance: differing characters plus the length difference */
        while (*a && *b)
            distance += *a++ != *b++;
        distance += strlen(a) + strlen(b);
        if (distance < best_distance) {
            best_distance = distance;
            best = o->name;
        }
    }
    return best;
}

/**
 * vnsh_args_parse:
 * @command: the command
 * @argc: number of words after the command's name
 * @argv: those words
 * @args: (out caller-allocates): the parsed values
 * @ret_help: (out): set when --help was given
 *
 * Options come as "--name VALUE", "--name=VALUE" or (BOOL) "--name";
 * positional values fill the ARG options in table order, which may also be
 * named; "--" ends the options.
 *
 * Returns: FALSE after printing the error on bad usage.
 */
gboolean
vnsh_args_parse(const VnshCommand *command, int argc, char **argv, VnshArgs *args,
                gboolean *ret_help)
{
    gboolean options_done = FALSE;

    args->command = command;
    args->values = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify)g_ptr_array_unref);
    *ret_help = FALSE;

    for (int i = 0; i < argc; i++) {
        const char *word = argv[i];

        if (!options_done && g_str_equal(word, "--")) {
            options_done = TRUE;
        } else if (!options_done && g_str_has_prefix(word, "--") && word[2]) {
            g_autofree char *name = g_strdup(word + 2);
            char *eq = strchr(name, '=');
            const char *value = NULL;
            const VnshOption *option;

            if (eq) {
                *eq = '\0';
                value = eq + 1;
            }
            if (g_str_equal(name, "help")) {
                *ret_help = TRUE;
                return TRUE;
            }
            option = vnsh_command_find_option(command, name);
            if (!option) {
                const char *suggestion = suggest_option(command, name);

                if (suggestion)
                    return usage_error(command,
                                       _("command '%s' has no option '--%s' (did you mean "
                                         "'--%s'?)"),
                                       command->name, name, suggestion);
                return usage_error(command, _("command '%s' has no option '--%s'"),
                                   command->name, name);
            }
            if (option->type == VNSH_OPT_BOOL) {
                if (value)
                    return usage_error(command, _("option '--%s' takes no value"), name);
                value = "";
            } else if (!value) {
                if (i + 1 >= argc)
                    return usage_error(command, _("option '--%s' needs a value (%s)"), name,
                                       option->metavar);
                value = argv[++i];
            }
            if (!(option->flags & VNSH_OPT_MULTI) && g_hash_table_contains(args->values, name))
                return usage_error(command, _("option '--%s' is given twice"), name);
            if ((option->flags & VNSH_OPT_DELETE_FORM) && g_str_equal(value, "delete")) {
                g_autofree char *key = g_strdup_printf("%s/delete", name);

                if (i + 1 >= argc)
                    return usage_error(command, _("'--%s delete' needs the rule's name"), name);
                args_add(args, key, argv[++i]);
                continue;
            }
            args_add(args, name, value);
        } else {
            const VnshOption *target = NULL;

            for (const VnshOption *o = command->options; o && o->name; o++) {
                if (o->type == VNSH_OPT_ARG && (!g_hash_table_contains(args->values, o->name) ||
                                                (o->flags & VNSH_OPT_MULTI))) {
                    target = o;
                    break;
                }
            }
            if (!target)
                return usage_error(command, _("unexpected argument '%s'"), word);
            args_add(args, target->name, word);
        }
    }
    for (const VnshOption *o = command->options; o && o->name; o++) {
        if ((o->flags & VNSH_OPT_REQUIRED) && !g_hash_table_contains(args->values, o->name)) {
            if (o->type == VNSH_OPT_ARG)
                return usage_error(command, _("command '%s' needs %s"), command->name,
                                   o->metavar);
            return usage_error(command, _("command '%s' needs --%s %s"), command->name, o->name,
                               o->metavar);
        }
    }
    return TRUE;
}

/**
 * vnsh_args_clear:
 * @args: parsed arguments
 *
 * Frees what vnsh_args_parse() stored.
 */
void
vnsh_args_clear(VnshArgs *args)
{
    g_clear_pointer(&args->values, g_hash_table_unref);
}

/**
 * vnsh_args_get:
 * @args: parsed arguments
 * @name: an option name
 *
 * Returns: (transfer none): the option's last value, or NULL when absent.
 */
const char *
vnsh_args_get(const VnshArgs *args, const char *name)
{
    GPtrArray *values = g_hash_table_lookup(args->values, name);

    return values && values->len ? values->pdata[values->len - 1] : NULL;
}

/**
 * vnsh_args_has:
 * @args: parsed arguments
 * @name: an option name
 *
 * Returns: whether the option was given.
 */
gboolean
vnsh_args_has(const VnshArgs *args, const char *name)
{
    return g_hash_table_contains(args->values, name);
}

/**
 * vnsh_args_get_all:
 * @args: parsed arguments
 * @name: an option name
 *
 * Returns: (transfer none) (nullable): every value of a MULTI option, in order.
 */
GPtrArray *
vnsh_args_get_all(const VnshArgs *args, const char *name)
{
    return g_hash_table_lookup(args->values, name);
}

/**
 * vnsh_run_argv:
 * @ctl: the shell
 * @argc: number of words
 * @argv: the command's name and arguments
 *
 * Returns: the command's exit status.
 */
int
vnsh_run_argv(VnshCtl *ctl, int argc, char **argv)
{
    const VnshCommand *command;
    VnshArgs args = {0};
    gboolean help = FALSE;
    int used = 0;
    int status;

    if (argc == 0)
        return VNSH_EXIT_OK;
    command = vnsh_command_lookup(argc, argv, &used);
    if (!command)
        return VNSH_EXIT_USAGE;
    if (!vnsh_args_parse(command, argc - used, argv + used, &args, &help)) {
        vnsh_args_clear(&args);
        return VNSH_EXIT_USAGE;
    }
    if (help) {
        vnsh_print_command_help(stdout, command);
        vnsh_args_clear(&args);
        return VNSH_EXIT_OK;
    }
    if (!(command->flags & VNSH_CMD_NO_CONNECT) && !vnsh_connection(ctl)) {
        vnsh_args_clear(&args);
        return VNSH_EXIT_FAILED;
    }
    status = command->run(ctl, &args);
    vnsh_args_clear(&args);
    fflush(stdout);
    return status;
}

/* ---- splitting a line -------------------------------------------------------- */

/**
 * vnsh_split_line:
 * @line: a command line
 * @partial: TRUE while completing: an open quote ends the line instead of
 *   being an error, and a trailing empty word is kept
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type GStrv): the commands, each a
 *   NULL-terminated vector of words; NULL with @error on an open quote.
 */
GPtrArray *
vnsh_split_line(const char *line, gboolean partial, GError **error)
{
    g_autoptr(GPtrArray) commands = g_ptr_array_new_with_free_func((GDestroyNotify)g_strfreev);
    g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GString) word = NULL;
    const char *p = line;

    for (;;) {
        char c = *p;

        if (c == '\0' || c == ';' || c == '\n' || (c == '#' && !word)) {
            if (word)
                g_ptr_array_add(words, g_string_free(g_steal_pointer(&word), FALSE));
            if (c == '\0' && partial && p > line && g_ascii_isspace(p[-1]))
                g_ptr_array_add(words, g_strdup(""));
            if (words->len || c == '\0') {
                g_ptr_array_add(words, NULL);
                g_ptr_array_add(commands, g_ptr_array_free(g_steal_pointer(&words), FALSE));
                words = g_ptr_array_new_with_free_func(g_free);
            }
            if (c == '\0')
                break;
            if (c == '#')
                while (*p && *p != '\n')
                    p++;
            else
                p++;
            continue;
        }
        if (g_ascii_isspace(c)) {
            if (word)
                g_ptr_array_add(words, g_string_free(g_steal_pointer(&word), FALSE));
            p++;
            continue;
        }
        if (!word)
            word = g_string_new(NULL);
        if (c == '\'' || c == '"') {
            char quote = c;

            p++;
            while (*p && *p != quote) {
                if (quote == '"' && *p == '\\' && (p[1] == '"' || p[1] == '\\'))
                    p++;
                g_string_append_c(word, *p++);
            }
            if (!*p) {
                if (partial)
                    continue;
                g_set_error(error, G_SHELL_ERROR, G_SHELL_ERROR_BAD_QUOTING,
                            _("unterminated %c quote"), quote);
                return NULL;
            }
            p++;
        } else if (c == '\\' && p[1]) {
            g_string_append_c(word, p[1]);
            p += 2;
        } else {
            g_string_append_c(word, c);
            p++;
        }
    }
    /* the final command may be empty (a trailing ';'), drop it unless completing */
    if (!partial && commands->len && ((char **)commands->pdata[commands->len - 1])[0] == NULL)
        g_ptr_array_remove_index(commands, commands->len - 1);
    return g_steal_pointer(&commands);
}

/**
 * vnsh_run_line:
 * @ctl: the shell
 * @line: one line of commands separated by ';'
 * @keep_going: run every command even after a failure (interactive mode)
 *
 * Returns: the exit status of the last command run.
 */
int
vnsh_run_line(VnshCtl *ctl, const char *line, gboolean keep_going)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) commands = vnsh_split_line(line, FALSE, &error);
    int status = VNSH_EXIT_OK;

    if (!commands) {
        vnsh_error("%s", error->message);
        return VNSH_EXIT_USAGE;
    }
    for (guint i = 0; i < commands->len && !ctl->quit; i++) {
        char **argv = commands->pdata[i];

        status = vnsh_run_argv(ctl, g_strv_length(argv), argv);
        if (status != VNSH_EXIT_OK && !keep_going)
            break;
    }
    return status;
}
