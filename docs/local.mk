# docs: the API reference, generated from include/vnet/*.h by Doxygen when
# it is installed (Debian package "doxygen"); without it the build goes on
# and says so. Built into docs/api/html, installed under $(docdir)/api.
EXTRA_DIST += docs/Doxyfile
apidocdir = $(docdir)/api

# Regenerated only when a public header or the Doxyfile changes (the stamp
# records the last run), not on every make.
docs/api.stamp: $(vnetinclude_HEADERS) $(srcdir)/docs/Doxyfile
	$(AM_V_GEN)if command -v doxygen >/dev/null 2>&1; then \
	  rm -rf docs/api && $(MKDIR_P) docs/api && \
	  VNET_TOP_SRCDIR='$(abs_top_srcdir)' VNET_DOCS_OUTDIR='$(abs_top_builddir)/docs/api' \
	  VNET_VERSION='$(VERSION)' doxygen $(srcdir)/docs/Doxyfile && \
	  test -f docs/api/html/index.html; \
	else \
	  echo "doxygen not found: the API reference is not built (Debian: apt-get install doxygen)"; \
	fi
	@touch $@

api-docs: docs/api.stamp
.PHONY: api-docs

all-local: api-docs

install-data-local:
	@if test -f docs/api/html/index.html; then \
	  echo " INSTALL  $(apidocdir)"; \
	  $(MKDIR_P) '$(DESTDIR)$(apidocdir)' && \
	  cp -R docs/api/html/. '$(DESTDIR)$(apidocdir)/' && \
	  chmod -R u+w '$(DESTDIR)$(apidocdir)'; \
	fi

uninstall-local:
	rm -rf '$(DESTDIR)$(apidocdir)'

clean-local:
	rm -rf docs/api docs/api.stamp
