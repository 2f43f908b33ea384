/* net-exec.c: running host tools for network realization. */
#include <config.h>

#include <gio/gio.h>

#include <vnet/vnet.h>

#include "network/net-exec.h"
#include "util/vnet-i18n.h"
#include "util/vnet-log.h"

/**
 * vnet_net_find_program:
 * @name: a program name ("nft")
 * @package: the Debian package that provides it, for the message
 * @error: return location for a #GError
 *
 * Looks in PATH, then /usr/sbin and /sbin.
 *
 * Returns: (transfer full): the path, or %NULL with @error set.
 */
char *
vnet_net_find_program(const char *name, const char *package, GError **error)
{
    static const char *const extra[] = {"/usr/sbin", "/sbin", "/usr/local/sbin"};
    char *path = g_find_program_in_path(name);

    for (guint i = 0; !path && i < G_N_ELEMENTS(extra); i++) {
        g_autofree char *candidate = g_build_filename(extra[i], name, NULL);

        if (g_file_test(candidate, G_FILE_TEST_IS_EXECUTABLE))
            path = g_steal_pointer(&candidate);
    }
    if (!path)
        g_set_error(error, VNET_ERROR, VNET_ERROR_BACKEND_UNAVAILABLE,
                    _("program '%s' was not found in PATH, /usr/sbin or /sbin (install the "
                      "'%s' package)"),
                    name, package);
    return path;
}

/**
 * vnet_net_run:
 * @argv: the command; argv[0] is a path
 * @input: (nullable): text for its standard input
 * @what: the step, for messages
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the program exits with status 0.
 */
gboolean
vnet_net_run(const char *const *argv, const char *input, const char *what, GError **error)
{
    g_autoptr(GSubprocess) proc = NULL;
    g_autofree char *err_text = NULL;
    g_autoptr(GError) local_error = NULL;
    GSubprocessFlags flags = G_SUBPROCESS_FLAGS_STDERR_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE;

    if (input)
        flags |= G_SUBPROCESS_FLAGS_STDIN_PIPE;
    vnet_debug("exec", "%s: running %s", what, argv[0]);
    proc = g_subprocess_newv(argv, flags, &local_error);
    if (!proc || !g_subprocess_communicate_utf8(proc, input, NULL, NULL, &err_text,
                                                &local_error)) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_SYSTEM, _("%s: running %s: %s"), what,
                    argv[0], local_error->message);
        return FALSE;
    }
    if (!g_subprocess_get_if_exited(proc) || g_subprocess_get_exit_status(proc) != 0) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_OPERATION_FAILED,
                    _("%s: %s exited with status %d: %s"), what, argv[0],
                    g_subprocess_get_if_exited(proc) ? g_subprocess_get_exit_status(proc) : -1,
                    err_text ? g_strstrip(err_text) : "");
        return FALSE;
    }
    return TRUE;
}
