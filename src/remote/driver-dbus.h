/* driver-dbus.h: the "dbus" driver — every C API call made through vnetd
 * (org.vnet1) on the system or the session bus, so that unprivileged
 * programs use vnet with vnetd's privileges and its access rules. */
#pragma once

#include "network/driver.h"

/* dbus:///system and dbus:///session. */
extern const VnetDriver vnet_dbus_driver;

/* Public (src/libvnet.sym); declared here until include/vnet/vnet-connection.h
 * carries it (see /work/notes/api-requests.md). */
char *vnet_connection_get_default_uri(void);
