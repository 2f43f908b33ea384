/* util-log-test.c: VNET_DEBUG picks the categories, and debug lines go to
 * stderr (never stdout, which belongs to programs such as vnsh). */
#include <config.h>

#include "util/vnet-log.h"

static void
test_categories(void)
{
    g_setenv("VNET_DEBUG", "xml,netlink", TRUE);
    vnet_log_reset();
    g_assert_true(vnet_log_category_enabled("xml"));
    g_assert_true(vnet_log_category_enabled("netlink"));
    g_assert_false(vnet_log_category_enabled("driver"));

    g_setenv("VNET_DEBUG", "all", TRUE);
    vnet_log_reset();
    g_assert_true(vnet_log_category_enabled("driver"));
    g_setenv("VNET_DEBUG", "1", TRUE);
    vnet_log_reset();
    g_assert_true(vnet_log_category_enabled("anything"));

    g_unsetenv("VNET_DEBUG");
    vnet_log_reset();
    g_assert_false(vnet_log_category_enabled("xml"));
    g_setenv("VNET_DEBUG", "", TRUE);
    vnet_log_reset();
    g_assert_false(vnet_log_category_enabled("xml"));
}

static void
test_output(void)
{
    if (g_test_subprocess()) {
        g_setenv("VNET_DEBUG", "xml", TRUE);
        vnet_log_reset();
        vnet_debug("xml", "parsed %d elements", 42);
        vnet_debug("netlink", "this category is off");
        return;
    }
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_passed();
    g_test_trap_assert_stdout("");
    g_test_trap_assert_stderr("*parsed 42 elements*[xml]*");
    g_test_trap_assert_stderr_unmatched("*category is off*");
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/util/log/categories", test_categories);
    g_test_add_func("/util/log/output", test_output);
    return g_test_run();
}
