/* vnsh-help-test.c: `vnsh help`, `help COMMAND` and the man page against
 * the command tables vnsh dispatches from (linked in from libvnsh): every
 * implemented command is listed, and nothing else. */
#include <config.h>

#include <string.h>

#include "test-util.h"
#include "vnsh-test-common.h"
#include "vnsh.h"

static GPtrArray *
table_names(void)
{
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);

    for (const VnshGroup *g = vnsh_groups; g->title; g++)
        for (const VnshCommand *c = g->commands; c->name; c++)
            g_ptr_array_add(names, g_strdup(c->name));
    return names;
}

static gint
compare_strings(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
assert_same_names(GPtrArray *a, GPtrArray *b, const char *what)
{
    g_ptr_array_sort(a, compare_strings);
    g_ptr_array_sort(b, compare_strings);
    for (guint i = 0; i < MAX(a->len, b->len); i++) {
        const char *x = i < a->len ? a->pdata[i] : "(none)";
        const char *y = i < b->len ? b->pdata[i] : "(none)";

        if (!g_str_equal(x, y))
            g_test_message("%s: '%s' in the tables, '%s' listed", what, x, y);
        g_assert_cmpstr(x, ==, y);
    }
}

/* `vnsh help` lines are "    NAME   summary": the name ends at two spaces. */
static void
test_help_lists_tables(void)
{
    const char *args[] = {"help", NULL};
    g_autofree char *out = NULL, *err = NULL;
    g_autoptr(GPtrArray) listed = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GPtrArray) names = table_names();
    g_auto(GStrv) lines = NULL;

    g_assert_cmpint(vnsh_test_run(NULL, args, &out, &err), ==, 0);
    lines = g_strsplit(out, "\n", -1);
    for (guint i = 0; lines[i]; i++) {
        const char *end;

        if (!g_str_has_prefix(lines[i], "    "))
            continue;
        end = strstr(lines[i] + 4, "  ");
        g_assert_nonnull(end);
        g_ptr_array_add(listed, g_strndup(lines[i] + 4, end - lines[i] - 4));
    }
    assert_same_names(names, listed, "vnsh help");
}

/* Every listed command answers `help COMMAND` and `COMMAND --help` with
 * its synopsis, every option and its example. */
static void
test_help_each_command(void)
{
    for (const VnshGroup *g = vnsh_groups; g->title; g++) {
        for (const VnshCommand *c = g->commands; c->name; c++) {
            g_auto(GStrv) words = g_strsplit(c->name, " ", -1);
            g_autoptr(GPtrArray) args = g_ptr_array_new();
            g_autofree char *out = NULL, *out2 = NULL;
            g_autofree char *synopsis = vnsh_command_synopsis(c);

            g_ptr_array_add(args, (gpointer) "help");
            for (guint i = 0; words[i]; i++)
                g_ptr_array_add(args, words[i]);
            g_ptr_array_add(args, NULL);
            g_assert_cmpint(vnsh_test_run(NULL, (const char *const *)args->pdata, &out, NULL),
                            ==, 0);
            g_assert_nonnull(strstr(out, synopsis));
            g_assert_nonnull(strstr(out, c->example));
            for (const VnshOption *o = c->options; o && o->name; o++) {
                g_autofree char *spelled = g_strdup_printf("--%s", o->name);

                g_assert_nonnull(strstr(out, spelled));
            }
            /* COMMAND --help says the same */
            g_ptr_array_remove_index(args, 0);
            g_ptr_array_insert(args, args->len - 1, (gpointer) "--help");
            g_assert_cmpint(vnsh_test_run(NULL, (const char *const *)args->pdata, &out2, NULL),
                            ==, 0);
            g_assert_cmpstr(out, ==, out2);
        }
    }
}

static char *
man_page_path(void)
{
    g_autofree char *built = vnet_test_top_builddir_path("docs", "vnsh.1", NULL);

    if (g_file_test(built, G_FILE_TEST_EXISTS))
        return g_steal_pointer(&built);
    return vnet_test_top_srcdir_path("docs", "vnsh.1", NULL);
}

/* The man page lists every command: ".TP\n.B SYNOPSIS" per command. */
static void
test_man_page_lists_tables(void)
{
    g_autofree char *path = man_page_path();
    g_autofree char *page = vnet_test_read_file(path);
    g_autoptr(GPtrArray) listed = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GPtrArray) names = table_names();
    g_auto(GStrv) lines = g_strsplit(page, "\n", -1);
    gboolean in_commands = FALSE, after_tp = FALSE;

    g_assert_true(g_str_has_prefix(page, ".\\\""));
    g_assert_nonnull(strstr(page, ".TH VNSH 1"));
    for (guint i = 0; lines[i]; i++) {
        const char *line = lines[i];

        if (g_str_has_prefix(line, ".SH "))
            in_commands = g_str_equal(line, ".SH COMMANDS");
        if (in_commands && after_tp && g_str_has_prefix(line, ".B ")) {
            /* the synopsis: the name is every word before the first option or argument */
            g_auto(GStrv) words = g_strsplit(line + 3, " ", -1);
            g_autoptr(GString) name = g_string_new(NULL);

            for (guint w = 0; words[w]; w++) {
                if (!g_ascii_islower(words[w][0]))
                    break;
                g_string_append_printf(name, "%s%s", name->len ? " " : "", words[w]);
            }
            g_ptr_array_add(listed, g_string_free(g_steal_pointer(&name), FALSE));
        }
        /* options are indented (.RS) and use .TP too; commands' .TP is not inside .RS */
        after_tp = g_str_equal(line, ".TP") && !(i > 0 && g_str_equal(lines[i - 1], ".RS"));
    }
    {
        /* the man page escapes '-' as '\-' */
        for (guint i = 0; i < listed->len; i++) {
            g_auto(GStrv) parts = g_strsplit(listed->pdata[i], "\\-", -1);

            g_free(listed->pdata[i]);
            listed->pdata[i] = g_strjoinv("-", parts);
        }
    }
    assert_same_names(names, listed, path);
}

/* The tables themselves: unique names, and every option has help. */
static void
test_tables_sane(void)
{
    g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);

    for (const VnshGroup *g = vnsh_groups; g->title; g++) {
        for (const VnshCommand *c = g->commands; c->name; c++) {
            g_assert_false(g_hash_table_contains(seen, c->name));
            g_hash_table_add(seen, (gpointer)c->name);
            g_assert_nonnull(c->summary);
            g_assert_true(g_str_has_prefix(c->example, "vnsh ") ||
                          strstr(c->example, c->name) != NULL);
            g_assert_nonnull(c->run);
            for (const VnshOption *o = c->options; o && o->name; o++) {
                g_assert_nonnull(o->help);
                g_assert_true(o->type == VNSH_OPT_BOOL || o->metavar != NULL);
                g_assert_true(o->complete != VNSH_COMPLETE_WORDS || o->words != NULL);
            }
        }
    }
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/vnsh/help/tables", test_tables_sane);
    g_test_add_func("/vnsh/help/lists-every-command", test_help_lists_tables);
    g_test_add_func("/vnsh/help/each-command", test_help_each_command);
    g_test_add_func("/vnsh/help/man-page", test_man_page_lists_tables);
    return g_test_run();
}
