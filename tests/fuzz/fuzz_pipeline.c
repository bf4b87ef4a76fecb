/* Arbitrary text as a pipeline file: parse errors, never crashes. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = galley_strndup((const char *)data, size);
	galley_error err = {0};
	galley_pipeline *p = galley_pipeline_parse(fuzz_registry(), text, size % 2, "<fuzz>", &err);
	galley_pipeline_free(p);
	free(text);
	return 0;
}
