/* network-xml2xml-test.c: every tests/networkxml2xml/in/NAME.xml parses,
 * validates and formats to out/NAME.xml; the output parses back to the same
 * bytes, its copy formats the same, and it validates against vnet's
 * schemas/network.rng. The examples in examples/networks/ go through the
 * same checks (their output is not pinned). Cases are found by listing the
 * folders. */
#include <config.h>

#include <string.h>

#include <vnet/vnet.h>

#include "conf/network_conf.h"
#include "network-test-common.h"
#include "test-util.h"

static VnetNetworkDef *
parse_valid(const char *xml, const char *name)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetNetworkDef) def = vnet_network_def_parse_string(xml, name, &error);

    g_assert_no_error(error);
    g_assert_nonnull(def);
    vnet_network_def_validate(def, &error);
    g_assert_no_error(error);
    return g_steal_pointer(&def);
}

static void
assert_schema_valid(const char *xml, const char *what)
{
    g_autofree char *rng = network_test_schema_path();
    g_autofree char *errors = NULL;

    if (!network_test_rng_validate(rng, xml, &errors))
        g_error("%s does not validate against %s:\n%s\n%s", what, rng, errors, xml);
}

/* Parse -> format -> parse -> format is byte-stable, and a copy formats
 * the same. Returns the first formatting. */
static char *
round_trip(const char *xml, const char *name)
{
    g_autoptr(VnetNetworkDef) def = parse_valid(xml, name);
    g_autofree char *out = vnet_network_def_format(def, 0);
    g_autoptr(VnetNetworkDef) again = parse_valid(out, name);
    g_autofree char *out2 = vnet_network_def_format(again, 0);
    g_autoptr(VnetNetworkDef) copy = vnet_network_def_copy(def);
    g_autofree char *out3 = vnet_network_def_format(copy, 0);

    g_assert_cmpstr(out, ==, out2);
    g_assert_cmpstr(out, ==, out3);
    g_assert_cmpint(def->kind, ==, again->kind);
    g_assert_cmpint(def->kind, !=, VNET_NETWORK_KIND_NONE);
    assert_schema_valid(out, name);
    return g_steal_pointer(&out);
}

static void
test_case(gconstpointer data)
{
    const char *name = data;
    g_autofree char *in_path = vnet_test_srcdir_path("networkxml2xml", "in", name, NULL);
    g_autofree char *out_path = vnet_test_srcdir_path("networkxml2xml", "out", name, NULL);
    g_autofree char *xml = vnet_test_read_file(in_path);
    g_autofree char *out = NULL;

    assert_schema_valid(xml, in_path);
    out = round_trip(xml, name);
    vnet_test_assert_file_equal(out_path, out);
}

static void
test_example(gconstpointer data)
{
    const char *name = data;
    g_autofree char *path = vnet_test_top_srcdir_path("examples", "networks", name, NULL);
    g_autofree char *xml = vnet_test_read_file(path);
    g_autofree char *out = NULL;

    assert_schema_valid(xml, path);
    out = round_trip(xml, name);
    /* Examples are written in canonical form already, so users see what
     * vnet writes back. */
    g_assert_cmpstr(out, ==, xml);
}

static void
test_counts(gconstpointer data)
{
    const GPtrArray *names = data;

    /* the issue asks for at least 40 valid cases */
    g_assert_cmpuint(names->len, >=, 40);
}

int
main(int argc, char **argv)
{
    g_autofree char *in_dir = NULL;
    g_autofree char *ex_dir = NULL;
    g_autoptr(GPtrArray) cases = NULL;
    g_autoptr(GPtrArray) examples = NULL;

    g_test_init(&argc, &argv, NULL);
    in_dir = vnet_test_srcdir_path("networkxml2xml", "in", NULL);
    ex_dir = vnet_test_top_srcdir_path("examples", "networks", NULL);
    cases = vnet_test_list_dir(in_dir, ".xml");
    examples = vnet_test_list_dir(ex_dir, ".xml");
    for (guint i = 0; i < cases->len; i++) {
        g_autofree char *path = g_strdup_printf("/network/xml2xml/%s", (char *)cases->pdata[i]);
        g_test_add_data_func(path, cases->pdata[i], test_case);
    }
    for (guint i = 0; i < examples->len; i++) {
        g_autofree char *path = g_strdup_printf("/network/example/%s", (char *)examples->pdata[i]);
        g_test_add_data_func(path, examples->pdata[i], test_example);
    }
    g_test_add_data_func("/network/xml2xml/count", cases, test_counts);
    return g_test_run();
}
