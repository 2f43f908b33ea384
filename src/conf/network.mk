# src/conf: network XML <-> VnetNetworkDef (parse, validate, format).
noinst_LTLIBRARIES += src/conf/libvnet_conf_network.la
VNET_LAYER_LIBS += src/conf/libvnet_conf_network.la
src_conf_libvnet_conf_network_la_SOURCES = \
	src/conf/network_conf.c src/conf/network_conf.h \
	src/conf/network_conf_priv.h \
	src/conf/network_ip_conf.c \
	src/conf/network_dns_conf.c \
	src/conf/network_forward_conf.c \
	src/conf/network_port_forward.c \
	src/conf/network_validate.c
src_conf_libvnet_conf_network_la_LIBADD = $(GLIB_LIBS) $(XML_LIBS)
