# libvnet: the installed library, made of the layers' convenience libraries
# and limited to the public API by a version script.
# Tests and in-tree tools that need internal functions link
# libvnet_internal.la: every layer in one archive, so link order is moot.
noinst_LTLIBRARIES += src/libvnet_internal.la
src_libvnet_internal_la_SOURCES =
# (no sources of its own: this names the linker's language)
nodist_EXTRA_src_libvnet_internal_la_SOURCES = dummy.c
src_libvnet_internal_la_LIBADD = \
	$(VNET_LAYER_LIBS) \
	$(GLIB_LIBS) $(XML_LIBS) $(NL_LIBS)

lib_LTLIBRARIES += src/libvnet.la
src_libvnet_la_SOURCES = src/libvnet.c
src_libvnet_la_LIBADD = src/libvnet_internal.la
src_libvnet_la_LDFLAGS = \
	-version-info $(LIBVNET_LT_VERSION) -no-undefined \
	-Wl,--version-script=$(srcdir)/src/libvnet.sym
EXTRA_src_libvnet_la_DEPENDENCIES = src/libvnet.sym
EXTRA_DIST += src/libvnet.sym src/libvnet.pc.in
pkgconfig_DATA += src/libvnet.pc

vnetincludedir = $(includedir)/vnet
vnetinclude_HEADERS = \
	include/vnet/vnet.h \
	include/vnet/vnet-common.h \
	include/vnet/vnet-connection.h \
	include/vnet/vnet-domain.h \
	include/vnet/vnet-error.h \
	include/vnet/vnet-network.h \
	include/vnet/vnet-xml.h
