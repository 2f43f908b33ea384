# tests: network XML (parse, validate, format, schema, libvirt conformance).
NETWORK_TESTS = \
	tests/network-xml2xml-test \
	tests/network-invalid-test \
	tests/network-conformance-test \
	tests/network-api-test
check_PROGRAMS += $(NETWORK_TESTS)
TESTS += $(NETWORK_TESTS)

NETWORK_TEST_COMMON = tests/network-test-common.c tests/network-test-common.h

tests_network_xml2xml_test_SOURCES = tests/network-xml2xml-test.c $(NETWORK_TEST_COMMON)
tests_network_xml2xml_test_CPPFLAGS = $(VNET_TEST_CPPFLAGS)
tests_network_xml2xml_test_LDADD = $(VNET_TEST_LIBS)
tests_network_invalid_test_SOURCES = tests/network-invalid-test.c
tests_network_invalid_test_CPPFLAGS = $(VNET_TEST_CPPFLAGS)
tests_network_invalid_test_LDADD = $(VNET_TEST_LIBS)
tests_network_conformance_test_SOURCES = tests/network-conformance-test.c $(NETWORK_TEST_COMMON)
tests_network_conformance_test_CPPFLAGS = $(VNET_TEST_CPPFLAGS)
tests_network_conformance_test_LDADD = $(VNET_TEST_LIBS)
tests_network_api_test_SOURCES = tests/network-api-test.c $(NETWORK_TEST_COMMON)
tests_network_api_test_CPPFLAGS = $(VNET_TEST_CPPFLAGS)
tests_network_api_test_LDADD = $(VNET_TEST_LIBS)

# the data-driven cases (folders are copied whole)
EXTRA_DIST += tests/networkxml2xml tests/networkxml-invalid
