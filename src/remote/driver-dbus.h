/* driver-dbus.h: the "dbus" driver — every C API call made through vnetd
 * (org.vnet1) on the system or the session bus, so that unprivileged
 * programs use vnet with vnetd's privileges and its access rules. */
#pragma once

#include "network/driver.h"

/* dbus:///system and dbus:///session. */
extern const VnetDriver vnet_dbus_driver;
