# schemas: the RelaxNG contract for every document vnet reads or writes.
# common.rng holds the types and elements shared by both documents.
dist_schema_DATA += \
	schemas/common.rng \
	schemas/domain.rng \
	schemas/network.rng
