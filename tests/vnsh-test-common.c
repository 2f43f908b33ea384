/* vnsh-test-common.c: running vnsh as a user would, for the vnsh tests. */
#include <config.h>

#include <string.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "test-util.h"
#include "vnsh-test-common.h"

char *
vnsh_test_binary(void)
{
    return vnet_test_top_builddir_path("tools", "vnsh", "vnsh", NULL);
}

static void
drop_root(gpointer data)
{
    /* nobody: what a user who is not root sees */
    if (setresgid(65534, 65534, 65534) < 0 || setresuid(65534, 65534, 65534) < 0)
        _exit(126);
}

int
vnsh_test_run(const VnshTestOptions *options, const char *const *args, char **ret_out,
              char **ret_err)
{
    static const VnshTestOptions none = {0};
    g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new(
        G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
        G_SUBPROCESS_FLAGS_STDERR_PIPE);
    g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GSubprocess) process = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *out = NULL, *err = NULL;
    g_autofree char *data_home = NULL;

    if (!options)
        options = &none;
    /* nothing from the caller's environment decides the connection */
    g_subprocess_launcher_unsetenv(launcher, "VNET_DEFAULT_URI");
    g_subprocess_launcher_setenv(launcher, "LC_ALL", "C", TRUE);
    data_home = g_build_filename(g_get_tmp_dir(), "vnsh-test-nohome", NULL);
    g_subprocess_launcher_setenv(launcher, "XDG_DATA_HOME", data_home, TRUE);
    for (guint i = 0; options->env && options->env[i]; i++) {
        g_auto(GStrv) kv = g_strsplit(options->env[i], "=", 2);

        if (kv[1] && *kv[1])
            g_subprocess_launcher_setenv(launcher, kv[0], kv[1], TRUE);
        else
            g_subprocess_launcher_unsetenv(launcher, kv[0]);
    }
    if (options->drop_root && geteuid() == 0)
        g_subprocess_launcher_set_child_setup(launcher, drop_root, NULL, NULL);

    g_ptr_array_add(argv, vnsh_test_binary());
    for (guint i = 0; args[i]; i++)
        g_ptr_array_add(argv, g_strdup(args[i]));
    g_ptr_array_add(argv, NULL);
    process = g_subprocess_launcher_spawnv(launcher, (const char *const *)argv->pdata, &error);
    g_assert_no_error(error);
    g_subprocess_communicate_utf8(process, options->input ? options->input : "", NULL, &out,
                                  &err, &error);
    g_assert_no_error(error);
    if (g_test_verbose())
        g_test_message("vnsh: status %d\nstdout:\n%s\nstderr:\n%s",
                       g_subprocess_get_exit_status(process), out, err);
    if (ret_out)
        *ret_out = g_steal_pointer(&out);
    if (ret_err)
        *ret_err = g_steal_pointer(&err);
    if (!g_subprocess_get_if_exited(process))
        return -1;
    return g_subprocess_get_exit_status(process);
}

int
vnsh_test_line_uri(const char *uri, const char *line, char **ret_out, char **ret_err)
{
    const char *args[] = {"-c", uri, line, NULL};

    return vnsh_test_run(NULL, args, ret_out, ret_err);
}

int
vnsh_test_line(const char *line, char **ret_out, char **ret_err)
{
    return vnsh_test_line_uri("test:///default", line, ret_out, ret_err);
}

JsonArray *
vnsh_test_json_array(const char *text, JsonNode **ret_root)
{
    g_autoptr(GError) error = NULL;
    JsonNode *root = json_from_string(text, &error);

    g_assert_no_error(error);
    g_assert_nonnull(root);
    g_assert_true(JSON_NODE_HOLDS_ARRAY(root));
    *ret_root = root;
    return json_node_get_array(root);
}

JsonObject *
vnsh_test_json_find(JsonArray *array, const char *key, const char *value)
{
    for (guint i = 0; i < json_array_get_length(array); i++) {
        JsonObject *object = json_array_get_object_element(array, i);

        if (g_strcmp0(json_object_get_string_member(object, key), value) == 0)
            return object;
    }
    return NULL;
}

char *
vnsh_test_tmpdir(const char *what)
{
    g_autofree char *template = g_strdup_printf("vnsh-%s-XXXXXX", what);
    g_autoptr(GError) error = NULL;
    char *dir = g_dir_make_tmp(template, &error);

    g_assert_no_error(error);
    return dir;
}

char *
vnsh_test_script(const char *dir, const char *name, const char *body)
{
    char *path = g_build_filename(dir, name, NULL);
    g_autofree char *text = g_strdup_printf("#!/bin/sh\n%s", body);
    g_autoptr(GError) error = NULL;

    g_file_set_contents(path, text, -1, &error);
    g_assert_no_error(error);
    g_assert_cmpint(g_chmod(path, 0755), ==, 0);
    return path;
}

void
vnsh_test_rmtree(const char *dir)
{
    g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
    const char *name;

    while (d && (name = g_dir_read_name(d))) {
        g_autofree char *path = g_build_filename(dir, name, NULL);

        if (g_file_test(path, G_FILE_TEST_IS_DIR) && !g_file_test(path, G_FILE_TEST_IS_SYMLINK))
            vnsh_test_rmtree(path);
        else
            g_unlink(path);
    }
    g_rmdir(dir);
}
