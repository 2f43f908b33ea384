/* vnet-netns.h: named network namespaces (visible to `ip netns`), and
 * running code inside a namespace without moving the caller's thread.
 *
 * A named namespace is what `ip netns add NAME` makes: a file
 * VNET_NETNS_RUN_DIR/NAME with the namespace bind-mounted on it, so it lives
 * without any process in it. Its inode identifies the namespace while it
 * lives, but the kernel reuses inode numbers once a namespace is gone; its
 * cookie (SO_NETNS_COOKIE) is never reused within a boot. A restarted
 * process that stored the cookie can tell "still the one we made" from
 * "gone" or "a new one by the same name".
 *
 * Returns 0 or -errno, like all of src/util/.
 */
#pragma once

#include <glib.h>

#define VNET_NETNS_RUN_DIR "/run/netns"

/* A name `ip netns` accepts: non-empty, at most 255 bytes, no '/', not "."
 * or "..". */
gboolean vnet_netns_name_is_valid(const char *name);

/* Creates named namespace @name with its loopback up. @ret_inode (may be
 * NULL) receives its inode. -EEXIST when the name is taken; nothing is left
 * behind on failure. */
int vnet_netns_create(const char *name, guint64 *ret_inode);
/* Opens the namespace (O_RDONLY|O_CLOEXEC) for setns(), IFLA_NET_NS_FD or
 * vnet_nl_open_in_netns(). -ENOENT when there is no such namespace. */
int vnet_netns_open(const char *name, int *ret_fd);
/* The inode of the namespace mounted at @name: -ENOENT when there is no
 * file, -ENXIO when the file exists but no namespace is mounted on it (a
 * leftover). */
int vnet_netns_get_inode(const char *name, guint64 *ret_inode);
/* The inode of the namespace behind an fd (from vnet_netns_open, or
 * /proc/PID/ns/net). */
int vnet_netns_fd_get_inode(int netns_fd, guint64 *ret_inode);
/* The namespace's cookie: unique among all namespaces of this boot, never
 * 0. Needs Linux 5.14 (-ENOPROTOOPT before). */
int vnet_netns_get_cookie(const char *name, guint64 *ret_cookie);
int vnet_netns_fd_get_cookie(int netns_fd, guint64 *ret_cookie);
/* Unmounts (MNT_DETACH) and removes @name; the namespace itself goes away
 * when nothing else holds it. -ENOENT when there is no such name. */
int vnet_netns_destroy(const char *name);

/* Runs @func(@data) in a new thread that first joins the namespace
 * @netns_fd, and waits for it. Returns @func's result, or -errno when the
 * thread could not join the namespace. Sockets @func opens stay bound to
 * that namespace after it returns; /proc/sys/net files it opens are that
 * namespace's. */
typedef int (*VnetNetnsFunc)(gpointer data);
int vnet_netns_run(int netns_fd, VnetNetnsFunc func, gpointer data);
