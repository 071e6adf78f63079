/* The summary as JSON, written with the shared JSON writer
 * (core/json_out.h). The layout is documented field by field in
 * docs/summary-json.md: keep the two in step. The text keeps the look it
 * had when json-glib wrote it ("name" : value, two spaces per level).
 * Measures are written with the shortest text that reads back as the same
 * double, a whole number with a decimal point (3.0); NaN and infinities,
 * which JSON cannot hold, as null (ecosys_i_json_member_real()); counts
 * held in doubles as integers (ecosys_i_json_member_count()). */
#include "report/report_internal.h"

#include "core/json_out.h"

#include <stddef.h>
#include <stdint.h>

/* Version of the layout; bumped when a field changes meaning or goes away,
 * and for the measures across groups (2), so that a reader can test for
 * them (docs/summary-json.md, "Stability"). */
#define SUMMARY_SCHEMA_VERSION 2

typedef ecosys_i_json_out json;

static void add_dataset(json *b, const ecosys_i_summary *s)
{
    ecosys_i_json_member_object(b, "dataset", ECOSYS_I_JSON_BLOCK);
    ecosys_i_json_member_string(b, "title", s->title);
    ecosys_i_json_member_bool(b, "directed", ecosys_dataset_is_directed(s->dataset));
    ecosys_i_json_member_uint(b, "actor_count", ecosys_dataset_actor_count(s->dataset));
    ecosys_i_json_member_uint(b, "tie_count", ecosys_dataset_tie_count(s->dataset));
    ecosys_i_json_end_object(b);
}

static void add_options(json *b, const ecosys_i_summary *s)
{
    ecosys_i_json_member_object(b, "options", ECOSYS_I_JSON_BLOCK);
    ecosys_i_json_member_string(b, "group", s->group);
    ecosys_i_json_member_bool(b, "weighted", s->weighted);
    ecosys_i_json_member_bool(b, "paths", s->paths);
    ecosys_i_json_member_uint(b, "top", s->top);
    ecosys_i_json_member_real(b, "pagerank_damping", ECOSYS_I_DAMPING);
    ecosys_i_json_member_bool(b, "across_groups", s->across.computed);
    ecosys_i_json_member_uint(b, "seed", s->across.seed);
    ecosys_i_json_member_uint(b, "replicates", s->across.replicates);
    ecosys_i_json_member_string(b, "communities", ecosys_i_communities_name(s->across.communities));
    const ecosys_graph_options *o = s->graph_options;
    if (!o) {
        ecosys_i_json_member_null(b, "snapshot");
    } else {
        ecosys_i_json_member_object(b, "snapshot", ECOSYS_I_JSON_BLOCK);
        ecosys_i_json_member_string(b, "at", o->at);
        ecosys_i_json_member_string(b, "from", o->from);
        ecosys_i_json_member_string(b, "to", o->to);
        ecosys_i_json_member_string(b, "axis", o->axis);
        ecosys_i_json_member_string(b, "kind", o->kind);
        ecosys_i_json_member_string(b, "territory", o->territory);
        ecosys_i_json_member_string(b, "direction", ecosys_i_direction_name(o->direction));
        ecosys_i_json_member_bool(b, "drop_isolates", o->drop_isolates);
        ecosys_i_json_end_object(b);
    }
    ecosys_i_json_end_object(b);
}

static void add_uses_weights(json *b, const ecosys_i_summary *s)
{
    ecosys_i_json_member_object(b, "uses_weights", ECOSYS_I_JSON_BLOCK);
    ecosys_i_json_member_bool(b, "distances", s->weighted);
    for (int m = 0; m < ECOSYS_I_MEASURE_COUNT; m++)
        ecosys_i_json_member_bool(b, ecosys_i_measures[m].name,
                                  ecosys_i_summary_measure_weighted(s, (ecosys_i_measure) m));
    ecosys_i_json_member_bool(b, "core_number", 0);
    ecosys_i_json_member_bool(b, "centralization", 0); /* always hops (ecosys_structure_compute) */
    /* Measures across groups: the summary's weighting, except the
     * brokerage roles, which count two-paths. */
    static const char *const across[] = {"ei_index", "assortativity", "blau",
                                          "participation", "constraint", "effective_size",
                                          "efficiency", "hierarchy", "communities"};
    for (size_t i = 0; i < sizeof across / sizeof across[0]; i++)
        ecosys_i_json_member_bool(b, across[i], s->weighted);
    ecosys_i_json_member_bool(b, "brokerage", 0);
    ecosys_i_json_end_object(b);
}

static void add_graph(json *b, const ecosys_i_summary *s)
{
    const ecosys_structure *st = &s->structure;
    const ecosys_graph_info *info = &s->info;
    ecosys_i_json_member_object(b, "graph", ECOSYS_I_JSON_BLOCK);
    ecosys_i_json_member_uint(b, "actor_count", st->actor_count);
    ecosys_i_json_member_uint(b, "tie_count", st->tie_count);
    ecosys_i_json_member_bool(b, "directed", st->directed);
    ecosys_i_json_member_bool(b, "weighted", st->weighted);
    ecosys_i_json_member_real(b, "density", st->density);
    ecosys_i_json_member_real(b, "mean_degree", st->mean_degree);
    ecosys_i_json_member_uint(b, "component_count", st->component_count);
    ecosys_i_json_member_uint(b, "largest_component_size", st->largest_component_size);
    ecosys_i_json_member_uint(b, "isolate_count", st->isolate_count);
    ecosys_i_json_member_real(b, "diameter", st->diameter);
    ecosys_i_json_member_real(b, "mean_distance", st->mean_distance);
    ecosys_i_json_member_real(b, "transitivity", st->transitivity);
    ecosys_i_json_member_real(b, "mean_local_clustering", st->mean_local_clustering);
    ecosys_i_json_member_real(b, "degree_centralization", st->degree_centralization);
    ecosys_i_json_member_real(b, "betweenness_centralization", st->betweenness_centralization);
    ecosys_i_json_member_real(b, "closeness_centralization", st->closeness_centralization);
    ecosys_i_json_member_real(b, "eigenvector_centralization", st->eigenvector_centralization);
    ecosys_i_json_member_uint(b, "max_core", st->max_core);
    ecosys_i_json_member_uint(b, "articulation_point_count", st->articulation_point_count);
    ecosys_i_json_member_uint(b, "bridge_count", st->bridge_count);
    ecosys_i_json_member_uint(b, "ties_in_dataset", info->ties_in_dataset);
    ecosys_i_json_member_uint(b, "ties_filtered_out", info->ties_filtered_out);
    ecosys_i_json_member_uint(b, "zero_weight_ties", info->zero_weight_ties);
    ecosys_i_json_member_uint(b, "self_ties", info->self_ties);
    ecosys_i_json_member_uint(b, "merged_ties", info->merged_ties);
    ecosys_i_json_member_uint(b, "actors_filtered_out", info->actors_filtered_out);
    ecosys_i_json_end_object(b);
}

/* ---- measures across groups (docs/summary-json.md) ----------------------- */

/* A row of brokerage values by role, on one line: counts or doubles. */
static void add_roles(json *b, const char *key, const uint64_t *counts, const double *values)
{
    ecosys_i_json_member_object(b, key, ECOSYS_I_JSON_LINE);
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
            ecosys_i_json_member_null(b, names[i]);
        ecosys_i_json_member_null(b, "brokerage");
        ecosys_i_json_member_null(b, "brokerage_z");
    } else {
        const double values[] = {a->ei_actor[v],          a->blau[v],
                                 a->participation[v],     a->holes.constraint[v],
                                 a->holes.effective_size[v], a->holes.efficiency[v],
                                 a->holes.hierarchy[v]};
        for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
            ecosys_i_json_member_real(b, names[i], values[i]);
        size_t row = v * ECOSYS_BROKERAGE_ROLE_COUNT;
        add_roles(b, "brokerage", a->brokerage.raw + row, NULL);
        add_roles(b, "brokerage_z", NULL, a->brokerage.z + row);
    }
    if (!a->community) {
        ecosys_i_json_member_null(b, "community");
        ecosys_i_json_member_null(b, "within_module_z");
        ecosys_i_json_member_null(b, "community_participation");
        ecosys_i_json_member_null(b, "role");
        return;
    }
    ecosys_i_json_member_uint(b, "community", a->actor_community[v]);
    ecosys_i_json_member_real(b, "within_module_z", a->within_module_z[v]);
    ecosys_i_json_member_real(b, "community_participation", a->community_participation[v]);
    ecosys_i_json_member_string(b, "role", ecosys_role_name(a->role[v]));
}

/* A group's E-I index with its conditional exact null. */
static void add_group_ei(json *b, const ecosys_i_summary *s, size_t g)
{
    const ecosys_ei_index *ei = &s->across.ei;
    if (!s->across.computed) {
        ecosys_i_json_member_null(b, "ei_index");
        return;
    }
    ecosys_i_json_member_object(b, "ei_index", ECOSYS_I_JSON_LINE);
    ecosys_i_json_member_real(b, "external", ei->group_external[g]);
    ecosys_i_json_member_real(b, "internal", ei->group_internal[g]);
    ecosys_i_json_member_real(b, "ei_index", ei->group_ei_index[g]);
    ecosys_i_json_member_real(b, "expected", ei->group_expected[g]);
    ecosys_i_json_member_real(b, "sd", ei->group_sd[g]);
    ecosys_i_json_member_real(b, "z", ei->group_z[g]);
    ecosys_i_json_end_object(b);
}

/* A k x k matrix as an array of rows, each on one line. */
static void add_matrix(json *b, const char *key, const double *cells, size_t k, int counts)
{
    ecosys_i_json_member_array(b, key, ECOSYS_I_JSON_BLOCK);
    for (size_t g = 0; g < k; g++) {
        ecosys_i_json_begin_array(b, ECOSYS_I_JSON_LINE);
        for (size_t h = 0; h < k; h++) {
            double x = cells[g * k + h];
            if (counts)
                ecosys_i_json_count(b, x);
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
        ecosys_i_json_member_null(b, "mixing");
        return;
    }
    const ecosys_ei_index *ei = &a->ei;
    const ecosys_ei_permutation *perm = &a->permutation;
    ecosys_i_json_member_object(b, "mixing", ECOSYS_I_JSON_BLOCK);
    ecosys_i_json_member_string(b, "group", s->group);
    ecosys_i_json_member_bool(b, "weighted", s->weighted);
    ecosys_i_json_member_uint(b, "group_count", s->group_count);

    ecosys_i_json_member_object(b, "ei_index", ECOSYS_I_JSON_BLOCK);
    ecosys_i_json_member_real(b, "external", ei->external);
    ecosys_i_json_member_real(b, "internal", ei->internal);
    ecosys_i_json_member_real(b, "ei_index", ei->ei_index);
    ecosys_i_json_member_real(b, "dyads", ei->dyads);
    ecosys_i_json_member_real(b, "internal_dyads", ei->internal_dyads);
    ecosys_i_json_member_real(b, "expected", ei->expected);
    ecosys_i_json_member_real(b, "sd", ei->sd);
    ecosys_i_json_member_real(b, "z", ei->z);
    ecosys_i_json_member_real(b, "p", a->ei_p);
    ecosys_i_json_member_object(b, "permutation", ECOSYS_I_JSON_BLOCK);
    ecosys_i_json_member_uint(b, "replicates", perm->replicates);
    ecosys_i_json_member_uint(b, "seed", perm->seed);
    ecosys_i_json_member_real(b, "observed", perm->observed);
    ecosys_i_json_member_real(b, "mean", perm->mean);
    ecosys_i_json_member_real(b, "sd", perm->sd);
    ecosys_i_json_member_real(b, "z", perm->z);
    ecosys_i_json_member_real(b, "p_greater", perm->p_greater);
    ecosys_i_json_member_real(b, "p_less", perm->p_less);
    ecosys_i_json_end_object(b);
    ecosys_i_json_end_object(b);

    ecosys_i_json_member_real(b, "assortativity", a->assortativity);
    if (!a->matrix.ties) {
        ecosys_i_json_member_null(b, "mixing_matrix");
    } else {
        ecosys_i_json_member_object(b, "mixing_matrix", ECOSYS_I_JSON_BLOCK);
        ecosys_i_json_member_array(b, "groups", ECOSYS_I_JSON_BLOCK);
        for (size_t g = 0; g < s->group_count; g++)
            ecosys_i_json_string(b, s->groups[g].value);
        ecosys_i_json_end_array(b);
        ecosys_i_json_member_bool(b, "directed", a->matrix.directed);
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
        ecosys_i_json_member_null(b, "brokerage");
        return;
    }
    const ecosys_brokerage *br = &a->brokerage;
    ecosys_i_json_member_object(b, "brokerage", ECOSYS_I_JSON_BLOCK);
    ecosys_i_json_member_string(b, "group", s->group);
    ecosys_i_json_member_bool(b, "weighted", 0);
    ecosys_i_json_member_uint(b, "arc_count", br->arc_count);
    ecosys_i_json_member_real(b, "density", br->density);
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
        ecosys_i_json_member_null(b, "communities");
        return;
    }
    const ecosys_community_summary *cs = &a->community_summary;
    ecosys_i_json_member_object(b, "communities", ECOSYS_I_JSON_BLOCK);
    ecosys_i_json_member_string(b, "algorithm", ecosys_i_communities_name(a->communities));
    ecosys_i_json_member_uint(b, "seed", a->seed);
    ecosys_i_json_member_bool(b, "weighted", s->weighted);
    ecosys_i_json_member_real(b, "resolution", 1.0);
    ecosys_i_json_member_uint(b, "community_count", cs->community_count);
    ecosys_i_json_member_real(b, "modularity", a->modularity);
    ecosys_i_json_member_string(b, "composition_by", s->group);
    ecosys_i_json_member_array(b, "communities", ECOSYS_I_JSON_BLOCK);
    for (size_t c = 0; c < cs->community_count; c++) {
        ecosys_i_json_begin_object(b, ECOSYS_I_JSON_BLOCK);
        ecosys_i_json_member_string(b, "name", ecosys_partition_group_name(a->community, c));
        ecosys_i_json_member_uint(b, "size", cs->sizes[c]);
        ecosys_i_json_member_uint(b, "internal_ties", cs->internal_ties[c]);
        ecosys_i_json_member_uint(b, "external_ties", cs->external_ties[c]);
        ecosys_i_json_member_real(b, "internal_weight", cs->internal_weight[c]);
        ecosys_i_json_member_real(b, "external_weight", cs->external_weight[c]);
        if (!cs->composition) {
            ecosys_i_json_member_null(b, "composition");
        } else {
            ecosys_i_json_member_object(b, "composition", ECOSYS_I_JSON_LINE);
            for (size_t g = 0; g < cs->group_count; g++)
                ecosys_i_json_member_uint(b, s->groups[g].value,
                                          cs->composition[c * cs->group_count + g]);
            ecosys_i_json_end_object(b);
        }
        ecosys_i_json_end_object(b);
    }
    ecosys_i_json_end_array(b);
    ecosys_i_json_end_object(b);
}

static void add_actors(json *b, const ecosys_i_summary *s)
{
    ecosys_i_json_member_array(b, "actors", ECOSYS_I_JSON_BLOCK);
    for (size_t v = 0; v < s->n; v++) {
        ecosys_i_json_begin_object(b, ECOSYS_I_JSON_BLOCK);
        ecosys_i_json_member_string(b, "id", ecosys_i_summary_actor_id(s, v));
        ecosys_i_json_member_string(b, "name", ecosys_i_summary_actor_name(s, v));
        ecosys_i_json_member_string(b, "group", s->groups[s->actor_group[v]].value);
        for (int m = 0; m < ECOSYS_I_MEASURE_COUNT; m++) {
            if (ecosys_i_measures[m].integral)
                ecosys_i_json_member_count(b, ecosys_i_measures[m].name, s->values[m][v]);
            else
                ecosys_i_json_member_real(b, ecosys_i_measures[m].name, s->values[m][v]);
        }
        ecosys_i_json_member_uint(b, "core_number", s->core_number[v]);
        ecosys_i_json_member_uint(b, "component", s->component[v]);
        add_actor_across(b, s, v);
        ecosys_i_json_end_object(b);
    }
    ecosys_i_json_end_array(b);
}

static void add_groups(json *b, const ecosys_i_summary *s)
{
    ecosys_i_json_member_array(b, "groups", ECOSYS_I_JSON_BLOCK);
    for (size_t g = 0; g < s->group_count; g++) {
        const ecosys_i_group *group = &s->groups[g];
        ecosys_i_json_begin_object(b, ECOSYS_I_JSON_BLOCK);
        ecosys_i_json_member_string(b, "value", group->value);
        ecosys_i_json_member_uint(b, "actor_count", group->actor_count);
        ecosys_i_json_member_uint(b, "internal_ties", group->internal_ties);
        ecosys_i_json_member_uint(b, "external_ties", group->external_ties);
        ecosys_i_json_member_real(b, "internal_weight", group->internal_weight);
        ecosys_i_json_member_real(b, "external_weight", group->external_weight);
        ecosys_i_json_member_real(b, "mean_degree", group->mean_degree);
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
    ecosys_i_json_member_string(b, "schema", "ecosys-summary");
    ecosys_i_json_member_uint(b, "schema_version", SUMMARY_SCHEMA_VERSION);
    ecosys_i_json_member_string(b, "libecosys_version", ecosys_version());
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
