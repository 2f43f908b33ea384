# src/conf/domain: domain XML <-> VnetDomainDef (parse, validate, format).
noinst_LTLIBRARIES += src/conf/libvnet_conf_domain.la
VNET_LAYER_LIBS += src/conf/libvnet_conf_domain.la
src_conf_libvnet_conf_domain_la_SOURCES = \
	src/conf/domain_conf.h \
	src/conf/domain_conf.c \
	src/conf/domain_interface_conf.c \
	src/conf/domain_validate.c
src_conf_libvnet_conf_domain_la_LIBADD = $(GLIB_LIBS) $(XML_LIBS)
