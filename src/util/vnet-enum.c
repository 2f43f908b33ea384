/* vnet-enum.c: lookups in enum tables. */
#include <config.h>

#include <string.h>

#include "util/vnet-enum.h"
#include "util/vnet-string.h"

const char *
vnet_enum_to_string(const VnetEnumTable *table, int value)
{
    if (value < 0 || (guint)value >= table->n_values)
        return NULL;
    return table->values[value];
}

int
vnet_enum_from_string(const VnetEnumTable *table, const char *str)
{
    if (!str)
        return -1;
    for (guint i = 0; i < table->n_values; i++) {
        if (table->values[i] && g_str_equal(table->values[i], str))
            return (int)i;
    }
    return -1;
}

const char *
vnet_enum_suggest(const VnetEnumTable *table, const char *str)
{
    return vnet_string_suggest(str, table->values, table->n_values);
}

char *
vnet_enum_list_values(const VnetEnumTable *table)
{
    GString *out = g_string_new(NULL);

    for (guint i = 0; i < table->n_values; i++) {
        if (!table->values[i])
            continue;
        if (out->len)
            g_string_append(out, ", ");
        g_string_append(out, table->values[i]);
    }
    return g_string_free(out, FALSE);
}

VNET_ENUM_IMPL(vnet_tristate, VNET_TRISTATE_LAST, NULL, "yes", "no");
VNET_ENUM_IMPL(vnet_switch, VNET_SWITCH_LAST, NULL, "on", "off");

/* Defined by the linker for the section every VNET_ENUM_IMPL adds to (the
 * tables above guarantee the section exists in every module). */
extern const VnetEnumTable *const __start_vnet_enum_tables[];
extern const VnetEnumTable *const __stop_vnet_enum_tables[];

void
vnet_enum_table_foreach(void (*func)(const VnetEnumTable *table, gpointer data), gpointer data)
{
    for (const VnetEnumTable *const *t = __start_vnet_enum_tables; t < __stop_vnet_enum_tables;
         t++)
        func(*t, data);
}
