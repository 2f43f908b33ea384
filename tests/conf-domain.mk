# tests: domain XML (src/conf/domain_*): xml2xml, invalid cases with their
# messages, examples, the libvirt conformance corpus, schema validation of
# every document vnet writes, and hostile input.
DOMAIN_TESTS = \
	tests/domain-xml2xml-test \
	tests/domain-conformance-test \
	tests/domain-schema-test \
	tests/domain-hostile-test
check_PROGRAMS += $(DOMAIN_TESTS)
TESTS += $(DOMAIN_TESTS)

tests_domain_xml2xml_test_SOURCES = tests/domain-xml2xml-test.c
tests_domain_xml2xml_test_CPPFLAGS = $(VNET_TEST_CPPFLAGS)
tests_domain_xml2xml_test_LDADD = $(VNET_TEST_LIBS)
tests_domain_conformance_test_SOURCES = tests/domain-conformance-test.c
tests_domain_conformance_test_CPPFLAGS = $(VNET_TEST_CPPFLAGS)
tests_domain_conformance_test_LDADD = $(VNET_TEST_LIBS)
tests_domain_schema_test_SOURCES = tests/domain-schema-test.c
tests_domain_schema_test_CPPFLAGS = $(VNET_TEST_CPPFLAGS)
tests_domain_schema_test_LDADD = $(VNET_TEST_LIBS)
tests_domain_hostile_test_SOURCES = tests/domain-hostile-test.c
tests_domain_hostile_test_CPPFLAGS = $(VNET_TEST_CPPFLAGS)
tests_domain_hostile_test_LDADD = $(VNET_TEST_LIBS)

EXTRA_DIST += tests/domainxml2xml tests/domainxml-invalid
