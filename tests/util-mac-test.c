/* util-mac-test.c: MAC address parsing, formatting, generation. */
#include <config.h>

#include <errno.h>

#include "util/vnet-mac.h"

static void
test_parse_valid(void)
{
    static const struct {
        const char *in;
        const char *out;
    } cases[] = {
        {"52:54:00:12:34:56", "52:54:00:12:34:56"},
        {"52:54:00:AB:cd:EF", "52:54:00:ab:cd:ef"},
        {"0:1:2:3:4:5", "00:01:02:03:04:05"},
        {"52-54-00-12-34-56", "52:54:00:12:34:56"},
        {"ff:ff:ff:ff:ff:ff", "ff:ff:ff:ff:ff:ff"},
    };

    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        VnetMac mac;
        char buf[VNET_MAC_STRLEN];

        g_assert_cmpint(vnet_mac_parse(cases[i].in, &mac), ==, 0);
        vnet_mac_format(&mac, buf);
        g_assert_cmpstr(buf, ==, cases[i].out);
    }
}

static void
test_parse_invalid(void)
{
    static const char *const bad[] = {
        "",
        "52:54:00:12:34",
        "52:54:00:12:34:56:78",
        "52:54:00:12:34:5g",
        "525400123456",
        "52:54-00:12:34:56",
        "52:54:00:12:34:567",
        " 52:54:00:12:34:56",
        "52:54:00:12:34:56 ",
        "52::00:12:34:56",
    };

    for (guint i = 0; i < G_N_ELEMENTS(bad); i++) {
        VnetMac mac = {{1, 2, 3, 4, 5, 6}};

        g_assert_cmpint(vnet_mac_parse(bad[i], &mac), ==, -EINVAL);
        /* the out-value is untouched on failure */
        g_assert_cmpuint(mac.addr[0], ==, 1);
    }
    g_assert_cmpint(vnet_mac_parse(NULL, NULL), ==, -EINVAL);
}

static void
test_unicast(void)
{
    VnetMac mac;

    g_assert_cmpint(vnet_mac_parse("52:54:00:00:00:01", &mac), ==, 0);
    g_assert_true(vnet_mac_is_unicast(&mac));
    g_assert_cmpint(vnet_mac_parse("01:00:5e:00:00:01", &mac), ==, 0);
    g_assert_false(vnet_mac_is_unicast(&mac));
    g_assert_cmpint(vnet_mac_parse("ff:ff:ff:ff:ff:ff", &mac), ==, 0);
    g_assert_false(vnet_mac_is_unicast(&mac));
    g_assert_cmpint(vnet_mac_parse("00:00:00:00:00:00", &mac), ==, 0);
    g_assert_true(vnet_mac_is_zero(&mac));
}

static void
test_generate(void)
{
    VnetMac first, mac;
    gboolean differ = FALSE;

    g_assert_cmpint(vnet_mac_generate(NULL, &first), ==, 0);
    for (int i = 0; i < 32; i++) {
        g_assert_cmpint(vnet_mac_generate(NULL, &mac), ==, 0);
        g_assert_cmphex(mac.addr[0], ==, 0x52);
        g_assert_cmphex(mac.addr[1], ==, 0x54);
        g_assert_cmphex(mac.addr[2], ==, 0x00);
        g_assert_true(vnet_mac_is_unicast(&mac));
        differ |= !vnet_mac_equal(&first, &mac);
    }
    g_assert_true(differ);

    {
        const guint8 prefix[3] = {0x08, 0x00, 0x27};
        g_assert_cmpint(vnet_mac_generate(prefix, &mac), ==, 0);
        g_assert_cmphex(mac.addr[0], ==, 0x08);
        g_assert_cmphex(mac.addr[2], ==, 0x27);
    }
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/util/mac/parse-valid", test_parse_valid);
    g_test_add_func("/util/mac/parse-invalid", test_parse_invalid);
    g_test_add_func("/util/mac/unicast", test_unicast);
    g_test_add_func("/util/mac/generate", test_generate);
    return g_test_run();
}
