/* galley-bench: speed and memory of galley chains against libxml2's bare parse.
 *
 *   galley-bench --galley PATH --input DIR|ARCHIVE [--label NAME] [--jobs 1,2] [--repeat N]
 *                [--chains all|parse|json] [--floor-dir DIR]
 *
 * For the floor it loads every .html page of the input into memory and times
 * htmlReadMemory + xmlFreeDoc over all of them (best of --repeat).  Each chain runs as its own
 * `galley run` process, timed by wall clock, with its peak RSS from wait4(); the best of
 * --repeat runs is kept.  Figures are ratios within one run, since machines are noisy. */
#include <galley/galley.h>

#include <archive.h>
#include <archive_entry.h>
#include <dirent.h>
#include <malloc.h>
#include <libxml/HTMLparser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

typedef struct page {
	char *data;
	size_t len;
} page;

static page *pages;
static size_t n_pages, cap_pages, total_bytes;

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static bool is_html(const char *name)
{
	size_t n = strlen(name);
	return (n > 5 && !strcmp(name + n - 5, ".html")) || (n > 4 && !strcmp(name + n - 4, ".htm"));
}

static void add_page(char *data, size_t len)
{
	if (n_pages == cap_pages) {
		cap_pages = cap_pages ? cap_pages * 2 : 1024;
		pages = galley_realloc(pages, cap_pages * sizeof *pages);
	}
	pages[n_pages++] = (page){data, len};
	total_bytes += len;
}

static void load_dir(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		galley_buf p = {0};
		galley_buf_printf(&p, "%s/%s", dir, e->d_name);
		struct stat st;
		if (stat(p.data, &st) == 0 && S_ISDIR(st.st_mode)) {
			load_dir(p.data);
		} else if (is_html(e->d_name)) {
			unsigned char *data;
			size_t len;
			if (galley_read_file(p.data, &data, &len, 0, NULL) == GALLEY_OK)
				add_page((char *)data, len);
		}
		galley_buf_free(&p);
	}
	closedir(d);
}

/* Archives: read members through libarchive (the floor sees the same bytes). */
static void load_archive(const char *path)
{
	struct archive *a = archive_read_new();
	archive_read_support_filter_all(a);
	archive_read_support_format_all(a);
	if (archive_read_open_filename(a, path, 1 << 16) != ARCHIVE_OK) {
		fprintf(stderr, "galley-bench: %s: %s\n", path, archive_error_string(a));
		exit(2);
	}
	struct archive_entry *ent;
	while (archive_read_next_header(a, &ent) == ARCHIVE_OK) {
		if (!is_html(archive_entry_pathname(ent)))
			continue;
		galley_buf b = {0};
		char chunk[65536];
		la_ssize_t n;
		while ((n = archive_read_data(a, chunk, sizeof chunk)) > 0)
			galley_buf_append(&b, chunk, (size_t)n);
		size_t len = b.len;
		add_page(galley_buf_steal(&b), len);
	}
	archive_read_free(a);
}

static double floor_time(int repeat)
{
	double best = 1e30;
	for (int r = 0; r < repeat; r++) {
		double t0 = now();
		for (size_t i = 0; i < n_pages; i++) {
			htmlDocPtr doc = htmlReadMemory(pages[i].data, (int)pages[i].len, NULL, NULL,
			                                HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
			                                    HTML_PARSE_NONET);
			xmlFreeDoc(doc);
		}
		double t = now() - t0;
		if (t < best)
			best = t;
	}
	return best;
}

typedef struct result {
	double seconds;
	long max_rss_kb;
	int status;
} result;

static result run_galley(const char *galley, int jobs, const char *chain, int repeat)
{
	result best = {1e30, 0, 0};
	for (int r = 0; r < repeat; r++) {
		char jobs_s[16];
		snprintf(jobs_s, sizeof jobs_s, "%d", jobs);
		double t0 = now();
		pid_t pid = fork();
		if (pid == 0) {
			execl(galley, galley, "-q", "--jobs", jobs_s, "run", "-e", chain, (char *)NULL);
			perror("exec galley");
			_exit(127);
		}
		int status = 0;
		struct rusage ru;
		wait4(pid, &status, 0, &ru);
		double t = now() - t0;
		int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
		if (code > 1) {
			best.status = code;
			return best;
		}
		if (t < best.seconds) {
			best.seconds = t;
			best.status = code;
		}
		if (ru.ru_maxrss > best.max_rss_kb)
			best.max_rss_kb = ru.ru_maxrss;
	}
	return best;
}

/* Write a tar.gz of n pages cycling through the .html pages of dir, each made unique by a
 * number in its title, so ids differ and nothing can be cached. */
static int make_synthetic(const char *out, long n, const char *dir)
{
	load_dir(dir);
	if (!n_pages) {
		fprintf(stderr, "galley-bench: no .html pages in %s\n", dir);
		return 2;
	}
	struct archive *a = archive_write_new();
	archive_write_add_filter_gzip(a);
	archive_write_set_format_pax_restricted(a);
	if (archive_write_open_filename(a, out) != ARCHIVE_OK) {
		fprintf(stderr, "galley-bench: %s: %s\n", out, archive_error_string(a));
		return 2;
	}
	for (long i = 0; i < n; i++) {
		page *p = &pages[(size_t)i % n_pages];
		galley_buf b = {0};
		const char *t = strstr(p->data, "</title>");
		if (t) {
			galley_buf_append(&b, p->data, (size_t)(t - p->data));
			galley_buf_printf(&b, " (copy %ld)", i);
			galley_buf_append(&b, t, p->len - (size_t)(t - p->data));
		} else {
			galley_buf_printf(&b, "<!-- copy %ld -->", i);
			galley_buf_append(&b, p->data, p->len);
		}
		char name[64];
		snprintf(name, sizeof name, "pages/%03ld/%07ld.html", i / 1000, i);
		struct archive_entry *e = archive_entry_new();
		archive_entry_set_pathname(e, name);
		archive_entry_set_size(e, (la_int64_t)b.len);
		archive_entry_set_filetype(e, AE_IFREG);
		archive_entry_set_perm(e, 0644);
		archive_write_header(a, e);
		archive_write_data(a, b.data, b.len);
		archive_entry_free(e);
		galley_buf_free(&b);
	}
	archive_write_close(a);
	archive_write_free(a);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 5 && !strcmp(argv[1], "--make-synthetic"))
		return make_synthetic(argv[2], atol(argv[3]), argv[4]);
	const char *galley = NULL, *input = NULL, *label = "input", *jobs_list = "1,2", *which = "all", *tmpdir = "/tmp";
	int repeat = 3;
	bool no_floor = false;
	const char *epub_split = "0"; /* a book holds at most 65,000 articles: split larger sets */
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--galley") && i + 1 < argc)
			galley = argv[++i];
		else if (!strcmp(argv[i], "--input") && i + 1 < argc)
			input = argv[++i];
		else if (!strcmp(argv[i], "--label") && i + 1 < argc)
			label = argv[++i];
		else if (!strcmp(argv[i], "--jobs") && i + 1 < argc)
			jobs_list = argv[++i];
		else if (!strcmp(argv[i], "--repeat") && i + 1 < argc)
			repeat = atoi(argv[++i]);
		else if (!strcmp(argv[i], "--chains") && i + 1 < argc)
			which = argv[++i];
		else if (!strcmp(argv[i], "--tmp") && i + 1 < argc)
			tmpdir = argv[++i];
		else if (!strcmp(argv[i], "--no-floor"))
			no_floor = true;
		else if (!strcmp(argv[i], "--epub-split") && i + 1 < argc)
			epub_split = argv[++i];
		else {
			fprintf(stderr, "usage: galley-bench --galley PATH --input DIR|ARCHIVE [--label NAME] [--jobs 1,2] "
			                "[--repeat N] [--chains all|json|epub] [--tmp DIR]\n");
			return 2;
		}
	}
	if (!galley || !input) {
		fprintf(stderr, "galley-bench: --galley and --input are required\n");
		return 2;
	}
	if (repeat < 1)
		repeat = 1;
	struct stat st;
	if (stat(input, &st) != 0) {
		fprintf(stderr, "galley-bench: %s does not exist\n", input);
		return 2;
	}
	if (S_ISDIR(st.st_mode))
		load_dir(input);
	else
		load_archive(input);
	if (!n_pages) {
		fprintf(stderr, "galley-bench: no .html pages in %s\n", input);
		return 2;
	}
	double mb = (double)total_bytes / 1e6;
	printf("\n## %s: %zu pages, %.1f MB\n\n", label, n_pages, mb);
	printf("| chain | jobs | seconds | pages/s | MB/s | × parse floor | peak RSS MB |\n");
	printf("|---|---:|---:|---:|---:|---:|---:|\n");
	double floor_s = 0;
	if (!no_floor) {
		floor_s = floor_time(repeat);
		printf("| libxml2 htmlReadMemory + free (floor) | 1 | %.3f | %.0f | %.1f | 1.00 | - |\n", floor_s,
		       (double)n_pages / floor_s, mb / floor_s);
	}
	fflush(stdout);
	/* Free the pages before forking: a child's peak RSS would otherwise include ours. */
	for (size_t i = 0; i < n_pages; i++)
		free(pages[i].data);
	free(pages);
	pages = NULL;
	malloc_trim(0);

	char out_json[4096], out_epub[4096];
	snprintf(out_json, sizeof out_json, "%s/galley-bench-%d.jsonl", tmpdir, (int)getpid());
	snprintf(out_epub, sizeof out_epub, "%s/galley-bench-%d.epub", tmpdir, (int)getpid());
	struct {
		const char *name;
		const char *tail;
		const char *group;
	} chains[] = {
		{"read-html (to a null sink)", "! write-json output=/dev/null fields=id", "all"},
		{"read-html ! strip-boilerplate", "! strip-boilerplate ! write-json output=/dev/null fields=id", "all"},
		{"... ! tag-attribution", "! strip-boilerplate ! tag-attribution ! write-json output=/dev/null fields=id", "all"},
		{"... ! write-json", "! strip-boilerplate ! tag-attribution ! write-json output=@JSON@", "json"},
		{"... ! write-epub", "! strip-boilerplate ! tag-attribution ! write-epub output=@EPUB@ title=Bench split=@SPLIT@", "epub"},
	};
	for (size_t c = 0; c < sizeof chains / sizeof *chains; c++) {
		if (strcmp(which, "all") && !strstr(which, chains[c].group))
			continue;
		galley_buf chain = {0};
		galley_buf_printf(&chain, "read-html input=%s ", input);
		const char *t = chains[c].tail;
		const char *at;
		while ((at = strchr(t, '@'))) {
			galley_buf_append(&chain, t, (size_t)(at - t));
			if (!strncmp(at, "@JSON@", 6))
				galley_buf_puts(&chain, out_json), t = at + 6;
			else if (!strncmp(at, "@EPUB@", 6))
				galley_buf_puts(&chain, out_epub), t = at + 6;
			else if (!strncmp(at, "@SPLIT@", 7))
				galley_buf_puts(&chain, epub_split), t = at + 7;
			else
				galley_buf_putc(&chain, '@'), t = at + 1;
		}
		galley_buf_puts(&chain, t);
		char *jl = galley_strdup(jobs_list), *save = NULL;
		for (char *j = strtok_r(jl, ",", &save); j; j = strtok_r(NULL, ",", &save)) {
			int jobs = atoi(j);
			result r = run_galley(galley, jobs, chain.data, repeat);
			if (r.status > 1) {
				printf("| %s | %d | failed (exit %d) | | | | |\n", chains[c].name, jobs, r.status);
				continue;
			}
			char ratio[32] = "-";
			if (floor_s > 0)
				snprintf(ratio, sizeof ratio, "%.2f", r.seconds / floor_s);
			printf("| %s | %d | %.3f | %.0f | %.1f | %s | %.1f |\n", chains[c].name, jobs, r.seconds,
			       (double)n_pages / r.seconds, mb / r.seconds, ratio, (double)r.max_rss_kb / 1024.0);
			fflush(stdout);
		}
		free(jl);
		galley_buf_free(&chain);
	}
	unlink(out_json);
	unlink(out_epub);
	for (int i = 1; i < 100; i++) { /* split=N books: NAME-001.epub, ... */
		char part[4200];
		snprintf(part, sizeof part, "%.*s-%03d.epub", (int)strlen(out_epub) - 5, out_epub, i);
		unlink(part);
	}
	return 0;
}
