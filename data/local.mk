# data: vnetd's D-Bus files and systemd unit.
#  - the introspection XML of org.vnet1.{Connect,Domain,Network} (vnetd
#    embeds it, see daemon/local.mk; installed for D-Bus tooling),
#  - the system bus policy,
#  - the activation files of the system and the session bus,
#  - vnetd.service.
# The .in files get the install path of vnetd by sed: configure does not
# know them (AC_CONFIG_FILES would expand ${exec_prefix} too early).
dbusinterfacesdir = $(DBUS_INTERFACES_DIR)
dist_dbusinterfaces_DATA = \
	data/dbus/org.vnet1.Connect.xml \
	data/dbus/org.vnet1.Domain.xml \
	data/dbus/org.vnet1.Network.xml

dbuspolicydir = $(DBUS_POLICY_DIR)
dist_dbuspolicy_DATA = data/dbus/org.vnet1.conf

dbussystemservicedir = $(DBUS_SYSTEM_SERVICES_DIR)
dbussystemservice_DATA = data/dbus/system/org.vnet1.service
dbussessionservicedir = $(DBUS_SESSION_SERVICES_DIR)
dbussessionservice_DATA = data/dbus/session/org.vnet1.service
systemdsystemunitdir = $(SYSTEMD_SYSTEM_UNIT_DIR)
systemdsystemunit_DATA = data/vnetd.service

EXTRA_DIST += \
	data/dbus/org.vnet1.service.in \
	data/dbus/org.vnet1.session.service.in \
	data/vnetd.service.in
CLEANFILES += \
	data/dbus/system/org.vnet1.service \
	data/dbus/session/org.vnet1.service \
	data/vnetd.service

vnet_data_subst = sed -e 's|@sbindir[@]|$(sbindir)|g'

data/dbus/system/org.vnet1.service: data/dbus/org.vnet1.service.in Makefile
	$(AM_V_GEN)$(MKDIR_P) data/dbus/system && \
	  $(vnet_data_subst) $(srcdir)/data/dbus/org.vnet1.service.in > $@.tmp && mv $@.tmp $@
data/dbus/session/org.vnet1.service: data/dbus/org.vnet1.session.service.in Makefile
	$(AM_V_GEN)$(MKDIR_P) data/dbus/session && \
	  $(vnet_data_subst) $(srcdir)/data/dbus/org.vnet1.session.service.in > $@.tmp && \
	  mv $@.tmp $@
data/vnetd.service: data/vnetd.service.in Makefile
	$(AM_V_GEN)$(MKDIR_P) data && \
	  $(vnet_data_subst) $(srcdir)/data/vnetd.service.in > $@.tmp && mv $@.tmp $@
