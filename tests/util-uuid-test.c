/* util-uuid-test.c: UUID parsing, formatting, generation. */
#include <config.h>

#include <errno.h>

#include "util/vnet-uuid.h"

static void
test_parse_valid(void)
{
    static const char *const good[] = {
        "c7a5fdbd-edaf-9455-926a-d65c16db1809",
        "C7A5FDBD-EDAF-9455-926A-D65C16DB1809",
        "c7a5fdbdedaf9455926ad65c16db1809",
        "  c7a5fdbd-edaf-9455-926a-d65c16db1809  ",
        "c7-a5-fd-bd-ed-af-94-55-92-6a-d6-5c-16-db-18-09",
    };

    for (guint i = 0; i < G_N_ELEMENTS(good); i++) {
        VnetUuid uuid;
        char buf[VNET_UUID_STRLEN];

        g_assert_cmpint(vnet_uuid_parse(good[i], &uuid), ==, 0);
        vnet_uuid_format(&uuid, buf);
        g_assert_cmpstr(buf, ==, "c7a5fdbd-edaf-9455-926a-d65c16db1809");
    }
}

static void
test_parse_invalid(void)
{
    static const char *const bad[] = {
        "",
        "c7a5fdbd-edaf-9455-926a-d65c16db180",
        "c7a5fdbd-edaf-9455-926a-d65c16db18090",
        "c7a5fdbd-edaf-9455-926a-d65c16db180g",
        "c7a5fdbd--edaf-9455-926a-d65c16db1809",
        "c-7a5fdbd-edaf-9455-926a-d65c16db1809",
        "{c7a5fdbd-edaf-9455-926a-d65c16db1809}",
        "not a uuid",
    };

    for (guint i = 0; i < G_N_ELEMENTS(bad); i++) {
        VnetUuid uuid;
        g_assert_cmpint(vnet_uuid_parse(bad[i], &uuid), ==, -EINVAL);
    }
    g_assert_cmpint(vnet_uuid_parse(NULL, NULL), ==, -EINVAL);
}

static void
test_generate(void)
{
    VnetUuid a, b;
    char buf[VNET_UUID_STRLEN];
    VnetUuid back;

    g_assert_cmpint(vnet_uuid_generate(&a), ==, 0);
    g_assert_cmpint(vnet_uuid_generate(&b), ==, 0);
    g_assert_false(vnet_uuid_equal(&a, &b));
    g_assert_false(vnet_uuid_is_null(&a));
    /* version 4, RFC 4122 variant */
    g_assert_cmphex(a.bytes[6] >> 4, ==, 4);
    g_assert_cmphex(a.bytes[8] >> 6, ==, 2);
    vnet_uuid_format(&a, buf);
    g_assert_cmpint(vnet_uuid_parse(buf, &back), ==, 0);
    g_assert_true(vnet_uuid_equal(&a, &back));
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/util/uuid/parse-valid", test_parse_valid);
    g_test_add_func("/util/uuid/parse-invalid", test_parse_invalid);
    g_test_add_func("/util/uuid/generate", test_generate);
    return g_test_run();
}
