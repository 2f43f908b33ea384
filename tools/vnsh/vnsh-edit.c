/* vnsh-edit.c: `edit` and `net-edit`: the XML in the user's editor,
 * validated by the library when the editor exits, offered again on error.
 * The rule: the user's edit is never lost. */
#include <config.h>

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "vnsh.h"

static const char *
editor(void)
{
    const char *visual = g_getenv("VISUAL");
    const char *ed = g_getenv("EDITOR");

    if (visual && *visual)
        return visual;
    if (ed && *ed)
        return ed;
    return "vi";
}

/* Runs the editor on @path through sh, so that EDITOR may carry options
 * ("emacs -nw"), with the terminal as it is. */
static gboolean
run_editor(const char *path)
{
    g_autoptr(GError) error = NULL;
    const char *argv[] = {"/bin/sh", "-c", "exec $VNSH_EDITOR \"$1\"", "sh", path, NULL};
    g_auto(GStrv) env = g_environ_setenv(g_get_environ(), "VNSH_EDITOR", editor(), TRUE);
    int wait_status = 0;

    fflush(stdout);
    if (!g_spawn_sync(NULL, (char **)argv, env, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL, NULL,
                      NULL, &wait_status, &error)) {
        vnsh_error(_("cannot run the editor '%s': %s"), editor(), error->message);
        return FALSE;
    }
    if (!g_spawn_check_wait_status(wait_status, &error)) {
        vnsh_error(_("the editor '%s' failed: %s"), editor(), error->message);
        return FALSE;
    }
    return TRUE;
}

/**
 * vnsh_edit_loop:
 * @ctl: the shell
 * @what: "Domain" or "Network", for messages
 * @name: the object's name
 * @xml: its current (inactive) XML
 * @define: defines the edited XML; prints its own success message
 *
 * Writes @xml to a private temporary file, opens the editor on it and
 * defines the result. When that fails, the error is printed and the user
 * is asked whether to edit again (the same file, with their changes). On
 * "n", or when the editor itself fails, the file is kept and its path
 * printed, so no edit is lost.
 *
 * Returns: the exit status.
 */
int
vnsh_edit_loop(VnshCtl *ctl, const char *what, const char *name, const char *xml,
               VnshDefineFunc define)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *template = g_strdup_printf("vnsh-%s-XXXXXX.xml", name);
    g_autofree char *path = NULL;
    int fd = g_file_open_tmp(template, &path, &error);

    if (fd < 0 || !g_file_set_contents(path, xml, -1, &error)) {
        if (fd >= 0)
            close(fd);
        return vnsh_report(error);
    }
    close(fd);
    for (;;) {
        g_autofree char *edited = NULL;

        if (!run_editor(path)) {
            vnsh_error(_("your changes, if any, are kept in %s"), path);
            return VNSH_EXIT_FAILED;
        }
        if (!g_file_get_contents(path, &edited, NULL, &error)) {
            vnsh_report(error);
            return VNSH_EXIT_FAILED;
        }
        if (g_str_equal(edited, xml)) {
            printf(_("%s '%s' XML configuration not changed.\n"), what, name);
            g_unlink(path);
            return VNSH_EXIT_OK;
        }
        if (define(ctl, edited, &error)) {
            g_unlink(path);
            return VNSH_EXIT_OK;
        }
        vnsh_report(error);
        g_clear_error(&error);
        if (!vnsh_ask_yes_no(ctl, _("re-edit? [y/n] "))) {
            vnsh_error(_("not changed; your edit is kept in %s"), path);
            return VNSH_EXIT_FAILED;
        }
    }
}
