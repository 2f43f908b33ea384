/* vnetd-harness.h: a private dbus-daemon and a vnetd on it, for the vnetd
 * tests.
 *
 * The bus is a real dbus-daemon ($VNET_DBUS_DAEMON, from configure) with a
 * configuration written by the harness: a session-like bus, or a
 * system-like one whose socket every local user can reach (for the
 * access-control tests, vnetd then runs with --bus-address and applies the
 * system bus's rules). The test process is expected to have entered its
 * private network namespace first (vnet_netns_enter_private()), so that
 * vnetd, spawned by the harness, inherits it. */
#pragma once

#include <gio/gio.h>
#include <sys/types.h>

typedef struct {
    char *dir;          /* temporary folder: bus socket and config, vnetd's roots */
    char *root;         /* vnetd's --root (dir/root-N) */
    guint n_roots;
    char *address;      /* the bus's address */
    gboolean system;    /* system-like bus (vnetd --bus-address) */
    GPid bus_pid;
    GPid vnetd_pid;
    GDBusConnection *bus; /* the test's own connection */
} VnetdHarness;

/* Starts a bus; @system picks the system-like flavour. Session-like buses
 * are also exported as DBUS_SESSION_BUS_ADDRESS (system-like ones as
 * DBUS_SYSTEM_BUS_ADDRESS), so dbus:///session (dbus:///system) reaches it.
 * Call it once per test program, from main() before any thread exists
 * (it sets an environment variable). */
VnetdHarness *vnetd_harness_new(gboolean system);
/* Stops vnetd (SIGTERM) and the bus and removes the folder. */
void vnetd_harness_free(VnetdHarness *h);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VnetdHarness, vnetd_harness_free)

/* Gives the next vnetd a fresh, empty root folder. */
void vnetd_harness_fresh_root(VnetdHarness *h);
/* Starts vnetd over h->root with @extra_args (NULL-terminated, may be NULL)
 * and waits until it owns org.vnet1. */
void vnetd_harness_start_vnetd(VnetdHarness *h, const char *const *extra_args);
/* Stops vnetd with SIGTERM and checks that it exited with status 0. */
int vnetd_harness_stop_vnetd_checked(VnetdHarness *h);
/* Sends @sig to vnetd and reaps it; returns its wait status. */
int vnetd_harness_kill_vnetd(VnetdHarness *h, int sig);

/* A GSpawnChildSetupFunc: the child gets SIGTERM when the test dies. */
void vnetd_harness_child_setup(gpointer data);

/* Path of a built program, e.g. "daemon/vnetd", "tools/vnsh/vnsh". */
char *vnetd_harness_builddir_path(const char *rel);

/* Runs argv; returns the exit status, with stdout/stderr. */
int vnetd_harness_run(const char *const *argv, char **ret_out, char **ret_err);

/* Calls a method of vnetd on the test's connection; NULL with @error. */
GVariant *vnetd_harness_call(VnetdHarness *h, const char *path, const char *iface,
                             const char *method, GVariant *params, const char *reply_type,
                             GError **error);

/* The object path vnetd uses for @uuid under "domain" or "network". */
char *vnetd_harness_path(const char *kind, const char *uuid);
