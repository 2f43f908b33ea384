# docs: vnsh(1), written from vnsh's command tables by tools/vnsh/vnsh-mangen
# so that it lists exactly the commands vnsh has. It ships in the tarball;
# a build regenerates it in the build tree when vnsh changes.
dist_man1_MANS = docs/vnsh.1
DISTCLEANFILES += docs/vnsh.1

docs/vnsh.1: tools/vnsh/vnsh-mangen$(EXEEXT)
	$(AM_V_GEN)$(MKDIR_P) docs && \
	tools/vnsh/vnsh-mangen$(EXEEXT) > $@.tmp && mv $@.tmp $@
