/* vnet-netns.c: named network namespaces and running code inside one. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <linux/if.h>

#include "util/vnet-log.h"
#include "util/vnet-netns.h"

#ifndef SO_NETNS_COOKIE
#define SO_NETNS_COOKIE 71
#endif
#ifndef NSFS_MAGIC
#define NSFS_MAGIC 0x6e736673
#endif

/**
 * vnet_netns_name_is_valid:
 * @name: (nullable): a namespace name
 *
 * Returns: whether @name can name a file in VNET_NETNS_RUN_DIR.
 */
gboolean
vnet_netns_name_is_valid(const char *name)
{
    return name && *name && strlen(name) <= 255 && !strchr(name, '/') &&
           !g_str_equal(name, ".") && !g_str_equal(name, "..");
}

static char *
netns_path(const char *name)
{
    return g_build_filename(VNET_NETNS_RUN_DIR, name, NULL);
}

/* ---- running on a thread of its own ----------------------------------- */

typedef struct {
    int netns_fd; /* -1: stay in the caller's namespace */
    VnetNetnsFunc func;
    gpointer data;
    int result;
} ThreadJob;

static void *
thread_main(void *arg)
{
    ThreadJob *job = arg;

    /* only this thread changes namespace; it dies afterwards, so no other
     * code ever runs in a namespace it did not expect */
    if (job->netns_fd >= 0 && setns(job->netns_fd, CLONE_NEWNET) < 0) {
        job->result = -errno;
        return NULL;
    }
    job->result = job->func(job->data);
    return NULL;
}

static int
run_on_thread(int netns_fd, VnetNetnsFunc func, gpointer data)
{
    ThreadJob job = {.netns_fd = netns_fd, .func = func, .data = data};
    pthread_t thread;
    int r;

    r = pthread_create(&thread, NULL, thread_main, &job);
    if (r != 0)
        return -r;
    r = pthread_join(thread, NULL);
    if (r != 0)
        return -r;
    return job.result;
}

/**
 * vnet_netns_run:
 * @netns_fd: a network namespace fd
 * @func: what to run there
 * @data: its argument
 *
 * Runs @func on a new thread that joins @netns_fd first, and waits for it.
 * The calling thread never changes namespace.
 *
 * Returns: @func's result, or -errno when joining the namespace failed.
 */
int
vnet_netns_run(int netns_fd, VnetNetnsFunc func, gpointer data)
{
    if (netns_fd < 0)
        return -EBADF;
    return run_on_thread(netns_fd, func, data);
}

/* ---- named namespaces ----------------------------------------------- */

/* Like `ip netns add`: the run directory is a shared mount point, so a
 * namespace mounted in it is visible in every mount namespace that shares
 * it, and unmounting it there unmounts it everywhere. */
static int
prepare_run_dir(void)
{
    gboolean bound = FALSE;

    if (g_mkdir_with_parents(VNET_NETNS_RUN_DIR, 0755) < 0)
        return -errno;
    while (mount("", VNET_NETNS_RUN_DIR, "none", MS_SHARED | MS_REC, NULL) < 0) {
        /* not a mount point yet: make it one, then retry once */
        if (errno != EINVAL || bound)
            return -errno;
        if (mount(VNET_NETNS_RUN_DIR, VNET_NETNS_RUN_DIR, "none", MS_BIND | MS_REC, NULL) < 0)
            return -errno;
        bound = TRUE;
    }
    return 0;
}

static void
loopback_up(void)
{
    struct ifreq ifr = {0};
    int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);

    if (fd < 0)
        return;
    g_strlcpy(ifr.ifr_name, "lo", sizeof(ifr.ifr_name));
    if (ioctl(fd, SIOCGIFFLAGS, &ifr) == 0) {
        ifr.ifr_flags |= IFF_UP;
        if (ioctl(fd, SIOCSIFFLAGS, &ifr) < 0)
            vnet_debug("netns", "bringing lo up: %s", g_strerror(errno));
    }
    close(fd);
}

static int
unshare_and_mount(gpointer data)
{
    const char *path = data;

    if (unshare(CLONE_NEWNET) < 0)
        return -errno;
    loopback_up();
    /* thread-self: /proc/self is the thread group leader, still in the
     * old namespace */
    if (mount("/proc/thread-self/ns/net", path, "none", MS_BIND, NULL) < 0)
        return -errno;
    return 0;
}

/**
 * vnet_netns_create:
 * @name: the namespace's name
 * @ret_inode: (out) (optional): its inode
 *
 * Makes a named network namespace like `ip netns add NAME`, with lo up.
 *
 * Returns: 0, -EEXIST when @name is taken, -EINVAL for an invalid name, or
 * -errno (and nothing is left behind).
 */
int
vnet_netns_create(const char *name, guint64 *ret_inode)
{
    g_autofree char *path = NULL;
    struct stat st;
    int fd;
    int r;

    if (!vnet_netns_name_is_valid(name))
        return -EINVAL;
    if ((r = prepare_run_dir()) < 0)
        return r;
    path = netns_path(name);
    fd = open(path, O_RDONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0);
    if (fd < 0)
        return -errno;
    close(fd);

    r = run_on_thread(-1, unshare_and_mount, path);
    if (r == 0 && stat(path, &st) < 0)
        r = -errno;
    if (r < 0) {
        umount2(path, MNT_DETACH);
        unlink(path);
        return r;
    }
    vnet_debug("netns", "created namespace %s (inode %lu)", name, (unsigned long)st.st_ino);
    if (ret_inode)
        *ret_inode = st.st_ino;
    return 0;
}

static int
check_nsfs(int fd)
{
    struct statfs sfs;

    if (fstatfs(fd, &sfs) < 0)
        return -errno;
    return sfs.f_type == NSFS_MAGIC ? 0 : -ENXIO;
}

/**
 * vnet_netns_open:
 * @name: the namespace's name
 * @ret_fd: (out): an fd of the namespace, O_CLOEXEC
 *
 * Returns: 0, -ENOENT when there is no such name, -ENXIO when the name is a
 * leftover file with no namespace mounted on it, or -errno.
 */
int
vnet_netns_open(const char *name, int *ret_fd)
{
    g_autofree char *path = NULL;
    int fd;
    int r;

    if (!vnet_netns_name_is_valid(name))
        return -EINVAL;
    path = netns_path(name);
    fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -errno;
    if ((r = check_nsfs(fd)) < 0) {
        close(fd);
        return r;
    }
    *ret_fd = fd;
    return 0;
}

/**
 * vnet_netns_fd_get_inode:
 * @netns_fd: a namespace fd
 * @ret_inode: (out): the namespace's inode
 *
 * Returns: 0, -ENXIO when @netns_fd is no namespace, or -errno.
 */
int
vnet_netns_fd_get_inode(int netns_fd, guint64 *ret_inode)
{
    struct stat st;
    int r;

    if ((r = check_nsfs(netns_fd)) < 0)
        return r;
    if (fstat(netns_fd, &st) < 0)
        return -errno;
    *ret_inode = st.st_ino;
    return 0;
}

/**
 * vnet_netns_get_inode:
 * @name: the namespace's name
 * @ret_inode: (out): the inode of the namespace mounted there
 *
 * Returns: 0, -ENOENT when there is no such name, -ENXIO when the file is
 * there but no namespace is mounted on it, or -errno.
 */
int
vnet_netns_get_inode(const char *name, guint64 *ret_inode)
{
    int fd;
    int r;

    if ((r = vnet_netns_open(name, &fd)) < 0)
        return r;
    r = vnet_netns_fd_get_inode(fd, ret_inode);
    close(fd);
    return r;
}

static int
read_cookie(gpointer data)
{
    guint64 *cookie = data;
    socklen_t len = sizeof(*cookie);
    int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    int r = 0;

    if (fd < 0)
        return -errno;
    if (getsockopt(fd, SOL_SOCKET, SO_NETNS_COOKIE, cookie, &len) < 0)
        r = -errno;
    close(fd);
    return r;
}

/**
 * vnet_netns_fd_get_cookie:
 * @netns_fd: a namespace fd
 * @ret_cookie: (out): the namespace's cookie
 *
 * Unlike the inode, the cookie of a namespace that has ended is never given
 * to another one (until reboot).
 *
 * Returns: 0, -ENOPROTOOPT on kernels before 5.14, or -errno.
 */
int
vnet_netns_fd_get_cookie(int netns_fd, guint64 *ret_cookie)
{
    guint64 cookie = 0;
    int r;

    if ((r = check_nsfs(netns_fd)) < 0)
        return r;
    if ((r = vnet_netns_run(netns_fd, read_cookie, &cookie)) < 0)
        return r;
    *ret_cookie = cookie;
    return 0;
}

/**
 * vnet_netns_get_cookie:
 * @name: the namespace's name
 * @ret_cookie: (out): its cookie
 *
 * Returns: 0, -ENOENT when there is no such name, -ENXIO when no namespace
 * is mounted there, or -errno.
 */
int
vnet_netns_get_cookie(const char *name, guint64 *ret_cookie)
{
    int fd;
    int r;

    if ((r = vnet_netns_open(name, &fd)) < 0)
        return r;
    r = vnet_netns_fd_get_cookie(fd, ret_cookie);
    close(fd);
    return r;
}

/**
 * vnet_netns_destroy:
 * @name: the namespace's name
 *
 * Unmounts and removes @name, like `ip netns del`. The namespace ends when
 * no process, fd or mount holds it any more.
 *
 * Returns: 0, -ENOENT when there is no such name, or -errno.
 */
int
vnet_netns_destroy(const char *name)
{
    g_autofree char *path = NULL;

    if (!vnet_netns_name_is_valid(name))
        return -EINVAL;
    path = netns_path(name);
    /* EINVAL: a leftover file with nothing mounted on it; still remove it */
    if (umount2(path, MNT_DETACH) < 0 && errno != EINVAL)
        return -errno;
    if (unlink(path) < 0)
        return -errno;
    vnet_debug("netns", "destroyed namespace %s", name);
    return 0;
}
