/* netns-helper.c: private namespaces and kernel read-back for tests. */
#include <config.h>

#include <errno.h>
#include <sched.h>
#include <stdarg.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "netns-helper.h"
#include "test-util.h"

static gboolean entered;

gboolean
vnet_netns_enter_private(char **ret_reason)
{
    if (entered)
        return TRUE;
    if (geteuid() != 0) {
        *ret_reason = g_strdup("needs root to create a private network namespace");
        return FALSE;
    }
    if (unshare(CLONE_NEWNET | CLONE_NEWNS) < 0) {
        *ret_reason = g_strdup_printf("unshare(CLONE_NEWNET|CLONE_NEWNS): %s", g_strerror(errno));
        return FALSE;
    }
    /* Keep our mounts to ourselves, then give the new network namespace
     * its own sysfs and a private /run/netns for named namespaces. */
    if (mount("none", "/", "none", MS_REC | MS_PRIVATE, NULL) < 0)
        g_error("making / private: %s", g_strerror(errno));
    if (umount2("/sys", MNT_DETACH) < 0 && errno != EINVAL)
        g_error("detaching /sys: %s", g_strerror(errno));
    if (mount("sysfs", "/sys", "sysfs", 0, NULL) < 0)
        g_error("mounting sysfs: %s", g_strerror(errno));
    g_mkdir_with_parents("/run/netns", 0755);
    if (mount("tmpfs", "/run/netns", "tmpfs", 0, "mode=0755") < 0)
        g_error("mounting /run/netns: %s", g_strerror(errno));
    entered = TRUE;
    vnet_netns_sh(NULL, "ip link set lo up");
    return TRUE;
}

gboolean
vnet_netns_enter_or_skip(void)
{
    g_autofree char *reason = NULL;

    if (!vnet_netns_enter_private(&reason)) {
        g_test_skip(reason);
        return FALSE;
    }
    return TRUE;
}

void
vnet_netns_enter_private_if_root(void)
{
    g_autofree char *reason = NULL;

    if (geteuid() == 0 && !vnet_netns_enter_private(&reason))
        g_error("%s", reason);
}

void
vnet_netns_try_enter_private(void)
{
    g_autofree char *reason = NULL;

    vnet_netns_enter_private(&reason);
}

static int
sh_valist(const char *ns, gboolean must_succeed, const char *format, va_list args)
{
    g_autofree char *cmd = g_strdup_vprintf(format, args);
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    int status;

    if (ns) {
        const char *argv[] = {"ip", "netns", "exec", ns, "sh", "-c", cmd, NULL};
        status = vnet_test_run_full(argv, &out, &err);
    } else {
        const char *argv[] = {"sh", "-c", cmd, NULL};
        status = vnet_test_run_full(argv, &out, &err);
    }
    if (must_succeed && status != 0)
        g_error("[%s] '%s' exited with %d: %s%s", ns ? ns : "host", cmd, status, out, err);
    return status;
}

void
vnet_netns_sh(const char *ns, const char *format, ...)
{
    va_list args;

    va_start(args, format);
    sh_valist(ns, TRUE, format, args);
    va_end(args);
}

int
vnet_netns_sh_status(const char *ns, const char *format, ...)
{
    va_list args;
    int status;

    va_start(args, format);
    status = sh_valist(ns, FALSE, format, args);
    va_end(args);
    return status;
}

void
vnet_netns_add(const char *ns)
{
    g_assert_true(entered);
    vnet_netns_sh(NULL, "ip netns add '%s'", ns);
    vnet_netns_sh(ns, "ip link set lo up");
}

void
vnet_netns_del(const char *ns)
{
    vnet_netns_sh(NULL, "ip netns del '%s'", ns);
}

void
vnet_netns_veth(const char *name_a, const char *ns_a, const char *name_b, const char *ns_b)
{
    g_assert_true(entered);
    vnet_netns_sh(NULL, "ip link add '%s' type veth peer name '%s'", name_a, name_b);
    if (ns_a)
        vnet_netns_sh(NULL, "ip link set '%s' netns '%s'", name_a, ns_a);
    if (ns_b)
        vnet_netns_sh(NULL, "ip link set '%s' netns '%s'", name_b, ns_b);
    vnet_netns_sh(ns_a, "ip link set '%s' up", name_a);
    vnet_netns_sh(ns_b, "ip link set '%s' up", name_b);
}

JsonNode *
vnet_netns_ip_json(const char *ns, const char *object)
{
    g_autoptr(JsonParser) parser = json_parser_new();
    g_autoptr(GError) error = NULL;
    g_autofree char *out = NULL;

    if (ns) {
        const char *argv[] = {"ip", "-d", "-j", "-n", ns, object, "show", NULL};
        out = vnet_test_run(argv);
    } else {
        const char *argv[] = {"ip", "-d", "-j", object, "show", NULL};
        out = vnet_test_run(argv);
    }
    json_parser_load_from_data(parser, out, -1, &error);
    g_assert_no_error(error);
    return json_node_copy(json_parser_get_root(parser));
}

JsonObject *
vnet_netns_find_link(JsonNode *root, const char *name)
{
    JsonArray *links = json_node_get_array(root);

    for (guint i = 0; i < json_array_get_length(links); i++) {
        JsonObject *link = json_array_get_object_element(links, i);
        if (g_strcmp0(json_object_get_string_member(link, "ifname"), name) == 0)
            return link;
    }
    return NULL;
}

gboolean
vnet_netns_link_exists(const char *ns, const char *name)
{
    g_autoptr(JsonNode) root = vnet_netns_ip_json(ns, "link");

    return vnet_netns_find_link(root, name) != NULL;
}

const char *
vnet_netns_str_member(JsonObject *obj, const char *member)
{
    return obj && json_object_has_member(obj, member) ? json_object_get_string_member(obj, member)
                                                      : NULL;
}

gboolean
vnet_netns_link_has_flag(JsonObject *link, const char *flag)
{
    JsonArray *flags = json_object_get_array_member(link, "flags");

    for (guint i = 0; i < json_array_get_length(flags); i++)
        if (g_str_equal(json_array_get_string_element(flags, i), flag))
            return TRUE;
    return FALSE;
}

guint
vnet_netns_count_links(const char *ns, const char *group)
{
    g_autoptr(JsonNode) root = vnet_netns_ip_json(ns, "link");
    JsonArray *links = json_node_get_array(root);
    guint n = 0;

    if (!group)
        return json_array_get_length(links);
    for (guint i = 0; i < json_array_get_length(links); i++)
        if (g_strcmp0(vnet_netns_str_member(json_array_get_object_element(links, i), "group"),
                      group) == 0)
            n++;
    return n;
}

void
vnet_netns_link_clear(VnetNetnsLink *l)
{
    g_clear_pointer(&l->root, json_node_unref);
    l->link = NULL;
}

void
vnet_netns_link_read(VnetNetnsLink *l, const char *ns, const char *name)
{
    vnet_netns_link_clear(l);
    l->root = vnet_netns_ip_json(ns, "link");
    l->link = vnet_netns_find_link(l->root, name);
    if (!l->link)
        g_error("link %s not found in %s", name, ns ? ns : "the test namespace");
}
