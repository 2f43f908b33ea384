# vnsh: the shell, a client of the public C API only.
bin_PROGRAMS += tools/vnsh/vnsh
tools_vnsh_vnsh_SOURCES = \
	tools/vnsh/vnsh.c tools/vnsh/vnsh.h \
	tools/vnsh/vnsh-misc.c \
	tools/vnsh/vnsh-xml.c
tools_vnsh_vnsh_LDADD = src/libvnet.la $(GLIB_LIBS)
