# src/network: the driver layer (driver vtable, test and local drivers,
# guest backends, NIC and network realization, store, status files) and the
# public API entry points.
noinst_LTLIBRARIES += src/network/libvnet_network.la
VNET_LAYER_LIBS += src/network/libvnet_network.la
src_network_libvnet_network_la_SOURCES = \
	src/network/backend.c src/network/backend.h \
	src/network/backend-netns.c \
	src/network/driver.c src/network/driver.h \
	src/network/driver-core.c src/network/driver-core.h \
	src/network/driver-core-network.c \
	src/network/driver-local.c \
	src/network/driver-test.c \
	src/network/event-bus.c src/network/event-bus.h \
	src/network/network-realize.c src/network/network-realize.h \
	src/network/nic.c src/network/nic.h \
	src/network/nic-veth.c \
	src/network/status.c src/network/status.h \
	src/network/store.c src/network/store.h \
	src/network/undo.c src/network/undo.h \
	src/libvnet-connection.c \
	src/libvnet-domain.c \
	src/libvnet-network.c \
	src/libvnet-info.c \
	src/libvnet-private.h
src_network_libvnet_network_la_LIBADD = $(GLIB_LIBS) $(XML_LIBS) $(NL_LIBS)

