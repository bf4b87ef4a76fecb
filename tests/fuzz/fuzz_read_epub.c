/* Arbitrary bytes as an EPUB (a zip), or as an archive of pages. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_run("read-epub", "", "! write-json output=/dev/null", data, size);
	return 0;
}
