/* vnetd-job.c: method calls that need the library run in a thread pool, so
 * the bus loop keeps answering while a start or destroy takes its time.
 *
 * A job checks access (for methods that change something), calls its
 * function, refreshes the cache entry of the object it changed, and only
 * then replies: the reply and the PropertiesChanged signal leave from the
 * worker thread (GDBus sends from any thread, in order per connection). */
#include <config.h>

#include "vnetd.h"
#include "util/vnet-log.h"

static void
job_free(VnetdJob *job)
{
    if (job->invocation)
        g_object_unref(job->invocation);
    g_free(job->uuid);
    g_free(job);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VnetdJob, job_free)

static void
job_run(gpointer data, gpointer user_data)
{
    g_autoptr(VnetdJob) job = data;
    g_autoptr(GError) error = NULL;
    g_autofree char *refresh_uuid = NULL;
    GVariant *reply = NULL;

    /* Errors are returned as they are: the library's (VNET_ERROR) cross the
     * bus under their org.vnet1.Error.* names, the access check's are
     * GDBus's own (org.freedesktop.DBus.Error.AccessDenied). */
    if (!job->invocation) {
        vnetd_refresh(job->daemon, job->kind, job->uuid);
        return;
    }
    if (job->write && !vnetd_access_check_write(job->daemon, job->invocation, &error)) {
        g_dbus_method_invocation_return_gerror(g_steal_pointer(&job->invocation), error);
        return;
    }
    if (!job->func(job, &reply, &refresh_uuid, &error)) {
        /* A failed call may still have changed or revealed something (e.g.
         * the object is gone): bring the cache in line before replying. */
        if (job->kind && job->uuid)
            vnetd_refresh(job->daemon, job->kind, job->uuid);
        g_dbus_method_invocation_return_gerror(g_steal_pointer(&job->invocation), error);
        return;
    }
    if (refresh_uuid)
        vnetd_refresh(job->daemon, job->kind, refresh_uuid);
    g_dbus_method_invocation_return_value(g_steal_pointer(&job->invocation), reply);
}

/**
 * vnetd_job_pool_new:
 * @daemon: the daemon
 *
 * Returns: (transfer full): the pool jobs run in.
 */
GThreadPool *
vnetd_job_pool_new(VnetdDaemon *daemon)
{
    /* The library serializes its calls on one connection, so more threads
     * would only wait; enough for reads of the XML to proceed next to a
     * slow start, and for many clients to queue without a limit. */
    return g_thread_pool_new(job_run, daemon, 16, FALSE, NULL);
}

/**
 * vnetd_job_push:
 * @daemon: the daemon
 * @invocation: (transfer full) (nullable): the method call; %NULL for a
 *   refresh of the object only
 * @func: (nullable): what to run in the pool (%NULL with @invocation)
 * @write: whether the call needs write access
 * @kind: the kind of object the call is on, 0 for /org/vnet1
 * @uuid: (nullable): that object's UUID
 *
 * Queues @func for @invocation.
 */
void
vnetd_job_push(VnetdDaemon *daemon, GDBusMethodInvocation *invocation, VnetdJobFunc func,
               gboolean write, VnetObjectKind kind, const char *uuid)
{
    VnetdJob *job = g_new0(VnetdJob, 1);

    job->daemon = daemon;
    job->invocation = invocation;
    job->func = func;
    job->write = write;
    job->kind = kind;
    job->uuid = g_strdup(uuid);
    g_thread_pool_push(daemon->pool, job, NULL);
}

/**
 * vnetd_job_push_refresh:
 * @daemon: the daemon
 * @kind: domain or network
 * @uuid: its UUID
 *
 * Queues a refresh of one cached object.
 */
void
vnetd_job_push_refresh(VnetdDaemon *daemon, VnetObjectKind kind, const char *uuid)
{
    vnetd_job_push(daemon, NULL, NULL, FALSE, kind, uuid);
}

/**
 * vnetd_job_params:
 * @job: a job
 *
 * Returns: (transfer none): the parameters of the job's method call.
 */
GVariant *
vnetd_job_params(VnetdJob *job)
{
    return g_dbus_method_invocation_get_parameters(job->invocation);
}

/**
 * vnetd_job_domain:
 * @job: a job on a domain
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a handle on the job's domain, or %NULL with
 *   the library's error (NoDomain, or InvalidArg for a path that names no
 *   UUID).
 */
VnetDomain *
vnetd_job_domain(VnetdJob *job, GError **error)
{
    return vnet_domain_lookup_by_uuid(job->daemon->conn, job->uuid, error);
}

/**
 * vnetd_job_network:
 * @job: a job on a network
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a handle on the job's network, or %NULL.
 */
VnetNetwork *
vnetd_job_network(VnetdJob *job, GError **error)
{
    return vnet_network_lookup_by_uuid(job->daemon->conn, job->uuid, error);
}
