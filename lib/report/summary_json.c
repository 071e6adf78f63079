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
#include <stdint.h>

/* Version of the layout; bumped when a field changes meaning or goes away,
 * and for the measures across groups (2), so that a reader can test for
 * them (docs/summary-json.md, "Stability"). */
#define SUMMARY_SCHEMA_VERSION 2

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
    add_bool(b, "across_groups", s->across.computed);
    add_size(b, "seed", s->across.seed);
    add_size(b, "replicates", s->across.replicates);
    add_string(b, "communities", ecosys_i_communities_name(s->across.communities));
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
    /* Measures across groups: the summary's weighting, except the
     * brokerage roles, which count two-paths. */
    static const char *const across[] = {"ei_index", "assortativity", "blau",
                                          "participation", "constraint", "effective_size",
                                          "efficiency", "hierarchy", "communities"};
    for (size_t i = 0; i < sizeof across / sizeof across[0]; i++)
        add_bool(b, across[i], s->weighted);
    add_bool(b, "brokerage", 0);
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

/* ---- measures across groups (docs/summary-json.md) ----------------------- */

static void add_null(json *b, const char *key)
{
    ecosys_i_json_name(b, key);
    ecosys_i_json_null(b);
}

/* A row of brokerage values by role, on one line: counts or doubles. */
static void add_roles(json *b, const char *key, const uint64_t *counts, const double *values)
{
    ecosys_i_json_name(b, key);
    ecosys_i_json_begin_object(b, ECOSYS_I_JSON_LINE);
    for (int r = 0; r < ECOSYS_BROKERAGE_ROLE_COUNT; r++) {
        ecosys_i_json_name(b, ecosys_brokerage_role_name(r));
        if (counts)
            ecosys_i_json_uint(b, counts[r]);
        else
            ecosys_i_json_real(b, values[r]);
    }
    ecosys_i_json_end_object(b);
}

static void add_actor_across(json *b, const ecosys_i_summary *s, size_t v)
{
    const ecosys_i_across *a = &s->across;
    static const char *const names[] = {"ei_index", "blau", "participation", "constraint",
                                        "effective_size", "efficiency", "hierarchy"};
    if (!a->computed) {
        for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
            add_null(b, names[i]);
        add_null(b, "brokerage");
        add_null(b, "brokerage_z");
    } else {
        const double values[] = {a->ei_actor[v],          a->blau[v],
                                 a->participation[v],     a->holes.constraint[v],
                                 a->holes.effective_size[v], a->holes.efficiency[v],
                                 a->holes.hierarchy[v]};
        for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
            add_double(b, names[i], values[i]);
        size_t row = v * ECOSYS_BROKERAGE_ROLE_COUNT;
        add_roles(b, "brokerage", a->brokerage.raw + row, NULL);
        add_roles(b, "brokerage_z", NULL, a->brokerage.z + row);
    }
    if (!a->community) {
        add_null(b, "community");
        add_null(b, "within_module_z");
        add_null(b, "community_participation");
        add_null(b, "role");
        return;
    }
    add_size(b, "community", a->actor_community[v]);
    add_double(b, "within_module_z", a->within_module_z[v]);
    add_double(b, "community_participation", a->community_participation[v]);
    add_string(b, "role", ecosys_role_name(a->role[v]));
}

/* A group's E-I index with its conditional exact null. */
static void add_group_ei(json *b, const ecosys_i_summary *s, size_t g)
{
    const ecosys_ei_index *ei = &s->across.ei;
    if (!s->across.computed) {
        add_null(b, "ei_index");
        return;
    }
    ecosys_i_json_name(b, "ei_index");
    ecosys_i_json_begin_object(b, ECOSYS_I_JSON_LINE);
    add_double(b, "external", ei->group_external[g]);
    add_double(b, "internal", ei->group_internal[g]);
    add_double(b, "ei_index", ei->group_ei_index[g]);
    add_double(b, "expected", ei->group_expected[g]);
    add_double(b, "sd", ei->group_sd[g]);
    add_double(b, "z", ei->group_z[g]);
    ecosys_i_json_end_object(b);
}

/* A k x k matrix as an array of rows, each on one line. */
static void add_matrix(json *b, const char *key, const double *cells, size_t k, int counts)
{
    begin_array(b, key);
    for (size_t g = 0; g < k; g++) {
        ecosys_i_json_begin_array(b, ECOSYS_I_JSON_LINE);
        for (size_t h = 0; h < k; h++) {
            double x = cells[g * k + h];
            if (counts && x >= 0 && x < 9e15 && x == floor(x))
                ecosys_i_json_uint(b, (uint64_t) x);
            else
                ecosys_i_json_real(b, x);
        }
        ecosys_i_json_end_array(b);
    }
    ecosys_i_json_end_array(b);
}

static void add_mixing(json *b, const ecosys_i_summary *s)
{
    const ecosys_i_across *a = &s->across;
    if (!a->computed) {
        add_null(b, "mixing");
        return;
    }
    const ecosys_ei_index *ei = &a->ei;
    const ecosys_ei_permutation *perm = &a->permutation;
    begin_object(b, "mixing");
    add_string(b, "group", s->group);
    add_bool(b, "weighted", s->weighted);
    add_size(b, "group_count", s->group_count);

    begin_object(b, "ei_index");
    add_double(b, "external", ei->external);
    add_double(b, "internal", ei->internal);
    add_double(b, "ei_index", ei->ei_index);
    add_double(b, "dyads", ei->dyads);
    add_double(b, "internal_dyads", ei->internal_dyads);
    add_double(b, "expected", ei->expected);
    add_double(b, "sd", ei->sd);
    add_double(b, "z", ei->z);
    add_double(b, "p", a->ei_p);
    begin_object(b, "permutation");
    add_size(b, "replicates", perm->replicates);
    add_size(b, "seed", perm->seed);
    add_double(b, "observed", perm->observed);
    add_double(b, "mean", perm->mean);
    add_double(b, "sd", perm->sd);
    add_double(b, "z", perm->z);
    add_double(b, "p_greater", perm->p_greater);
    add_double(b, "p_less", perm->p_less);
    ecosys_i_json_end_object(b);
    ecosys_i_json_end_object(b);

    add_double(b, "assortativity", a->assortativity);
    if (!a->matrix.ties) {
        add_null(b, "mixing_matrix");
    } else {
        begin_object(b, "mixing_matrix");
        begin_array(b, "groups");
        for (size_t g = 0; g < s->group_count; g++)
            ecosys_i_json_string(b, s->groups[g].value);
        ecosys_i_json_end_array(b);
        add_bool(b, "directed", a->matrix.directed);
        add_matrix(b, "ties", a->matrix.ties, a->matrix.group_count, 1);
        add_matrix(b, "weights", a->matrix.weights, a->matrix.group_count, 0);
        ecosys_i_json_end_object(b);
    }
    ecosys_i_json_end_object(b);
}

static void add_brokerage(json *b, const ecosys_i_summary *s)
{
    const ecosys_i_across *a = &s->across;
    if (!a->computed) {
        add_null(b, "brokerage");
        return;
    }
    const ecosys_brokerage *br = &a->brokerage;
    begin_object(b, "brokerage");
    add_string(b, "group", s->group);
    add_bool(b, "weighted", 0);
    add_size(b, "arc_count", br->arc_count);
    add_double(b, "density", br->density);
    add_roles(b, "graph_raw", br->graph_raw, NULL);
    add_roles(b, "graph_expected", NULL, br->graph_expected);
    add_roles(b, "graph_sd", NULL, br->graph_sd);
    add_roles(b, "graph_z", NULL, br->graph_z);
    ecosys_i_json_end_object(b);
}

static void add_communities(json *b, const ecosys_i_summary *s)
{
    const ecosys_i_across *a = &s->across;
    if (!a->community) {
        add_null(b, "communities");
        return;
    }
    const ecosys_community_summary *cs = &a->community_summary;
    begin_object(b, "communities");
    add_string(b, "algorithm", ecosys_i_communities_name(a->communities));
    add_size(b, "seed", a->seed);
    add_bool(b, "weighted", s->weighted);
    add_double(b, "resolution", 1.0);
    add_size(b, "community_count", cs->community_count);
    add_double(b, "modularity", a->modularity);
    add_string(b, "composition_by", s->group);
    begin_array(b, "communities");
    for (size_t c = 0; c < cs->community_count; c++) {
        ecosys_i_json_begin_object(b, ECOSYS_I_JSON_BLOCK);
        add_string(b, "name", ecosys_partition_group_name(a->community, c));
        add_size(b, "size", cs->sizes[c]);
        add_size(b, "internal_ties", cs->internal_ties[c]);
        add_size(b, "external_ties", cs->external_ties[c]);
        add_double(b, "internal_weight", cs->internal_weight[c]);
        add_double(b, "external_weight", cs->external_weight[c]);
        if (!cs->composition) {
            add_null(b, "composition");
        } else {
            ecosys_i_json_name(b, "composition");
            ecosys_i_json_begin_object(b, ECOSYS_I_JSON_LINE);
            for (size_t g = 0; g < cs->group_count; g++)
                add_size(b, s->groups[g].value, cs->composition[c * cs->group_count + g]);
            ecosys_i_json_end_object(b);
        }
        ecosys_i_json_end_object(b);
    }
    ecosys_i_json_end_array(b);
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
        add_actor_across(b, s, v);
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
        add_group_ei(b, s, g);
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
    add_mixing(b, s);
    add_brokerage(b, s);
    add_communities(b, s);
    ecosys_i_json_end_object(b);
    /* The text ends with a newline like the other formats; it is malloc'ed,
     * as ecosys_string_free() expects. */
    return ecosys_i_json_finish(b, out_text, out_length);
}
