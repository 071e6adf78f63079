/**
 * @file ecosys/twomode.h
 * @brief Two-mode data: events, participation, projection to actor ties,
 *        per-axis layers and helix synergy.
 *
 * A dataset may hold, beside its actors and ties, a table of *events*
 * (committees, projects, meetings: events.csv) and a table of
 * *participation* rows, each naming one actor and one event
 * (participation.csv). Both tables keep free attributes as text, like the
 * actor and tie tables (for example a participant's role). DOMAIN.md
 * sections 2 and 3; docs/formats.md gives the files.
 *
 * Participation is kept as data exactly as given: an actor listed twice for
 * the same event is two rows. The computations below (projection, layers,
 * synergy) take participation as a set: an (actor, event) pair counts once,
 * and each computation reports how many repeated rows it set aside.
 *
 * Strings returned by accessors are borrowed: owned by the dataset and valid
 * until it is freed. Strings passed in are copied. Thread safety as for
 * ecosys/dataset.h: reads from several threads at once are safe; no thread
 * may read while another modifies the dataset.
 */
#ifndef ECOSYS_TWOMODE_H
#define ECOSYS_TWOMODE_H

#include "ecosys/dataset.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The two two-mode tables of a dataset, for their free attributes. */
typedef enum ecosys_twomode_table {
    ECOSYS_TWOMODE_EVENTS = 0,       /**< events.csv: one row per event. */
    ECOSYS_TWOMODE_PARTICIPATION = 1 /**< participation.csv: one row per (actor, event). */
} ecosys_twomode_table;

/**
 * The fields of an event. When adding, NULL strings mean "" (except
 * @c id, which is required). When reading, no string is NULL.
 */
typedef struct ecosys_event_info {
    const char *id;   /**< Unique among events, non-empty, valid UTF-8 (may equal an actor id). */
    const char *name; /**< Display name. */
    const char *date; /**< ISO 8601 date YYYY, YYYY-MM or YYYY-MM-DD (a whole period); "" = undated. */
    const char *axis; /**< Thematic axis of the event; "" = none. */
    const char *kind; /**< e.g. steering_committee, working_group, collective, meeting. */
} ecosys_event_info;

/** One participation row: an actor takes part in an event. */
typedef struct ecosys_participation_info {
    size_t actor; /**< Actor index in the dataset. */
    size_t event; /**< Event index in the dataset. */
} ecosys_participation_info;

/**
 * Appends an event.
 *
 * @param out_index receives the new event's index (may be NULL).
 * @param dataset   the dataset to extend.
 * @param event     the event's fields; strings are copied.
 * @return 0; ECOSYS_EINVAL for an empty id, a malformed date, invalid
 *         UTF-8 or a NULL argument; ECOSYS_EEXISTS if an event already has
 *         this id; ECOSYS_ENOMEM.
 */
ECOSYS_EXTERN int ecosys_twomode_add_event(size_t *out_index, ecosys_dataset *dataset,
                                           const ecosys_event_info *event);

/** Returns the number of events (0 for NULL or a dataset without events). */
ECOSYS_EXTERN size_t ecosys_twomode_event_count(const ecosys_dataset *dataset);

/**
 * Reads an event's fields.
 *
 * @param out     receives borrowed strings, valid until the dataset is freed.
 * @param dataset the dataset.
 * @param index   event index, 0 <= index < ecosys_twomode_event_count().
 * @return 0, or ECOSYS_EINVAL if @p index is out of range.
 */
ECOSYS_EXTERN int ecosys_twomode_event(ecosys_event_info *out, const ecosys_dataset *dataset,
                                       size_t index);

/**
 * Finds an event by id. Average time O(1).
 *
 * @param out_index receives the event index.
 * @param dataset   the dataset.
 * @param id        the event id.
 * @return 0, ECOSYS_EINVAL (NULL argument) or ECOSYS_ENOTFOUND.
 */
ECOSYS_EXTERN int ecosys_twomode_find_event(size_t *out_index, const ecosys_dataset *dataset,
                                            const char *id);

/**
 * Appends a participation row.
 *
 * @param out_index     receives the new row's index (may be NULL).
 * @param dataset       the dataset to extend.
 * @param participation the actor and event indices.
 * @return 0; ECOSYS_EINVAL for an index out of range or a NULL argument;
 *         ECOSYS_ENOMEM.
 */
ECOSYS_EXTERN int ecosys_twomode_add_participation(size_t *out_index, ecosys_dataset *dataset,
                                                   const ecosys_participation_info *participation);

/** Returns the number of participation rows (0 for NULL or none). */
ECOSYS_EXTERN size_t ecosys_twomode_participation_count(const ecosys_dataset *dataset);

/**
 * Reads a participation row.
 *
 * @param out     receives the actor and event indices.
 * @param dataset the dataset.
 * @param index   row index, 0 <= index < ecosys_twomode_participation_count().
 * @return 0, or ECOSYS_EINVAL if @p index is out of range.
 */
ECOSYS_EXTERN int ecosys_twomode_participation(ecosys_participation_info *out,
                                               const ecosys_dataset *dataset, size_t index);

/**
 * Returns non-zero if the dataset holds two-mode data: an event, a
 * participation row or a two-mode free attribute. Writers that cannot store
 * it (GraphML, JSON) refuse such a dataset with ECOSYS_EUNSUPPORTED.
 */
ECOSYS_EXTERN int ecosys_twomode_present(const ecosys_dataset *dataset);

/**
 * Removes the dataset's two-mode data: every event, participation row and
 * two-mode free attribute; actors and ties stay. For a deliberate export of
 * the one-mode part to a format that cannot store events (GraphML, JSON).
 * Accepts NULL. Invalidates strings borrowed from the two-mode tables.
 */
ECOSYS_EXTERN void ecosys_twomode_clear(ecosys_dataset *dataset);

/** Returns the number of free attributes of a two-mode table. */
ECOSYS_EXTERN size_t ecosys_twomode_attribute_count(const ecosys_dataset *dataset,
                                                    ecosys_twomode_table table);

/**
 * Returns the name of free attribute @p attr of a two-mode table (borrowed),
 * or NULL if out of range.
 */
ECOSYS_EXTERN const char *ecosys_twomode_attribute_name(const ecosys_dataset *dataset,
                                                        ecosys_twomode_table table,
                                                        size_t attr);

/**
 * Adds a free attribute (a column) to a two-mode table; existing rows get "".
 *
 * @param out_attr receives the attribute index (may be NULL).
 * @param dataset  the dataset.
 * @param table    ECOSYS_TWOMODE_EVENTS or ECOSYS_TWOMODE_PARTICIPATION.
 * @param name     the column name, non-empty UTF-8; copied.
 * @return 0; ECOSYS_EEXISTS if the name is a built-in field of the table
 *         (events: id, name, date, axis, kind; participation: actor, event)
 *         or already one of its attributes; ECOSYS_EINVAL for an empty or
 *         invalid name or a NULL argument; ECOSYS_ENOMEM.
 */
ECOSYS_EXTERN int ecosys_twomode_add_attribute(size_t *out_attr, ecosys_dataset *dataset,
                                               ecosys_twomode_table table, const char *name);

/**
 * Finds a free attribute of a two-mode table by name.
 *
 * @param out_attr receives the attribute index.
 * @param dataset  the dataset.
 * @param table    the table.
 * @param name     the column name.
 * @return 0, ECOSYS_EINVAL (NULL argument) or ECOSYS_ENOTFOUND.
 */
ECOSYS_EXTERN int ecosys_twomode_find_attribute(size_t *out_attr, const ecosys_dataset *dataset,
                                                ecosys_twomode_table table, const char *name);

/**
 * Sets the value of a free attribute on one row (an event or a
 * participation row).
 *
 * @param dataset the dataset.
 * @param table   the table.
 * @param row     the row index.
 * @param attr    the attribute index.
 * @param value   the text, valid UTF-8; copied.
 * @return 0; ECOSYS_EINVAL for an index out of range, NULL or invalid
 *         UTF-8; ECOSYS_ENOMEM.
 */
ECOSYS_EXTERN int ecosys_twomode_set_attribute(ecosys_dataset *dataset,
                                               ecosys_twomode_table table, size_t row,
                                               size_t attr, const char *value);

/**
 * Returns the value of a free attribute on one row (borrowed; "" if never
 * set), or NULL if @p row or @p attr is out of range.
 */
ECOSYS_EXTERN const char *ecosys_twomode_attribute(const ecosys_dataset *dataset,
                                                   ecosys_twomode_table table, size_t row,
                                                   size_t attr);

/* ---- which events a computation takes -------------------------------------- */

/**
 * A filter on events, shared by the computations below. Strings are
 * borrowed for the duration of the call only; NULL means "no filter".
 *
 * Dates as in graph snapshots (ecosys/graph.h): an event's date names a
 * period ("2019" is the whole year); the event passes @c at if that period
 * contains the day, and passes [from, to] if the periods overlap. Under any
 * date filter an undated event is left out (nothing says when it took
 * place); without one every event passes.
 */
typedef struct ecosys_event_filter {
    const char *axis; /**< Only events of this axis. */
    const char *kind; /**< Only events of this kind. */
    const char *at;   /**< Only events whose date contains this day. Exclusive with from/to. */
    const char *from; /**< Only events whose date ends on or after this; NULL: unbounded. */
    const char *to;   /**< Only events whose date starts on or before this; NULL: unbounded. */
} ecosys_event_filter;

/* ---- projection to actor ties ---------------------------------------------- */

/** How a projected tie between actors a and b is weighted. */
typedef enum ecosys_projection_weight {
    /** Number of shared events |E_a and E_b| (NetworkX weighted_projected_graph). */
    ECOSYS_PROJECTION_COUNT = 0,
    /** Newman (2001): sum over shared events e of 1/(n_e - 1), n_e the
     *  number of actors of e (NetworkX collaboration_weighted_projected_graph). */
    ECOSYS_PROJECTION_NEWMAN = 1,
    /** Jaccard overlap |E_a and E_b| / |E_a or E_b| (shared over either) (NetworkX
     *  overlap_weighted_projected_graph with jaccard=True). */
    ECOSYS_PROJECTION_JACCARD = 2
} ecosys_projection_weight;

/** Version of ecosys_projection_options this header describes. */
#define ECOSYS_PROJECTION_OPTIONS_VERSION 1

/**
 * Options of ecosys_twomode_project(). Initialise with
 * ECOSYS_PROJECTION_OPTIONS_INIT or ecosys_projection_options_init().
 */
typedef struct ecosys_projection_options {
    unsigned int version;           /**< ECOSYS_PROJECTION_OPTIONS_VERSION. */
    ecosys_projection_weight weight;/**< Default: ECOSYS_PROJECTION_COUNT. */
    ecosys_event_filter filter;     /**< Which events count; default: all. */
} ecosys_projection_options;

/** Static initialiser for ecosys_projection_options. */
#define ECOSYS_PROJECTION_OPTIONS_INIT { ECOSYS_PROJECTION_OPTIONS_VERSION, \
                                         ECOSYS_PROJECTION_COUNT, { NULL, NULL, NULL, NULL, NULL } }

/**
 * Initialises projection options to their defaults.
 *
 * @param options the options to fill.
 * @param version ECOSYS_PROJECTION_OPTIONS_VERSION.
 * @return 0, or ECOSYS_EINVAL if @p version is not one this library knows.
 */
ECOSYS_EXTERN int ecosys_projection_options_init(ecosys_projection_options *options,
                                                 unsigned int version);

/** What a projection (or layers, or synergy) took from the two-mode data. */
typedef struct ecosys_projection_info {
    size_t events_used;              /**< Events that passed the filter. */
    size_t events_filtered_out;      /**< Events left out by the filter. */
    size_t participations_used;      /**< Distinct (actor, event) pairs of the events used. */
    size_t repeated_participations;  /**< Rows repeating a pair already counted (ignored). */
    size_t single_actor_events;      /**< Events used that have one actor: they tie no pair. */
    size_t tie_count;                /**< Actor pairs sharing at least one event used. */
} ecosys_projection_info;

/**
 * Projects participation to actor ties: one undirected tie per pair of
 * actors sharing at least one event that passes the filter, weighted as
 * @p options says (E_a: the events used that actor a takes part in; n_e: the
 * number of distinct actors of event e).
 *
 * The result is a new, undirected dataset: a copy of the actors (all their
 * fields and free attributes, in the same order, so actor indices are the
 * same), no events, and the projected ties, ordered by (source, target)
 * actor index with source < target, of kind "co-participation", empty axis
 * and dates (use the filter for a time window or an axis), and a free tie
 * attribute "shared_events" giving |E_a and E_b| whatever the weighting.
 * Every graph function and measure runs on it (ecosys_graph_new()), and it
 * can be written to any format.
 *
 * Time O(P log P + sum_e n_e^2 log) for P participation rows, memory
 * O(sum_e n_e^2) (the pairs of every event).
 *
 * @param out      receives the projected dataset; free it with
 *                 ecosys_dataset_free(). Left NULL on failure.
 * @param out_info receives what was used (may be NULL).
 * @param dataset  the two-mode dataset (borrowed for the call only).
 * @param options  NULL for defaults (count, all events).
 * @return 0; ECOSYS_EINVAL (NULL argument, unknown weighting or options
 *         version, malformed filter date, at together with from/to, from
 *         after to); ECOSYS_ENOMEM.
 */
ECOSYS_EXTERN int ecosys_twomode_project(ecosys_dataset **out, ecosys_projection_info *out_info,
                                         const ecosys_dataset *dataset,
                                         const ecosys_projection_options *options);

/* ---- per-axis layers -------------------------------------------------------- */

/** The headline measures of one axis layer. */
typedef struct ecosys_axis_layer {
    const char *axis;         /**< The axis (owned by the result). */
    size_t event_count;       /**< Events of this axis that passed the filter. */
    size_t actor_count;       /**< Actors taking part in at least one of them. */
    size_t tie_count;         /**< Pairs of these actors sharing one of them. */
    double density;           /**< tie_count / (actor_count (actor_count - 1) / 2); NaN below 2 actors. */
    size_t component_count;   /**< Connected components among the layer's actors. */
    size_t largest_component; /**< Actors in the largest of them. */
} ecosys_axis_layer;

/** An actor taking part in events of more than one axis. */
typedef struct ecosys_multi_axis_actor {
    size_t actor;      /**< Actor index in the dataset. */
    size_t axis_count; /**< Number of axes (>= 2). */
    const char *axes;  /**< Its axes, ';'-separated, in layer order (owned by the result). */
} ecosys_multi_axis_actor;

/**
 * Result of ecosys_twomode_axis_layers(); release with
 * ecosys_axis_layers_dispose().
 */
typedef struct ecosys_axis_layers {
    ecosys_axis_layer *layers;              /**< One per axis, in order of first event. */
    size_t layer_count;                     /**< Number of layers. */
    ecosys_multi_axis_actor *multi_axis;    /**< Actors active on several axes, by actor index. */
    size_t multi_axis_count;                /**< Number of such actors. */
    size_t unassigned_events;               /**< Events used that have no axis (in no layer). */
} ecosys_axis_layers;

/**
 * Splits two-mode data by event axis: for each axis, the projection of its
 * events (as ecosys_twomode_project() with the filter's axis set to it) and
 * the headline measures of that layer, and the actors that take part in
 * events of two axes or more, with their axes. Events whose axis is empty
 * are in no layer (counted in @c unassigned_events). The filter's kind and
 * dates apply; its axis must be NULL.
 *
 * Time O(P log P + sum_e n_e^2 log) as for the projection.
 *
 * @param out     receives the layers; release with ecosys_axis_layers_dispose().
 *                Zeroed on failure.
 * @param dataset the two-mode dataset.
 * @param filter  NULL for all events.
 * @return 0; ECOSYS_EINVAL (NULL argument, a filter axis, bad filter
 *         dates); ECOSYS_ENOMEM.
 */
ECOSYS_EXTERN int ecosys_twomode_axis_layers(ecosys_axis_layers *out,
                                             const ecosys_dataset *dataset,
                                             const ecosys_event_filter *filter);

/** Releases what ecosys_twomode_axis_layers() allocated. Accepts NULL. */
ECOSYS_EXTERN void ecosys_axis_layers_dispose(ecosys_axis_layers *layers);

/* ---- helix synergy ------------------------------------------------------------ */

/** Most sectors a helix synergy takes (the quadruple helix). */
#define ECOSYS_HELIX_MAX_SECTORS 4

/** Version of ecosys_helix_options this header describes. */
#define ECOSYS_HELIX_OPTIONS_VERSION 1

/**
 * Options of ecosys_twomode_helix_synergy(). Initialise with
 * ECOSYS_HELIX_OPTIONS_INIT or ecosys_helix_options_init(), then set
 * @c sectors and @c sector_count.
 */
typedef struct ecosys_helix_options {
    unsigned int version;        /**< ECOSYS_HELIX_OPTIONS_VERSION. */
    const char *const *sectors;  /**< The helices: 2 to ECOSYS_HELIX_MAX_SECTORS distinct values. */
    size_t sector_count;         /**< Number of @c sectors. */
    const char *attribute;       /**< Actor column holding the sector; NULL: "sector". */
    int keep_empty_events;       /**< Non-zero: events where none of the sectors takes part
                                  *   count as the all-absent vector; default: left out. */
    ecosys_event_filter filter;  /**< Which events count; default: all. */
} ecosys_helix_options;

/** Static initialiser for ecosys_helix_options. */
#define ECOSYS_HELIX_OPTIONS_INIT { ECOSYS_HELIX_OPTIONS_VERSION, NULL, 0, NULL, 0, \
                                    { NULL, NULL, NULL, NULL, NULL } }

/**
 * Initialises helix options to their defaults.
 *
 * @param options the options to fill.
 * @param version ECOSYS_HELIX_OPTIONS_VERSION.
 * @return 0, or ECOSYS_EINVAL if @p version is not one this library knows.
 */
ECOSYS_EXTERN int ecosys_helix_options_init(ecosys_helix_options *options, unsigned int version);

/** Result of ecosys_twomode_helix_synergy(); a plain value, nothing to release. */
typedef struct ecosys_helix_synergy {
    size_t dimension;      /**< Number of sectors k (2, 3 or 4). */
    size_t event_count;    /**< Events coded (the sample size N). */
    size_t empty_events;   /**< Events used where none of the sectors takes part
                            *   (left out unless keep_empty_events). */
    double entropy[ECOSYS_HELIX_MAX_SECTORS]; /**< H of each sector alone, bits, in option order. */
    double joint_entropy;  /**< H of all k sectors together, bits. */
    double t;              /**< Mutual information in k dimensions, bits (sign: see below). */
    double redundancy;     /**< Mutual redundancy R = (-1)^(k+1) T, bits: negative is synergy in any dimension. */
} ecosys_helix_synergy;

/**
 * Helix synergy (Leydesdorff 2003; Leydesdorff, Park & Lengyel 2014;
 * Leydesdorff & Ivanova 2014): mutual information in k dimensions over
 * events coded by the sectors taking part.
 *
 * Each event that passes the filter gives a binary vector x in {0,1}^k:
 * x_i = 1 if at least one actor of sector i takes part (an actor's sector is
 * the value of @c attribute, compared byte for byte). With p the
 * distribution of these vectors over the N events, H_S is the Shannon
 * entropy (log2, bits) of the marginal of p on the sectors S, and
 *
 *     T = sum over non-empty S of (-1)^(|S|+1) H_S
 *
 * that is T_xy = H_x + H_y - H_xy (k = 2, >= 0),
 * T_xyz = H_x + H_y + H_z - H_xy - H_xz - H_yz + H_xyz (k = 3), and for
 * k = 4 the alternating sum of the 4 single, 6 pair, 4 triple entropies and
 * the joint one (+, -, +, -).
 *
 * Sign convention: T is reported as this formula gives it, in bits. As in
 * Leydesdorff (2003), negative T in three dimensions means synergy: the
 * configuration reduces uncertainty beyond the bilateral relations;
 * positive T means the sectors' relations add up with no such reduction.
 * The sign of T alternates with the number of dimensions, so Leydesdorff &
 * Ivanova (2014, JASIST 65(2)) define the mutual redundancy R, equal to T
 * in odd dimensions and to -T in even ones (R_xyz = T_xyz, R_wxyz =
 * -T_wxyz): @c redundancy reports it, and a negative R reads as synergy
 * whatever k. In two dimensions R = -T_xy <= 0 always.
 *
 * Time O(P + N 2^k). N = 0 gives T = 0 with event_count 0.
 *
 * @param out     receives the result.
 * @param dataset the two-mode dataset.
 * @param options the sectors and filter (required: sectors has no default).
 * @return 0; ECOSYS_EINVAL (NULL argument, fewer than 2 or more than
 *         ECOSYS_HELIX_MAX_SECTORS sectors, a repeated sector, unknown
 *         attribute, bad filter, unknown options version); ECOSYS_ENOMEM.
 */
ECOSYS_EXTERN int ecosys_twomode_helix_synergy(ecosys_helix_synergy *out,
                                               const ecosys_dataset *dataset,
                                               const ecosys_helix_options *options);

#ifdef __cplusplus
}
#endif

#endif /* ECOSYS_TWOMODE_H */
