/* util-error-test.c: every error code has a D-Bus name, and GDBus carries
 * VNET_ERROR across the bus both ways. */
#include <config.h>

#include <gio/gio.h>
#include <vnet/vnet.h>

static void
test_names(void)
{
    g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);

    for (int code = 0; code < VNET_ERROR_N_CODES; code++) {
        const char *name = vnet_error_code_to_dbus_name(code);

        g_assert_nonnull(name);
        g_assert_true(g_str_has_prefix(name, "org.vnet1.Error."));
        g_assert_true(g_dbus_is_interface_name(name));
        g_assert_false(g_hash_table_contains(seen, name));
        g_hash_table_add(seen, (gpointer)name);
    }
    g_assert_null(vnet_error_code_to_dbus_name(VNET_ERROR_N_CODES));
    g_assert_cmpstr(vnet_error_code_to_dbus_name(VNET_ERROR_NO_DOMAIN), ==,
                    "org.vnet1.Error.NoDomain");
    g_assert_cmpstr(vnet_error_code_to_dbus_name(VNET_ERROR_INVALID_XML), ==,
                    "org.vnet1.Error.InvalidXML");
}

static void
test_dbus_round_trip(void)
{
    g_autoptr(GError) error = g_error_new(VNET_ERROR, VNET_ERROR_NO_NETWORK,
                                          "no network with name 'x'");
    g_autofree char *remote = g_dbus_error_encode_gerror(error);
    g_autoptr(GError) back = NULL;

    g_assert_cmpstr(remote, ==, "org.vnet1.Error.NoNetwork");
    back = g_dbus_error_new_for_dbus_error(remote, error->message);
    g_assert_error(back, VNET_ERROR, VNET_ERROR_NO_NETWORK);
    g_dbus_error_strip_remote_error(back);
    g_assert_cmpstr(back->message, ==, "no network with name 'x'");
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/util/error/dbus-names", test_names);
    g_test_add_func("/util/error/dbus-round-trip", test_dbus_round_trip);
    return g_test_run();
}
