#include <galley/error.h>

#include <stdio.h>
#include <string.h>

void galley_error_clear(galley_error *err)
{
	if (!err)
		return;
	err->code = GALLEY_OK;
	err->message[0] = '\0';
}

galley_status galley_error_setv(galley_error *err, galley_status code, const char *fmt, va_list ap)
{
	if (!err)
		return code;
	err->code = code;
	int n = vsnprintf(err->message, sizeof err->message, fmt, ap);
	if (n >= (int)sizeof err->message)
		memcpy(err->message + sizeof err->message - 4, "...", 4);
	return code;
}

galley_status galley_error_set(galley_error *err, galley_status code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	galley_error_setv(err, code, fmt, ap);
	va_end(ap);
	return code;
}

void galley_error_prefix(galley_error *err, const char *fmt, ...)
{
	if (!err)
		return;
	char prefix[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(prefix, sizeof prefix, fmt, ap);
	va_end(ap);
	char old[sizeof err->message];
	memcpy(old, err->message, sizeof old);
	int n = snprintf(err->message, sizeof err->message, "%s: %s", prefix, old);
	if (n >= (int)sizeof err->message)
		memcpy(err->message + sizeof err->message - 4, "...", 4);
}

const char *galley_status_name(galley_status code)
{
	switch (code) {
	case GALLEY_OK: return "ok";
	case GALLEY_END: return "end";
	case GALLEY_DROP: return "dropped";
	case GALLEY_ERR_ARTICLE: return "article failed";
	case GALLEY_ERR_FATAL: return "fatal";
	}
	return "unknown";
}
