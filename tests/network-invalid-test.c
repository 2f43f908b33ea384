/* network-invalid-test.c: every tests/networkxml-invalid/NAME.xml is
 * refused, by the parser or by validation, with exactly the message in
 * NAME.err (one line). Cases are found by listing the folder. */
#include <config.h>

#include <string.h>

#include <vnet/vnet.h>

#include "conf/network_conf.h"
#include "test-util.h"

static void
test_case(gconstpointer data)
{
    const char *name = data;
    g_autofree char *dir = vnet_test_srcdir_path("networkxml-invalid", NULL);
    g_autofree char *path = g_build_filename(dir, name, NULL);
    g_autofree char *base = g_strndup(name, strlen(name) - strlen(".xml"));
    g_autofree char *err_name = g_strconcat(base, ".err", NULL);
    g_autofree char *err_path = g_build_filename(dir, err_name, NULL);
    g_autofree char *xml = vnet_test_read_file(path);
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetNetworkDef) def = vnet_network_def_parse_string(xml, name, &error);
    g_autofree char *message = NULL;

    if (def) {
        g_assert_no_error(error);
        g_assert_false(vnet_network_def_validate(def, &error));
    }
    g_assert_nonnull(error);
    g_assert_true(error->domain == VNET_ERROR);
    g_assert_true(error->code == VNET_ERROR_CONFIG_INVALID ||
                  error->code == VNET_ERROR_CONFIG_UNSUPPORTED ||
                  error->code == VNET_ERROR_INVALID_XML);
    /* Every message points at the file and line of the element at fault. */
    g_assert_true(g_str_has_prefix(error->message, name));
    message = g_strconcat(error->message, "\n", NULL);
    vnet_test_assert_file_equal(err_path, message);
}

static void
test_counts(gconstpointer data)
{
    const GPtrArray *names = data;

    /* the issue asks for at least 30 invalid cases */
    g_assert_cmpuint(names->len, >=, 30);
}

int
main(int argc, char **argv)
{
    g_autofree char *dir = NULL;
    g_autoptr(GPtrArray) cases = NULL;

    g_test_init(&argc, &argv, NULL);
    dir = vnet_test_srcdir_path("networkxml-invalid", NULL);
    cases = vnet_test_list_dir(dir, ".xml");
    for (guint i = 0; i < cases->len; i++) {
        g_autofree char *path = g_strdup_printf("/network/invalid/%s", (char *)cases->pdata[i]);
        g_test_add_data_func(path, cases->pdata[i], test_case);
    }
    g_test_add_data_func("/network/invalid/count", cases, test_counts);
    return g_test_run();
}
