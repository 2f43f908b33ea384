# daemon: vnetd, the D-Bus service (org.vnet1) that lets unprivileged
# clients use vnet. It links the library's internal archive (it is part of
# vnet, not a client of an installed libvnet) and embeds the introspection
# XML of data/dbus/ so the interfaces it exports are exactly the files'.
sbin_PROGRAMS += daemon/vnetd
daemon_vnetd_SOURCES = \
	daemon/vnetd.c daemon/vnetd.h \
	daemon/vnetd-access.c \
	daemon/vnetd-connect-dbus.c \
	daemon/vnetd-domain-dbus.c \
	daemon/vnetd-job.c \
	daemon/vnetd-network-dbus.c \
	daemon/vnetd-objects.c \
	daemon/vnetd-subtree-dbus.c
nodist_daemon_vnetd_SOURCES = daemon/vnetd-introspection.h
daemon_vnetd_LDADD = src/libvnet_internal.la $(GLIB_LIBS) $(XML_LIBS) $(NL_LIBS)
BUILT_SOURCES += daemon/vnetd-introspection.h
CLEANFILES += daemon/vnetd-introspection.h

VNETD_INTERFACES = \
	data/dbus/org.vnet1.Connect.xml \
	data/dbus/org.vnet1.Domain.xml \
	data/dbus/org.vnet1.Network.xml

# Each file becomes one C string: vnetd_connect_xml, vnetd_domain_xml,
# vnetd_network_xml.
daemon/vnetd-introspection.h: $(VNETD_INTERFACES) daemon/local.mk
	$(AM_V_GEN)$(MKDIR_P) daemon && { \
	  echo '/* Generated from data/dbus/org.vnet1.*.xml by daemon/local.mk: do not edit. */'; \
	  for pair in connect:Connect domain:Domain network:Network; do \
	    echo "static const char vnetd_$${pair%%:*}_xml[] ="; \
	    sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$$/\\n"/' \
	      $(srcdir)/data/dbus/org.vnet1.$${pair#*:}.xml; \
	    echo ';'; \
	  done; } > $@.tmp && mv $@.tmp $@
# (BUILT_SOURCES covers "make all"; this covers "make daemon/vnetd".)
daemon/vnetd.$(OBJEXT): daemon/vnetd-introspection.h
