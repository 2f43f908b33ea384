/* local-fixture.c: throwaway local: connections, and crashing them. */
#include <config.h>

#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "local-fixture.h"
#include "netns-helper.h"

gboolean
vnet_test_local_open(VnetTestLocal *tl, const char *prefix)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *tmpl = g_strdup_printf("vnet-%s-XXXXXX", prefix);

    if (!vnet_netns_enter_or_skip())
        return FALSE;
    tl->root = g_dir_make_tmp(tmpl, &error);
    g_assert_no_error(error);
    tl->uri = g_strdup_printf("local:///?root=%s", tl->root);
    tl->conn = vnet_connection_open(tl->uri, &error);
    g_assert_no_error(error);
    return TRUE;
}

void
vnet_test_local_close(VnetTestLocal *tl)
{
    g_clear_pointer(&tl->conn, vnet_connection_close);
    if (tl->root) {
        g_autofree char *cmd = g_strdup_printf("rm -rf '%s'", tl->root);

        g_assert_cmpint(system(cmd), ==, 0);
    }
    g_clear_pointer(&tl->root, g_free);
    g_clear_pointer(&tl->uri, g_free);
}

void
vnet_test_start_and_kill(const char *uri, const char *domain)
{
    int fds[2];
    pid_t pid;
    char byte = 0;
    int status = 0;

    g_assert_cmpint(pipe(fds), ==, 0);
    pid = fork();
    g_assert_cmpint(pid, >=, 0);
    if (pid == 0) {
        g_autoptr(GError) error = NULL;
        g_autoptr(VnetConnection) conn = vnet_connection_open(uri, &error);
        g_autoptr(VnetDomain) dom = conn ? vnet_domain_lookup_by_name(conn, domain, &error)
                                         : NULL;

        close(fds[0]);
        if (dom && vnet_domain_start(dom, &error))
            byte = 'r';
        if (write(fds[1], &byte, 1) != 1)
            _exit(2);
        pause();
        _exit(0);
    }
    close(fds[1]);
    g_assert_cmpint(read(fds[0], &byte, 1), ==, 1);
    close(fds[0]);
    g_assert_cmpint(byte, ==, 'r');
    g_assert_cmpint(kill(pid, SIGKILL), ==, 0);
    g_assert_cmpint(waitpid(pid, &status, 0), ==, pid);
    g_assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
}
