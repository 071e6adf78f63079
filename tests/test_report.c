/* Report: ecosys_summary_render() in text, Markdown and JSON on small
 * hand-made graphs. JSON output is parsed back with json-glib. Expected
 * values are hand-computed; each says how. */
#include "test_support.h"

#include <json-glib/json-glib.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A star around "hub": hub-alpha (weight 2), hub-beta (1), hub-gamma (1).
 * Sectors: hub and alpha "core", beta and gamma "edge"; a free attribute
 * "scope": hub "local", the others "regional". With @p isolate a fifth
 * actor "delta" (sector "edge") has no tie. */
static ecosys_dataset *star_dataset(int isolate)
{
    static const char *const ids[] = {"hub", "alpha", "beta", "gamma", "delta"};
    static const char *const names[] = {"Hub | centre", "Alpha", "Beta", "Gamma", "Delta"};
    static const char *const sectors[] = {"core", "core", "edge", "edge", "edge"};
    ecosys_dataset *ds = NULL;
    assert_ok(ecosys_dataset_new(&ds, 0));
    size_t scope;
    assert_ok(ecosys_dataset_add_attribute(&scope, ds, ECOSYS_TABLE_ACTORS, "scope"));
    for (size_t i = 0; i < (isolate ? 5u : 4u); i++) {
        ecosys_actor_info actor = {ids[i], names[i], sectors[i], "", ""};
        assert_ok(ecosys_dataset_add_actor(NULL, ds, &actor));
        assert_ok(ecosys_dataset_set_attribute(ds, ECOSYS_TABLE_ACTORS, i, scope,
                                               i == 0 ? "local" : "regional"));
    }
    const double weights[] = {2.0, 1.0, 1.0};
    for (size_t leaf = 1; leaf <= 3; leaf++) {
        ecosys_tie_info tie = {0, leaf, weights[leaf - 1], "project", "", "", ""};
        assert_ok(ecosys_dataset_add_tie(NULL, ds, &tie));
    }
    return ds;
}

typedef struct fixture {
    ecosys_dataset *ds;
    ecosys_graph *graph;
} fixture;

static fixture star(int isolate)
{
    fixture f = {star_dataset(isolate), NULL};
    assert_ok(ecosys_graph_new(&f.graph, f.ds, NULL));
    return f;
}

static void fixture_free(fixture *f)
{
    ecosys_graph_free(f->graph);
    ecosys_dataset_free(f->ds);
}

static char *render(const ecosys_graph *graph, ecosys_report_format format, unsigned int flags,
                    const char *group, size_t top)
{
    ecosys_summary_options o = ECOSYS_SUMMARY_OPTIONS_INIT;
    o.format = format;
    o.flags = flags;
    o.group = group;
    o.top = top;
    o.title = "Star";
    char *text = NULL;
    size_t length = 0;
    assert_ok(ecosys_summary_render(&text, &length, graph, &o));
    assert_non_null(text);
    assert_int_equal(length, strlen(text));
    assert_true(length > 0 && text[length - 1] == '\n');
    return text;
}

/* ---- JSON helpers --------------------------------------------------- */

/* Skips digits; fails unless there is at least one. */
static const char *strict_digits(const char *p, const char *text)
{
    if (!(*p >= '0' && *p <= '9'))
        fail_msg("not an RFC 8259 number at byte %zu:\n%s", (size_t) (p - text), text);
    while (*p >= '0' && *p <= '9')
        p++;
    return p;
}

/* What json-glib's parser lets through but RFC 8259 forbids, in the forms
 * a writer could produce: a number such as 1e-300.0, 01, 1. or .5, and a
 * control character inside a string. */
static void assert_strict_json(const char *text)
{
    for (const char *p = text; *p;) {
        if (*p == '"') {
            for (p++; *p && *p != '"'; p++) {
                if ((unsigned char) *p < 0x20)
                    fail_msg("raw control character in a string at byte %zu", (size_t) (p - text));
                if (*p == '\\' && p[1])
                    p++;
            }
            if (*p)
                p++;
        } else if (*p == '-' || *p == '.' || (*p >= '0' && *p <= '9')) {
            if (*p == '-')
                p++;
            p = *p == '0' ? p + 1 : strict_digits(p, text);
            if (*p == '.')
                p = strict_digits(p + 1, text);
            if (*p == 'e' || *p == 'E') {
                p++;
                if (*p == '+' || *p == '-')
                    p++;
                p = strict_digits(p, text);
            }
            if (*p != ',' && *p != '\n' && *p != ' ' && *p != '}' && *p != ']')
                fail_msg("not an RFC 8259 number at byte %zu:\n%s", (size_t) (p - text), text);
        } else {
            p++;
        }
    }
}

static JsonParser *parse_json(const char *text)
{
    assert_strict_json(text);
    JsonParser *parser = json_parser_new();
    GError *error = NULL;
    if (!json_parser_load_from_data(parser, text, -1, &error))
        fail_msg("summary JSON does not parse: %s\n%s", error->message, text);
    return parser;
}

static JsonObject *member_object(JsonObject *o, const char *name)
{
    assert_true(json_object_has_member(o, name));
    return json_object_get_object_member(o, name);
}

static double number(JsonObject *o, const char *name)
{
    assert_true(json_object_has_member(o, name));
    JsonNode *node = json_object_get_member(o, name);
    if (JSON_NODE_HOLDS_NULL(node))
        return NAN;
    assert_true(JSON_NODE_HOLDS_VALUE(node));
    return json_node_get_double(node);
}

static int is_null(JsonObject *o, const char *name)
{
    assert_true(json_object_has_member(o, name));
    return JSON_NODE_HOLDS_NULL(json_object_get_member(o, name));
}

static JsonObject *array_object(JsonObject *o, const char *array, guint index)
{
    assert_true(json_object_has_member(o, array));
    JsonArray *a = json_object_get_array_member(o, array);
    assert_true(index < json_array_get_length(a));
    return json_array_get_object_element(a, index);
}

/* Returns the position of needle in text, failing if absent. */
static const char *after(const char *text, const char *needle)
{
    const char *p = strstr(text, needle);
    if (!p)
        fail_msg("\"%s\" not found in:\n%s", needle, text);
    return p;
}

/* ---- options and arguments ------------------------------------------ */

static void options_init_and_versions(void **state)
{
    (void) state;
    ecosys_summary_options o;
    memset(&o, 0xff, sizeof o);
    assert_ok(ecosys_summary_options_init(&o, ECOSYS_SUMMARY_OPTIONS_VERSION));
    assert_int_equal(o.version, ECOSYS_SUMMARY_OPTIONS_VERSION);
    assert_int_equal(o.format, ECOSYS_REPORT_TEXT);
    assert_null(o.group);
    assert_int_equal(o.top, 0);
    assert_null(o.title);
    assert_int_equal(o.flags, 0);
    assert_null(o.graph_options);
    assert_int_equal(o.seed, ECOSYS_SUMMARY_DEFAULT_SEED);
    assert_int_equal(o.replicates, 0);
    assert_int_equal(o.communities, ECOSYS_SUMMARY_COMMUNITIES_LEIDEN);
    assert_int_equal(o.skip_across_groups, 0);
    assert_int_equal(ecosys_summary_options_init(&o, 999), ECOSYS_EINVAL);
    assert_int_equal(ecosys_summary_options_init(NULL, ECOSYS_SUMMARY_OPTIONS_VERSION),
                     ECOSYS_EINVAL);

    fixture f = star(0);
    char *text = (char *) 1;
    o.version = 999;
    assert_int_equal(ecosys_summary_render(&text, NULL, f.graph, &o), ECOSYS_EINVAL);
    assert_null(text);
    assert_non_null(strstr(ecosys_error_last()->message, "version"));
    fixture_free(&f);
}

static void null_and_bad_arguments(void **state)
{
    (void) state;
    fixture f = star(0);
    char *text = NULL;
    size_t length = 7;
    assert_int_equal(ecosys_summary_render(NULL, NULL, f.graph, NULL), ECOSYS_EINVAL);
    assert_int_equal(ecosys_summary_render(&text, &length, NULL, NULL), ECOSYS_EINVAL);
    assert_null(text);
    assert_int_equal(length, 0);

    ecosys_summary_options o = ECOSYS_SUMMARY_OPTIONS_INIT;
    o.format = (ecosys_report_format) 7;
    assert_int_equal(ecosys_summary_render(&text, NULL, f.graph, &o), ECOSYS_EINVAL);
    o.format = ECOSYS_REPORT_TEXT;
    o.flags = ECOSYS_NORMALIZED;
    assert_int_equal(ecosys_summary_render(&text, NULL, f.graph, &o), ECOSYS_EINVAL);
    assert_null(text);
    /* Only ECOSYS_WEIGHTED and ECOSYS_NO_PATHS are accepted, alone or together. */
    const unsigned int refused[] = {ECOSYS_NO_PATHS | ECOSYS_NORMALIZED,
                                    ECOSYS_WEIGHTED | ECOSYS_NO_PATHS | ECOSYS_MODE_OUT,
                                    ECOSYS_MODE_ALL, 1u << 5, 1u << 31};
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        o.flags = refused[i];
        assert_int_equal(ecosys_summary_render(&text, NULL, f.graph, &o), ECOSYS_EINVAL);
        assert_null(text);
        assert_non_null(strstr(ecosys_error_last()->message, "ECOSYS_NO_PATHS"));
    }
    o.flags = ECOSYS_WEIGHTED | ECOSYS_NO_PATHS;
    assert_ok(ecosys_summary_render(&text, NULL, f.graph, &o));
    ecosys_string_free(text);
    text = NULL;
    o.flags = 0;

    /* NULL options: defaults (text, group "sector", top 5). */
    assert_ok(ecosys_summary_render(&text, NULL, f.graph, NULL));
    assert_non_null(strstr(text, "Network summary"));
    assert_non_null(strstr(text, "Groups by sector"));
    ecosys_string_free(text);
    ecosys_string_free(NULL);
    fixture_free(&f);
}

static void unknown_group_lists_attributes(void **state)
{
    (void) state;
    fixture f = star(0);
    ecosys_summary_options o = ECOSYS_SUMMARY_OPTIONS_INIT;
    o.group = "colour";
    char *text = NULL;
    assert_int_equal(ecosys_summary_render(&text, NULL, f.graph, &o), ECOSYS_EINVAL);
    assert_null(text);
    const ecosys_error *e = ecosys_error_last();
    assert_int_equal(e->code, ECOSYS_EINVAL);
    assert_string_equal(e->message, "no actor attribute \"colour\"; available: id, name, "
                                    "sector, territory, axes, scope");
    o.group = "";
    assert_int_equal(ecosys_summary_render(&text, NULL, f.graph, &o), ECOSYS_EINVAL);
    fixture_free(&f);
}

/* ---- JSON --------------------------------------------------------------- */

/* Star of 4, hops. Hand computation:
 * degree hub 3, leaves 1; strength hub 2+1+1 = 4, alpha 2, beta 1, gamma 1;
 * betweenness hub 3 (the 3 leaf pairs pass through it), normalised
 * 3 / (3*2/2) = 1; closeness hub 3/(1+1+1) = 1, leaf 3/(1+2+2) = 0.6;
 * harmonic hub (1+1+1)/3 = 1, leaf (1+1/2+1/2)/3 = 2/3; eigenvector hub 1,
 * leaf 1/sqrt(3); PageRank: p_leaf = 0.15/4 + 0.85 p_hub/3 and
 * p_hub = 0.15/4 + 0.85 * 3 p_leaf give p_hub = 0.133125/0.2775; local
 * clustering 0; core number 1. Graph: density 3/6, diameter 2, mean
 * distance (3*1 + 3*2)/6 = 1.5, transitivity 0 (3 triples, no triangle),
 * degree centralization (3*(3-1)) / ((4-1)(4-2)) = 1, one articulation
 * point, 3 bridges. Groups: core {hub, alpha}: 1 tie inside (weight 2),
 * 2 to edge (weight 2), mean degree (3+1)/2 = 2; edge {beta, gamma}: 0
 * inside, 2 outside, mean degree 1. */
static void json_star_values(void **state)
{
    (void) state;
    fixture f = star(0);
    char *text = render(f.graph, ECOSYS_REPORT_JSON, 0, NULL, 0);
    JsonParser *parser = parse_json(text);
    JsonObject *root = json_node_get_object(json_parser_get_root(parser));

    assert_string_equal(json_object_get_string_member(root, "libecosys_version"),
                        ecosys_version());
    assert_string_equal(json_object_get_string_member(root, "schema"), "ecosys-summary");
    assert_int_equal(json_object_get_int_member(root, "schema_version"), 2);
    JsonObject *dataset = member_object(root, "dataset");
    assert_string_equal(json_object_get_string_member(dataset, "title"), "Star");
    assert_int_equal(json_object_get_int_member(dataset, "tie_count"), 3);

    JsonObject *options = member_object(root, "options");
    assert_string_equal(json_object_get_string_member(options, "group"), "sector");
    assert_false(json_object_get_boolean_member(options, "weighted"));
    assert_int_equal(json_object_get_int_member(options, "top"), 5);
    assert_close(number(options, "pagerank_damping"), 0.85, 0.0);
    assert_true(is_null(options, "snapshot"));

    JsonObject *uses = member_object(root, "uses_weights");
    assert_true(json_object_get_boolean_member(uses, "strength"));
    assert_false(json_object_get_boolean_member(uses, "closeness"));
    assert_false(json_object_get_boolean_member(uses, "distances"));

    JsonObject *graph = member_object(root, "graph");
    assert_int_equal(json_object_get_int_member(graph, "actor_count"), 4);
    assert_int_equal(json_object_get_int_member(graph, "tie_count"), 3);
    assert_false(json_object_get_boolean_member(graph, "directed"));
    assert_false(json_object_get_boolean_member(graph, "weighted"));
    assert_close(number(graph, "density"), 0.5, 1e-12);
    assert_int_equal(json_object_get_int_member(graph, "component_count"), 1);
    assert_int_equal(json_object_get_int_member(graph, "largest_component_size"), 4);
    assert_close(number(graph, "diameter"), 2.0, 1e-12);
    assert_close(number(graph, "mean_distance"), 1.5, 1e-12);
    assert_close(number(graph, "transitivity"), 0.0, 1e-12);
    assert_close(number(graph, "mean_local_clustering"), 0.0, 1e-12);
    assert_close(number(graph, "degree_centralization"), 1.0, 1e-12);
    assert_int_equal(json_object_get_int_member(graph, "articulation_point_count"), 1);
    assert_int_equal(json_object_get_int_member(graph, "bridge_count"), 3);
    assert_int_equal(json_object_get_int_member(graph, "ties_in_dataset"), 3);
    assert_int_equal(json_object_get_int_member(graph, "merged_ties"), 0);

    JsonArray *actors = json_object_get_array_member(root, "actors");
    assert_int_equal(json_array_get_length(actors), 4);
    JsonObject *hub = array_object(root, "actors", 0);
    assert_string_equal(json_object_get_string_member(hub, "id"), "hub");
    assert_string_equal(json_object_get_string_member(hub, "name"), "Hub | centre");
    assert_string_equal(json_object_get_string_member(hub, "group"), "core");
    assert_int_equal(json_object_get_int_member(hub, "degree"), 3);
    assert_close(number(hub, "strength"), 4.0, 1e-12);
    assert_close(number(hub, "betweenness"), 3.0, 1e-12);
    assert_close(number(hub, "betweenness_normalized"), 1.0, 1e-12);
    assert_close(number(hub, "closeness"), 1.0, 1e-12);
    assert_close(number(hub, "harmonic"), 1.0, 1e-12);
    assert_close(number(hub, "eigenvector"), 1.0, 1e-9);
    assert_close(number(hub, "pagerank"), 0.133125 / 0.2775, 1e-6);
    assert_close(number(hub, "local_clustering"), 0.0, 1e-12);
    assert_int_equal(json_object_get_int_member(hub, "core_number"), 1);
    assert_int_equal(json_object_get_int_member(hub, "component"), 0);

    JsonObject *alpha = array_object(root, "actors", 1);
    assert_string_equal(json_object_get_string_member(alpha, "id"), "alpha");
    assert_int_equal(json_object_get_int_member(alpha, "degree"), 1);
    assert_close(number(alpha, "strength"), 2.0, 1e-12);
    assert_close(number(alpha, "betweenness"), 0.0, 1e-12);
    assert_close(number(alpha, "closeness"), 0.6, 1e-12);
    assert_close(number(alpha, "harmonic"), 2.0 / 3.0, 1e-12);
    assert_close(number(alpha, "eigenvector"), 1.0 / sqrt(3.0), 1e-6);
    assert_close(number(alpha, "pagerank"), (1.0 - 0.133125 / 0.2775) / 3.0, 1e-6);
    JsonObject *gamma = array_object(root, "actors", 3);
    assert_string_equal(json_object_get_string_member(gamma, "id"), "gamma");
    assert_string_equal(json_object_get_string_member(gamma, "group"), "edge");

    assert_int_equal(json_array_get_length(json_object_get_array_member(root, "groups")), 2);
    JsonObject *core = array_object(root, "groups", 0);
    assert_string_equal(json_object_get_string_member(core, "value"), "core");
    assert_int_equal(json_object_get_int_member(core, "actor_count"), 2);
    assert_int_equal(json_object_get_int_member(core, "internal_ties"), 1);
    assert_int_equal(json_object_get_int_member(core, "external_ties"), 2);
    assert_close(number(core, "internal_weight"), 2.0, 0.0);
    assert_close(number(core, "external_weight"), 2.0, 0.0);
    assert_close(number(core, "mean_degree"), 2.0, 1e-12);
    JsonObject *edge = array_object(root, "groups", 1);
    assert_string_equal(json_object_get_string_member(edge, "value"), "edge");
    assert_int_equal(json_object_get_int_member(edge, "internal_ties"), 0);
    assert_int_equal(json_object_get_int_member(edge, "external_ties"), 2);
    assert_close(number(edge, "mean_degree"), 1.0, 1e-12);

    g_object_unref(parser);
    ecosys_string_free(text);
    fixture_free(&f);
}

/* Weighted paths: lengths 1/weight, so hub-alpha is 0.5 long. Closeness
 * of hub 3/(0.5+1+1) = 1.2; of alpha 3/(0.5+1.5+1.5) = 6/7. */
static void json_weighted(void **state)
{
    (void) state;
    fixture f = star(0);
    char *text = render(f.graph, ECOSYS_REPORT_JSON, ECOSYS_WEIGHTED, NULL, 0);
    JsonParser *parser = parse_json(text);
    JsonObject *root = json_node_get_object(json_parser_get_root(parser));
    assert_true(json_object_get_boolean_member(member_object(root, "options"), "weighted"));
    JsonObject *uses = member_object(root, "uses_weights");
    assert_true(json_object_get_boolean_member(uses, "closeness"));
    assert_true(json_object_get_boolean_member(uses, "pagerank"));
    assert_false(json_object_get_boolean_member(uses, "degree"));
    assert_false(json_object_get_boolean_member(uses, "centralization"));
    assert_true(json_object_get_boolean_member(member_object(root, "graph"), "weighted"));
    assert_close(number(array_object(root, "actors", 0), "closeness"), 1.2, 1e-12);
    assert_close(number(array_object(root, "actors", 1), "closeness"), 6.0 / 7.0, 1e-12);
    g_object_unref(parser);
    ecosys_string_free(text);
    fixture_free(&f);
}

/* An isolate has NaN closeness: written as null. A single tie has no
 * connected triple: transitivity NaN, null. */
static void json_nan_is_null(void **state)
{
    (void) state;
    fixture f = star(1);
    char *text = render(f.graph, ECOSYS_REPORT_JSON, 0, NULL, 0);
    assert_null(strstr(text, "nan"));
    JsonParser *parser = parse_json(text);
    JsonObject *root = json_node_get_object(json_parser_get_root(parser));
    JsonObject *delta = array_object(root, "actors", 4);
    assert_string_equal(json_object_get_string_member(delta, "id"), "delta");
    assert_true(is_null(delta, "closeness"));
    assert_close(number(delta, "harmonic"), 0.0, 0.0);
    assert_int_equal(json_object_get_int_member(delta, "component"), 1);
    /* n = 5: normalised betweenness 3 / (4*3/2), harmonic of hub 3/4. */
    assert_close(number(array_object(root, "actors", 0), "betweenness_normalized"), 0.5, 1e-12);
    assert_close(number(array_object(root, "actors", 0), "harmonic"), 0.75, 1e-12);
    JsonObject *graph = member_object(root, "graph");
    assert_int_equal(json_object_get_int_member(graph, "component_count"), 2);
    assert_int_equal(json_object_get_int_member(graph, "isolate_count"), 1);
    g_object_unref(parser);
    ecosys_string_free(text);

    ecosys_dataset *ds = NULL;
    const size_t edges[][2] = {{0, 1}};
    ecosys_graph *g = ecosys_test_graph(&ds, 2, edges, 1, NULL, 0);
    text = render(g, ECOSYS_REPORT_JSON, 0, "id", 0);
    parser = parse_json(text);
    root = json_node_get_object(json_parser_get_root(parser));
    assert_true(is_null(member_object(root, "graph"), "transitivity"));
    assert_int_equal(json_array_get_length(json_object_get_array_member(root, "groups")), 2);
    g_object_unref(parser);
    ecosys_string_free(text);
    char *plain = render(g, ECOSYS_REPORT_TEXT, 0, NULL, 0);
    assert_non_null(strstr(plain, "n/a"));
    ecosys_string_free(plain);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
    fixture_free(&f);
}

/* ECOSYS_NO_PATHS on the star with an isolate (delta), hops and weighted:
 * betweenness (raw and normalised), closeness and harmonic of every actor
 * are null, and so are the graph's diameter, mean distance and betweenness
 * and closeness centralizations; every other member is the same as in the
 * full run (the same JSON text, floats compared to 1e-9 for eigenvector's
 * and PageRank's last bits). options.paths says which run it was. */
static void json_no_paths(void **state)
{
    (void) state;
    static const char *const path_actor[] = {"betweenness", "betweenness_normalized",
                                             "closeness", "harmonic"};
    static const char *const path_graph[] = {"diameter", "mean_distance",
                                             "betweenness_centralization",
                                             "closeness_centralization"};
    fixture f = star(1);
    for (int weighted = 0; weighted <= 1; weighted++) {
        unsigned int w = weighted ? ECOSYS_WEIGHTED : 0u;
        char *full_text = render(f.graph, ECOSYS_REPORT_JSON, w, NULL, 0);
        char *fast_text = render(f.graph, ECOSYS_REPORT_JSON, w | ECOSYS_NO_PATHS, NULL, 0);
        assert_null(strstr(fast_text, "nan"));
        JsonParser *full_parser = parse_json(full_text), *fast_parser = parse_json(fast_text);
        JsonObject *full = json_node_get_object(json_parser_get_root(full_parser));
        JsonObject *fast = json_node_get_object(json_parser_get_root(fast_parser));

        JsonObject *full_options = member_object(full, "options");
        JsonObject *fast_options = member_object(fast, "options");
        assert_true(json_object_get_boolean_member(full_options, "paths"));
        assert_false(json_object_get_boolean_member(fast_options, "paths"));
        assert_int_equal(json_object_get_boolean_member(fast_options, "weighted"), weighted);

        /* uses_weights: same semantics whether the paths were computed. */
        JsonObject *full_uses = member_object(full, "uses_weights");
        JsonObject *fast_uses = member_object(fast, "uses_weights");
        assert_int_equal(json_object_get_size(full_uses), json_object_get_size(fast_uses));
        GList *names = json_object_get_members(full_uses);
        for (GList *n = names; n; n = n->next)
            assert_int_equal(json_object_get_boolean_member(full_uses, n->data),
                             json_object_get_boolean_member(fast_uses, n->data));
        g_list_free(names);

        JsonObject *full_graph = member_object(full, "graph");
        JsonObject *fast_graph = member_object(fast, "graph");
        assert_int_equal(json_object_get_size(full_graph), json_object_get_size(fast_graph));
        for (size_t i = 0; i < 4; i++) {
            assert_true(is_null(fast_graph, path_graph[i]));
            if (i < 2) /* defined on the star: 2 and 1.5 hops */
                assert_false(is_null(full_graph, path_graph[i]));
        }
        names = json_object_get_members(full_graph);
        for (GList *n = names; n; n = n->next) {
            int path = 0;
            for (size_t i = 0; i < 4; i++)
                path |= strcmp(n->data, path_graph[i]) == 0;
            if (path)
                continue;
            double a = number(full_graph, n->data), b = number(fast_graph, n->data);
            if (isnan(a))
                assert_true(isnan(b));
            else
                assert_close(b, a, 1e-9 * fabs(a) + 1e-12);
        }
        g_list_free(names);
        assert_int_equal(json_object_get_int_member(fast_graph, "bridge_count"), 3);
        assert_close(number(fast_graph, "degree_centralization"),
                     number(full_graph, "degree_centralization"), 0.0);

        JsonArray *full_actors = json_object_get_array_member(full, "actors");
        JsonArray *fast_actors = json_object_get_array_member(fast, "actors");
        assert_int_equal(json_array_get_length(fast_actors), 5);
        assert_int_equal(json_array_get_length(full_actors), 5);
        for (guint v = 0; v < 5; v++) {
            JsonObject *a = json_array_get_object_element(full_actors, v);
            JsonObject *b = json_array_get_object_element(fast_actors, v);
            assert_int_equal(json_object_get_size(a), json_object_get_size(b));
            for (size_t i = 0; i < 4; i++) {
                assert_true(is_null(b, path_actor[i]));
                if (strcmp(path_actor[i], "closeness") != 0) /* delta's closeness is null */
                    assert_false(is_null(a, path_actor[i]));
            }
            assert_string_equal(json_object_get_string_member(a, "id"),
                                json_object_get_string_member(b, "id"));
            assert_string_equal(json_object_get_string_member(a, "group"),
                                json_object_get_string_member(b, "group"));
            static const char *const same[] = {"degree", "strength", "eigenvector",
                                               "pagerank", "local_clustering",
                                               "core_number", "component"};
            for (size_t i = 0; i < sizeof same / sizeof same[0]; i++) {
                double x = number(a, same[i]), y = number(b, same[i]);
                assert_false(isnan(x));
                assert_close(y, x, 1e-9 * fabs(x) + 1e-12);
            }
        }
        /* Hand values still hold: hub degree 3, strength 2 + 1 + 1. */
        assert_int_equal(json_object_get_int_member(array_object(fast, "actors", 0), "degree"),
                         3);
        assert_close(number(array_object(fast, "actors", 0), "strength"), 4.0, 0.0);

        /* Groups are the same text: compare the whole arrays' members. */
        JsonArray *full_groups = json_object_get_array_member(full, "groups");
        JsonArray *fast_groups = json_object_get_array_member(fast, "groups");
        assert_int_equal(json_array_get_length(full_groups), json_array_get_length(fast_groups));
        const char *groups_full = after(full_text, "\"groups\"");
        const char *groups_fast = after(fast_text, "\"groups\"");
        assert_string_equal(groups_full, groups_fast);

        g_object_unref(full_parser);
        g_object_unref(fast_parser);
        ecosys_string_free(full_text);
        ecosys_string_free(fast_text);
    }
    fixture_free(&f);
}

/* Numbers are written with the shortest text that reads back exactly, and
 * always as valid JSON: json-glib 1.6 wrote 1e-300 as "1e-300.0" and 0.85 as
 * 0.84999999999999998. Path a-b-c-d with weights 1e-300, 1e20, 0.85:
 * strengths a 1e-300, b 1e20 + 1e-300 = 1e20, c 1e20 + 0.85 = 1e20 (in
 * doubles), d 0.85. A whole number keeps a decimal point (diameter 3.0). */
static void json_number_text(void **state)
{
    (void) state;
    ecosys_dataset *ds = NULL;
    const size_t edges[][2] = {{0, 1}, {1, 2}, {2, 3}};
    const double weights[] = {1e-300, 1e20, 0.85};
    ecosys_graph *g = ecosys_test_graph(&ds, 4, edges, 3, weights, 0);
    char *text = render(g, ECOSYS_REPORT_JSON, 0, NULL, 0);
    JsonParser *parser = parse_json(text);
    JsonObject *root = json_node_get_object(json_parser_get_root(parser));
    assert_close(number(array_object(root, "actors", 0), "strength"), 1e-300, 0.0);
    assert_close(number(array_object(root, "actors", 2), "strength"), 1e20, 0.0);
    g_object_unref(parser);
    const char *a = after(text, "\"strength\" : 1e-300,\n");
    const char *b = after(a + 1, "\"strength\" : 1e+20,\n");
    const char *c = after(b + 1, "\"strength\" : 1e+20,\n");
    after(c + 1, "\"strength\" : 0.85,\n");
    after(text, "\"pagerank_damping\" : 0.85,\n");
    after(text, "\"diameter\" : 3.0,\n");
    ecosys_string_free(text);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

/* The snapshot and filters given as graph options appear in every format;
 * the graph's bookkeeping too. */
static void snapshot_and_bookkeeping(void **state)
{
    (void) state;
    ecosys_dataset *ds = star_dataset(0);
    /* A repeated tie, a self-tie and a zero-weight tie, all set aside. */
    ecosys_tie_info repeat = {0, 1, 1.0, "funding", "", "", ""};
    ecosys_tie_info self = {2, 2, 1.0, "", "", "", ""};
    ecosys_tie_info zero = {2, 3, 0.0, "", "", "", ""};
    assert_ok(ecosys_dataset_add_tie(NULL, ds, &repeat));
    assert_ok(ecosys_dataset_add_tie(NULL, ds, &self));
    assert_ok(ecosys_dataset_add_tie(NULL, ds, &zero));
    ecosys_graph_options go = ECOSYS_GRAPH_OPTIONS_INIT;
    go.at = "2020";
    ecosys_graph *g = NULL;
    assert_ok(ecosys_graph_new(&g, ds, &go));

    ecosys_summary_options o = ECOSYS_SUMMARY_OPTIONS_INIT;
    o.graph_options = &go;
    char *text = NULL;
    assert_ok(ecosys_summary_render(&text, NULL, g, &o));
    assert_non_null(strstr(text, "ties active on 2020"));
    assert_non_null(strstr(text, "6 in the dataset"));
    assert_non_null(strstr(text, "1 of weight 0"));
    assert_non_null(strstr(text, "1 self-ties ignored"));
    assert_non_null(strstr(text, "1 repeated ties merged"));
    assert_non_null(strstr(text, "count hops"));
    ecosys_string_free(text);

    o.format = ECOSYS_REPORT_JSON;
    assert_ok(ecosys_summary_render(&text, NULL, g, &o));
    JsonParser *parser = parse_json(text);
    JsonObject *root = json_node_get_object(json_parser_get_root(parser));
    JsonObject *snapshot = member_object(member_object(root, "options"), "snapshot");
    assert_string_equal(json_object_get_string_member(snapshot, "at"), "2020");
    assert_true(is_null(snapshot, "from"));
    assert_string_equal(json_object_get_string_member(snapshot, "direction"), "as_dataset");
    JsonObject *graph = member_object(root, "graph");
    assert_int_equal(json_object_get_int_member(graph, "ties_in_dataset"), 6);
    assert_int_equal(json_object_get_int_member(graph, "zero_weight_ties"), 1);
    assert_int_equal(json_object_get_int_member(graph, "self_ties"), 1);
    assert_int_equal(json_object_get_int_member(graph, "merged_ties"), 1);
    /* The repeated tie adds its weight: alpha's strength is 2 + 1. */
    assert_close(number(array_object(root, "actors", 1), "strength"), 3.0, 1e-12);
    g_object_unref(parser);
    ecosys_string_free(text);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

/* ---- text and Markdown -------------------------------------------------- */

/* Fails unless some line of text, split on spaces, is exactly the words of
 * @p row (so that column widths do not matter). Returns that line. */
static const char *assert_row(const char *text, const char *row)
{
    gchar **want = g_strsplit_set(row, " ", -1);
    gchar **lines = g_strsplit(text, "\n", -1);
    const char *found = NULL;
    for (gchar **line = lines; *line && !found; line++) {
        gchar **words = g_strsplit_set(g_strstrip(*line), " ", -1);
        gchar **w = words, **x = want;
        for (;;) {
            while (*w && !**w)
                w++;
            while (*x && !**x)
                x++;
            if (!*w || !*x || strcmp(*w, *x) != 0)
                break;
            w++;
            x++;
        }
        if (!*w && !*x)
            found = strstr(text, words[0]);
        g_strfreev(words);
    }
    g_strfreev(lines);
    g_strfreev(want);
    if (!found)
        fail_msg("no row \"%s\" in:\n%s", row, text);
    return found;
}

static void text_star(void **state)
{
    (void) state;
    fixture f = star(0);
    char *text = render(f.graph, ECOSYS_REPORT_TEXT, 0, NULL, 2);
    after(text, "Star\n====\n");
    after(text, "Network: 4 actors, 3 ties, undirected");
    after(text, "Snapshot: not stated");
    after(text, "Most central actors (top 2)");
    /* Degree: hub 3 first; the leaves tie at 1 and alpha comes first (input
     * order); top 2 leaves beta out. */
    const char *degree = after(text, "\nDegree\n");
    const char *strength = after(degree, "\nStrength\n");
    assert_row(degree, "# actor id degree");
    const char *hub = after(degree, "  1  Hub | centre  hub  ");
    assert_row(hub, "1 Hub | centre hub 3");
    const char *alpha = after(hub, "  2  Alpha ");
    assert_row(alpha, "2 Alpha alpha 1");
    assert_true(alpha < strength);
    const char *beta = strstr(degree, "Beta");
    assert_true(beta == NULL || beta > strength);
    /* Strength: whole sums shown as whole numbers. */
    assert_row(strength, "1 Hub | centre hub 4");
    /* Betweenness normalised, with its one-line meaning; 1 shown as 1.000. */
    const char *betweenness = after(text, "\nBetweenness (normalised)\n");
    after(betweenness, "How often an actor lies on the shortest paths between others: a "
                       "broker");
    assert_row(betweenness, "1 Hub | centre hub 1.000");
    assert_row(after(text, "\nCloseness\n"), "2 Alpha alpha 0.6000");
    assert_row(after(text, "\nHarmonic closeness\n"), "2 Alpha alpha 0.6667");
    assert_row(text, "Density 0.5000 share of the possible ties that exist");
    assert_row(text, "Diameter 2 longest shortest path in the largest");
    assert_row(text, "Bridges 3 ties whose loss would split the network");
    /* Groups by sector: core 2 actors, 1 tie inside, 2 outside, mean 2. */
    const char *groups = after(text, "Groups by sector\n----------------\n");
    assert_row(groups, "sector actors ties inside ties to other groups mean degree");
    assert_row(groups, "core 2 1 2 2.000");
    assert_row(groups, "edge 2 0 2 1.000");
    after(text, "Computed by libecosys ");
    ecosys_string_free(text);

    /* Grouping by a free attribute. */
    text = render(f.graph, ECOSYS_REPORT_TEXT, 0, "scope", 0);
    groups = after(text, "Groups by scope");
    after(groups, "local");
    after(groups, "regional");
    ecosys_string_free(text);
    fixture_free(&f);
}

static void text_weighted_says_so(void **state)
{
    (void) state;
    fixture f = star(0);
    char *text = render(f.graph, ECOSYS_REPORT_TEXT, ECOSYS_WEIGHTED, NULL, 0);
    after(text, "Weights: used.");
    after(text, "Weighted paths: a tie's length is 1/weight");
    ecosys_string_free(text);
    text = render(f.graph, ECOSYS_REPORT_MARKDOWN, 0, NULL, 0);
    after(text, "- **Weights:** not used for paths");
    after(text, "Paths counted in hops, weights not used.");
    ecosys_string_free(text);
    fixture_free(&f);
}

static void markdown_star(void **state)
{
    (void) state;
    fixture f = star(0);
    char *text = render(f.graph, ECOSYS_REPORT_MARKDOWN, 0, NULL, 0);
    assert_int_equal(strncmp(text, "# Star\n", 7), 0);
    after(text, "## The whole network");
    after(text, "| measure | value | what it means |\n| --- | ---: | --- |\n");
    after(text, "| Density | 0.5000 |");
    const char *degree = after(text, "### Degree\n");
    /* '|' in a name is escaped so the table holds. */
    after(degree, "| # | actor | id | degree |\n| ---: | --- | --- | ---: |\n"
                  "| 1 | Hub \\| centre | hub | 3 |\n| 2 | Alpha | alpha | 1 |\n"
                  "| 3 | Beta | beta | 1 |\n");
    after(text, "| core | 2 | 1 | 2 | 2.000 |");
    ecosys_string_free(text);
    fixture_free(&f);
}

/* Text and Markdown without the path measures: one line says they were
 * skipped, their graph rows read n/a, their top lists are left out with a
 * note, and the other top lists remain. */
static void text_no_paths(void **state)
{
    (void) state;
    fixture f = star(0);
    char *text = render(f.graph, ECOSYS_REPORT_TEXT, ECOSYS_NO_PATHS, NULL, 0);
    after(text, "Paths: path measures skipped for speed (no-paths option)");
    assert_row(text, "Diameter n/a longest shortest path in the largest");
    assert_row(text, "Mean distance n/a mean shortest path between actors of the");
    assert_row(text, "Betweenness centralization n/a 1: one actor lies on every path (a");
    assert_row(text, "Density 0.5000 share of the possible ties that exist");
    after(text, "n/a for the diameter, the mean distance and the betweenness and closeness\n"
                "centralizations: path measures were skipped for speed.");
    /* The star has every other measure defined: no "not defined" note. */
    assert_null(strstr(text, "not defined for this network"));
    const char *top = after(text, "Most central actors (top 5)");
    after(top, "Betweenness, closeness and harmonic closeness are left out: path measures "
               "were\nskipped for speed.");
    assert_row(after(top, "\nDegree\n"), "1 Hub | centre hub 3");
    after(top, "\nStrength\n");
    after(top, "\nEigenvector\n");
    after(top, "\nPageRank\n");
    assert_null(strstr(text, "\nBetweenness (normalised)\n"));
    assert_null(strstr(text, "\nCloseness\n"));
    assert_null(strstr(text, "\nHarmonic closeness\n"));
    ecosys_string_free(text);

    /* The full report has neither note. */
    text = render(f.graph, ECOSYS_REPORT_TEXT, 0, NULL, 0);
    assert_null(strstr(text, "skipped"));
    assert_null(strstr(text, "Paths:"));
    ecosys_string_free(text);

    text = render(f.graph, ECOSYS_REPORT_MARKDOWN, ECOSYS_WEIGHTED | ECOSYS_NO_PATHS, NULL, 0);
    after(text, "- **Weights:** used.");
    after(text, "- **Paths:** path measures skipped for speed");
    after(text, "| Diameter | n/a |");
    after(text, "Betweenness, closeness and harmonic closeness are left out: path measures "
                "were skipped for speed.");
    after(text, "### Degree\n");
    after(text, "### PageRank\n");
    assert_null(strstr(text, "### Betweenness"));
    assert_null(strstr(text, "### Closeness"));
    assert_null(strstr(text, "### Harmonic closeness"));
    ecosys_string_free(text);
    fixture_free(&f);
}

static void directed_graph(void **state)
{
    (void) state;
    ecosys_dataset *ds = NULL;
    const size_t edges[][2] = {{0, 1}, {1, 2}};
    ecosys_graph *g = ecosys_test_graph(&ds, 3, edges, 2, NULL, 1);
    char *text = render(g, ECOSYS_REPORT_TEXT, 0, NULL, 0);
    after(text, "3 actors, 2 ties, directed");
    after(text, "Direction: ");
    ecosys_string_free(text);
    text = render(g, ECOSYS_REPORT_JSON, 0, NULL, 0);
    JsonParser *parser = parse_json(text);
    JsonObject *root = json_node_get_object(json_parser_get_root(parser));
    assert_true(json_object_get_boolean_member(member_object(root, "graph"), "directed"));
    /* 0 -> 1 -> 2: actor 1 lies on the one directed path 0 -> 2;
     * normalised by (n-1)(n-2) = 2. */
    assert_close(number(array_object(root, "actors", 1), "betweenness"), 1.0, 1e-12);
    assert_close(number(array_object(root, "actors", 1), "betweenness_normalized"), 0.5, 1e-12);
    g_object_unref(parser);
    ecosys_string_free(text);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

/* A line break in a name (legal in a quoted CSV field) stays inside its
 * table row, in text and Markdown; JSON keeps it, escaped. */
static void names_with_line_breaks(void **state)
{
    (void) state;
    ecosys_dataset *ds = NULL;
    assert_ok(ecosys_dataset_new(&ds, 0));
    ecosys_actor_info a = {"a", "Two\nlines", "x", "", ""};
    ecosys_actor_info b = {"b", "B", "x", "", ""};
    assert_ok(ecosys_dataset_add_actor(NULL, ds, &a));
    assert_ok(ecosys_dataset_add_actor(NULL, ds, &b));
    ecosys_tie_info tie = {0, 1, 1.0, NULL, NULL, NULL, NULL};
    assert_ok(ecosys_dataset_add_tie(NULL, ds, &tie));
    ecosys_graph *g = NULL;
    assert_ok(ecosys_graph_new(&g, ds, NULL));
    char *text = render(g, ECOSYS_REPORT_TEXT, 0, NULL, 0);
    assert_row(after(text, "\nDegree\n"), "1 Two lines a 1");
    ecosys_string_free(text);
    text = render(g, ECOSYS_REPORT_MARKDOWN, 0, NULL, 0);
    after(text, "| 1 | Two lines | a | 1 |");
    ecosys_string_free(text);
    text = render(g, ECOSYS_REPORT_JSON, 0, NULL, 0);
    after(text, "\"Two\\nlines\"");
    ecosys_string_free(text);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

/* A title with a tab and line breaks is still one heading line: each of
 * them becomes a space, and the underline counts characters, not bytes.
 * "Caf\xc3\xa9\tA\nB\rC" gives "Caf\xc3\xa9 A B C": C, a, f, e-acute, space,
 * A, space, B, space, C = 10 characters (11 bytes, e-acute being two). JSON
 * keeps the title as given, with RFC 8259's short escapes. */
static void title_with_line_breaks(void **state)
{
    (void) state;
    fixture f = star(0);
    ecosys_summary_options o = ECOSYS_SUMMARY_OPTIONS_INIT;
    o.title = "Caf\xc3\xa9\tA\nB\rC";
    static const char *const want[] = {
        "Caf\xc3\xa9 A B C\n==========\n\n", /* text */
        "# Caf\xc3\xa9 A B C\n\n",             /* Markdown */
        "\"title\" : \"Caf\xc3\xa9\\tA\\nB\\rC\"", /* JSON */
    };
    for (int format = ECOSYS_REPORT_TEXT; format <= ECOSYS_REPORT_JSON; format++) {
        o.format = (ecosys_report_format) format;
        char *text = NULL;
        assert_ok(ecosys_summary_render(&text, NULL, f.graph, &o));
        if (format == ECOSYS_REPORT_JSON)
            after(text, want[format]);
        else if (strncmp(text, want[format], strlen(want[format])) != 0)
            fail_msg("heading is not \"%s\" in:\n%s", want[format], text);
        ecosys_string_free(text);
    }
    fixture_free(&f);
}

/* No actor at all: every format still renders. */
static void empty_graph(void **state)
{
    (void) state;
    ecosys_dataset *ds = NULL;
    assert_ok(ecosys_dataset_new(&ds, 0));
    ecosys_graph *g = NULL;
    assert_ok(ecosys_graph_new(&g, ds, NULL));
    for (int format = ECOSYS_REPORT_TEXT; format <= ECOSYS_REPORT_JSON; format++) {
        char *text = render(g, (ecosys_report_format) format, 0, NULL, 0);
        if (format == ECOSYS_REPORT_JSON) {
            JsonParser *parser = parse_json(text);
            JsonObject *root = json_node_get_object(json_parser_get_root(parser));
            assert_int_equal(json_array_get_length(json_object_get_array_member(root, "actors")),
                             0);
            assert_true(is_null(member_object(root, "graph"), "density"));
            g_object_unref(parser);
        }
        ecosys_string_free(text);
    }
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

/* The bundled dataset renders in every format and the JSON agrees with the
 * counts its README gives (25 actors, 84 ties, 71 distinct pairs). */
static void clermont_all_formats(void **state)
{
    (void) state;
    ecosys_dataset *ds = NULL;
    assert_ok(ecosys_dataset_read(&ds, ecosys_test_env("ECOSYS_CLERMONT"), ECOSYS_FORMAT_AUTO));
    ecosys_graph *g = NULL;
    assert_ok(ecosys_graph_new(&g, ds, NULL));
    char *text = render(g, ECOSYS_REPORT_TEXT, 0, NULL, 0);
    after(text, "25 actors, 71 ties, undirected");
    ecosys_string_free(text);
    text = render(g, ECOSYS_REPORT_MARKDOWN, ECOSYS_WEIGHTED, "territory", 3);
    after(text, "## Groups by territory");
    ecosys_string_free(text);
    text = render(g, ECOSYS_REPORT_JSON, 0, NULL, 0);
    JsonParser *parser = parse_json(text);
    JsonObject *root = json_node_get_object(json_parser_get_root(parser));
    JsonObject *graph = member_object(root, "graph");
    assert_int_equal(json_object_get_int_member(graph, "actor_count"), 25);
    assert_int_equal(json_object_get_int_member(graph, "tie_count"), 71);
    assert_int_equal(json_object_get_int_member(graph, "ties_in_dataset"), 84);
    assert_int_equal(json_object_get_int_member(graph, "merged_ties"), 13);
    assert_int_equal(json_array_get_length(json_object_get_array_member(root, "actors")), 25);
    JsonObject *first = array_object(root, "actors", 0);
    assert_string_equal(json_object_get_string_member(first, "id"), "cisca");
    assert_int_equal(json_object_get_int_member(first, "degree"), 20);
    /* Groups: 12 intermediaries, 4 academic, 4 civil society, 3 public,
     * 2 businesses (README). */
    JsonArray *groups = json_object_get_array_member(root, "groups");
    gint64 total = 0;
    for (guint i = 0; i < json_array_get_length(groups); i++) {
        JsonObject *group = json_array_get_object_element(groups, i);
        if (strcmp(json_object_get_string_member(group, "value"), "intermediary") == 0)
            assert_int_equal(json_object_get_int_member(group, "actor_count"), 12);
        total += json_object_get_int_member(group, "actor_count");
    }
    assert_int_equal(total, 25);
    g_object_unref(parser);
    ecosys_string_free(text);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

/* ---- measures across groups ---------------------------------------------- */

/* JSON and C agree: both undefined (null, NaN or an infinity, which JSON
 * writes null), or bit for bit equal (numbers are written with the
 * shortest text that reads back exactly). */
static void assert_same(JsonObject *o, const char *name, double c_value)
{
    double json_value = number(o, name);
    if (isnan(json_value)) {
        if (!isnan(c_value) && !isinf(c_value))
            fail_msg("%s: JSON null, C %.17g", name, c_value);
        return;
    }
    if (json_value != c_value)
        fail_msg("%s: JSON %.17g, C %.17g", name, json_value, c_value);
}

/* Renders @p graph as JSON with the summary's defaults (seed 1, 1000
 * replicates, Leiden) and @p flags, and checks every member across groups
 * against the function that computes it, with the same weighting and the
 * default mode. Returns nothing; fails on the first difference. */
static void check_across_members(const ecosys_graph *g, unsigned int flags, const char *group)
{
    unsigned int w = flags & ECOSYS_WEIGHTED;
    char *text = render(g, ECOSYS_REPORT_JSON, flags, group, 0);
    JsonParser *parser = parse_json(text);
    JsonObject *root = json_node_get_object(json_parser_get_root(parser));
    size_t n = ecosys_graph_actor_count(g);
    ecosys_partition *p = NULL;
    assert_ok(ecosys_partition_by_attribute(&p, g, group ? group : "sector"));
    size_t k = ecosys_partition_group_count(p);

    JsonObject *options = member_object(root, "options");
    assert_true(json_object_get_boolean_member(options, "across_groups"));
    assert_int_equal(json_object_get_int_member(options, "seed"), 1);
    assert_int_equal(json_object_get_int_member(options, "replicates"), 1000);
    assert_string_equal(json_object_get_string_member(options, "communities"), "leiden");
    JsonObject *uses = member_object(root, "uses_weights");
    assert_int_equal(json_object_get_boolean_member(uses, "constraint"), w != 0);
    assert_int_equal(json_object_get_boolean_member(uses, "ei_index"), w != 0);
    assert_false(json_object_get_boolean_member(uses, "brokerage"));

    /* Actors. */
    double *ei = malloc(n * sizeof *ei + 1), *blau = malloc(n * sizeof *blau + 1);
    double *part = malloc(n * sizeof *part + 1), *wmz = malloc(n * sizeof *wmz + 1);
    double *cpart = malloc(n * sizeof *cpart + 1);
    ecosys_role *roles = malloc(n * sizeof *roles + 1);
    assert_non_null(ei && blau && part && wmz && cpart && roles);
    assert_ok(ecosys_ei_index_actors(ei, g, p, w));
    assert_ok(ecosys_blau(blau, g, p, w));
    assert_ok(ecosys_participation(part, g, p, w));
    ecosys_structural_holes holes;
    assert_ok(ecosys_structural_holes_compute(&holes, g, w));
    ecosys_brokerage br;
    assert_ok(ecosys_brokerage_roles(&br, g, p, 0));
    ecosys_community_options co = ECOSYS_COMMUNITY_OPTIONS_INIT;
    co.seed = 1;
    co.weighted = w != 0;
    ecosys_partition *communities = NULL;
    double q;
    assert_ok(ecosys_community_detect(&communities, &q, g, &co));
    assert_ok(ecosys_roles(roles, cpart, wmz, g, communities, w));
    const size_t *member = ecosys_partition_membership(communities);
    for (size_t v = 0; v < n; v++) {
        JsonObject *a = array_object(root, "actors", (guint) v);
        assert_same(a, "ei_index", ei[v]);
        assert_same(a, "blau", blau[v]);
        assert_same(a, "participation", part[v]);
        assert_same(a, "constraint", holes.constraint[v]);
        assert_same(a, "effective_size", holes.effective_size[v]);
        assert_same(a, "efficiency", holes.efficiency[v]);
        assert_same(a, "hierarchy", holes.hierarchy[v]);
        JsonObject *raw = member_object(a, "brokerage"), *z = member_object(a, "brokerage_z");
        for (int r = 0; r < ECOSYS_BROKERAGE_ROLE_COUNT; r++) {
            const char *role = ecosys_brokerage_role_name(r);
            assert_int_equal(json_object_get_int_member(raw, role),
                             br.raw[v * ECOSYS_BROKERAGE_ROLE_COUNT + (size_t) r]);
            assert_same(z, role, br.z[v * ECOSYS_BROKERAGE_ROLE_COUNT + (size_t) r]);
        }
        assert_int_equal(json_object_get_int_member(a, "community"), member[v]);
        assert_same(a, "within_module_z", wmz[v]);
        assert_same(a, "community_participation", cpart[v]);
        assert_string_equal(json_object_get_string_member(a, "role"), ecosys_role_name(roles[v]));
    }

    /* Graph level: E-I and its nulls, assortativity, mixing matrix. */
    JsonObject *mixing = member_object(root, "mixing");
    JsonObject *eij = member_object(mixing, "ei_index");
    ecosys_ei_index e;
    assert_ok(ecosys_ei_index_compute(&e, g, p, w));
    assert_same(eij, "ei_index", e.ei_index);
    assert_same(eij, "external", e.external);
    assert_same(eij, "internal", e.internal);
    assert_same(eij, "expected", e.expected);
    assert_same(eij, "sd", e.sd);
    assert_same(eij, "z", e.z);
    ecosys_ei_permutation perm;
    assert_ok(ecosys_ei_permutation_test(&perm, g, p, 1000, 1, w));
    JsonObject *pj = member_object(eij, "permutation");
    assert_same(pj, "mean", perm.mean);
    assert_same(pj, "p_greater", perm.p_greater);
    assert_same(pj, "p_less", perm.p_less);
    assert_same(eij, "p", isnan(perm.p_less) ? NAN
                                              : fmin(1.0, 2.0 * fmin(perm.p_greater,
                                                                     perm.p_less)));
    double r;
    assert_ok(ecosys_assortativity_nominal(&r, g, p, w));
    assert_same(mixing, "assortativity", r);
    ecosys_mixing_matrix mm;
    assert_ok(ecosys_mixing_matrix_compute(&mm, g, p));
    JsonObject *mj = member_object(mixing, "mixing_matrix");
    JsonArray *ties = json_object_get_array_member(mj, "ties");
    JsonArray *weights = json_object_get_array_member(mj, "weights");
    JsonArray *names = json_object_get_array_member(mj, "groups");
    assert_int_equal(json_array_get_length(ties), k);
    for (size_t gi = 0; gi < k; gi++) {
        assert_string_equal(json_array_get_string_element(names, (guint) gi),
                            ecosys_partition_group_name(p, gi));
        JsonArray *row = json_array_get_array_element(ties, (guint) gi);
        JsonArray *wrow = json_array_get_array_element(weights, (guint) gi);
        for (size_t h = 0; h < k; h++) {
            assert_close(json_array_get_double_element(row, (guint) h), mm.ties[gi * k + h], 0);
            assert_close(json_array_get_double_element(wrow, (guint) h), mm.weights[gi * k + h],
                         0);
        }
        /* Group level: E-I with its conditional null. */
        JsonObject *gj = member_object(array_object(root, "groups", (guint) gi), "ei_index");
        assert_same(gj, "ei_index", e.group_ei_index[gi]);
        assert_same(gj, "expected", e.group_expected[gi]);
        assert_same(gj, "sd", e.group_sd[gi]);
        assert_same(gj, "z", e.group_z[gi]);
    }

    /* Brokerage totals. */
    JsonObject *bj = member_object(root, "brokerage");
    JsonObject *totals = member_object(bj, "graph_raw"), *tz = member_object(bj, "graph_z");
    for (int role = 0; role < ECOSYS_BROKERAGE_ROLE_COUNT; role++) {
        assert_int_equal(json_object_get_int_member(totals, ecosys_brokerage_role_name(role)),
                         br.graph_raw[role]);
        assert_same(tz, ecosys_brokerage_role_name(role), br.graph_z[role]);
    }

    /* Communities: modularity (the same as ecosys_modularity() of the
     * undirected view) and each community's summary. */
    JsonObject *cj = member_object(root, "communities");
    assert_same(cj, "modularity", q);
    double q2;
    assert_ok(ecosys_modularity(&q2, g, communities, 1.0, w | ECOSYS_MODE_ALL));
    assert_close(q2, q, 1e-12);
    ecosys_community_summary cs;
    assert_ok(ecosys_community_summary_compute(&cs, g, communities, p));
    assert_int_equal(json_object_get_int_member(cj, "community_count"), cs.community_count);
    for (size_t c = 0; c < cs.community_count; c++) {
        JsonObject *one = array_object(cj, "communities", (guint) c);
        assert_int_equal(json_object_get_int_member(one, "size"), cs.sizes[c]);
        assert_int_equal(json_object_get_int_member(one, "internal_ties"), cs.internal_ties[c]);
        assert_int_equal(json_object_get_int_member(one, "external_ties"), cs.external_ties[c]);
        assert_same(one, "internal_weight", cs.internal_weight[c]);
        JsonObject *make_up = member_object(one, "composition");
        for (size_t gi = 0; gi < k; gi++)
            assert_int_equal(json_object_get_int_member(make_up,
                                                        ecosys_partition_group_name(p, gi)),
                             cs.composition[c * k + gi]);
    }

    ecosys_community_summary_dispose(&cs);
    ecosys_mixing_matrix_dispose(&mm);
    ecosys_ei_index_dispose(&e);
    ecosys_partition_free(communities);
    ecosys_brokerage_dispose(&br);
    ecosys_structural_holes_dispose(&holes);
    free(ei);
    free(blau);
    free(part);
    free(wmz);
    free(cpart);
    free(roles);
    ecosys_partition_free(p);
    g_object_unref(parser);
    ecosys_string_free(text);
}

/* The star by hand (hub and alpha "core", beta and gamma "edge"):
 * E-I: hub-alpha inside, hub-beta and hub-gamma across: (2 - 1) / 3 = 1/3;
 * exact null: D = 6 pairs, D_I = 2 (alpha-hub, beta-gamma), expected
 * 1 - 2 * 2/6 = 1/3, so z = 0. Mixing matrix core/edge [[1, 2], [2, 0]].
 * Hub: E-I 1/3, Blau 1 - (1/3)^2 - (2/3)^2 = 4/9, constraint 1/3 (centre
 * of a star of 3), effective size 3, efficiency 1; it brokers the 6
 * ordered leaf pairs: alpha -> hub -> beta, gamma representative (2),
 * beta, gamma -> hub -> alpha gatekeeper (2), beta <-> gamma itinerant
 * (2). A leaf: constraint 1, effective size 1, E-I +1 (beta) or -1
 * (alpha), Blau 0, no brokerage. Then every member against its function. */
static void json_across_star(void **state)
{
    (void) state;
    fixture f = star(0);
    char *text = render(f.graph, ECOSYS_REPORT_JSON, 0, NULL, 0);
    JsonParser *parser = parse_json(text);
    JsonObject *root = json_node_get_object(json_parser_get_root(parser));
    JsonObject *eij = member_object(member_object(root, "mixing"), "ei_index");
    assert_close(number(eij, "ei_index"), 1.0 / 3.0, 1e-15);
    assert_close(number(eij, "expected"), 1.0 / 3.0, 1e-15);
    assert_close(number(eij, "z"), 0.0, 1e-12);
    JsonArray *ties = json_object_get_array_member(
        member_object(member_object(root, "mixing"), "mixing_matrix"), "ties");
    assert_int_equal(json_array_get_int_element(json_array_get_array_element(ties, 0), 0), 1);
    assert_int_equal(json_array_get_int_element(json_array_get_array_element(ties, 0), 1), 2);
    assert_int_equal(json_array_get_int_element(json_array_get_array_element(ties, 1), 1), 0);
    JsonObject *hub = array_object(root, "actors", 0);
    assert_close(number(hub, "ei_index"), 1.0 / 3.0, 1e-15);
    assert_close(number(hub, "blau"), 4.0 / 9.0, 1e-15);
    assert_close(number(hub, "constraint"), 1.0 / 3.0, 1e-15);
    assert_close(number(hub, "effective_size"), 3.0, 1e-15);
    assert_close(number(hub, "efficiency"), 1.0, 1e-15);
    JsonObject *roles = member_object(hub, "brokerage");
    assert_int_equal(json_object_get_int_member(roles, "coordinator"), 0);
    assert_int_equal(json_object_get_int_member(roles, "itinerant"), 2);
    assert_int_equal(json_object_get_int_member(roles, "representative"), 2);
    assert_int_equal(json_object_get_int_member(roles, "gatekeeper"), 2);
    assert_int_equal(json_object_get_int_member(roles, "liaison"), 0);
    assert_int_equal(json_object_get_int_member(roles, "total"), 6);
    JsonObject *alpha = array_object(root, "actors", 1), *beta = array_object(root, "actors", 2);
    assert_close(number(alpha, "ei_index"), -1.0, 0);
    assert_close(number(beta, "ei_index"), 1.0, 0);
    assert_close(number(beta, "constraint"), 1.0, 1e-15);
    assert_close(number(beta, "blau"), 0.0, 0);
    assert_int_equal(json_object_get_int_member(member_object(beta, "brokerage"), "total"), 0);
    /* Graph totals: only the hub brokers. */
    assert_int_equal(json_object_get_int_member(
                         member_object(member_object(root, "brokerage"), "graph_raw"), "total"),
                     6);
    g_object_unref(parser);
    ecosys_string_free(text);

    check_across_members(f.graph, 0, NULL);
    check_across_members(f.graph, ECOSYS_WEIGHTED, NULL);
    fixture_free(&f);
}

/* The bundled dataset: every member across groups against its function,
 * by sector and by territory, hops and weights, undirected and directed. */
static void json_across_clermont(void **state)
{
    (void) state;
    ecosys_dataset *ds = NULL;
    assert_ok(ecosys_dataset_read(&ds, ecosys_test_env("ECOSYS_CLERMONT"), ECOSYS_FORMAT_AUTO));
    ecosys_graph *g = NULL;
    assert_ok(ecosys_graph_new(&g, ds, NULL));
    check_across_members(g, 0, NULL);
    check_across_members(g, ECOSYS_WEIGHTED, "territory");
    check_across_members(g, ECOSYS_NO_PATHS, NULL);
    ecosys_graph_free(g);
    ecosys_graph_options go = ECOSYS_GRAPH_OPTIONS_INIT;
    go.direction = ECOSYS_DIRECTION_DIRECTED;
    assert_ok(ecosys_graph_new(&g, ds, &go));
    check_across_members(g, 0, NULL);
    check_across_members(g, ECOSYS_WEIGHTED, NULL);

    /* Text and Markdown: the three sections and a plain reading of E-I. */
    char *text = render(g, ECOSYS_REPORT_TEXT, 0, NULL, 0);
    after(text, "\nAcross groups (by sector)\n");
    after(text, "\nReading: ties cross sectors ");
    after(text, "\nMixing matrix\n");
    after(text, "\nBrokers\n");
    after(text, "\nGatekeeper: lets what comes from another group into its own group\n");
    after(text, "\nMost brokerage (top 5)\n");
    after(text, "\nFewest constraints (top 5)\n");
    after(text, "\nCommunities\n");
    after(text, "\nHubs and connectors\n");
    ecosys_string_free(text);
    text = render(g, ECOSYS_REPORT_MARKDOWN, 0, NULL, 0);
    after(text, "## Across groups (by sector)");
    after(text, "- **Reading:** ties cross sectors ");
    after(text, "### Mixing matrix");
    after(text, "## Brokers");
    after(text, "## Communities");
    ecosys_string_free(text);
    /* 25 groups (one per actor): the matrix is in JSON, too wide for text. */
    text = render(g, ECOSYS_REPORT_TEXT, 0, "id", 0);
    after(text, "25 groups: too many columns to show here");
    ecosys_string_free(text);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

/* Options: version 1 callers, seed and replicates, Louvain, no
 * communities, skipping the sections, a bad communities value. */
static void across_options(void **state)
{
    (void) state;
    fixture f = star(1);
    /* Version 1: init writes no member of version 2 and render reads none. */
    ecosys_summary_options o;
    memset(&o, 0x5a, sizeof o);
    assert_ok(ecosys_summary_options_init(&o, 1));
    assert_int_equal(o.version, 1);
    assert_null(o.group);
    assert_null(o.graph_options);
    unsigned char pattern[sizeof o.seed];
    memset(pattern, 0x5a, sizeof pattern);
    assert_memory_equal(&o.seed, pattern, sizeof o.seed);
    o.format = ECOSYS_REPORT_JSON;
    char *text = NULL;
    assert_ok(ecosys_summary_render(&text, NULL, f.graph, &o));
    JsonParser *parser = parse_json(text);
    JsonObject *root = json_node_get_object(json_parser_get_root(parser));
    JsonObject *options = member_object(root, "options");
    assert_int_equal(json_object_get_int_member(options, "seed"), 1);
    assert_int_equal(json_object_get_int_member(options, "replicates"), 1000);
    assert_string_equal(json_object_get_string_member(options, "communities"), "leiden");
    assert_false(is_null(root, "communities"));
    g_object_unref(parser);
    ecosys_string_free(text);

    /* Seed and replicates reach the permutation test; Louvain; delta, the
     * isolate, is undefined everywhere but has a community of its own. */
    ecosys_summary_options v2 = ECOSYS_SUMMARY_OPTIONS_INIT;
    v2.format = ECOSYS_REPORT_JSON;
    v2.seed = 42;
    v2.replicates = 99;
    v2.communities = ECOSYS_SUMMARY_COMMUNITIES_LOUVAIN;
    assert_ok(ecosys_summary_render(&text, NULL, f.graph, &v2));
    parser = parse_json(text);
    root = json_node_get_object(json_parser_get_root(parser));
    JsonObject *perm = member_object(member_object(member_object(root, "mixing"), "ei_index"),
                                     "permutation");
    assert_int_equal(json_object_get_int_member(perm, "replicates"), 99);
    assert_int_equal(json_object_get_int_member(perm, "seed"), 42);
    assert_string_equal(json_object_get_string_member(member_object(root, "communities"),
                                                      "algorithm"),
                        "louvain");
    JsonObject *delta = array_object(root, "actors", 4);
    assert_true(is_null(delta, "ei_index"));
    assert_true(is_null(delta, "constraint"));
    assert_true(is_null(delta, "blau"));
    assert_false(is_null(delta, "community"));
    g_object_unref(parser);
    ecosys_string_free(text);

    /* No communities: their members are null, the rest is there. */
    v2.communities = ECOSYS_SUMMARY_COMMUNITIES_NONE;
    assert_ok(ecosys_summary_render(&text, NULL, f.graph, &v2));
    parser = parse_json(text);
    root = json_node_get_object(json_parser_get_root(parser));
    assert_true(is_null(root, "communities"));
    assert_false(is_null(root, "mixing"));
    static const char *const community_members[] = {"community", "within_module_z",
                                                    "community_participation", "role"};
    for (size_t i = 0; i < 4; i++)
        assert_true(is_null(array_object(root, "actors", 0), community_members[i]));
    g_object_unref(parser);
    ecosys_string_free(text);
    v2.format = ECOSYS_REPORT_TEXT;
    assert_ok(ecosys_summary_render(&text, NULL, f.graph, &v2));
    after(text, "Not computed (communities option: none).");
    ecosys_string_free(text);

    /* Skipped: every member across groups is null, the layout unchanged,
     * the text as before. */
    v2.skip_across_groups = 1;
    v2.format = ECOSYS_REPORT_JSON;
    assert_ok(ecosys_summary_render(&text, NULL, f.graph, &v2));
    parser = parse_json(text);
    root = json_node_get_object(json_parser_get_root(parser));
    assert_false(json_object_get_boolean_member(member_object(root, "options"),
                                                "across_groups"));
    assert_true(is_null(root, "mixing"));
    assert_true(is_null(root, "brokerage"));
    assert_true(is_null(root, "communities"));
    JsonObject *hub = array_object(root, "actors", 0);
    static const char *const nulls[] = {"ei_index", "blau", "participation", "constraint",
                                        "effective_size", "efficiency", "hierarchy",
                                        "brokerage", "brokerage_z", "community",
                                        "within_module_z", "role"};
    for (size_t i = 0; i < sizeof nulls / sizeof nulls[0]; i++)
        assert_true(is_null(hub, nulls[i]));
    assert_true(is_null(array_object(root, "groups", 0), "ei_index"));
    g_object_unref(parser);
    ecosys_string_free(text);
    v2.format = ECOSYS_REPORT_TEXT;
    assert_ok(ecosys_summary_render(&text, NULL, f.graph, &v2));
    assert_null(strstr(text, "Across groups"));
    assert_null(strstr(text, "Brokers"));
    ecosys_string_free(text);

    v2.communities = (ecosys_summary_communities) 3;
    assert_int_equal(ecosys_summary_render(&text, NULL, f.graph, &v2), ECOSYS_EINVAL);
    assert_null(text);
    fixture_free(&f);
}

/* More than 200 groups: no mixing matrix (it would be quadratic), the
 * rest as usual. A ring of 201 actors grouped by id. */
static void many_groups_no_matrix(void **state)
{
    (void) state;
    enum { N = 201 };
    size_t edges[N][2];
    for (size_t i = 0; i < N; i++) {
        edges[i][0] = i;
        edges[i][1] = (i + 1) % N;
    }
    ecosys_dataset *ds = NULL;
    ecosys_graph *g = ecosys_test_graph(&ds, N, (const size_t(*)[2]) edges, N, NULL, 0);
    char *text = render(g, ECOSYS_REPORT_JSON, ECOSYS_NO_PATHS, "id", 0);
    JsonParser *parser = parse_json(text);
    JsonObject *root = json_node_get_object(json_parser_get_root(parser));
    JsonObject *mixing = member_object(root, "mixing");
    assert_true(is_null(mixing, "mixing_matrix"));
    assert_int_equal(json_object_get_int_member(mixing, "group_count"), N);
    /* Every tie crosses groups of one actor: E-I 1, and no internal dyad,
     * so the null cannot vary: z undefined. */
    assert_close(number(member_object(mixing, "ei_index"), "ei_index"), 1.0, 0);
    assert_true(is_null(member_object(mixing, "ei_index"), "z"));
    g_object_unref(parser);
    ecosys_string_free(text);
    text = render(g, ECOSYS_REPORT_TEXT, ECOSYS_NO_PATHS, "id", 0);
    after(text, "201 groups: too many for a mixing matrix (more than 200).");
    ecosys_string_free(text);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(options_init_and_versions),
        cmocka_unit_test(null_and_bad_arguments),
        cmocka_unit_test(unknown_group_lists_attributes),
        cmocka_unit_test(json_star_values),
        cmocka_unit_test(json_weighted),
        cmocka_unit_test(json_nan_is_null),
        cmocka_unit_test(json_no_paths),
        cmocka_unit_test(json_number_text),
        cmocka_unit_test(snapshot_and_bookkeeping),
        cmocka_unit_test(text_star),
        cmocka_unit_test(text_weighted_says_so),
        cmocka_unit_test(markdown_star),
        cmocka_unit_test(text_no_paths),
        cmocka_unit_test(directed_graph),
        cmocka_unit_test(names_with_line_breaks),
        cmocka_unit_test(title_with_line_breaks),
        cmocka_unit_test(empty_graph),
        cmocka_unit_test(clermont_all_formats),
        cmocka_unit_test(json_across_star),
        cmocka_unit_test(json_across_clermont),
        cmocka_unit_test(across_options),
        cmocka_unit_test(many_groups_no_matrix),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
