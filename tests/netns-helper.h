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

/* vnet_netns_enter_private(), or g_test_skip() with the reason and FALSE:
 * the first line of every test case that touches links. */
gboolean vnet_netns_enter_or_skip(void);

/* As root, enters the private namespace like vnet_netns_enter_private()
 * (failing the program if that fails); otherwise does nothing. For tests
 * that do not need a namespace but must never touch the real host. */
void vnet_netns_enter_private_if_root(void);

/* For main(), before any thread exists: enters the private namespace if it
 * can; when it cannot, each test case's vnet_netns_enter_or_skip() skips. */
void vnet_netns_try_enter_private(void);

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

/* String member @member of @obj, or NULL when @obj is NULL or lacks it. */
const char *vnet_netns_str_member(JsonObject *obj, const char *member);
/* Whether @link (one object of `ip -j link`) has @flag ("UP"...) set. */
gboolean vnet_netns_link_has_flag(JsonObject *link, const char *flag);
/* How many links @ns has (NULL: current); with @group non-NULL, only those
 * in that netdev group (decimal, as `ip -j` prints it). */
guint vnet_netns_count_links(const char *ns, const char *group);

/* What `ip -d -j link show` says about one link, read fresh each time. */
typedef struct {
    JsonNode *root;
    JsonObject *link;
} VnetNetnsLink;

void vnet_netns_link_clear(VnetNetnsLink *l);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(VnetNetnsLink, vnet_netns_link_clear)
/* Reads link @name of @ns (NULL: current) into @l; fails the test if there
 * is no such link. */
void vnet_netns_link_read(VnetNetnsLink *l, const char *ns, const char *name);
