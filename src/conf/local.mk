# src/conf: XML <-> objects. The per-document parts live in netdev.mk,
# domain.mk and network.mk; this fragment holds what spans documents.
noinst_LTLIBRARIES += src/conf/libvnet_conf_document.la
VNET_LAYER_LIBS += src/conf/libvnet_conf_document.la
src_conf_libvnet_conf_document_la_SOURCES = src/conf/document.c

# the runtime objects and lists drivers keep (one core, two typed faces)
noinst_LTLIBRARIES += src/conf/libvnet_conf_obj.la
VNET_LAYER_LIBS += src/conf/libvnet_conf_obj.la
src_conf_libvnet_conf_obj_la_SOURCES = \
	src/conf/virt_obj.c src/conf/virt_obj.h \
	src/conf/domain_obj.c src/conf/domain_obj.h \
	src/conf/network_obj.c src/conf/network_obj.h
src_conf_libvnet_conf_obj_la_LIBADD = $(GLIB_LIBS) $(XML_LIBS)
src_conf_libvnet_conf_document_la_LIBADD = $(GLIB_LIBS) $(XML_LIBS)
