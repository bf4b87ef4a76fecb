/* Arbitrary bytes as a web page through the whole chain. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_run("read-html", "", "! strip-boilerplate ! tag-attribution ! write-json output=/dev/null html=true explain=true", data,
	         size);
	return 0;
}
