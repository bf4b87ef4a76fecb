/* Arbitrary bytes as scraped text through the whole chain. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_run("read-text", "separator=----", "! strip-boilerplate ! tag-attribution ! write-json output=/dev/null text_format=markdown",
	         data, size);
	return 0;
}
