/* domain-hostile-test.c: hostile domain documents are refused cleanly by
 * vnet_domain_def_parse_file(): DOCTYPEs with external entities, a billion
 * laughs, a 100 MB file, deep nesting and bytes that are not UTF-8. */
#include <config.h>

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include <vnet/vnet.h>

#include "conf/domain_conf.h"
#include "test-util.h"

static char *tmpdir;

static char *
write_file(const char *name, const char *data, gssize len)
{
    g_autoptr(GError) error = NULL;
    char *path = g_build_filename(tmpdir, name, NULL);

    g_file_set_contents(path, data, len, &error);
    g_assert_no_error(error);
    return path;
}

static void
assert_refused(const char *path, const char *needle)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetDomainDef) def = vnet_domain_def_parse_file(path, &error);

    g_assert_null(def);
    g_assert_error(error, VNET_ERROR, VNET_ERROR_INVALID_XML);
    if (!strstr(error->message, needle))
        g_error("'%s' lacks '%s'", error->message, needle);
    /* The message names the file. */
    g_assert_true(g_str_has_prefix(error->message, path));
    g_unlink(path);
}

static void
test_external_entity(void)
{
    g_autofree char *path = write_file(
        "xxe.xml",
        "<?xml version='1.0'?>\n<!DOCTYPE domain [<!ENTITY xxe SYSTEM 'file:///etc/passwd'>]>\n"
        "<domain type='kvm'><name>&xxe;</name></domain>\n",
        -1);

    assert_refused(path, "DOCTYPE");
}

static void
test_external_dtd(void)
{
    g_autofree char *path = write_file(
        "dtd.xml",
        "<?xml version='1.0'?>\n<!DOCTYPE domain SYSTEM 'http://example.com/domain.dtd'>\n"
        "<domain type='kvm'><name>d</name></domain>\n",
        -1);

    assert_refused(path, "DOCTYPE");
}

static void
test_billion_laughs(void)
{
    GString *xml = g_string_new("<?xml version='1.0'?>\n<!DOCTYPE domain [\n"
                                "<!ENTITY lol0 'lol'>\n");
    g_autofree char *path = NULL;

    for (int i = 1; i < 10; i++) {
        g_string_append_printf(xml, "<!ENTITY lol%d '", i);
        for (int j = 0; j < 10; j++)
            g_string_append_printf(xml, "&lol%d;", i - 1);
        g_string_append(xml, "'>\n");
    }
    g_string_append(xml, "]>\n<domain type='kvm'><name>&lol9;</name></domain>\n");
    path = write_file("lol.xml", xml->str, xml->len);
    g_string_free(xml, TRUE);
    assert_refused(path, "DOCTYPE");
}

static void
test_100mb(void)
{
    static const char head[] = "<domain type='kvm'><name>big</name><description>";
    g_autofree char *path = g_build_filename(tmpdir, "big.xml", NULL);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

    g_assert_cmpint(fd, >=, 0);
    g_assert_cmpint(write(fd, head, strlen(head)), ==, (ssize_t)strlen(head));
    /* Sparse: takes no disk space, but stat() and read() see 100 MB. */
    g_assert_cmpint(ftruncate(fd, 100 * 1024 * 1024), ==, 0);
    close(fd);
    assert_refused(path, "bytes; at most");
}

static void
test_deep_nesting(void)
{
    GString *xml = g_string_new("<domain type='kvm'><name>deep</name>");
    g_autofree char *path = NULL;

    for (int i = 0; i < 100000; i++)
        g_string_append(xml, "<a>");
    for (int i = 0; i < 100000; i++)
        g_string_append(xml, "</a>");
    g_string_append(xml, "</domain>\n");
    path = write_file("deep.xml", xml->str, xml->len);
    g_string_free(xml, TRUE);
    assert_refused(path, "nested more than");
}

static void
test_not_utf8(void)
{
    static const char xml[] = "<domain type='kvm'>\n<name>caf\xe9</name>\n</domain>\n";
    g_autofree char *path = write_file("latin1.xml", xml, sizeof(xml) - 1);

    assert_refused(path, ":2: byte 0xe9");
}

static void
test_not_utf8_declared(void)
{
    /* Declaring another encoding does not get a document past the check. */
    static const char xml[] = "<?xml version='1.0' encoding='ISO-8859-1'?>\n"
                              "<domain type='kvm'><name>caf\xe9</name></domain>\n";
    g_autofree char *path = write_file("declared.xml", xml, sizeof(xml) - 1);

    assert_refused(path, "not valid UTF-8");
}

int
main(int argc, char **argv)
{
    g_autoptr(GError) error = NULL;
    int r;

    g_test_init(&argc, &argv, NULL);
    tmpdir = g_dir_make_tmp("vnet-domain-hostile-XXXXXX", &error);
    g_assert_no_error(error);
    g_test_add_func("/domain/hostile/external-entity", test_external_entity);
    g_test_add_func("/domain/hostile/external-dtd", test_external_dtd);
    g_test_add_func("/domain/hostile/billion-laughs", test_billion_laughs);
    g_test_add_func("/domain/hostile/100mb", test_100mb);
    g_test_add_func("/domain/hostile/deep-nesting", test_deep_nesting);
    g_test_add_func("/domain/hostile/not-utf8", test_not_utf8);
    g_test_add_func("/domain/hostile/not-utf8-declared", test_not_utf8_declared);
    r = g_test_run();
    g_rmdir(tmpdir);
    g_free(tmpdir);
    return r;
}
