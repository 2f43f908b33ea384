/* vnetd-access.c: who may change the host through vnetd.
 *
 * Reading (lists, lookups, XML, properties) is open to every client the bus
 * lets in. Changing anything needs, on the system bus, uid 0 or membership
 * of vnetd's group ("vnet" unless --group says otherwise); on a session bus,
 * which belongs to one user, that user (vnetd's own uid) or root.
 *
 * The caller's uid comes from the bus daemon (GetConnectionUnixUser on the
 * sender's unique name), never from anything the caller sends; it is cached
 * per unique name, and forgotten when that name leaves the bus (unique
 * names are never reused). Group membership is read again at each call, so
 * adding or removing a user from the group takes effect at once. */
#include <config.h>

#include <grp.h>
#include <pwd.h>
#include <unistd.h>

#include "vnetd.h"
#include "util/vnet-i18n.h"
#include "util/vnet-log.h"

static gboolean
sender_uid(VnetdDaemon *daemon, const char *sender, uid_t *ret_uid, GError **error)
{
    g_autoptr(GVariant) reply = NULL;
    gpointer cached;
    guint32 uid;

    g_mutex_lock(&daemon->lock);
    cached = g_hash_table_lookup(daemon->uids, sender);
    g_mutex_unlock(&daemon->lock);
    if (cached) {
        *ret_uid = GPOINTER_TO_UINT(cached) - 1;
        return TRUE;
    }
    reply = g_dbus_connection_call_sync(
        daemon->bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
        "GetConnectionUnixUser", g_variant_new("(s)", sender), G_VARIANT_TYPE("(u)"),
        G_DBUS_CALL_FLAGS_NONE, -1, NULL, error);
    if (!reply)
        return FALSE;
    g_variant_get(reply, "(u)", &uid);
    g_mutex_lock(&daemon->lock);
    g_hash_table_replace(daemon->uids, g_strdup(sender), GUINT_TO_POINTER(uid + 1));
    g_mutex_unlock(&daemon->lock);
    *ret_uid = uid;
    return TRUE;
}

/* Whether @uid's user belongs to @group (as primary or supplementary
 * group), from the user and group databases. */
static gboolean
uid_in_group(uid_t uid, const char *group)
{
    struct passwd pwd;
    struct passwd *pw = NULL;
    struct group grp;
    struct group *gr = NULL;
    g_autofree char *pwbuf = g_malloc(16384);
    g_autofree char *grbuf = g_malloc(16384);
    g_autofree gid_t *groups = NULL;
    int ngroups = 64;

    if (getpwuid_r(uid, &pwd, pwbuf, 16384, &pw) != 0 || !pw)
        return FALSE;
    if (getgrnam_r(group, &grp, grbuf, 16384, &gr) != 0 || !gr)
        return FALSE;
    if (pw->pw_gid == gr->gr_gid)
        return TRUE;
    groups = g_new(gid_t, ngroups);
    if (getgrouplist(pw->pw_name, pw->pw_gid, groups, &ngroups) < 0) {
        /* ngroups now says how many there are. */
        groups = g_renew(gid_t, groups, ngroups);
        if (getgrouplist(pw->pw_name, pw->pw_gid, groups, &ngroups) < 0)
            return FALSE;
    }
    for (int i = 0; i < ngroups; i++) {
        if (groups[i] == gr->gr_gid)
            return TRUE;
    }
    return FALSE;
}

static char *
user_name(uid_t uid)
{
    struct passwd pwd;
    struct passwd *pw = NULL;
    char buf[4096];

    if (getpwuid_r(uid, &pwd, buf, sizeof(buf), &pw) == 0 && pw)
        return g_strdup(pw->pw_name);
    return g_strdup_printf("%u", (unsigned)uid);
}

/**
 * vnetd_access_check_write:
 * @daemon: the daemon
 * @invocation: a method call that would change the host
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the caller may make the call; %FALSE with
 *   %G_DBUS_ERROR_ACCESS_DENIED naming the method, the caller and what it
 *   needs (or the bus's error when its uid cannot be read).
 */
gboolean
vnetd_access_check_write(VnetdDaemon *daemon, GDBusMethodInvocation *invocation, GError **error)
{
    const char *sender = g_dbus_method_invocation_get_sender(invocation);
    const char *method = g_dbus_method_invocation_get_method_name(invocation);
    const char *path = g_dbus_method_invocation_get_object_path(invocation);
    g_autofree char *name = NULL;
    uid_t uid;

    if (!sender) {
        g_set_error(error, G_DBUS_ERROR, G_DBUS_ERROR_ACCESS_DENIED,
                    _("%s on %s: the caller is unknown (no sender on the bus)"), method, path);
        return FALSE;
    }
    if (!sender_uid(daemon, sender, &uid, error))
        return FALSE;
    if (uid == 0)
        return TRUE;
    if (!daemon->system_bus && uid == getuid())
        return TRUE;
    if (daemon->system_bus && uid_in_group(uid, daemon->group))
        return TRUE;

    name = user_name(uid);
    vnet_debug("vnetd", "denied %s on %s to uid %u", method, path, (unsigned)uid);
    if (daemon->system_bus) {
        g_set_error(error, G_DBUS_ERROR, G_DBUS_ERROR_ACCESS_DENIED,
                    _("%s on %s: user '%s' (uid %u) may not change vnet objects: it needs to "
                      "be root or a member of group '%s'"),
                    method, path, name, (unsigned)uid, daemon->group);
    } else {
        g_autofree char *owner = user_name(getuid());

        g_set_error(error, G_DBUS_ERROR, G_DBUS_ERROR_ACCESS_DENIED,
                    _("%s on %s: user '%s' (uid %u) may not change vnet objects on the session "
                      "bus of user '%s'"),
                    method, path, name, (unsigned)uid, owner);
    }
    return FALSE;
}

static void
on_name_owner_changed(GDBusConnection *bus, const char *sender, const char *object_path,
                      const char *interface_name, const char *signal_name, GVariant *parameters,
                      gpointer user_data)
{
    VnetdDaemon *daemon = user_data;
    const char *name;
    const char *old_owner;
    const char *new_owner;

    g_variant_get(parameters, "(&s&s&s)", &name, &old_owner, &new_owner);
    if (name[0] != ':' || *new_owner)
        return;
    g_mutex_lock(&daemon->lock);
    g_hash_table_remove(daemon->uids, name);
    g_mutex_unlock(&daemon->lock);
}

/**
 * vnetd_access_watch:
 * @daemon: the daemon
 *
 * Forgets a sender's cached uid when it disconnects.
 */
void
vnetd_access_watch(VnetdDaemon *daemon)
{
    daemon->owner_changed_sub = g_dbus_connection_signal_subscribe(
        daemon->bus, "org.freedesktop.DBus", "org.freedesktop.DBus", "NameOwnerChanged",
        "/org/freedesktop/DBus", NULL, G_DBUS_SIGNAL_FLAGS_NONE, on_name_owner_changed, daemon,
        NULL);
}

/**
 * vnetd_access_unwatch:
 * @daemon: the daemon
 *
 * Undoes vnetd_access_watch().
 */
void
vnetd_access_unwatch(VnetdDaemon *daemon)
{
    if (daemon->owner_changed_sub)
        g_dbus_connection_signal_unsubscribe(daemon->bus, daemon->owner_changed_sub);
    daemon->owner_changed_sub = 0;
}
