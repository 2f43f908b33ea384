/* util-enum-test.c: walks every enum table linked into libvnet: each value
 * prints and parses back to itself, names are unique and lowercase-safe. */
#include <config.h>

#include "util/vnet-enum.h"

static void
check_table(const VnetEnumTable *table, gpointer data)
{
    guint *count = data;

    g_test_message("table %s (%u values)", table->name, table->n_values);
    g_assert_cmpuint(table->n_values, >, 0);
    for (guint i = 0; i < table->n_values; i++) {
        const char *name = vnet_enum_to_string(table, (int)i);

        g_assert_true(name == table->values[i]);
        if (!name)
            continue;
        g_assert_cmpstr(name, !=, "");
        g_assert_cmpint(vnet_enum_from_string(table, name), ==, (int)i);
        for (guint j = i + 1; j < table->n_values; j++)
            if (table->values[j])
                g_assert_cmpstr(table->values[j], !=, name);
    }
    g_assert_null(vnet_enum_to_string(table, -1));
    g_assert_null(vnet_enum_to_string(table, (int)table->n_values));
    g_assert_cmpint(vnet_enum_from_string(table, "no-such-value-anywhere"), ==, -1);
    g_assert_cmpint(vnet_enum_from_string(table, NULL), ==, -1);
    (*count)++;
}

static void
test_all_tables(void)
{
    guint count = 0;

    vnet_enum_table_foreach(check_table, &count);
    /* at least util's own tristate and switch tables */
    g_assert_cmpuint(count, >=, 2);
    g_test_message("%u enum tables checked", count);
}

static void
test_suggest(void)
{
    g_assert_cmpstr(vnet_enum_suggest(&vnet_switch_table, "offf"), ==, "off");
    g_assert_cmpstr(vnet_enum_suggest(&vnet_switch_table, "ON"), ==, "on");
    g_assert_null(vnet_enum_suggest(&vnet_switch_table, "maybe"));
    g_assert_cmpstr(vnet_enum_suggest(&vnet_tristate_table, "yse"), ==, "yes");
}

static void
test_list(void)
{
    g_autofree char *values = vnet_enum_list_values(&vnet_tristate_table);

    g_assert_cmpstr(values, ==, "yes, no");
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/util/enum/all-tables", test_all_tables);
    g_test_add_func("/util/enum/suggest", test_suggest);
    g_test_add_func("/util/enum/list", test_list);
    return g_test_run();
}
