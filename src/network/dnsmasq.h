/* dnsmasq.h: the DHCP and DNS server of a network — one dnsmasq per
 * network, with everything it needs in one runtime folder DIR
 * (RUN/dnsmasq/NAME/ of the connection):
 *   DIR/dnsmasq.conf    written by vnet from the live definition
 *   DIR/dnsmasq.pid     written by dnsmasq
 *   DIR/dnsmasq.leases  dnsmasq's lease file (vnet_network_get_dhcp_leases)
 *
 * dnsmasq reads nothing of the system's configuration (--conf-file names
 * ours; no /etc/hosts) and serves only the network's bridge (interface= with
 * bind-dynamic, lo excluded). It runs as root: it must keep writing the
 * lease file in a folder only root can write.
 *
 * A dnsmasq is "ours" when the pid file names a live process whose command
 * line carries our --conf-file: pid files outlive a crash, pids get reused.
 */
#pragma once

#include <glib.h>

#include "conf/network_conf.h"

/* Whether @live runs a dnsmasq: it has an <ip> and DHCP on one of them or
 * DNS not disabled (libvirt's rule). */
gboolean vnet_dnsmasq_needed(const VnetNetworkDef *live);

/* Pure: the configuration file for @live, its files under @dir. */
char *vnet_dnsmasq_config(const VnetNetworkDef *live, const char *dir);

/* Writes the configuration and starts dnsmasq; returns once it serves. */
gboolean vnet_dnsmasq_start(const VnetNetworkDef *live, const char *dir, GError **error);
/* Stops our dnsmasq of @dir (when it runs) and removes @dir. */
gboolean vnet_dnsmasq_stop(const char *dir, GError **error);
/* The pid of our dnsmasq of @dir, or 0 when it does not run. */
int vnet_dnsmasq_get_pid(const char *dir);

/* The leases in @dir's lease file (VnetDhcpLease *), with prefixes from
 * @live's subnets; no file means no leases. */
GPtrArray *vnet_dnsmasq_read_leases(const VnetNetworkDef *live, const char *dir,
                                    GError **error);
