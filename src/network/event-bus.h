/* event-bus.h: lifecycle events from a driver to the subscribers of a
 * connection.
 *
 * Drivers emit from any thread (usually with the connection lock held);
 * the bus copies the event into each subscriber's queue and makes sure one
 * idle source is attached to that subscriber's GMainContext, which drains
 * the queue in order. Callbacks therefore never run under a driver lock and
 * always run in the context the subscriber chose.
 */
#pragma once

#include <glib.h>

#include <vnet/vnet.h>

#include "util/vnet-uuid.h"

typedef struct _VnetEventBus VnetEventBus;

/* @conn is what callbacks receive (not referenced: the connection owns the
 * bus and frees it last). */
VnetEventBus *vnet_event_bus_new(VnetConnection *conn);
void vnet_event_bus_free(VnetEventBus *bus);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VnetEventBus, vnet_event_bus_free)

guint vnet_event_bus_subscribe(VnetEventBus *bus, VnetEventCallback callback,
                               gpointer user_data, GDestroyNotify notify);
void vnet_event_bus_unsubscribe(VnetEventBus *bus, guint id);

/* Queues an event; @detail may be NULL. */
void vnet_event_bus_emit(VnetEventBus *bus, VnetObjectKind kind, VnetEventType type,
                         const char *name, const VnetUuid *uuid, const char *detail);
