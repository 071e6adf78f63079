/* The sections across groups of the text and Markdown summary: "Across
 * groups" (E-I index and how to read it, mixing matrix, assortativity),
 * "Brokers" (brokerage roles and structural holes) and "Communities". They
 * read s->across (summary_sectors.c) and are written for an evaluator who
 * is not a network analyst: every figure comes with what it means. */
#include "report/report_internal.h"

#include "report/text_out.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Widest mixing matrix shown as a table (columns: the groups plus one). */
#define MATRIX_TABLE_GROUPS 12

/* Most communities listed, largest first. */
#define COMMUNITY_ROWS 20

/* Longest name in the tables of this file, plain text. */
#define NAME_WIDTH 22

/* A number as the text shows it, in a caller's buffer. */
static const char *num(char out[48], double v, int show)
{
    ecosys_i_format_number(out, v, show);
    return out;
}

/* The group attribute in the plural, for sentences. */
static const char *groups_word(const ecosys_i_summary *s)
{
    if (strcmp(s->group, "sector") == 0)
        return "sectors";
    if (strcmp(s->group, "territory") == 0)
        return "territories";
    if (strcmp(s->group, "axes") == 0)
        return "axes";
    return "groups";
}

static const char *group_label(const char *value)
{
    return value[0] ? value : "(empty)";
}

/* An actor's name: whole in Markdown, shortened in plain text. */
static void name_cell(table *t, const ecosys_i_summary *s, size_t v, int markdown)
{
    const char *full = ecosys_i_summary_actor_name(s, v);
    if (markdown) {
        ecosys_i_table_cell(t, full);
        return;
    }
    char name[4 * NAME_WIDTH + 8];
    ecosys_i_shorten(name, sizeof name, full, NAME_WIDTH);
    ecosys_i_table_cell(t, name);
}

/* ---- across groups ------------------------------------------------------ */

/* The E-I index and its reading in one or two plain sentences. */
static void ei_reading(buf *b, int markdown, const ecosys_i_summary *s)
{
    const ecosys_i_across *a = &s->across;
    const ecosys_ei_index *ei = &a->ei;
    char x[48], e[48], i[48], ex[48], sd[48], z[48], p[48];
    const char *what = s->weighted ? "tie weight" : "ties";
    if (isnan(ei->ei_index)) {
        ecosys_i_fact(b, markdown, "E-I index", "not defined: the network has no tie");
        return;
    }
    ecosys_i_fact(b, markdown, "E-I index",
                  "%s (%s %s across %s, %s inside one; -1: every tie stays inside a group, "
                  "+1: every tie crosses groups)",
                  num(x, ei->ei_index, SHOW_FRACTION), num(e, ei->external, SHOW_AUTO), what,
                  groups_word(s), num(i, ei->internal, SHOW_AUTO));
    if (isnan(ei->z)) {
        ecosys_i_fact(b, markdown, "Compared with chance",
                      "not possible here (every actor in one group, each actor in a group of "
                      "its own, or every possible tie present)");
        return;
    }
    ecosys_i_fact(b, markdown, "By chance",
                  "a random network with the same number of ties would give %s on average "
                  "(standard deviation %s)",
                  num(ex, ei->expected, SHOW_FRACTION), num(sd, ei->sd, SHOW_FRACTION));
    num(z, ei->z, SHOW_FRACTION);
    num(p, a->ei_p, SHOW_FRACTION);
    int clear = fabs(ei->z) >= 2.0 && !(a->ei_p >= 0.05);
    if (clear)
        ecosys_i_fact(b, markdown, "Reading",
                      "ties cross %s %s than in a random network with the same number of "
                      "ties (z = %s, p = %s)",
                      groups_word(s), ei->ei_index < ei->expected ? "less" : "more", z, p);
    else
        ecosys_i_fact(b, markdown, "Reading",
                      "ties cross %s about as often as in a random network with the same "
                      "number of ties (z = %s, p = %s): the difference may be chance",
                      groups_word(s), z, p);
}

static void mixing_matrix(buf *b, int markdown, const ecosys_i_summary *s)
{
    const ecosys_mixing_matrix *mm = &s->across.matrix;
    ecosys_i_heading(b, markdown, 3, "Mixing matrix");
    if (!mm->ties) {
        ecosys_i_paragraph(b, markdown,
                           "%zu groups: too many for a mixing matrix (more than %d).",
                           s->group_count, ECOSYS_I_MAX_MATRIX_GROUPS);
        return;
    }
    if (s->group_count > MATRIX_TABLE_GROUPS) {
        ecosys_i_paragraph(b, markdown,
                           "%zu groups: too many columns to show here; the matrix is in the "
                           "JSON output (mixing.mixing_matrix).",
                           s->group_count);
        return;
    }
    ecosys_i_paragraph(b, markdown, "%s%s",
                       mm->directed ? "Ties from an actor of the row's group to an actor of "
                                      "the column's group."
                                    : "Ties between an actor of the row's group and an actor "
                                      "of the column's group; the diagonal counts the ties "
                                      "inside a group.",
                       s->weighted ? " Each cell: number of ties (summed weight)." : "");
    size_t k = s->group_count;
    char align[MATRIX_TABLE_GROUPS + 2];
    align[0] = 'l';
    memset(align + 1, 'r', k);
    align[k + 1] = '\0';
    table t;
    ecosys_i_table_init(&t, k + 1, align);
    ecosys_i_table_cell(&t, mm->directed ? "from \\ to" : s->group);
    for (size_t h = 0; h < k; h++)
        ecosys_i_table_cell(&t, group_label(s->groups[h].value));
    for (size_t g = 0; g < k; g++) {
        ecosys_i_table_cell(&t, group_label(s->groups[g].value));
        for (size_t h = 0; h < k; h++) {
            char ties[48], weight[48], cell[100];
            num(ties, mm->ties[g * k + h], SHOW_WHOLE);
            if (s->weighted) {
                snprintf(cell, sizeof cell, "%s (%s)", ties,
                         num(weight, mm->weights[g * k + h], SHOW_AUTO));
                ecosys_i_table_cell(&t, cell);
            } else {
                ecosys_i_table_cell(&t, ties);
            }
        }
    }
    ecosys_i_table_render(b, &t, markdown);
    ecosys_i_table_dispose(&t);
}

static void group_ei(buf *b, int markdown, const ecosys_i_summary *s)
{
    const ecosys_ei_index *ei = &s->across.ei;
    ecosys_i_heading(b, markdown, 3, "E-I index of each group");
    ecosys_i_paragraph(b, markdown,
                       "A group's ties to other groups minus its ties inside, over all its "
                       "ties; by chance: what a random placement of the group's ties would "
                       "give; z: how far from it, in standard deviations (beyond about 2 or -2: "
                       "unlikely by chance). n/a: a group without ties, or of a single actor.");
    table t;
    ecosys_i_table_init(&t, 4, "lrrr");
    ecosys_i_table_cell(&t, s->group);
    ecosys_i_table_cell(&t, "E-I index");
    ecosys_i_table_cell(&t, "by chance");
    ecosys_i_table_cell(&t, "z");
    for (size_t g = 0; g < s->group_count; g++) {
        ecosys_i_table_cell(&t, group_label(s->groups[g].value));
        ecosys_i_table_number(&t, ei->group_ei_index[g], SHOW_FRACTION);
        ecosys_i_table_number(&t, ei->group_expected[g], SHOW_FRACTION);
        ecosys_i_table_number(&t, ei->group_z[g], SHOW_FRACTION);
    }
    ecosys_i_table_render(b, &t, markdown);
    ecosys_i_table_dispose(&t);
}

static void across_groups(buf *b, int markdown, const ecosys_i_summary *s)
{
    const ecosys_i_across *a = &s->across;
    char title[200], x[48];
    snprintf(title, sizeof title, "Across groups (by %s)", s->group);
    ecosys_i_heading(b, markdown, 2, title);
    ecosys_i_paragraph(b, markdown,
                       "Whether actors work mostly within their own group or across groups. "
                       "%s p: share of %zu random reshufflings of the %s labels over the same "
                       "actors (network unchanged, seed %" PRIu64 ") whose E-I index is at "
                       "least as far from their average, in either direction.",
                       s->weighted ? "Ties count with their weight." : "Every tie counts 1.",
                       a->replicates, s->group, a->seed);
    ei_reading(b, markdown, s);
    ecosys_i_fact(b, markdown, "Assortativity",
                  "%s (+1: ties only within groups; 0: as mixed as chance given each group's "
                  "share of ties; negative: groups seek each other out)",
                  num(x, a->assortativity, SHOW_FRACTION));
    ecosys_i_buf_add(b, "\n");
    mixing_matrix(b, markdown, s);
    group_ei(b, markdown, s);
}

/* ---- brokers -------------------------------------------------------------- */

static const char *const role_label[5] = {"coordinator", "itinerant", "representative",
                                          "gatekeeper", "liaison"};

/* The role an actor plays most, or "-" if none. */
static const char *main_role(const ecosys_brokerage *br, size_t v)
{
    const uint64_t *row = br->raw + v * ECOSYS_BROKERAGE_ROLE_COUNT;
    int best = -1;
    for (int r = 0; r < 5; r++)
        if (row[r] > 0 && (best < 0 || row[r] > row[best]))
            best = r;
    return best < 0 ? "-" : role_label[best];
}

/* An actor's roles, most frequent first: "liaison 102, gatekeeper 79". */
static void roles_text(buf *out, const uint64_t *row)
{
    int order[5] = {0, 1, 2, 3, 4};
    for (int i = 1; i < 5; i++) /* insertion sort, stable: equal counts in role order */
        for (int j = i; j > 0 && row[order[j]] > row[order[j - 1]]; j--) {
            int swap = order[j];
            order[j] = order[j - 1];
            order[j - 1] = swap;
        }
    int shown = 0;
    for (int i = 0; i < 5; i++)
        if (row[order[i]] > 0)
            ecosys_i_buf_addf(out, "%s%s %" PRIu64, shown++ ? ", " : "", role_label[order[i]],
                              row[order[i]]);
    if (!shown)
        ecosys_i_buf_add(out, "-");
}

static void broker_table(buf *b, int markdown, const ecosys_i_summary *s)
{
    const ecosys_i_across *a = &s->across;
    const ecosys_brokerage *br = &a->brokerage;
    char title[64];
    snprintf(title, sizeof title, "Most brokerage (top %zu)", s->top);
    ecosys_i_heading(b, markdown, 3, title);
    if (a->broker_rank_count == 0) {
        ecosys_i_paragraph(b, markdown, "No actor links two partners who are not tied.");
        return;
    }
    table t;
    ecosys_i_table_init(&t, 6, "rllrrl");
    static const char *const head[] = {"#", "actor", "group", "total", "z", "roles"};
    for (size_t i = 0; i < 6; i++)
        ecosys_i_table_cell(&t, head[i]);
    for (size_t r = 0; r < a->broker_rank_count; r++) {
        size_t v = a->broker_rank[r].vertex;
        const uint64_t *row = br->raw + v * ECOSYS_BROKERAGE_ROLE_COUNT;
        ecosys_i_table_size(&t, r + 1);
        name_cell(&t, s, v, markdown);
        ecosys_i_table_cell(&t, group_label(s->groups[s->actor_group[v]].value));
        ecosys_i_table_number(&t, (double) row[ECOSYS_ROLE_TOTAL], SHOW_WHOLE);
        ecosys_i_table_number(&t, br->z[v * ECOSYS_BROKERAGE_ROLE_COUNT + ECOSYS_ROLE_TOTAL],
                              SHOW_FRACTION);
        buf cell = {0};
        roles_text(&cell, row);
        if (cell.failed || !cell.data)
            t.failed = 1;
        else
            ecosys_i_table_cell(&t, cell.data);
        free(cell.data);
    }
    ecosys_i_table_render(b, &t, markdown);
    ecosys_i_table_dispose(&t);
    ecosys_i_paragraph(b, markdown,
                       "Total: pairs of partners the actor links (a tie from the first to it "
                       "and from it to the second, none between them), by role in the last "
                       "column, most frequent first. z: how far the total lies above what a "
                       "random network of the same density would give, in standard "
                       "deviations.");
}

static void constraint_table(buf *b, int markdown, const ecosys_i_summary *s)
{
    const ecosys_i_across *a = &s->across;
    char title[64];
    snprintf(title, sizeof title, "Fewest constraints (top %zu)", s->top);
    ecosys_i_heading(b, markdown, 3, title);
    if (a->constraint_rank_count == 0) {
        ecosys_i_paragraph(b, markdown, "No actor has a partner.");
        return;
    }
    table t;
    ecosys_i_table_init(&t, 7, "rllrrrl");
    static const char *const head[] = {"#", "actor", "group", "constraint", "eff. size",
                                       "efficiency", "main role"};
    for (size_t i = 0; i < 7; i++)
        ecosys_i_table_cell(&t, head[i]);
    for (size_t r = 0; r < a->constraint_rank_count; r++) {
        size_t v = a->constraint_rank[r].vertex;
        ecosys_i_table_size(&t, r + 1);
        name_cell(&t, s, v, markdown);
        ecosys_i_table_cell(&t, group_label(s->groups[s->actor_group[v]].value));
        ecosys_i_table_number(&t, a->holes.constraint[v], SHOW_FRACTION);
        ecosys_i_table_number(&t, a->holes.effective_size[v], SHOW_FRACTION);
        ecosys_i_table_number(&t, a->holes.efficiency[v], SHOW_FRACTION);
        ecosys_i_table_cell(&t, main_role(&a->brokerage, v));
    }
    ecosys_i_table_render(b, &t, markdown);
    ecosys_i_table_dispose(&t);
    ecosys_i_paragraph(b, markdown,
                       "Constraint (Burt): 1 for an actor with a single partner, lower when its "
                       "partners are many and not tied to each other, so that it alone links "
                       "them. Eff. size (effective size): its partners minus their "
                       "redundancy (the ties among them); efficiency: effective size over the "
                       "number of partners. "
                       "%s Main role: the brokerage role it plays most.",
                       s->weighted ? "Ties count with their weight."
                                   : "Every tie counts 1 (weights not used).");
}

static void brokers(buf *b, int markdown, const ecosys_i_summary *s)
{
    const ecosys_brokerage *br = &s->across.brokerage;
    ecosys_i_heading(b, markdown, 2, "Brokers");
    ecosys_i_paragraph(b, markdown,
                       "A broker stands between actors who are not tied to each other. The "
                       "roles of Gould and Fernandez say between which %s (by %s; tie weights "
                       "not used):",
                       groups_word(s), s->group);
    ecosys_i_fact(b, markdown, "Coordinator", "links two actors of its own group");
    ecosys_i_fact(b, markdown, "Itinerant", "links two actors of one other group");
    ecosys_i_fact(b, markdown, "Representative",
                  "carries what comes from its own group out to another group");
    ecosys_i_fact(b, markdown, "Gatekeeper",
                  "lets what comes from another group into its own group");
    ecosys_i_fact(b, markdown, "Liaison", "links two groups, neither of them its own");
    if (!s->info.directed)
        ecosys_i_fact(b, markdown, "Note",
                      "ties are undirected: each pair is counted both ways, so the "
                      "representative and gatekeeper counts are equal");
    char total[48], z[48];
    ecosys_i_fact(b, markdown, "Whole network",
                  "%s brokered pairs (z = %s against a random network of the same density)",
                  num(total, (double) br->graph_raw[ECOSYS_ROLE_TOTAL], SHOW_WHOLE),
                  num(z, br->graph_z[ECOSYS_ROLE_TOTAL], SHOW_FRACTION));
    ecosys_i_buf_add(b, "\n");
    broker_table(b, markdown, s);
    constraint_table(b, markdown, s);
}

/* ---- communities ---------------------------------------------------------- */

/* A Guimera-Amaral role for readers: "connector hub", "non-hub connector". */
static const char *role_words(ecosys_role role)
{
    switch (role) {
    case ECOSYS_ROLE_ULTRA_PERIPHERAL:
        return "ultra-peripheral";
    case ECOSYS_ROLE_PERIPHERAL:
        return "peripheral";
    case ECOSYS_ROLE_NONHUB_CONNECTOR:
        return "non-hub connector";
    case ECOSYS_ROLE_NONHUB_KINLESS:
        return "non-hub kinless";
    case ECOSYS_ROLE_PROVINCIAL_HUB:
        return "provincial hub";
    case ECOSYS_ROLE_CONNECTOR_HUB:
        return "connector hub";
    case ECOSYS_ROLE_KINLESS_HUB:
        return "kinless hub";
    default:
        return "unknown";
    }
}

/* Larger communities first, then in numbering order. */
static int compare_size(const void *x, const void *y)
{
    const ecosys_i_rank *a = x, *b = y;
    if (a->value != b->value)
        return a->value < b->value ? 1 : -1;
    return (a->vertex > b->vertex) - (a->vertex < b->vertex);
}

/* The make-up of community c: "intermediary 5, academic 2", largest first;
 * "n/a" without a composition. Returns 0 or -1 (memory). */
static int make_up(buf *out, const ecosys_i_summary *s, size_t c)
{
    const ecosys_community_summary *cs = &s->across.community_summary;
    if (!cs->composition) {
        ecosys_i_buf_add(out, "n/a");
        return out->failed ? -1 : 0;
    }
    size_t k = cs->group_count, shown = 0;
    ecosys_i_rank *parts = malloc((k ? k : 1) * sizeof *parts);
    if (!parts)
        return -1;
    for (size_t g = 0; g < k; g++)
        if (cs->composition[c * k + g] > 0)
            parts[shown++] = (ecosys_i_rank){g, (double) cs->composition[c * k + g]};
    qsort(parts, shown, sizeof *parts, compare_size);
    for (size_t i = 0; i < shown; i++)
        ecosys_i_buf_addf(out, "%s%s %zu", i ? ", " : "",
                          group_label(s->groups[parts[i].vertex].value),
                          (size_t) parts[i].value);
    free(parts);
    return out->failed ? -1 : 0;
}

static void community_table(buf *b, int markdown, const ecosys_i_summary *s)
{
    const ecosys_community_summary *cs = &s->across.community_summary;
    size_t count = cs->community_count;
    ecosys_i_rank *order = malloc((count ? count : 1) * sizeof *order);
    if (!order) {
        b->failed = 1;
        return;
    }
    for (size_t c = 0; c < count; c++)
        order[c] = (ecosys_i_rank){c, (double) cs->sizes[c]};
    qsort(order, count, sizeof *order, compare_size);
    size_t rows = count < COMMUNITY_ROWS ? count : COMMUNITY_ROWS;
    char heading[160];
    snprintf(heading, sizeof heading, "make-up by %s", s->group);
    table t;
    ecosys_i_table_init(&t, 5, "lrrrl");
    ecosys_i_table_cell(&t, "community");
    ecosys_i_table_cell(&t, "actors");
    ecosys_i_table_cell(&t, "ties inside");
    ecosys_i_table_cell(&t, "ties to others");
    ecosys_i_table_cell(&t, heading);
    for (size_t r = 0; r < rows; r++) {
        size_t c = order[r].vertex;
        ecosys_i_table_cell(&t, ecosys_partition_group_name(s->across.community, c));
        ecosys_i_table_size(&t, cs->sizes[c]);
        ecosys_i_table_size(&t, cs->internal_ties[c]);
        ecosys_i_table_size(&t, cs->external_ties[c]);
        buf cell = {0};
        if (make_up(&cell, s, c) || !cell.data) {
            t.failed = 1;
        } else {
            ecosys_i_table_cell(&t, cell.data);
        }
        free(cell.data);
    }
    ecosys_i_table_render(b, &t, markdown);
    ecosys_i_table_dispose(&t);
    if (rows < count)
        ecosys_i_paragraph(b, markdown,
                           "The %zu largest communities are shown; the %zu others are in the "
                           "JSON output.",
                           rows, count - rows);
    free(order);
}

static void hubs(buf *b, int markdown, const ecosys_i_summary *s)
{
    const ecosys_i_across *a = &s->across;
    ecosys_i_heading(b, markdown, 3, "Hubs and connectors");
    ecosys_i_paragraph(b, markdown,
                       "z inside (within-module z): how many more ties an actor has inside "
                       "its community than its community's average, in standard deviations (a "
                       "hub: 2.5 or more). Participation: how evenly its ties spread over "
                       "the communities (0: all in its own). A connector hub is a hub with many "
                       "ties to other communities too; a non-hub connector links communities "
                       "without being a hub (Guimera and Amaral's roles).");
    if (a->hub_rank_count == 0) {
        ecosys_i_paragraph(b, markdown,
                           "No hub or connector: no actor stands out by its ties inside its "
                           "community, nor spreads its ties widely over other communities.");
        return;
    }
    table t;
    ecosys_i_table_init(&t, 6, "rlllrr");
    static const char *const head[] = {"#", "actor", "community", "role", "z inside",
                                       "participation"};
    for (size_t i = 0; i < 6; i++)
        ecosys_i_table_cell(&t, head[i]);
    for (size_t r = 0; r < a->hub_rank_count; r++) {
        size_t v = a->hub_rank[r].vertex;
        ecosys_i_table_size(&t, r + 1);
        name_cell(&t, s, v, markdown);
        ecosys_i_table_cell(&t, ecosys_partition_group_name(a->community,
                                                            a->actor_community[v]));
        ecosys_i_table_cell(&t, role_words(a->role[v]));
        ecosys_i_table_number(&t, a->within_module_z[v], SHOW_FRACTION);
        ecosys_i_table_number(&t, a->community_participation[v], SHOW_FRACTION);
    }
    ecosys_i_table_render(b, &t, markdown);
    ecosys_i_table_dispose(&t);
}

static void communities(buf *b, int markdown, const ecosys_i_summary *s)
{
    const ecosys_i_across *a = &s->across;
    ecosys_i_heading(b, markdown, 2, "Communities");
    if (!a->community) {
        ecosys_i_paragraph(b, markdown, "Not computed (communities option: none).");
        return;
    }
    const ecosys_community_summary *cs = &a->community_summary;
    size_t singles = 0;
    for (size_t c = 0; c < cs->community_count; c++)
        singles += cs->sizes[c] == 1;
    char q[48];
    ecosys_i_paragraph(b, markdown,
                       "Groups of actors more tied to each other than to the rest, found by the "
                       "%s method (seed %" PRIu64 "%s). Modularity %s: the share of ties inside "
                       "communities minus the share a random network with the same degrees "
                       "would have (0: no community structure; above about 0.3: clear "
                       "communities).",
                       a->communities == ECOSYS_SUMMARY_COMMUNITIES_LOUVAIN ? "Louvain"
                                                                            : "Leiden",
                       a->seed, s->weighted ? ", ties weighted" : ", every tie counts 1",
                       num(q, a->modularity, SHOW_FRACTION));
    ecosys_i_fact(b, markdown, "Communities", "%zu (%zu of a single actor)",
                  cs->community_count, singles);
    ecosys_i_buf_add(b, "\n");
    community_table(b, markdown, s);
    hubs(b, markdown, s);
}

void ecosys_i_render_across(buf *b, int markdown, const struct ecosys_i_summary *s)
{
    if (!s->across.computed)
        return;
    across_groups(b, markdown, s);
    brokers(b, markdown, s);
    communities(b, markdown, s);
}
