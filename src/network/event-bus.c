/* event-bus.c: queued delivery of lifecycle events to subscribers. */
#include <config.h>

#include "network/event-bus.h"

struct _VnetEvent {
    grefcount ref;
    VnetObjectKind kind;
    VnetEventType type;
    char *name;
    char uuid[VNET_UUID_STRLEN];
    char *detail;
};

typedef struct {
    gatomicrefcount ref;
    guint id;
    VnetConnection *conn; /* strong: a subscription keeps its connection, as in libvirt */
    VnetEventCallback callback;
    gpointer user_data;
    GDestroyNotify notify;
    GMainContext *context;
    /* Protected by the bus mutex: */
    GQueue queue;     /* VnetEvent * */
    GSource *source;  /* pending idle source, or NULL */
    gboolean active;  /* FALSE once unsubscribed */
    GMutex *mutex;    /* the bus's */
} Subscriber;

struct _VnetEventBus {
    GMutex mutex;
    VnetConnection *conn;
    GPtrArray *subscribers; /* Subscriber *, each holding one reference */
    guint next_id;
};

/* ---- VnetEvent ---------------------------------------------------------- */

VnetObjectKind
vnet_event_get_object_kind(const VnetEvent *event)
{
    g_return_val_if_fail(event, 0);
    return event->kind;
}

VnetEventType
vnet_event_get_event_type(const VnetEvent *event)
{
    g_return_val_if_fail(event, 0);
    return event->type;
}

const char *
vnet_event_get_name(const VnetEvent *event)
{
    g_return_val_if_fail(event, NULL);
    return event->name;
}

const char *
vnet_event_get_uuid(const VnetEvent *event)
{
    g_return_val_if_fail(event, NULL);
    return event->uuid;
}

const char *
vnet_event_get_detail(const VnetEvent *event)
{
    g_return_val_if_fail(event, NULL);
    return event->detail;
}

/**
 * vnet_event_ref:
 * @event: an event
 *
 * Returns: (transfer full): @event with one more reference.
 */
VnetEvent *
vnet_event_ref(VnetEvent *event)
{
    g_return_val_if_fail(event, NULL);
    g_ref_count_inc(&event->ref);
    return event;
}

/**
 * vnet_event_unref:
 * @event: (nullable): an event
 *
 * Drops a reference.
 */
void
vnet_event_unref(VnetEvent *event)
{
    if (!event || !g_ref_count_dec(&event->ref))
        return;
    g_free(event->name);
    g_free(event->detail);
    g_free(event);
}

/**
 * vnet_event_type_to_string:
 * @type: an event type
 *
 * Returns: (transfer none): the lowercase name of @type, or %NULL.
 */
const char *
vnet_event_type_to_string(VnetEventType type)
{
    switch (type) {
    case VNET_EVENT_DEFINED:
        return "defined";
    case VNET_EVENT_UNDEFINED:
        return "undefined";
    case VNET_EVENT_STARTED:
        return "started";
    case VNET_EVENT_STOPPED:
        return "stopped";
    case VNET_EVENT_FAILED:
        return "failed";
    }
    return NULL;
}

/**
 * vnet_object_kind_to_string:
 * @kind: an object kind
 *
 * Returns: (transfer none): "domain" or "network", or %NULL.
 */
const char *
vnet_object_kind_to_string(VnetObjectKind kind)
{
    switch (kind) {
    case VNET_OBJECT_DOMAIN:
        return "domain";
    case VNET_OBJECT_NETWORK:
        return "network";
    }
    return NULL;
}

/* ---- subscribers -------------------------------------------------------- */

static Subscriber *
subscriber_ref(Subscriber *sub)
{
    g_atomic_ref_count_inc(&sub->ref);
    return sub;
}

static void
subscriber_unref(gpointer data)
{
    Subscriber *sub = data;

    if (!g_atomic_ref_count_dec(&sub->ref))
        return;
    g_queue_clear_full(&sub->queue, (GDestroyNotify)vnet_event_unref);
    if (sub->notify)
        sub->notify(sub->user_data);
    g_main_context_unref(sub->context);
    /* Last: this may free the connection and with it the bus. */
    vnet_connection_close(sub->conn);
    g_free(sub);
}

static gboolean
subscriber_dispatch(gpointer data)
{
    Subscriber *sub = data;

    for (;;) {
        VnetEvent *event;

        g_mutex_lock(sub->mutex);
        if (!sub->active) {
            g_clear_pointer(&sub->source, g_source_unref);
            g_mutex_unlock(sub->mutex);
            break;
        }
        event = g_queue_pop_head(&sub->queue);
        if (!event) {
            /* Unset under the mutex so that an emit racing with us attaches
             * a new source rather than relying on this one. */
            g_clear_pointer(&sub->source, g_source_unref);
            g_mutex_unlock(sub->mutex);
            break;
        }
        g_mutex_unlock(sub->mutex);
        sub->callback(sub->conn, event, sub->user_data);
        vnet_event_unref(event);
    }
    return G_SOURCE_REMOVE;
}

/* ---- the bus ------------------------------------------------------------ */

/**
 * vnet_event_bus_new:
 * @conn: the connection whose events this bus carries
 *
 * Returns: (transfer full): an empty bus.
 */
VnetEventBus *
vnet_event_bus_new(VnetConnection *conn)
{
    VnetEventBus *bus = g_new0(VnetEventBus, 1);

    g_mutex_init(&bus->mutex);
    bus->conn = conn;
    bus->subscribers = g_ptr_array_new();
    bus->next_id = 1;
    return bus;
}

/**
 * vnet_event_bus_free:
 * @bus: (nullable): a bus
 *
 * Frees the bus. Subscriptions hold a reference to the connection, so by the
 * time the connection frees its bus there is none left.
 */
void
vnet_event_bus_free(VnetEventBus *bus)
{
    if (!bus)
        return;
    g_assert(bus->subscribers->len == 0);
    g_ptr_array_unref(bus->subscribers);
    g_mutex_clear(&bus->mutex);
    g_free(bus);
}

/**
 * vnet_event_bus_subscribe:
 * @bus: a bus
 * @callback: called for each event
 * @user_data: for @callback
 * @notify: (nullable): frees @user_data
 *
 * Subscribes from the caller's thread-default main context.
 *
 * Returns: the subscription id (> 0).
 */
guint
vnet_event_bus_subscribe(VnetEventBus *bus, VnetEventCallback callback, gpointer user_data,
                         GDestroyNotify notify)
{
    Subscriber *sub = g_new0(Subscriber, 1);
    guint id;

    g_atomic_ref_count_init(&sub->ref);
    sub->conn = vnet_connection_ref(bus->conn);
    sub->callback = callback;
    sub->user_data = user_data;
    sub->notify = notify;
    sub->context = g_main_context_ref_thread_default();
    sub->active = TRUE;
    sub->mutex = &bus->mutex;
    g_queue_init(&sub->queue);

    g_mutex_lock(&bus->mutex);
    id = sub->id = bus->next_id++;
    g_ptr_array_add(bus->subscribers, sub);
    g_mutex_unlock(&bus->mutex);
    return id;
}

/**
 * vnet_event_bus_unsubscribe:
 * @bus: a bus
 * @id: a subscription id
 *
 * Ends a subscription; queued events are dropped. Unknown ids are ignored.
 */
void
vnet_event_bus_unsubscribe(VnetEventBus *bus, guint id)
{
    Subscriber *found = NULL;
    GSource *source = NULL;

    g_mutex_lock(&bus->mutex);
    for (guint i = 0; i < bus->subscribers->len; i++) {
        Subscriber *sub = g_ptr_array_index(bus->subscribers, i);

        if (sub->id == id) {
            found = g_ptr_array_steal_index(bus->subscribers, i);
            found->active = FALSE;
            source = g_steal_pointer(&found->source);
            break;
        }
    }
    g_mutex_unlock(&bus->mutex);

    if (source) {
        /* Destroying drops the source's reference to the subscriber. */
        g_source_destroy(source);
        g_source_unref(source);
    }
    /* Outside the mutex: this may be the last reference to the connection. */
    if (found)
        subscriber_unref(found);
}

/**
 * vnet_event_bus_emit:
 * @bus: a bus
 * @kind: domain or network
 * @type: what happened
 * @name: the object's name
 * @uuid: the object's UUID
 * @detail: (nullable): extra text (the error of a failed start)
 *
 * Queues the event for every subscriber. Safe from any thread, with any
 * lock held.
 */
void
vnet_event_bus_emit(VnetEventBus *bus, VnetObjectKind kind, VnetEventType type,
                    const char *name, const VnetUuid *uuid, const char *detail)
{
    VnetEvent *event = g_new0(VnetEvent, 1);

    g_ref_count_init(&event->ref);
    event->kind = kind;
    event->type = type;
    event->name = g_strdup(name);
    vnet_uuid_format(uuid, event->uuid);
    event->detail = g_strdup(detail);

    g_mutex_lock(&bus->mutex);
    for (guint i = 0; i < bus->subscribers->len; i++) {
        Subscriber *sub = g_ptr_array_index(bus->subscribers, i);

        g_queue_push_tail(&sub->queue, vnet_event_ref(event));
        if (!sub->source) {
            GSource *source = g_idle_source_new();

            g_source_set_priority(source, G_PRIORITY_DEFAULT);
            g_source_set_callback(source, subscriber_dispatch, subscriber_ref(sub),
                                  subscriber_unref);
            g_source_set_name(source, "vnet event delivery");
            sub->source = source; /* the subscriber's reference */
            g_source_attach(source, sub->context);
        }
    }
    g_mutex_unlock(&bus->mutex);
    vnet_event_unref(event);
}
