/* The summary as JSON, built with json-glib (JsonBuilder, JsonGenerator).
 * The layout is documented field by field in docs/summary-json.md: keep the
 * two in step. Doubles are written by json-glib with 17 significant digits
 * (round-trip exact); NaN and infinities, which JSON cannot hold, as null. */
#include "report/report_internal.h"

#include "core/error.h"

#include <json-glib/json-glib.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Version of the layout; bumped when a field changes meaning or goes away
 * (adding fields does not bump it). */
#define SUMMARY_SCHEMA_VERSION 1

static void add_double(JsonBuilder *b, const char *key, double value)
{
    json_builder_set_member_name(b, key);
    if (isfinite(value))
        json_builder_add_double_value(b, value);
    else
        json_builder_add_null_value(b);
}

static void add_size(JsonBuilder *b, const char *key, size_t value)
{
    json_builder_set_member_name(b, key);
    json_builder_add_int_value(b, (gint64) value);
}

/* A count held in a double (degree): an integer when it is one. */
static void add_count(JsonBuilder *b, const char *key, double value)
{
    if (isfinite(value) && value == floor(value) && fabs(value) < 9e15)
        add_size(b, key, (size_t) value);
    else
        add_double(b, key, value);
}

static void add_bool(JsonBuilder *b, const char *key, int value)
{
    json_builder_set_member_name(b, key);
    json_builder_add_boolean_value(b, value != 0);
}

/* A string, or null for NULL. */
static void add_string(JsonBuilder *b, const char *key, const char *value)
{
    json_builder_set_member_name(b, key);
    if (value)
        json_builder_add_string_value(b, value);
    else
        json_builder_add_null_value(b);
}

static void add_dataset(JsonBuilder *b, const ecosys_i_summary *s)
{
    json_builder_set_member_name(b, "dataset");
    json_builder_begin_object(b);
    add_string(b, "title", s->title);
    add_bool(b, "directed", ecosys_dataset_is_directed(s->dataset));
    add_size(b, "actor_count", ecosys_dataset_actor_count(s->dataset));
    add_size(b, "tie_count", ecosys_dataset_tie_count(s->dataset));
    json_builder_end_object(b);
}

static void add_options(JsonBuilder *b, const ecosys_i_summary *s)
{
    json_builder_set_member_name(b, "options");
    json_builder_begin_object(b);
    add_string(b, "group", s->group);
    add_bool(b, "weighted", s->weighted);
    add_size(b, "top", s->top);
    add_double(b, "pagerank_damping", ECOSYS_I_DAMPING);
    json_builder_set_member_name(b, "snapshot");
    const ecosys_graph_options *o = s->graph_options;
    if (!o) {
        json_builder_add_null_value(b);
    } else {
        json_builder_begin_object(b);
        add_string(b, "at", o->at);
        add_string(b, "from", o->from);
        add_string(b, "to", o->to);
        add_string(b, "axis", o->axis);
        add_string(b, "kind", o->kind);
        add_string(b, "territory", o->territory);
        add_string(b, "direction", ecosys_i_direction_name(o->direction));
        add_bool(b, "drop_isolates", o->drop_isolates);
        json_builder_end_object(b);
    }
    json_builder_end_object(b);
}

static void add_uses_weights(JsonBuilder *b, const ecosys_i_summary *s)
{
    json_builder_set_member_name(b, "uses_weights");
    json_builder_begin_object(b);
    add_bool(b, "distances", s->weighted);
    for (int m = 0; m < ECOSYS_I_MEASURE_COUNT; m++)
        add_bool(b, ecosys_i_measures[m].name,
                 ecosys_i_summary_measure_weighted(s, (ecosys_i_measure) m));
    add_bool(b, "core_number", 0);
    add_bool(b, "centralization", 0); /* always hops (ecosys_structure_compute) */
    json_builder_end_object(b);
}

static void add_graph(JsonBuilder *b, const ecosys_i_summary *s)
{
    const ecosys_structure *st = &s->structure;
    const ecosys_graph_info *info = &s->info;
    json_builder_set_member_name(b, "graph");
    json_builder_begin_object(b);
    add_size(b, "actor_count", st->actor_count);
    add_size(b, "tie_count", st->tie_count);
    add_bool(b, "directed", st->directed);
    add_bool(b, "weighted", st->weighted);
    add_double(b, "density", st->density);
    add_double(b, "mean_degree", st->mean_degree);
    add_size(b, "component_count", st->component_count);
    add_size(b, "largest_component_size", st->largest_component_size);
    add_size(b, "isolate_count", st->isolate_count);
    add_double(b, "diameter", st->diameter);
    add_double(b, "mean_distance", st->mean_distance);
    add_double(b, "transitivity", st->transitivity);
    add_double(b, "mean_local_clustering", st->mean_local_clustering);
    add_double(b, "degree_centralization", st->degree_centralization);
    add_double(b, "betweenness_centralization", st->betweenness_centralization);
    add_double(b, "closeness_centralization", st->closeness_centralization);
    add_double(b, "eigenvector_centralization", st->eigenvector_centralization);
    add_size(b, "max_core", st->max_core);
    add_size(b, "articulation_point_count", st->articulation_point_count);
    add_size(b, "bridge_count", st->bridge_count);
    add_size(b, "ties_in_dataset", info->ties_in_dataset);
    add_size(b, "ties_filtered_out", info->ties_filtered_out);
    add_size(b, "zero_weight_ties", info->zero_weight_ties);
    add_size(b, "self_ties", info->self_ties);
    add_size(b, "merged_ties", info->merged_ties);
    add_size(b, "actors_filtered_out", info->actors_filtered_out);
    json_builder_end_object(b);
}

static void add_actors(JsonBuilder *b, const ecosys_i_summary *s)
{
    json_builder_set_member_name(b, "actors");
    json_builder_begin_array(b);
    for (size_t v = 0; v < s->n; v++) {
        json_builder_begin_object(b);
        add_string(b, "id", ecosys_i_summary_actor_id(s, v));
        add_string(b, "name", ecosys_i_summary_actor_name(s, v));
        add_string(b, "group", s->groups[s->actor_group[v]].value);
        for (int m = 0; m < ECOSYS_I_MEASURE_COUNT; m++) {
            if (ecosys_i_measures[m].integral)
                add_count(b, ecosys_i_measures[m].name, s->values[m][v]);
            else
                add_double(b, ecosys_i_measures[m].name, s->values[m][v]);
        }
        add_size(b, "core_number", s->core_number[v]);
        add_size(b, "component", s->component[v]);
        json_builder_end_object(b);
    }
    json_builder_end_array(b);
}

static void add_groups(JsonBuilder *b, const ecosys_i_summary *s)
{
    json_builder_set_member_name(b, "groups");
    json_builder_begin_array(b);
    for (size_t g = 0; g < s->group_count; g++) {
        const ecosys_i_group *group = &s->groups[g];
        json_builder_begin_object(b);
        add_string(b, "value", group->value);
        add_size(b, "actor_count", group->actor_count);
        add_size(b, "internal_ties", group->internal_ties);
        add_size(b, "external_ties", group->external_ties);
        add_double(b, "internal_weight", group->internal_weight);
        add_double(b, "external_weight", group->external_weight);
        add_double(b, "mean_degree", group->mean_degree);
        json_builder_end_object(b);
    }
    json_builder_end_array(b);
}

int ecosys_i_render_json(char **out_text, size_t *out_length, const ecosys_i_summary *s)
{
    JsonBuilder *b = json_builder_new();
    json_builder_begin_object(b);
    add_string(b, "schema", "ecosys-summary");
    add_size(b, "schema_version", SUMMARY_SCHEMA_VERSION);
    add_string(b, "libecosys_version", ecosys_version());
    add_dataset(b, s);
    add_options(b, s);
    add_uses_weights(b, s);
    add_graph(b, s);
    add_actors(b, s);
    add_groups(b, s);
    json_builder_end_object(b);

    JsonNode *root = json_builder_get_root(b);
    JsonGenerator *generator = json_generator_new();
    json_generator_set_pretty(generator, TRUE);
    json_generator_set_indent(generator, 2);
    json_generator_set_root(generator, root);
    gsize length = 0;
    gchar *json = json_generator_to_data(generator, &length);
    g_object_unref(generator);
    json_node_unref(root);
    g_object_unref(b);

    /* Hand back malloc'ed memory (ecosys_string_free() calls free()),
     * ending with a newline like the other formats. */
    char *text = malloc(length + 2);
    if (!text) {
        g_free(json);
        return ecosys_i_error_nomem();
    }
    memcpy(text, json, length);
    text[length] = '\n';
    text[length + 1] = '\0';
    g_free(json);
    *out_text = text;
    if (out_length)
        *out_length = length + 1;
    return 0;
}
