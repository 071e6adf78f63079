/* The summary as JSON, written with the shared JSON writer
 * (core/json_out.h). The layout is documented field by field in
 * docs/summary-json.md: keep the two in step. The text keeps the look it
 * had when json-glib wrote it ("name" : value, two spaces per level).
 * Measures are written with the shortest text that reads back as the same
 * double, a whole number with a decimal point (3.0); NaN and infinities,
 * which JSON cannot hold, as null. */
#include "report/report_internal.h"

#include "core/json_out.h"

#include <math.h>
#include <stddef.h>

/* Version of the layout; bumped when a field changes meaning or goes away
 * (adding fields does not bump it). */
#define SUMMARY_SCHEMA_VERSION 1

typedef ecosys_i_json_out json;

static void add_double(json *b, const char *key, double value)
{
    ecosys_i_json_name(b, key);
    ecosys_i_json_real(b, value);
}

static void add_size(json *b, const char *key, size_t value)
{
    ecosys_i_json_name(b, key);
    ecosys_i_json_uint(b, value);
}

/* A count held in a double (degree): an integer when it is one. */
static void add_count(json *b, const char *key, double value)
{
    if (isfinite(value) && value == floor(value) && fabs(value) < 9e15)
        add_size(b, key, (size_t) value);
    else
        add_double(b, key, value);
}

static void add_bool(json *b, const char *key, int value)
{
    ecosys_i_json_name(b, key);
    ecosys_i_json_bool(b, value);
}

/* A string, or null for NULL. */
static void add_string(json *b, const char *key, const char *value)
{
    ecosys_i_json_name(b, key);
    ecosys_i_json_string(b, value);
}

/* Starts the object or array that is the value of member @p key. */
static void begin_object(json *b, const char *key)
{
    ecosys_i_json_name(b, key);
    ecosys_i_json_begin_object(b, ECOSYS_I_JSON_BLOCK);
}

static void begin_array(json *b, const char *key)
{
    ecosys_i_json_name(b, key);
    ecosys_i_json_begin_array(b, ECOSYS_I_JSON_BLOCK);
}

static void add_dataset(json *b, const ecosys_i_summary *s)
{
    begin_object(b, "dataset");
    add_string(b, "title", s->title);
    add_bool(b, "directed", ecosys_dataset_is_directed(s->dataset));
    add_size(b, "actor_count", ecosys_dataset_actor_count(s->dataset));
    add_size(b, "tie_count", ecosys_dataset_tie_count(s->dataset));
    ecosys_i_json_end_object(b);
}

static void add_options(json *b, const ecosys_i_summary *s)
{
    begin_object(b, "options");
    add_string(b, "group", s->group);
    add_bool(b, "weighted", s->weighted);
    add_bool(b, "paths", s->paths);
    add_size(b, "top", s->top);
    add_double(b, "pagerank_damping", ECOSYS_I_DAMPING);
    const ecosys_graph_options *o = s->graph_options;
    if (!o) {
        ecosys_i_json_name(b, "snapshot");
        ecosys_i_json_null(b);
    } else {
        begin_object(b, "snapshot");
        add_string(b, "at", o->at);
        add_string(b, "from", o->from);
        add_string(b, "to", o->to);
        add_string(b, "axis", o->axis);
        add_string(b, "kind", o->kind);
        add_string(b, "territory", o->territory);
        add_string(b, "direction", ecosys_i_direction_name(o->direction));
        add_bool(b, "drop_isolates", o->drop_isolates);
        ecosys_i_json_end_object(b);
    }
    ecosys_i_json_end_object(b);
}

static void add_uses_weights(json *b, const ecosys_i_summary *s)
{
    begin_object(b, "uses_weights");
    add_bool(b, "distances", s->weighted);
    for (int m = 0; m < ECOSYS_I_MEASURE_COUNT; m++)
        add_bool(b, ecosys_i_measures[m].name,
                 ecosys_i_summary_measure_weighted(s, (ecosys_i_measure) m));
    add_bool(b, "core_number", 0);
    add_bool(b, "centralization", 0); /* always hops (ecosys_structure_compute) */
    ecosys_i_json_end_object(b);
}

static void add_graph(json *b, const ecosys_i_summary *s)
{
    const ecosys_structure *st = &s->structure;
    const ecosys_graph_info *info = &s->info;
    begin_object(b, "graph");
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
    ecosys_i_json_end_object(b);
}

static void add_actors(json *b, const ecosys_i_summary *s)
{
    begin_array(b, "actors");
    for (size_t v = 0; v < s->n; v++) {
        ecosys_i_json_begin_object(b, ECOSYS_I_JSON_BLOCK);
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
        ecosys_i_json_end_object(b);
    }
    ecosys_i_json_end_array(b);
}

static void add_groups(json *b, const ecosys_i_summary *s)
{
    begin_array(b, "groups");
    for (size_t g = 0; g < s->group_count; g++) {
        const ecosys_i_group *group = &s->groups[g];
        ecosys_i_json_begin_object(b, ECOSYS_I_JSON_BLOCK);
        add_string(b, "value", group->value);
        add_size(b, "actor_count", group->actor_count);
        add_size(b, "internal_ties", group->internal_ties);
        add_size(b, "external_ties", group->external_ties);
        add_double(b, "internal_weight", group->internal_weight);
        add_double(b, "external_weight", group->external_weight);
        add_double(b, "mean_degree", group->mean_degree);
        ecosys_i_json_end_object(b);
    }
    ecosys_i_json_end_array(b);
}

int ecosys_i_render_json(char **out_text, size_t *out_length, const ecosys_i_summary *s)
{
    json j, *b = &j;
    ecosys_i_json_init(b, 2, " : ");
    ecosys_i_json_begin_object(b, ECOSYS_I_JSON_BLOCK);
    add_string(b, "schema", "ecosys-summary");
    add_size(b, "schema_version", SUMMARY_SCHEMA_VERSION);
    add_string(b, "libecosys_version", ecosys_version());
    add_dataset(b, s);
    add_options(b, s);
    add_uses_weights(b, s);
    add_graph(b, s);
    add_actors(b, s);
    add_groups(b, s);
    ecosys_i_json_end_object(b);
    /* The text ends with a newline like the other formats; it is malloc'ed,
     * as ecosys_string_free() expects. */
    return ecosys_i_json_finish(b, out_text, out_length);
}
