/* vnsh-table.c: the one printer of listings. A command fills a table once;
 * the table prints itself as aligned columns for people or, with --json,
 * as an array of objects for programs. */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>

#include <glib/gi18n.h>

#include "vnsh.h"

typedef struct {
    char *text;    /* what the table shows */
    JsonNode *json; /* what --json shows */
} Cell;

struct _VnshTable {
    const VnshColumn *columns;
    guint n_columns;
    GPtrArray *rows; /* GPtrArray of Cell* */
};

static void
cell_free(Cell *cell)
{
    g_free(cell->text);
    json_node_unref(cell->json);
    g_free(cell);
}

/**
 * vnsh_table_new:
 * @columns: the columns (kept: usually a static array)
 * @n_columns: how many
 *
 * Returns: (transfer full): an empty table.
 */
VnshTable *
vnsh_table_new(const VnshColumn *columns, guint n_columns)
{
    VnshTable *table = g_new0(VnshTable, 1);

    table->columns = columns;
    table->n_columns = n_columns;
    table->rows = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
    return table;
}

/**
 * vnsh_table_free:
 * @table: (nullable): a table
 */
void
vnsh_table_free(VnshTable *table)
{
    if (!table)
        return;
    g_ptr_array_unref(table->rows);
    g_free(table);
}

/**
 * vnsh_table_add_row:
 * @table: a table
 *
 * Starts a new row; fill it with one vnsh_table_add_*() per column.
 */
void
vnsh_table_add_row(VnshTable *table)
{
    g_ptr_array_add(table->rows, g_ptr_array_new_with_free_func((GDestroyNotify)cell_free));
}

static void
add_cell(VnshTable *table, char *text, JsonNode *json)
{
    GPtrArray *row;
    Cell *cell = g_new0(Cell, 1);

    g_return_if_fail(table->rows->len > 0);
    row = table->rows->pdata[table->rows->len - 1];
    g_return_if_fail(row->len < table->n_columns);
    cell->text = text;
    cell->json = json;
    g_ptr_array_add(row, cell);
}

/**
 * vnsh_table_add_string:
 * @table: a table
 * @text: (nullable): the value; NULL shows as "-" and as JSON null
 */
void
vnsh_table_add_string(VnshTable *table, const char *text)
{
    JsonNode *node = json_node_new(text ? JSON_NODE_VALUE : JSON_NODE_NULL);

    if (text)
        json_node_set_string(node, text);
    add_cell(table, g_strdup(text ? text : "-"), node);
}

/**
 * vnsh_table_add_bool:
 * @table: a table
 * @value: the value: "yes"/"no" in the table, true/false in JSON
 */
void
vnsh_table_add_bool(VnshTable *table, gboolean value)
{
    JsonNode *node = json_node_new(JSON_NODE_VALUE);

    json_node_set_boolean(node, value);
    add_cell(table, g_strdup(value ? _("yes") : _("no")), node);
}

/**
 * vnsh_table_add_int:
 * @table: a table
 * @value: the value JSON shows
 * @text: (nullable): what the table shows instead of the number
 */
void
vnsh_table_add_int(VnshTable *table, gint64 value, const char *text)
{
    JsonNode *node = json_node_new(JSON_NODE_VALUE);

    json_node_set_int(node, value);
    add_cell(table, text ? g_strdup(text) : g_strdup_printf("%" G_GINT64_FORMAT, value), node);
}

/**
 * vnsh_table_add_strv:
 * @table: a table
 * @values: a NULL-terminated list
 */
void
vnsh_table_add_strv(VnshTable *table, const char *const *values)
{
    JsonArray *array = json_array_new();
    JsonNode *node = json_node_new(JSON_NODE_ARRAY);

    for (guint i = 0; values && values[i]; i++)
        json_array_add_string_element(array, values[i]);
    json_node_take_array(node, array);
    add_cell(table, values && values[0] ? g_strjoinv(", ", (char **)values) : g_strdup("-"),
             node);
}

static guint
text_width(const char *text)
{
    return g_utf8_strlen(text, -1);
}

static void
print_padded(const char *text, guint width, gboolean last)
{
    fputs(text, stdout);
    if (!last)
        for (guint w = text_width(text); w < width + 3; w++)
            putchar(' ');
}

static void
print_text(const VnshTable *table)
{
    g_autofree guint *widths = g_new0(guint, table->n_columns);
    guint total = 0;

    for (guint c = 0; c < table->n_columns; c++)
        widths[c] = text_width(_(table->columns[c].header));
    for (guint r = 0; r < table->rows->len; r++) {
        GPtrArray *row = table->rows->pdata[r];

        for (guint c = 0; c < row->len; c++)
            widths[c] = MAX(widths[c], text_width(((Cell *)row->pdata[c])->text));
    }
    putchar(' ');
    for (guint c = 0; c < table->n_columns; c++) {
        print_padded(_(table->columns[c].header), widths[c], c + 1 == table->n_columns);
        total += widths[c] + (c + 1 < table->n_columns ? 3 : 0);
    }
    putchar('\n');
    for (guint i = 0; i < total + 2; i++)
        putchar('-');
    putchar('\n');
    for (guint r = 0; r < table->rows->len; r++) {
        GPtrArray *row = table->rows->pdata[r];

        putchar(' ');
        for (guint c = 0; c < row->len; c++)
            print_padded(((Cell *)row->pdata[c])->text, widths[c], c + 1 == row->len);
        putchar('\n');
    }
}

static void
print_json(const VnshTable *table)
{
    g_autoptr(JsonBuilder) builder = json_builder_new();
    g_autoptr(JsonGenerator) generator = json_generator_new();
    g_autoptr(JsonNode) root = NULL;
    g_autofree char *text = NULL;

    json_builder_begin_array(builder);
    for (guint r = 0; r < table->rows->len; r++) {
        GPtrArray *row = table->rows->pdata[r];

        json_builder_begin_object(builder);
        for (guint c = 0; c < row->len; c++) {
            json_builder_set_member_name(builder, table->columns[c].key);
            json_builder_add_value(builder, json_node_copy(((Cell *)row->pdata[c])->json));
        }
        json_builder_end_object(builder);
    }
    json_builder_end_array(builder);
    root = json_builder_get_root(builder);
    json_generator_set_root(generator, root);
    json_generator_set_pretty(generator, TRUE);
    text = json_generator_to_data(generator, NULL);
    puts(text);
}

/**
 * vnsh_table_print:
 * @table: a filled table
 * @json: print JSON instead of columns
 */
void
vnsh_table_print(VnshTable *table, gboolean json)
{
    if (json)
        print_json(table);
    else
        print_text(table);
}

/**
 * vnsh_error:
 * @format: printf format
 * @...: its arguments
 *
 * Prints "error: MESSAGE" on stderr.
 */
void
vnsh_error(const char *format, ...)
{
    va_list args;
    g_autofree char *text = NULL;

    va_start(args, format);
    text = g_strdup_vprintf(format, args);
    va_end(args);
    fflush(stdout);
    fprintf(stderr, "error: %s\n", text);
}

/**
 * vnsh_report:
 * @error: an error from the API
 *
 * Prints "error: " and the library's message.
 *
 * Returns: VNSH_EXIT_FAILED.
 */
int
vnsh_report(const GError *error)
{
    vnsh_error("%s", error->message);
    return VNSH_EXIT_FAILED;
}
