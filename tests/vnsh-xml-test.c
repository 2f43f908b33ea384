/* vnsh-xml-test.c: `vnsh validate` and `vnsh format` as a user runs them:
 * exit statuses, FILE:LINE messages on stderr, canonical output on stdout. */
#include <config.h>

#include <string.h>

#include "test-util.h"

static char *
vnsh_path(void)
{
    return vnet_test_top_builddir_path("tools", "vnsh", "vnsh", NULL);
}

static int
run_vnsh(const char *a1, const char *a2, char **out, char **err)
{
    g_autofree char *vnsh = vnsh_path();
    const char *argv[] = {vnsh, a1, a2, NULL};

    return vnet_test_run_full(argv, out, err);
}

static void
check_examples_in(const char *folder)
{
    g_autofree char *dir = vnet_test_top_srcdir_path("examples", folder, NULL);
    g_autoptr(GPtrArray) names = vnet_test_list_dir(dir, ".xml");

    g_assert_cmpuint(names->len, >, 0);
    for (guint i = 0; i < names->len; i++) {
        g_autofree char *path = g_build_filename(dir, names->pdata[i], NULL);
        g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL;
        g_autofree char *tmp = g_build_filename(g_get_tmp_dir(), "vnsh-format-XXXXXX", NULL);
        int fd;

        g_assert_cmpint(run_vnsh("validate", path, &out, &err), ==, 0);
        g_assert_nonnull(strstr(out, "valid"));
        g_clear_pointer(&out, g_free);
        g_clear_pointer(&err, g_free);

        /* format is canonical: formatting its own output changes nothing */
        g_assert_cmpint(run_vnsh("format", path, &out, &err), ==, 0);
        fd = g_mkstemp(tmp);
        g_assert_cmpint(fd, >=, 0);
        g_assert_true(g_file_set_contents(tmp, out, -1, NULL));
        close(fd);
        g_assert_cmpint(run_vnsh("format", tmp, &out2, &err2), ==, 0);
        g_assert_cmpstr(out, ==, out2);
        unlink(tmp);
    }
}

static void
test_examples(void)
{
    check_examples_in("domains");
    check_examples_in("networks");
}

static void
test_invalid(void)
{
    g_autofree char *tmp = g_build_filename(g_get_tmp_dir(), "vnsh-bad-XXXXXX", NULL);
    g_autofree char *out = NULL, *err = NULL;
    g_autofree char *expected = NULL;
    int fd = g_mkstemp(tmp);

    g_assert_cmpint(fd, >=, 0);
    close(fd);
    g_assert_true(g_file_set_contents(tmp,
                                      "<domain type='netns'>\n"
                                      "  <name>web1</name>\n"
                                      "  <devices>\n"
                                      "    <interface type='direct'>\n"
                                      "      <source dev='eth0' mode='vepx'/>\n"
                                      "    </interface>\n"
                                      "  </devices>\n"
                                      "</domain>\n",
                                      -1, NULL));
    g_assert_cmpint(run_vnsh("validate", tmp, &out, &err), ==, 1);
    expected = g_strdup_printf("%s:5: ", tmp);
    g_assert_true(g_str_has_prefix(err, expected));
    g_assert_nonnull(strstr(err, "'vepx'"));
    g_assert_nonnull(strstr(err, "did you mean 'vepa'?"));
    g_assert_cmpstr(out, ==, "");
    g_clear_pointer(&out, g_free);
    g_clear_pointer(&err, g_free);

    g_assert_cmpint(run_vnsh("format", tmp, &out, &err), ==, 1);
    g_assert_true(g_str_has_prefix(err, expected));
    g_assert_cmpstr(out, ==, "");
    g_clear_pointer(&out, g_free);
    g_clear_pointer(&err, g_free);

    /* not a vnet document */
    g_assert_true(g_file_set_contents(tmp, "<pool/>\n", -1, NULL));
    g_assert_cmpint(run_vnsh("validate", tmp, &out, &err), ==, 1);
    g_assert_nonnull(strstr(err, "<pool> is not a vnet document"));
    g_clear_pointer(&out, g_free);
    g_clear_pointer(&err, g_free);

    g_assert_cmpint(run_vnsh("validate", "/nonexistent.xml", &out, &err), ==, 1);
    g_assert_true(g_str_has_prefix(err, "/nonexistent.xml: cannot open"));
    unlink(tmp);
}

static void
test_usage(void)
{
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint(run_vnsh("validate", NULL, &out, &err), ==, 2);
    g_assert_true(g_str_has_prefix(err, "error: "));
    g_clear_pointer(&out, g_free);
    g_clear_pointer(&err, g_free);
    g_assert_cmpint(run_vnsh("no-such-command", NULL, &out, &err), ==, 2);
    g_assert_nonnull(strstr(err, "unknown command"));
    g_clear_pointer(&out, g_free);
    g_clear_pointer(&err, g_free);
    g_assert_cmpint(run_vnsh("--version", NULL, &out, &err), ==, 0);
    g_assert_true(g_str_has_prefix(out, "vnsh " PACKAGE_VERSION));
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/vnsh/xml/examples", test_examples);
    g_test_add_func("/vnsh/xml/invalid", test_invalid);
    g_test_add_func("/vnsh/xml/usage", test_usage);
    return g_test_run();
}
