/* vnsh-complete.c: completion from the command tables, shared by the
 * interactive shell (readline) and the bash completion script (through the
 * `complete` command). */
#include <config.h>

#include <string.h>

#include "vnsh.h"

static void
add_if_prefix(GPtrArray *out, const char *candidate, const char *prefix)
{
    if (g_str_has_prefix(candidate, prefix)) {
        for (guint i = 0; i < out->len; i++)
            if (g_str_equal(out->pdata[i], candidate))
                return;
        g_ptr_array_add(out, g_strdup(candidate));
    }
}

/* Command names at the start of a line; two-word commands offer their
 * first word. */
static void
complete_command_names(GPtrArray *out, const char *prefix)
{
    for (const VnshGroup *g = vnsh_groups; g->title; g++) {
        for (const VnshCommand *c = g->commands; c->name; c++) {
            const char *space = strchr(c->name, ' ');
            g_autofree char *first = space ? g_strndup(c->name, space - c->name)
                                           : g_strdup(c->name);

            add_if_prefix(out, first, prefix);
        }
    }
}

static void
complete_subcommands(GPtrArray *out, const char *group, const char *prefix)
{
    size_t len = strlen(group);

    for (const VnshGroup *g = vnsh_groups; g->title; g++)
        for (const VnshCommand *c = g->commands; c->name; c++)
            if (strncmp(c->name, group, len) == 0 && c->name[len] == ' ')
                add_if_prefix(out, c->name + len + 1, prefix);
}

static void
complete_names(VnshCtl *ctl, GPtrArray *out, gboolean domains, const char *prefix)
{
    VnetConnection *conn = vnsh_connection_quiet(ctl);
    g_auto(GStrv) names = NULL;

    if (!conn)
        return;
    names = domains ? vnet_connection_list_domain_names(conn, VNET_LIST_ALL, NULL)
                    : vnet_connection_list_network_names(conn, VNET_LIST_ALL, NULL);
    for (guint i = 0; names && names[i]; i++)
        add_if_prefix(out, names[i], prefix);
}

static void
complete_nics(VnshCtl *ctl, GPtrArray *out, const char *domain_name, const char *prefix)
{
    VnetConnection *conn = vnsh_connection_quiet(ctl);
    g_autoptr(VnetDomain) domain = NULL;
    g_autoptr(GPtrArray) nics = NULL;

    if (!conn || !domain_name)
        return;
    domain = vnet_domain_lookup_by_name(conn, domain_name, NULL);
    if (domain)
        nics = vnet_domain_list_interfaces(domain, 0, NULL);
    for (guint i = 0; nics && i < nics->len; i++) {
        const VnetDomainInterface *nic = nics->pdata[i];

        add_if_prefix(out, nic->mac, prefix);
    }
}

static void
complete_value(VnshCtl *ctl, GPtrArray *out, const VnshOption *option, GHashTable *given,
               const char *prefix, gboolean *ret_files)
{
    switch (option->complete) {
    case VNSH_COMPLETE_NONE:
        break;
    case VNSH_COMPLETE_DOMAIN:
        complete_names(ctl, out, TRUE, prefix);
        break;
    case VNSH_COMPLETE_NETWORK:
        complete_names(ctl, out, FALSE, prefix);
        break;
    case VNSH_COMPLETE_FILE:
        *ret_files = TRUE;
        break;
    case VNSH_COMPLETE_NIC:
        complete_nics(ctl, out, g_hash_table_lookup(given, "domain"), prefix);
        break;
    case VNSH_COMPLETE_WORDS: {
        g_auto(GStrv) words = g_strsplit(option->words, " ", -1);

        for (guint i = 0; words[i]; i++)
            add_if_prefix(out, words[i], prefix);
        break;
    }
    case VNSH_COMPLETE_COMMAND:
        complete_command_names(out, prefix);
        break;
    }
}

/**
 * vnsh_complete_words:
 * @ctl: the shell (connected on demand, silently)
 * @words: the words of the command so far; the last is the one to complete
 *   (possibly empty)
 * @ret_files: (out): set when the word is a file name
 *
 * Returns: (transfer full) (element-type utf8): the candidates.
 */
GPtrArray *
vnsh_complete_words(VnshCtl *ctl, char **words, gboolean *ret_files)
{
    GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
    guint n = g_strv_length(words);
    const char *prefix = n ? words[n - 1] : "";
    g_autoptr(GHashTable) given = NULL;
    const VnshCommand *command = NULL;
    const VnshOption *pending = NULL;
    guint first = 1;

    *ret_files = FALSE;
    if (n <= 1) {
        complete_command_names(out, prefix);
        return out;
    }
    if (vnsh_command_is_prefix(words[0])) {
        g_autofree char *name = NULL;

        if (n == 2) {
            complete_subcommands(out, words[0], prefix);
            return out;
        }
        name = g_strdup_printf("%s %s", words[0], words[1]);
        command = vnsh_command_find(name);
        first = 2;
    } else {
        command = vnsh_command_find(words[0]);
    }
    if (!command)
        return out;

    /* Replays the words before the one being completed, to know which
     * options are taken and which positional argument comes next. */
    given = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = first; i + 1 < n; i++) {
        const char *word = words[i];

        if (pending) {
            g_hash_table_insert(given, (gpointer)pending->name, (gpointer)word);
            pending = NULL;
        } else if (g_str_has_prefix(word, "--")) {
            const VnshOption *o = vnsh_command_find_option(command, word + 2);

            if (o && o->type != VNSH_OPT_BOOL && !strchr(word, '='))
                pending = o;
            else if (o)
                g_hash_table_insert(given, (gpointer)o->name, (gpointer) "");
        } else {
            for (const VnshOption *o = command->options; o && o->name; o++) {
                if (o->type == VNSH_OPT_ARG && !g_hash_table_contains(given, o->name)) {
                    g_hash_table_insert(given, (gpointer)o->name, (gpointer)word);
                    break;
                }
            }
        }
    }
    if (pending) {
        complete_value(ctl, out, pending, given, prefix, ret_files);
        return out;
    }
    if (g_str_has_prefix(prefix, "-")) {
        for (const VnshOption *o = command->options; o && o->name; o++) {
            g_autofree char *spelled = g_strdup_printf("--%s", o->name);

            if (!g_hash_table_contains(given, o->name) || (o->flags & VNSH_OPT_MULTI))
                add_if_prefix(out, spelled, prefix);
        }
        add_if_prefix(out, "--help", prefix);
        return out;
    }
    for (const VnshOption *o = command->options; o && o->name; o++) {
        if (o->type == VNSH_OPT_ARG && !g_hash_table_contains(given, o->name)) {
            complete_value(ctl, out, o, given, prefix, ret_files);
            break;
        }
    }
    return out;
}
