/* Arbitrary bytes as galley JSON, back out as JSON and EPUB. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_run("read-json", "", "! write-json output=/dev/null html=true ! write-epub output=/dev/null", data, size);
	return 0;
}
