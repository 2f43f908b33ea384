/* util-inet-test.c: addresses, prefixes, netmasks and subnet arithmetic. */
#include <config.h>

#include <errno.h>

#include "util/vnet-inet.h"

static VnetInetAddr
addr(const char *s)
{
    VnetInetAddr a;

    g_assert_cmpint(vnet_inet_parse(s, 0, &a), ==, 0);
    return a;
}

static void
assert_addr(const VnetInetAddr *a, const char *expected)
{
    char buf[VNET_INET_STRLEN];

    vnet_inet_format(a, buf);
    g_assert_cmpstr(buf, ==, expected);
}

static void
test_parse(void)
{
    VnetInetAddr a;

    g_assert_cmpint(vnet_inet_parse("192.168.15.1", 0, &a), ==, 0);
    g_assert_cmpint(a.family, ==, AF_INET);
    assert_addr(&a, "192.168.15.1");
    g_assert_cmpint(vnet_inet_parse("2001:DB8::1", 0, &a), ==, 0);
    g_assert_cmpint(a.family, ==, AF_INET6);
    assert_addr(&a, "2001:db8::1");
    g_assert_cmpint(vnet_inet_parse("192.168.15.1", AF_INET6, &a), ==, -EAFNOSUPPORT);
    g_assert_cmpint(vnet_inet_parse("::1", AF_INET, &a), ==, -EAFNOSUPPORT);

    static const char *const bad[] = {"", "192.168.15", "192.168.15.256", "1.2.3.4.5",
                                      "192.168.015.1x", "fe80::1::2", "host.example", " 1.2.3.4"};
    for (guint i = 0; i < G_N_ELEMENTS(bad); i++)
        g_assert_cmpint(vnet_inet_parse(bad[i], 0, &a), ==, -EINVAL);
}

static void
test_prefix_and_netmask(void)
{
    guint prefix;
    VnetInetAddr mask;

    g_assert_cmpint(vnet_inet_prefix_parse("24", AF_INET, &prefix), ==, 0);
    g_assert_cmpuint(prefix, ==, 24);
    g_assert_cmpint(vnet_inet_prefix_parse("33", AF_INET, &prefix), ==, -ERANGE);
    g_assert_cmpint(vnet_inet_prefix_parse("128", AF_INET6, &prefix), ==, 0);
    g_assert_cmpint(vnet_inet_prefix_parse("-1", AF_INET, &prefix), ==, -EINVAL);
    g_assert_cmpint(vnet_inet_prefix_parse("2x", AF_INET, &prefix), ==, -EINVAL);

    mask = addr("255.255.255.0");
    g_assert_cmpint(vnet_inet_netmask_to_prefix(&mask), ==, 24);
    mask = addr("255.255.255.255");
    g_assert_cmpint(vnet_inet_netmask_to_prefix(&mask), ==, 32);
    mask = addr("0.0.0.0");
    g_assert_cmpint(vnet_inet_netmask_to_prefix(&mask), ==, 0);
    mask = addr("255.0.255.0");
    g_assert_cmpint(vnet_inet_netmask_to_prefix(&mask), ==, -EINVAL);
    mask = addr("ffff:ffff:ffff:ffff::");
    g_assert_cmpint(vnet_inet_netmask_to_prefix(&mask), ==, 64);

    g_assert_cmpint(vnet_inet_prefix_to_netmask(AF_INET, 20, &mask), ==, 0);
    assert_addr(&mask, "255.255.240.0");
    g_assert_cmpint(vnet_inet_prefix_to_netmask(AF_INET6, 64, &mask), ==, 0);
    assert_addr(&mask, "ffff:ffff:ffff:ffff::");
    g_assert_cmpint(vnet_inet_prefix_to_netmask(AF_INET, 33, &mask), ==, -EINVAL);
}

static void
test_cidr(void)
{
    VnetInetAddr a;
    guint prefix;

    g_assert_cmpint(vnet_inet_cidr_parse("192.168.15.0/24", 0, &a, &prefix), ==, 0);
    assert_addr(&a, "192.168.15.0");
    g_assert_cmpuint(prefix, ==, 24);
    g_assert_cmpint(vnet_inet_cidr_parse("fd00::/64", AF_INET6, &a, &prefix), ==, 0);
    g_assert_cmpuint(prefix, ==, 64);
    g_assert_cmpint(vnet_inet_cidr_parse("192.168.15.0", 0, &a, &prefix), ==, -EINVAL);
    g_assert_cmpint(vnet_inet_cidr_parse("192.168.15.0/40", 0, &a, &prefix), ==, -ERANGE);
    g_assert_cmpint(vnet_inet_cidr_parse("192.168.15.0/", 0, &a, &prefix), ==, -EINVAL);
}

static void
test_subnets(void)
{
    VnetInetAddr net = addr("192.168.15.77"), out;
    VnetInetAddr a, b;

    vnet_inet_network(&net, 24, &out);
    assert_addr(&out, "192.168.15.0");
    vnet_inet_last(&net, 24, &out);
    assert_addr(&out, "192.168.15.255");

    a = addr("192.168.15.5");
    b = addr("192.168.15.0");
    g_assert_true(vnet_inet_in_subnet(&a, &b, 24));
    a = addr("192.168.16.5");
    g_assert_false(vnet_inet_in_subnet(&a, &b, 24));
    a = addr("::1");
    g_assert_false(vnet_inet_in_subnet(&a, &b, 24));

    a = addr("10.0.0.0");
    b = addr("10.0.128.0");
    g_assert_true(vnet_inet_subnets_overlap(&a, 16, &b, 24));
    g_assert_false(vnet_inet_subnets_overlap(&a, 17, &b, 24));
    a = addr("fd00:1::");
    b = addr("fd00:1:0:1::");
    g_assert_true(vnet_inet_subnets_overlap(&a, 48, &b, 64));
    g_assert_false(vnet_inet_subnets_overlap(&a, 64, &b, 64));
}

static void
test_arithmetic(void)
{
    VnetInetAddr a = addr("192.168.56.1"), out, end;

    g_assert_cmpint(vnet_inet_add(&a, 99, &out), ==, 0);
    assert_addr(&out, "192.168.56.100");
    g_assert_cmpint(vnet_inet_add(&a, -2, &out), ==, 0);
    assert_addr(&out, "192.168.55.255");
    a = addr("255.255.255.255");
    g_assert_cmpint(vnet_inet_add(&a, 1, &out), ==, -ERANGE);
    a = addr("0.0.0.0");
    g_assert_cmpint(vnet_inet_add(&a, -1, &out), ==, -ERANGE);
    a = addr("fd00::ffff");
    g_assert_cmpint(vnet_inet_add(&a, 1, &out), ==, 0);
    assert_addr(&out, "fd00::1:0");

    a = addr("192.168.56.101");
    end = addr("192.168.56.254");
    g_assert_cmpuint(vnet_inet_range_size(&a, &end), ==, 154);
    g_assert_cmpuint(vnet_inet_range_size(&end, &a), ==, 0);
    a = addr("::");
    end = addr("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
    g_assert_cmpuint(vnet_inet_range_size(&a, &end), ==, G_MAXUINT64);

    a = addr("10.0.2.15");
    end = addr("10.0.2.3");
    g_assert_cmpint(vnet_inet_compare(&a, &end), >, 0);
    g_assert_cmpint(vnet_inet_compare(&end, &a), <, 0);
    g_assert_true(vnet_inet_equal(&a, &a));
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/util/inet/parse", test_parse);
    g_test_add_func("/util/inet/prefix-netmask", test_prefix_and_netmask);
    g_test_add_func("/util/inet/cidr", test_cidr);
    g_test_add_func("/util/inet/subnets", test_subnets);
    g_test_add_func("/util/inet/arithmetic", test_arithmetic);
    return g_test_run();
}
