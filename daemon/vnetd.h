/* vnetd.h: what the files of vnetd, the D-Bus service, share.
 *
 * Design
 * ------
 * vnetd owns one libvnet connection (the local driver over the system's
 * folders or a scratch root) and exports it on the bus:
 *
 *   /org/vnet1                 org.vnet1.Connect   (vnetd-connect-dbus.c)
 *   /org/vnet1/domain/<uuid>   org.vnet1.Domain    (vnetd-domain-dbus.c)
 *   /org/vnet1/network/<uuid>  org.vnet1.Network   (vnetd-network-dbus.c)
 *
 * Domains and networks are registered as two subtrees, so a call on the
 * path of an object that is gone still reaches vnetd and fails with the
 * library's NoDomain/NoNetwork error instead of a generic "unknown object".
 *
 * The bus loop (the main thread) never calls into libvnet while it may
 * block: every method that needs the library becomes a job run by a thread
 * pool (vnetd-job.c), which checks access, calls the C API and sends the
 * reply itself (GDBus replies are thread-safe). What the loop answers at
 * once — properties, lists, lookups of known objects — comes from a cache
 * of every object's name, state and autostart flag (vnetd-objects.c), so
 * vnetd keeps answering while a slow start holds the library.
 *
 * The cache is refreshed from the library after each job that changes an
 * object, and after each library event. Refreshes are serialized by one
 * lock and each reads the library and writes the cache under it, so they
 * are applied in the order they observed the library, and the cache never
 * goes back to an older state. A job's reply is sent after its refresh:
 * a client that saw Start return reads Active == true.
 */
#pragma once

#include <gio/gio.h>

#include <vnet/vnet.h>

#define VNETD_BUS_NAME "org.vnet1"
#define VNETD_PATH "/org/vnet1"
#define VNETD_DOMAIN_PATH "/org/vnet1/domain"
#define VNETD_NETWORK_PATH "/org/vnet1/network"
#define VNETD_CONNECT_IFACE "org.vnet1.Connect"
#define VNETD_DOMAIN_IFACE "org.vnet1.Domain"
#define VNETD_NETWORK_IFACE "org.vnet1.Network"
#define VNETD_ACCESS_DENIED "org.freedesktop.DBus.Error.AccessDenied"

typedef struct _VnetdDaemon VnetdDaemon;

/* One domain or network as the cache knows it. */
typedef struct {
    VnetObjectKind kind;
    char *uuid;  /* canonical, with dashes */
    char *name;
    char *extra; /* domain: its type; network: its bridge ("" when none) */
    gboolean active;
    gboolean autostart;
} VnetdObject;

struct _VnetdDaemon {
    VnetConnection *conn;
    GDBusConnection *bus;
    gboolean system_bus; /* access control: system rules, or the bus owner's */
    char *group;         /* the group whose members may change things */
    GDBusNodeInfo *connect_info;
    GDBusNodeInfo *domain_info;
    GDBusNodeInfo *network_info;

    GThreadPool *pool;

    GMutex lock;         /* protects the cache and the uid cache */
    GHashTable *domains; /* uuid -> VnetdObject */
    GHashTable *networks;
    GHashTable *uids;    /* unique bus name -> uid + 1 (GUINT_TO_POINTER) */

    GMutex refresh_lock; /* serializes cache refreshes (see above) */

    guint event_sub;
    guint owner_changed_sub;
    guint connect_reg;
    guint domain_reg;
    guint network_reg;
};

/* ---- vnetd-objects.c: the cache ------------------------------------------ */

void vnetd_object_free(VnetdObject *obj);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VnetdObject, vnetd_object_free)
VnetdObject *vnetd_object_copy(const VnetdObject *obj);

/* "/org/vnet1/domain/0123_..." for @uuid (canonical). */
char *vnetd_object_path(VnetObjectKind kind, const char *uuid);
/* The UUID a path's last element names ('_' back to '-'), or NULL. */
char *vnetd_path_to_uuid(const char *path);

/* A copy of the cached object, or NULL. Never blocks on the library. */
VnetdObject *vnetd_cache_lookup(VnetdDaemon *daemon, VnetObjectKind kind, const char *uuid);
VnetdObject *vnetd_cache_lookup_name(VnetdDaemon *daemon, VnetObjectKind kind,
                                     const char *name);
/* Copies of the cached objects of @kind matching @flags (VnetListFlags),
 * sorted by name. */
GPtrArray *vnetd_cache_list(VnetdDaemon *daemon, VnetObjectKind kind, guint flags);
/* The node names (UUIDs with '_') of @kind, for introspection. */
char **vnetd_cache_nodes(VnetdDaemon *daemon, VnetObjectKind kind);

/* Reads the object's state from the library and updates the cache,
 * emitting PropertiesChanged for what changed. Blocks on the library: call
 * it from a job thread (or before the loop runs). */
void vnetd_refresh(VnetdDaemon *daemon, VnetObjectKind kind, const char *uuid);
/* Refreshes every object the library lists (start-up). */
gboolean vnetd_refresh_all(VnetdDaemon *daemon, GError **error);

/* A property of a cached object as a variant, or NULL when unknown. */
GVariant *vnetd_object_get_property(const VnetdObject *obj, const char *name);
/* All of them, as a{sv}. */
GVariant *vnetd_object_get_all(const VnetdObject *obj);

/* Subscribes to library events: each becomes a DomainEvent/NetworkEvent
 * signal and a refresh. */
void vnetd_events_start(VnetdDaemon *daemon);
void vnetd_events_stop(VnetdDaemon *daemon);

/* ---- vnetd-access.c: who may change things -------------------------------- */

/* TRUE when the sender of @invocation may call a method that changes the
 * host; else FALSE with @error set to G_DBUS_ERROR_ACCESS_DENIED (named
 * org.freedesktop.DBus.Error.AccessDenied on the bus). Blocks (asks the bus
 * for the sender's uid): call it from a job thread. */
gboolean vnetd_access_check_write(VnetdDaemon *daemon, GDBusMethodInvocation *invocation,
                                  GError **error);
/* Forgets the uids of senders that left the bus. */
void vnetd_access_watch(VnetdDaemon *daemon);
void vnetd_access_unwatch(VnetdDaemon *daemon);

/* ---- vnetd-job.c: library work off the bus loop --------------------------- */

typedef struct _VnetdJob VnetdJob;

/* Runs in a pool thread. Returns the reply's parameters (a tuple, floating
 * or not; NULL for an empty reply) and sets *@ret_refresh_uuid to the UUID
 * of an object whose cache entry must be refreshed before replying (or
 * leaves it NULL). FALSE with @error to reply with an error. */
typedef gboolean (*VnetdJobFunc)(VnetdJob *job, GVariant **ret_reply, char **ret_refresh_uuid,
                                 GError **error);

struct _VnetdJob {
    VnetdDaemon *daemon;
    GDBusMethodInvocation *invocation; /* NULL for a refresh-only job */
    VnetdJobFunc func;
    gboolean write;       /* needs write access */
    VnetObjectKind kind;  /* the object the call is on (0: the Connect object) */
    char *uuid;           /* its UUID (canonical when from the cache) */
};

/* The pool jobs run in. */
GThreadPool *vnetd_job_pool_new(VnetdDaemon *daemon);
/* Queues a job that calls @func for @invocation (taking ownership of it). */
void vnetd_job_push(VnetdDaemon *daemon, GDBusMethodInvocation *invocation, VnetdJobFunc func,
                    gboolean write, VnetObjectKind kind, const char *uuid);
/* Queues a refresh of one object (after a library event). */
void vnetd_job_push_refresh(VnetdDaemon *daemon, VnetObjectKind kind, const char *uuid);
/* The method's parameters. */
GVariant *vnetd_job_params(VnetdJob *job);
/* Looks the job's domain/network up in the library (NoDomain/NoNetwork). */
VnetDomain *vnetd_job_domain(VnetdJob *job, GError **error);
VnetNetwork *vnetd_job_network(VnetdJob *job, GError **error);

/* ---- the three interfaces -------------------------------------------------- */

gboolean vnetd_connect_register(VnetdDaemon *daemon, GError **error);
gboolean vnetd_domain_register(VnetdDaemon *daemon, GError **error);
gboolean vnetd_network_register(VnetdDaemon *daemon, GError **error);

/* One method of org.vnet1.Domain or org.vnet1.Network: the job that
 * answers it and whether it changes the host (needs write access). The
 * methods both have (GetXML, Start, Destroy, Undefine, SetAutostart) are
 * answered in vnetd-subtree-dbus.c; an interface's table holds the rest
 * and ends with an entry whose name is NULL, whose job answers every
 * method not named before it. */
typedef struct {
    const char *name;
    VnetdJobFunc func;
    gboolean write;
} VnetdMethod;

/* Registers the subtree of domains or networks (vnetd-subtree-dbus.c)
 * and keeps its id in @daemon: every node has the kind's interface;
 * org.freedesktop.DBus.Properties is answered from the cache (a job asks
 * the library when the object is not cached, for its exact error), every
 * other call runs as the job the shared methods or @methods name for it. */
gboolean vnetd_subtree_register(VnetdDaemon *daemon, VnetObjectKind kind,
                                const VnetdMethod *methods, GError **error);


/* Emits org.freedesktop.DBus.Properties.PropertiesChanged. */
void vnetd_emit_properties_changed(VnetdDaemon *daemon, const char *path, const char *iface,
                                   GVariant *changed);
