/* vnet-enum.h: enum <-> string through one table per enum.
 *
 * In a header:
 *     typedef enum { VNET_FOO_NONE, VNET_FOO_A, VNET_FOO_B, VNET_FOO_LAST } VnetFoo;
 *     VNET_ENUM_DECL(vnet_foo);
 * In one .c file:
 *     VNET_ENUM_IMPL(vnet_foo, VNET_FOO_LAST, NULL, "a", "b");
 *
 * A NULL entry (typically value 0, "unset") has no string: it is never
 * printed and never parsed. The table's size is checked at compile time, and
 * every table lands in one linker section so a test can walk them all.
 */
#pragma once

#include <glib.h>

typedef struct {
    const char *name;
    const char *const *values;
    guint n_values;
} VnetEnumTable;

const char *vnet_enum_to_string(const VnetEnumTable *table, int value);
int vnet_enum_from_string(const VnetEnumTable *table, const char *str);

/* Closest table value to @str by edit distance, for "did you mean"; NULL when
 * nothing is close enough. */
const char *vnet_enum_suggest(const VnetEnumTable *table, const char *str);

/* Comma-separated list of the table's values ("vepa, bridge, private"). */
char *vnet_enum_list_values(const VnetEnumTable *table);

/* Calls @func on every table linked into this module. */
void vnet_enum_table_foreach(void (*func)(const VnetEnumTable *table, gpointer data),
                             gpointer data);

#define VNET_ENUM_DECL(name)                                                                       \
    extern const VnetEnumTable name##_table;                                                       \
    const char *name##_to_string(int value);                                                       \
    int name##_from_string(const char *str)

#define VNET_ENUM_IMPL(name, last, ...)                                                            \
    static const char *const name##_values[] = {__VA_ARGS__};                                      \
    G_STATIC_ASSERT(G_N_ELEMENTS(name##_values) == (last));                                        \
    const VnetEnumTable name##_table = {#name, name##_values, G_N_ELEMENTS(name##_values)};       \
    static const VnetEnumTable *const name##_table_ref                                             \
        __attribute__((used, section("vnet_enum_tables"))) = &name##_table;                       \
    const char *name##_to_string(int value)                                                        \
    {                                                                                              \
        return vnet_enum_to_string(&name##_table, value);                                          \
    }                                                                                              \
    int name##_from_string(const char *str)                                                        \
    {                                                                                              \
        return vnet_enum_from_string(&name##_table, str);                                          \
    }

/* Optional booleans: ABSENT when the XML did not say, so formatting writes
 * back exactly what was read. */
typedef enum {
    VNET_TRISTATE_ABSENT,
    VNET_TRISTATE_YES,
    VNET_TRISTATE_NO,
    VNET_TRISTATE_LAST
} VnetTristate;
VNET_ENUM_DECL(vnet_tristate);

/* The same for attributes spelled on/off. */
typedef enum {
    VNET_SWITCH_ABSENT,
    VNET_SWITCH_ON,
    VNET_SWITCH_OFF,
    VNET_SWITCH_LAST
} VnetSwitch;
VNET_ENUM_DECL(vnet_switch);
