# vnsh: the shell, a client of the public C API only. Its sources see
# include/ but not src/ (no VNET_COMPILATION, no -Isrc), so a stray
# internal header fails the build.
VNSH_CPPFLAGS = \
	-I$(top_srcdir)/include -I$(top_builddir) \
	-DLOCALEDIR=\"$(localedir)\" \
	$(GLIB_CFLAGS) $(XML_CFLAGS) $(JSON_CFLAGS) $(READLINE_CFLAGS)

# Everything but main(), shared by vnsh, the man page generator and the
# tests that walk the command tables.
noinst_LTLIBRARIES += tools/vnsh/libvnsh.la
tools_vnsh_libvnsh_la_SOURCES = \
	tools/vnsh/vnsh.h \
	tools/vnsh/vnsh-network.h \
	tools/vnsh/vnsh-cmd.c \
	tools/vnsh/vnsh-complete.c \
	tools/vnsh/vnsh-domain.c \
	tools/vnsh/vnsh-edit.c \
	tools/vnsh/vnsh-help.c \
	tools/vnsh/vnsh-hostonlyif.c \
	tools/vnsh/vnsh-misc.c \
	tools/vnsh/vnsh-natnetwork.c \
	tools/vnsh/vnsh-network.c \
	tools/vnsh/vnsh-object.c \
	tools/vnsh/vnsh-readline.c \
	tools/vnsh/vnsh-table.c \
	tools/vnsh/vnsh-util.c \
	tools/vnsh/vnsh-xml.c
tools_vnsh_libvnsh_la_CPPFLAGS = $(VNSH_CPPFLAGS)
tools_vnsh_libvnsh_la_LIBADD = $(GLIB_LIBS) $(XML_LIBS) $(JSON_LIBS) $(READLINE_LIBS)

bin_PROGRAMS += tools/vnsh/vnsh
tools_vnsh_vnsh_SOURCES = tools/vnsh/vnsh.c
tools_vnsh_vnsh_CPPFLAGS = $(VNSH_CPPFLAGS)
tools_vnsh_vnsh_LDADD = tools/vnsh/libvnsh.la src/libvnet.la

# Writes docs/vnsh.1 (docs/vnsh.mk) from the same tables.
noinst_PROGRAMS += tools/vnsh/vnsh-mangen
tools_vnsh_vnsh_mangen_SOURCES = tools/vnsh/vnsh-mangen.c
tools_vnsh_vnsh_mangen_CPPFLAGS = $(VNSH_CPPFLAGS)
tools_vnsh_vnsh_mangen_LDADD = tools/vnsh/libvnsh.la src/libvnet.la
