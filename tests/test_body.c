/* The body: the XHTML subset, paragraphs and text. */
#include "harness.h"

#include <libxml/xmlsave.h>
#include <stdlib.h>

static char *body_xml(xmlDocPtr doc)
{
	xmlBufferPtr buf = xmlBufferCreate();
	xmlNodeDump(buf, doc, galley_body_root(doc), 0, 0);
	char *s = galley_strdup((const char *)xmlBufferContent(buf));
	xmlBufferFree(buf);
	return s;
}

static void check_sanitized(const char *html, const char *want)
{
	galley_article *a = th_article_html(html);
	xmlDocPtr doc = galley_article_body(a);
	galley_body_sanitize(doc);
	char *got = body_xml(doc);
	ck_assert_msg(!strcmp(got, want), "sanitize(%s)\n got: %s\nwant: %s", html, got, want);
	free(got);
	galley_article_free(a);
}

START_TEST(sanitize_subset)
{
	check_sanitized("<div class=x><p id=a onclick=\"evil()\">Hi <b>there</b></p></div>",
	                "<body><p>Hi <b>there</b></p></body>");
	check_sanitized("<p>a<script>alert(1)</script>b<style>p{}</style></p><!-- c -->",
	                "<body><p>ab</p></body>");
	check_sanitized("<p><a href=\"javascript:alert(1)\">x</a> <a href=\"https://e.org/\" target=_blank>y</a> <a href=\"/rel\">z</a></p>",
	                "<body><p><a>x</a> <a href=\"https://e.org/\">y</a> <a href=\"/rel\">z</a></p></body>");
	check_sanitized("<section>loose <em>text</em><h2>Head</h2>more</section>",
	                "<body><p>loose <em>text</em></p><h2>Head</h2><p>more</p></body>");
	check_sanitized("<figure><img src=\"a.png\" alt=\"A\" width=3><figcaption>Cap</figcaption></figure><img alt=nosrc>",
	                "<body><figure><img src=\"a.png\" alt=\"A\"/><figcaption>Cap</figcaption></figure></body>");
	check_sanitized("<table><tr><td colspan=2 style=x>c</td></tr></table><form><input value=v><button>B</button></form>",
	                "<body><table><tr><td colspan=\"2\">c</td></tr></table></body>");
	check_sanitized("<blockquote data-speaker=\"Ann\" data-x=1 cite=\"https://e.org\"><p>Q</p></blockquote><q data-speaker=B>q</q>",
	                "<body><blockquote data-speaker=\"Ann\" cite=\"https://e.org\"><p>Q</p></blockquote><p><q data-speaker=\"B\">q</q></p></body>");
	check_sanitized("<nav><a href=/>Home</a></nav><svg><text>x</text></svg><iframe src=x></iframe>",
	                "<body><p><a href=\"/\">Home</a></p></body>");
}
END_TEST

START_TEST(sanitize_deep_nesting)
{
	/* built directly: 20,000 nested elements must not exhaust the stack */
	xmlDocPtr doc = galley_body_new();
	xmlNodePtr n = galley_body_root(doc);
	for (int i = 0; i < 20000; i++)
		n = xmlNewChild(n, NULL, BAD_CAST(i % 2 ? "div" : "span"), NULL);
	xmlNodeAddContent(n, BAD_CAST "deep text");
	galley_body_sanitize(doc);
	char *text = galley_body_text(doc);
	th_str_eq(text, "deep text");
	free(text);
	xmlFreeDoc(doc);
}
END_TEST

START_TEST(paragraphs)
{
	galley_article *a = th_article_html(
	    "<h1>Title</h1><p>First  para\n with <a href=x>link</a>.</p>"
	    "<ul><li>one</li><li>two<ul><li>nested</li></ul></li></ul>"
	    "<div>loose<p>inner</p>tail</div>"
	    "<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td> </td><td>3</td></tr></table>"
	    "<pre>code\n  indented</pre><p>line<br>break</p><p>   </p>");
	galley_paragraphs p;
	galley_body_paragraphs(galley_article_body(a), &p);
	const char *want[] = {"Title", "First para with link.", "one", "two", "nested", "loose", "inner", "tail",
	                      "A | B", "1 | 3", "code\n  indented", "line break"};
	ck_assert_uint_eq(p.n, sizeof want / sizeof *want);
	for (size_t i = 0; i < p.n; i++) {
		th_str_eq(p.text[i], want[i]);
		ck_assert_ptr_nonnull(p.node[i]);
	}
	th_str_eq((const char *)p.node[0]->name, "h1");
	th_str_eq((const char *)p.node[5]->name, "div");
	galley_paragraphs_free(&p);
	char *text = galley_body_text(galley_article_body(a));
	ck_assert_msg(!strncmp(text, "Title\n\nFirst para with link.\n\none", 33), "%s", text);
	free(text);
	galley_article_free(a);
}
END_TEST

START_TEST(paragraphs_stable_under_sanitize)
{
	const char *html = "<article><header><h1>T</h1></header><div class=body><p>A <span>b</span></p>text<ul><li>x</li></ul></div></article>";
	galley_article *a = th_article_html(html);
	galley_paragraphs before, after;
	galley_body_paragraphs(galley_article_body(a), &before);
	galley_body_sanitize(galley_article_body(a));
	galley_body_paragraphs(galley_article_body(a), &after);
	ck_assert_uint_eq(before.n, after.n);
	for (size_t i = 0; i < before.n; i++)
		th_str_eq(before.text[i], after.text[i]);
	galley_paragraphs_free(&before);
	galley_paragraphs_free(&after);
	galley_article_free(a);
}
END_TEST

START_TEST(empty_body)
{
	xmlDocPtr doc = galley_body_new();
	char *text = galley_body_text(doc);
	th_str_eq(text, "");
	free(text);
	galley_body_sanitize(doc);
	xmlFreeDoc(doc);
	ck_assert_ptr_null(galley_body_root(NULL));
	text = galley_body_text(NULL);
	th_str_eq(text, "");
	free(text);
}
END_TEST

/* Document order inside a subtree, with and without a node's children. */
START_TEST(node_walk)
{
	galley_article *a = th_article_html("<div><p>A<b>B</b></p><p>C</p></div><p>D</p>");
	xmlNodePtr root = galley_body_root(galley_article_body(a));
	galley_buf seen = {0};
	for (xmlNodePtr n = root; n; n = galley_node_next(n, root, true))
		if (n->type == XML_TEXT_NODE)
			galley_buf_puts(&seen, (const char *)n->content);
	galley_buf_puts(&seen, "");
	th_str_eq(seen.data, "ABCD");
	/* without descending, the first p's text is skipped; the walk stays inside the div */
	xmlNodePtr div = root->children, p1 = div->children;
	ck_assert_ptr_eq(galley_node_next(p1, div, false), p1->next);
	ck_assert_ptr_null(galley_node_next(p1->next, div, false));
	ck_assert_ptr_null(galley_node_next(NULL, root, true));
	galley_buf_free(&seen);
	galley_article_free(a);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("body");
	TCase *tc = tcase_create("body");
	tcase_add_test(tc, sanitize_subset);
	tcase_add_test(tc, sanitize_deep_nesting);
	tcase_add_test(tc, paragraphs);
	tcase_add_test(tc, paragraphs_stable_under_sanitize);
	tcase_add_test(tc, empty_body);
	tcase_add_test(tc, node_walk);
	suite_add_tcase(s, tc);
	return th_run(s);
}
