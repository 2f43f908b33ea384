/* net-exec.h: running the host tools networks are realized with (nft,
 * dnsmasq) — argv only, never a shell, found in PATH or the sbin folders
 * (root's PATH may lack them when vnet runs inside a service). */
#pragma once

#include <glib.h>

/* The full path of @name, or NULL with VNET_ERROR_BACKEND_UNAVAILABLE
 * naming the program and the package that provides it. */
char *vnet_net_find_program(const char *name, const char *package, GError **error);

/* Runs @argv to completion with @input (may be NULL) on its stdin. A
 * non-zero exit fails with VNET_ERROR_OPERATION_FAILED: "@what: PROGRAM
 * exited with status N: STDERR". */
gboolean vnet_net_run(const char *const *argv, const char *input, const char *what,
                      GError **error);
