# src/remote: the "dbus" driver (dbus:///system, dbus:///session), which
# makes every C API call through vnetd, and the default-URI choice that
# prefers vnetd for unprivileged callers.
noinst_LTLIBRARIES += src/remote/libvnet_remote.la
VNET_LAYER_LIBS += src/remote/libvnet_remote.la
src_remote_libvnet_remote_la_SOURCES = \
	src/remote/driver-dbus.c src/remote/driver-dbus.h \
	src/remote/default-uri.c
src_remote_libvnet_remote_la_LIBADD = $(GLIB_LIBS)
