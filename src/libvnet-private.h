/* libvnet-private.h: what the public entry points (src/libvnet-*.c) share:
 * the connection struct and the locking around driver calls. */
#pragma once

#include <vnet/vnet.h>

#include "network/driver.h"
#include "network/event-bus.h"

struct _VnetConnection {
    gatomicrefcount ref;
    const VnetDriver *driver;
    gpointer drv;        /* the driver's instance */
    VnetUri *uri;
    VnetEventBus *bus;
    GRecMutex lock;      /* serializes driver calls unless VNET_DRIVER_THREAD_SAFE */
};

/* Runs driver calls under the connection lock (a no-op for drivers that are
 * thread-safe on their own). */
void vnet_connection_lock(VnetConnection *conn);
void vnet_connection_unlock(VnetConnection *conn);

typedef struct {
    VnetConnection *conn;
} VnetConnectionLocker;

static inline VnetConnectionLocker *
vnet_connection_locker_new(VnetConnection *conn)
{
    vnet_connection_lock(conn);
    return (VnetConnectionLocker *)conn;
}

static inline void
vnet_connection_locker_free(VnetConnectionLocker *locker)
{
    vnet_connection_unlock((VnetConnection *)locker);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VnetConnectionLocker, vnet_connection_locker_free)

/* Locks @conn until the end of the enclosing scope. */
#define VNET_CONNECTION_LOCKED(conn)                                                               \
    g_autoptr(VnetConnectionLocker) G_PASTE(vnet_locker_, __LINE__) G_GNUC_UNUSED =              \
        vnet_connection_locker_new(conn)

/* Parses a UUID argument, setting INVALID_ARG on failure. */
gboolean vnet_api_parse_uuid(const char *str, VnetUuid *ret, GError **error);
