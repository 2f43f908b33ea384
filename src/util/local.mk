# src/util: small shared pieces every layer uses. Returns 0/-errno or
# GError; never logs above debug.
noinst_LTLIBRARIES += src/util/libvnet_util.la
VNET_LAYER_LIBS += src/util/libvnet_util.la
src_util_libvnet_util_la_SOURCES = \
	src/util/vnet-enum.c src/util/vnet-enum.h \
	src/util/vnet-error.c \
	src/util/vnet-i18n.c src/util/vnet-i18n.h \
	src/util/vnet-inet.c src/util/vnet-inet.h \
	src/util/vnet-log.c src/util/vnet-log.h \
	src/util/vnet-mac.c src/util/vnet-mac.h \
	src/util/vnet-random.c src/util/vnet-random.h \
	src/util/vnet-string.c src/util/vnet-string.h \
	src/util/vnet-uuid.c src/util/vnet-uuid.h \
	src/util/vnet-xml.c src/util/vnet-xml.h
src_util_libvnet_util_la_LIBADD = $(GLIB_LIBS) $(XML_LIBS)
# netlink, namespaces and sysctls: the host-facing pieces of the driver layer
src_util_libvnet_util_la_SOURCES += \
	src/util/vnet-nl.c src/util/vnet-nl.h src/util/vnet-nl-macvtap.c \
	src/util/vnet-nl-bridge.c src/util/vnet-nl-addr.c \
	src/util/vnet-nl-link.c src/util/vnet-nl-private.h \
	src/util/vnet-netns.c src/util/vnet-netns.h \
	src/util/vnet-sysctl.c src/util/vnet-sysctl.h
src_util_libvnet_util_la_LIBADD += $(NL_LIBS)
# taps through /dev/net/tun (VM guests' NICs)
src_util_libvnet_util_la_SOURCES += src/util/vnet-tap.c src/util/vnet-tap.h
src_util_libvnet_util_la_SOURCES += \
	src/util/vnet-file.c src/util/vnet-file.h \
	src/util/vnet-nl-lookup.c src/util/vnet-nl-lookup.h
