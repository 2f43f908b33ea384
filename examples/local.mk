# examples: XML for every NIC and network kind (checked against schemas/
# by the conf tests).
EXTRA_DIST += examples/domains examples/networks
