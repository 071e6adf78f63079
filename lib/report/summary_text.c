/* The summary as plain text and as Markdown. One renderer serves both: the
 * sections are the same and only headings, lists and tables differ, so the
 * two formats cannot drift apart. Memory comes from malloc and every failure
 * ends in ECOSYS_ENOMEM. */
#include "report/report_internal.h"

#include "core/error.h"
#include "report/text_out.h"

#include <glib.h>

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Snapshot and filters, in words. */
static void describe_snapshot(buf *b, int markdown, const ecosys_i_summary *s)
{
    const ecosys_graph_options *o = s->graph_options;
    if (!o) {
        ecosys_i_fact(b, markdown, "Snapshot",
                      "not stated (the caller did not pass the graph options)");
        return;
    }
    if (o->at)
        ecosys_i_fact(b, markdown, "Snapshot", "ties active on %s", o->at);
    else if (o->from && o->to)
        ecosys_i_fact(b, markdown, "Snapshot", "ties active at some time from %s to %s", o->from,
                      o->to);
    else if (o->from)
        ecosys_i_fact(b, markdown, "Snapshot", "ties active at some time from %s on", o->from);
    else if (o->to)
        ecosys_i_fact(b, markdown, "Snapshot", "ties active at some time up to %s", o->to);
    else
        ecosys_i_fact(b, markdown, "Snapshot", "all ties, whatever their dates");

    char filters[512];
    size_t used = 0;
    filters[0] = '\0';
    const char *names[3] = {"tie axis", "tie kind", "actor territory"};
    const char *values[3] = {o->axis, o->kind, o->territory};
    for (int i = 0; i < 3; i++)
        if (values[i] && used < sizeof filters)
            used += (size_t) snprintf(filters + used, sizeof filters - used, "%s%s = \"%s\"",
                                      used ? ", " : "", names[i], values[i]);
    if (o->drop_isolates && used < sizeof filters)
        snprintf(filters + used, sizeof filters - used, "%sactors without ties left out",
                 used ? ", " : "");
    ecosys_i_fact(b, markdown, "Filters", "%s", filters[0] ? filters : "none");
}

static void describe_weights(buf *b, int markdown, const ecosys_i_summary *s)
{
    if (s->weighted)
        ecosys_i_fact(
            b, markdown, "Weights",
            "used. Distances, betweenness, closeness and harmonic closeness take 1/weight as "
            "the length of a tie (a stronger tie is a shorter path); eigenvector and PageRank "
            "sum weights; strength sums weights; degree, local clustering, core numbers and "
            "the centralizations ignore them");
    else
        ecosys_i_fact(
            b, markdown, "Weights",
            "not used for paths: distances, betweenness, closeness and harmonic closeness "
            "count hops (each tie is one step); eigenvector, PageRank, degree, local "
            "clustering, core numbers and the centralizations ignore weights; only strength "
            "sums them (use the weighted option to change this)");
}

static void header(buf *b, int markdown, const ecosys_i_summary *s)
{
    const ecosys_graph_info *info = &s->info;
    ecosys_i_heading(b, markdown, 1, s->title ? s->title : "Network summary");
    ecosys_i_fact(
        b, markdown, "Network", "%zu actors, %zu ties, %s", info->actor_count, info->tie_count,
        info->directed ? "directed (a tie goes from its source to its target)" : "undirected");
    describe_snapshot(b, markdown, s);
    describe_weights(b, markdown, s);
    if (!s->paths)
        ecosys_i_fact(b, markdown, "Paths",
                      "path measures skipped for speed (no-paths option): betweenness, closeness, "
                      "harmonic closeness, the diameter, the mean distance and the betweenness and "
                      "closeness centralizations were not computed and read n/a");
    ecosys_i_fact(
        b, markdown, "Ties",
        "%zu in the dataset; %zu outside the snapshot or filters; %zu of weight 0 (kept as "
        "data, not counted); %zu self-ties ignored; %zu repeated ties merged into the tie "
        "between the same actors (weights summed); %zu ties remain",
        info->ties_in_dataset, info->ties_filtered_out, info->zero_weight_ties, info->self_ties,
        info->merged_ties, info->tie_count);
    ecosys_i_fact(b, markdown, "Actors", "%zu in the dataset; %zu left out by the filters",
                  ecosys_dataset_actor_count(s->dataset), info->actors_filtered_out);
    if (info->directed)
        ecosys_i_fact(
            b, markdown, "Direction",
            "degree and strength count incoming and outgoing ties; betweenness, closeness "
            "and harmonic closeness follow ties in their direction; eigenvector centrality "
            "counts incoming ties; components ignore direction");
    ecosys_i_buf_add(b, "\n");
}

static void graph_row(table *t, const char *label, double value, int show,
                      const char *meaning)
{
    ecosys_i_table_cell(t, label);
    ecosys_i_table_number(t, value, show);
    ecosys_i_table_cell(t, meaning);
}

static void whole_network(buf *b, int markdown, const ecosys_i_summary *s)
{
    const ecosys_structure *st = &s->structure;
    const char *length = s->weighted ? "sum of 1/weight along the path" : "in hops";
    char diameter[160], distance[160];
    snprintf(diameter, sizeof diameter, "longest shortest path in the largest component (%s)",
             length);
    snprintf(distance, sizeof distance,
             "mean shortest path between actors of the largest component (%s)", length);

    ecosys_i_heading(b, markdown, 2, "The whole network");
    table t;
    ecosys_i_table_init(&t, 3, "lrl");
    ecosys_i_table_cell(&t, "measure");
    ecosys_i_table_cell(&t, "value");
    ecosys_i_table_cell(&t, "what it means");
    graph_row(&t, "Density", st->density, SHOW_FRACTION, "share of the possible ties that exist");
    graph_row(&t, "Mean degree", st->mean_degree, SHOW_FRACTION,
              st->directed ? "mean number of outgoing ties per actor"
                           : "mean number of partners per actor");
    graph_row(&t, "Components", (double) st->component_count, SHOW_WHOLE,
              "separate parts of the network (an isolated actor is one part)");
    graph_row(&t, "Largest component", (double) st->largest_component_size, SHOW_WHOLE,
              "actors in the biggest part");
    graph_row(&t, "Isolated actors", (double) st->isolate_count, SHOW_WHOLE,
              "actors without any tie");
    graph_row(&t, "Diameter", st->diameter, SHOW_AUTO, diameter);
    graph_row(&t, "Mean distance", st->mean_distance, SHOW_FRACTION, distance);
    graph_row(&t, "Transitivity", st->transitivity, SHOW_FRACTION,
              "share of two-step paths closed into a triangle: partners of partners work "
              "together");
    graph_row(&t, "Mean local clustering", st->mean_local_clustering, SHOW_FRACTION,
              "mean over actors of the share of their partners' pairs that are tied "
              "(fewer than 2 partners: 0)");
    graph_row(&t, "Degree centralization", st->degree_centralization, SHOW_FRACTION,
              "0: every actor has as many partners; 1: a star around one actor");
    graph_row(&t, "Betweenness centralization", st->betweenness_centralization, SHOW_FRACTION,
              "1: one actor lies on every path (a single broker)");
    graph_row(&t, "Closeness centralization", st->closeness_centralization, SHOW_FRACTION,
              "1: one actor is much closer to all others than they are to each other");
    graph_row(&t, "Eigenvector centralization", st->eigenvector_centralization, SHOW_FRACTION,
              "1: influence concentrated on one actor");
    graph_row(&t, "Largest k-core", (double) st->max_core, SHOW_WHOLE,
              "largest k such that a group exists whose members each have k partners in it");
    graph_row(&t, "Articulation points", (double) st->articulation_point_count, SHOW_WHOLE,
              "actors whose departure would split the network");
    graph_row(&t, "Bridges", (double) st->bridge_count, SHOW_WHOLE,
              "ties whose loss would split the network");
    ecosys_i_table_render(b, &t, markdown);
    ecosys_i_table_dispose(&t);
    /* Without the path measures their four fields are NaN by request, not
     * undefined: only the others are checked. */
    const double defined[] = {st->density, st->mean_degree, st->transitivity,
                              st->mean_local_clustering, st->degree_centralization,
                              st->eigenvector_centralization, st->diameter, st->mean_distance,
                              st->betweenness_centralization, st->closeness_centralization};
    size_t checked = sizeof defined / sizeof defined[0] - (s->paths ? 0 : 4);
    if (!s->paths)
        ecosys_i_paragraph(
            b, markdown,
            "n/a for the diameter, the mean distance and the betweenness and closeness "
            "centralizations: path measures were skipped for speed.");
    for (size_t i = 0; i < checked; i++)
        if (isnan(defined[i])) {
            ecosys_i_paragraph(
                b, markdown,
                "n/a: not defined for this network (for example the closeness "
                "centralization when some actor reaches nobody, the diameter without "
                "any tie, transitivity without any two-step path).");
            break;
        }
}

/* How a ranked measure used weights, as a sentence. */
static const char *weights_note(const ecosys_i_summary *s, ecosys_i_measure m)
{
    switch (m) {
    case ECOSYS_I_STRENGTH:
        return "Uses the weights";
    case ECOSYS_I_BETWEENNESS:
    case ECOSYS_I_BETWEENNESS_NORMALIZED:
    case ECOSYS_I_CLOSENESS:
    case ECOSYS_I_HARMONIC:
        return s->weighted ? "Weighted paths: a tie's length is 1/weight"
                           : "Paths counted in hops, weights not used";
    default:
        return ecosys_i_summary_measure_weighted(s, m) ? "Uses the weights"
                                                       : "Weights not used";
    }
}

static void top_actors(buf *b, int markdown, const ecosys_i_summary *s)
{
    char title[64];
    snprintf(title, sizeof title, "Most central actors (top %zu)", s->top);
    ecosys_i_heading(b, markdown, 2, title);
    ecosys_i_paragraph(b, markdown,
                       "For each centrality, the actors with the highest values; equal "
                       "values are listed in the order of the input.");
    if (!s->paths)
        ecosys_i_paragraph(b, markdown,
                           "Betweenness, closeness and harmonic closeness are left out: "
                           "path measures were skipped for speed.");
    for (int m = 0; m < ECOSYS_I_MEASURE_COUNT; m++) {
        const ecosys_i_measure_info *info = &ecosys_i_measures[m];
        if (!info->ranked || (info->path && !s->paths))
            continue;
        ecosys_i_heading(b, markdown, 3, info->label);
        ecosys_i_paragraph(b, markdown, "%c%s. %s.", g_ascii_toupper(info->meaning[0]),
                           info->meaning + 1, weights_note(s, (ecosys_i_measure) m));
        if (s->rank_count[m] == 0) {
            ecosys_i_buf_add(b, markdown ? "_No actor has a value._\n\n"
                                         : "  (no actor has a value)\n\n");
            continue;
        }
        table t;
        ecosys_i_table_init(&t, 4, "rllr");
        ecosys_i_table_cell(&t, "#");
        ecosys_i_table_cell(&t, "actor");
        ecosys_i_table_cell(&t, "id");
        ecosys_i_table_cell(&t, info->name);
        for (size_t r = 0; r < s->rank_count[m]; r++) {
            const ecosys_i_rank *rank = &s->ranks[m][r];
            char name[4 * TEXT_NAME_WIDTH + 8];
            const char *full = ecosys_i_summary_actor_name(s, rank->vertex);
            ecosys_i_table_size(&t, r + 1);
            if (markdown) {
                ecosys_i_table_cell(&t, full);
            } else {
                ecosys_i_shorten(name, sizeof name, full, TEXT_NAME_WIDTH);
                ecosys_i_table_cell(&t, name);
            }
            ecosys_i_table_cell(&t, ecosys_i_summary_actor_id(s, rank->vertex));
            int show = info->integral ? SHOW_WHOLE
                       : m == ECOSYS_I_STRENGTH ? SHOW_AUTO
                                                : SHOW_FRACTION;
            ecosys_i_table_number(&t, rank->value, show);
        }
        ecosys_i_table_render(b, &t, markdown);
        ecosys_i_table_dispose(&t);
    }
}

static void groups(buf *b, int markdown, const ecosys_i_summary *s)
{
    char title[160];
    snprintf(title, sizeof title, "Groups by %s", s->group);
    ecosys_i_heading(b, markdown, 2, title);
    ecosys_i_paragraph(
        b, markdown,
        "%zu groups. Ties inside: both actors in the group. Ties to other groups: one "
        "actor in the group, the other outside (such a tie counts for both groups). "
        "Mean degree: mean number of partners of the group's actors.",
        s->group_count);
    table t;
    ecosys_i_table_init(&t, 5, "lrrrr");
    ecosys_i_table_cell(&t, s->group);
    ecosys_i_table_cell(&t, "actors");
    ecosys_i_table_cell(&t, "ties inside");
    ecosys_i_table_cell(&t, "ties to other groups");
    ecosys_i_table_cell(&t, "mean degree");
    for (size_t g = 0; g < s->group_count; g++) {
        const ecosys_i_group *group = &s->groups[g];
        ecosys_i_table_cell(&t, group->value[0] ? group->value : "(empty)");
        ecosys_i_table_size(&t, group->actor_count);
        ecosys_i_table_size(&t, group->internal_ties);
        ecosys_i_table_size(&t, group->external_ties);
        ecosys_i_table_number(&t, group->mean_degree, SHOW_FRACTION);
    }
    ecosys_i_table_render(b, &t, markdown);
    ecosys_i_table_dispose(&t);
}

static int render(char **out_text, size_t *out_length, const ecosys_i_summary *s, int markdown)
{
    buf b = {0};
    header(&b, markdown, s);
    whole_network(&b, markdown, s);
    top_actors(&b, markdown, s);
    groups(&b, markdown, s);
    ecosys_i_render_across(&b, markdown, s);
    ecosys_i_buf_addf(&b, "%sComputed by libecosys %s.%s\n", markdown ? "_" : "", ecosys_version(),
                      markdown ? "_" : "");
    if (b.failed || !b.data) {
        free(b.data);
        return ecosys_i_error_nomem();
    }
    *out_text = b.data;
    if (out_length)
        *out_length = b.length;
    return 0;
}

int ecosys_i_render_text(char **out_text, size_t *out_length, const ecosys_i_summary *s)
{
    return render(out_text, out_length, s, 0);
}

int ecosys_i_render_markdown(char **out_text, size_t *out_length, const ecosys_i_summary *s)
{
    return render(out_text, out_length, s, 1);
}
