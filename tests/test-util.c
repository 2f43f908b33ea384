/* test-util.c: file lookup, expected-output comparison, running commands. */
#include <config.h>

#include <stdarg.h>
#include <string.h>
#include <sys/wait.h>

#include "test-util.h"

static char *
build_from_env(const char *env, const char *fallback, const char *first, va_list args)
{
    const char *base = g_getenv(env);
    g_autoptr(GPtrArray) parts = g_ptr_array_new();

    g_ptr_array_add(parts, (gpointer)(base ? base : fallback));
    for (const char *p = first; p; p = va_arg(args, const char *))
        g_ptr_array_add(parts, (gpointer)p);
    g_ptr_array_add(parts, NULL);
    return g_build_filenamev((char **)parts->pdata);
}

char *
vnet_test_srcdir_path(const char *first, ...)
{
    va_list args;
    char *path;

    va_start(args, first);
    path = build_from_env("VNET_TEST_SRCDIR", ".", first, args);
    va_end(args);
    return path;
}

char *
vnet_test_top_srcdir_path(const char *first, ...)
{
    va_list args;
    char *path;

    va_start(args, first);
    path = build_from_env("VNET_TOP_SRCDIR", "..", first, args);
    va_end(args);
    return path;
}

char *
vnet_test_top_builddir_path(const char *first, ...)
{
    va_list args;
    char *path;

    va_start(args, first);
    path = build_from_env("VNET_TOP_BUILDDIR", "..", first, args);
    va_end(args);
    return path;
}

char *
vnet_test_conformance_path(const char *first, ...)
{
    va_list args;
    char *path;
    const char *base = g_getenv("VNET_CONFORMANCE_DIR");

    if (!base || !g_file_test(base, G_FILE_TEST_IS_DIR))
        return NULL;
    va_start(args, first);
    path = build_from_env("VNET_CONFORMANCE_DIR", base, first, args);
    va_end(args);
    return path;
}

static gint
compare_names(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

GPtrArray *
vnet_test_list_dir(const char *dir, const char *suffix)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(GDir) d = g_dir_open(dir, 0, &error);
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    const char *name;

    g_assert_no_error(error);
    while ((name = g_dir_read_name(d))) {
        if (!suffix || g_str_has_suffix(name, suffix))
            g_ptr_array_add(names, g_strdup(name));
    }
    g_ptr_array_sort(names, compare_names);
    return names;
}

char *
vnet_test_read_file(const char *path)
{
    g_autoptr(GError) error = NULL;
    char *contents = NULL;

    g_file_get_contents(path, &contents, NULL, &error);
    g_assert_no_error(error);
    return contents;
}

gboolean
vnet_test_regenerate(void)
{
    return g_strcmp0(g_getenv("VNET_TEST_REGENERATE"), "1") == 0;
}

void
vnet_test_assert_file_equal(const char *expected_path, const char *actual)
{
    g_autofree char *expected = NULL;

    if (vnet_test_regenerate()) {
        g_autoptr(GError) error = NULL;
        g_file_set_contents(expected_path, actual, -1, &error);
        g_assert_no_error(error);
        return;
    }
    if (!g_file_test(expected_path, G_FILE_TEST_EXISTS))
        g_error("%s is missing (VNET_TEST_REGENERATE=1 writes it); got:\n%s", expected_path,
                actual);
    expected = vnet_test_read_file(expected_path);
    if (!g_str_equal(expected, actual))
        g_error("%s differs from the output:\n--- expected\n%s\n--- actual\n%s", expected_path,
                expected, actual);
}

int
vnet_test_run_full(const char *const *argv, char **ret_stdout, char **ret_stderr)
{
    g_autoptr(GError) error = NULL;
    int status = 0;

    g_spawn_sync(NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, ret_stdout,
                 ret_stderr, &status, &error);
    g_assert_no_error(error);
    if (WIFEXITED(status))
        return WEXITSTATUS(status);
    return 128 + WTERMSIG(status);
}

char *
vnet_test_run(const char *const *argv)
{
    char *out = NULL;
    g_autofree char *err = NULL;
    int status = vnet_test_run_full(argv, &out, &err);

    if (status != 0) {
        g_autofree char *line = g_strjoinv(" ", (char **)argv);
        g_error("'%s' exited with %d:\n%s", line, status, err);
    }
    return out;
}
