/* netns-helper.h: the one place where tests get a private network.
 *
 * A test program that touches links calls vnet_netns_enter_private() first
 * (before starting any thread): the process moves into a new network and
 * mount namespace, gets a fresh sysfs and a private /run/netns, so named
 * namespaces it adds ("outside", guests) vanish with it and nothing it does
 * reaches the machine's own network. Results are read back from the kernel
 * with `ip -d -j`, parsed by json-glib.
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

/* Enters a private network + mount namespace. Returns FALSE, with a reason
 * in @ret_reason, when that is impossible (not root, no unshare): the caller
 * should g_test_skip(). Idempotent within a process. */
gboolean vnet_netns_enter_private(char **ret_reason);

/* As root, enters the private namespace like vnet_netns_enter_private()
 * (failing the program if that fails); otherwise does nothing. For tests
 * that do not need a namespace but must never touch the real host. */
void vnet_netns_enter_private_if_root(void);

/* Runs "sh -c CMD" in the current namespace (@ns NULL) or in named
 * namespace @ns; fails the test if it exits non-zero. */
void vnet_netns_sh(const char *ns, const char *format, ...) G_GNUC_PRINTF(2, 3);
/* Same, returning the exit status instead of failing; output discarded. */
int vnet_netns_sh_status(const char *ns, const char *format, ...) G_GNUC_PRINTF(2, 3);

/* Adds a named namespace (visible to `ip netns`) with lo up. */
void vnet_netns_add(const char *ns);
void vnet_netns_del(const char *ns);

/* Creates a veth pair: @name_a in @ns_a, @name_b in @ns_b (NULL: current),
 * both up. */
void vnet_netns_veth(const char *name_a, const char *ns_a, const char *name_b, const char *ns_b);

/* `ip -d -j [-n NS] OBJECT show` parsed (e.g. OBJECT "link", "addr",
 * "route"); an array node, owned by the caller. */
JsonNode *vnet_netns_ip_json(const char *ns, const char *object);

/* The link called @name in @ns as a JSON object (owned by @root), or NULL. */
JsonObject *vnet_netns_find_link(JsonNode *root, const char *name);
gboolean vnet_netns_link_exists(const char *ns, const char *name);
