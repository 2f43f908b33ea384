# src/conf: XML <-> objects. The per-document parts live in netdev.mk,
# domain.mk and network.mk; this fragment holds what spans documents.
noinst_LTLIBRARIES += src/conf/libvnet_conf_document.la
VNET_LAYER_LIBS += src/conf/libvnet_conf_document.la
src_conf_libvnet_conf_document_la_SOURCES = src/conf/document.c
src_conf_libvnet_conf_document_la_LIBADD = $(GLIB_LIBS) $(XML_LIBS)
