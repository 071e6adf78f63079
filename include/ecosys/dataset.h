/**
 * @file ecosys/dataset.h
 * @brief The data model: actors, collaborations (ties) and free attributes.
 *
 * A dataset is the data as read from files or built by the caller: every
 * actor and every tie, including self-ties, repeated ties and ties of weight
 * zero, with every attribute kept as text and written back unchanged. Graph
 * measures never run on a dataset directly: build an ecosys_graph (see
 * ecosys/graph.h), which states how such ties are treated.
 *
 * Strings returned by accessors are borrowed: owned by the dataset and valid
 * until it is freed. Strings passed in are copied.
 *
 * Thread safety: a dataset may be read from several threads at once; it
 * must not be modified while another thread uses it.
 */
#ifndef ECOSYS_DATASET_H
#define ECOSYS_DATASET_H

#include "ecosys/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Opaque handle to a dataset. */
typedef struct ecosys_dataset ecosys_dataset;

/** The two tables of a dataset. */
typedef enum ecosys_table {
    ECOSYS_TABLE_ACTORS = 0, /**< actors.csv: one row per actor. */
    ECOSYS_TABLE_TIES = 1    /**< collaborations.csv: one row per tie. */
} ecosys_table;

/**
 * The fields of an actor. When adding, NULL strings mean "" (except @c id,
 * which is required). When reading, no string is NULL.
 */
typedef struct ecosys_actor_info {
    const char *id;        /**< Unique, non-empty, valid UTF-8. */
    const char *name;      /**< Display name. */
    const char *sector;    /**< Categorical, e.g. academia, business, public, civil_society, intermediary. */
    const char *territory; /**< Categorical territory name. */
    const char *axes;      /**< Set of thematic axes, separated by ';' (e.g. "mobility;food"). */
} ecosys_actor_info;

/**
 * The fields of a collaboration (tie). When adding, NULL strings mean "".
 * When reading, no string is NULL.
 */
typedef struct ecosys_tie_info {
    size_t source;     /**< Actor index of the source. */
    size_t target;     /**< Actor index of the target. */
    double weight;     /**< Intensity: finite and >= 0. 0 keeps the tie as data only. */
    const char *kind;  /**< e.g. steering_committee, project, funding, advice. */
    const char *axis;  /**< Thematic axis of the tie. */
    const char *start; /**< ISO 8601 date YYYY, YYYY-MM or YYYY-MM-DD; "" = since always. */
    const char *end;   /**< Same formats; "" = still active. */
} ecosys_tie_info;

/**
 * Creates an empty dataset.
 *
 * @param out       receives the new dataset; free it with ecosys_dataset_free().
 * @param directed  non-zero if ties are directed (source -> target).
 * @return 0, ECOSYS_EINVAL if @p out is NULL, or ECOSYS_ENOMEM.
 */
ECOSYS_EXTERN int ecosys_dataset_new(ecosys_dataset **out, int directed);

/** Frees a dataset and everything it owns. Accepts NULL. */
ECOSYS_EXTERN void ecosys_dataset_free(ecosys_dataset *dataset);

/** Returns non-zero if the dataset's ties are directed. */
ECOSYS_EXTERN int ecosys_dataset_is_directed(const ecosys_dataset *dataset);

/** Sets whether the dataset's ties are directed. */
ECOSYS_EXTERN void ecosys_dataset_set_directed(ecosys_dataset *dataset, int directed);

/** Returns the number of actors (0 for NULL). */
ECOSYS_EXTERN size_t ecosys_dataset_actor_count(const ecosys_dataset *dataset);

/** Returns the number of ties, all of them, as stored (0 for NULL). */
ECOSYS_EXTERN size_t ecosys_dataset_tie_count(const ecosys_dataset *dataset);

/**
 * Appends an actor.
 *
 * @param out_index receives the new actor's index (may be NULL).
 * @param dataset   the dataset to extend.
 * @param actor     the actor's fields; strings are copied.
 * @return 0; ECOSYS_EINVAL for an empty id, invalid UTF-8 in any field or a
 *         NULL argument; ECOSYS_EEXISTS if the id is already used;
 *         ECOSYS_ENOMEM.
 */
ECOSYS_EXTERN int ecosys_dataset_add_actor(size_t *out_index, ecosys_dataset *dataset,
                                           const ecosys_actor_info *actor);

/**
 * Reads an actor's fields.
 *
 * @param out     receives borrowed strings, valid until the dataset is freed.
 * @param dataset the dataset.
 * @param index   actor index, 0 <= index < ecosys_dataset_actor_count().
 * @return 0, or ECOSYS_EINVAL if @p index is out of range.
 */
ECOSYS_EXTERN int ecosys_dataset_actor(ecosys_actor_info *out, const ecosys_dataset *dataset,
                                       size_t index);

/**
 * Finds an actor by id. Average time O(1).
 *
 * @return 0, or ECOSYS_ENOTFOUND if no actor has this id.
 */
ECOSYS_EXTERN int ecosys_dataset_find_actor(size_t *out_index, const ecosys_dataset *dataset,
                                            const char *id);

/**
 * Returns non-zero if the actor's axes set contains @p axis (exact match of
 * one ';'-separated item, surrounding spaces ignored).
 */
ECOSYS_EXTERN int ecosys_dataset_actor_has_axis(const ecosys_dataset *dataset, size_t index,
                                                const char *axis);

/**
 * Appends a tie.
 *
 * @param out_index receives the new tie's index (may be NULL).
 * @param dataset   the dataset to extend.
 * @param tie       the tie's fields; strings are copied.
 * @return 0; ECOSYS_EINVAL for an actor index out of range, a negative, NaN
 *         or infinite weight, a malformed date, an end before its start or
 *         invalid UTF-8; ECOSYS_ENOMEM.
 */
ECOSYS_EXTERN int ecosys_dataset_add_tie(size_t *out_index, ecosys_dataset *dataset,
                                         const ecosys_tie_info *tie);

/**
 * Reads a tie's fields.
 *
 * @param out     receives borrowed strings, valid until the dataset is freed.
 * @param dataset the dataset.
 * @param index   tie index, 0 <= index < ecosys_dataset_tie_count().
 * @return 0, or ECOSYS_EINVAL if @p index is out of range.
 */
ECOSYS_EXTERN int ecosys_dataset_tie(ecosys_tie_info *out, const ecosys_dataset *dataset,
                                     size_t index);

/**
 * Returns the number of free attributes (columns beyond the built-in
 * fields) of a table.
 */
ECOSYS_EXTERN size_t ecosys_dataset_attribute_count(const ecosys_dataset *dataset,
                                                    ecosys_table table);

/**
 * Returns the name of free attribute @p attr of a table (borrowed), or NULL
 * if out of range.
 */
ECOSYS_EXTERN const char *ecosys_dataset_attribute_name(const ecosys_dataset *dataset,
                                                        ecosys_table table, size_t attr);

/**
 * Returns the declared type of a free attribute: "string" unless a file
 * (such as GraphML's attr.type) or ecosys_dataset_set_attribute_type()
 * said otherwise. The value itself is always kept as text. NULL if out of
 * range.
 */
ECOSYS_EXTERN const char *ecosys_dataset_attribute_type(const ecosys_dataset *dataset,
                                                        ecosys_table table, size_t attr);

/**
 * Sets the declared type of a free attribute: one of "string", "boolean",
 * "int", "long", "float", "double" (GraphML's attr.type vocabulary).
 *
 * @return 0, or ECOSYS_EINVAL for an unknown type or attribute.
 */
ECOSYS_EXTERN int ecosys_dataset_set_attribute_type(ecosys_dataset *dataset, ecosys_table table,
                                                    size_t attr, const char *type);

/**
 * Adds a free attribute (a column) to a table; existing rows get "".
 *
 * @param out_attr receives the attribute index (may be NULL).
 * @param dataset  the dataset.
 * @param table    ECOSYS_TABLE_ACTORS or ECOSYS_TABLE_TIES.
 * @param name     the column name, non-empty UTF-8; copied.
 * @return 0; ECOSYS_EEXISTS if the name is a built-in field or already an
 *         attribute of this table; ECOSYS_EINVAL for an empty name;
 *         ECOSYS_ENOMEM.
 */
ECOSYS_EXTERN int ecosys_dataset_add_attribute(size_t *out_attr, ecosys_dataset *dataset,
                                               ecosys_table table, const char *name);

/**
 * Finds a free attribute by name.
 *
 * @return 0, or ECOSYS_ENOTFOUND.
 */
ECOSYS_EXTERN int ecosys_dataset_find_attribute(size_t *out_attr, const ecosys_dataset *dataset,
                                                ecosys_table table, const char *name);

/**
 * Sets the value of a free attribute on one row (an actor or a tie).
 *
 * @return 0; ECOSYS_EINVAL for an index out of range, NULL or invalid
 *         UTF-8; ECOSYS_ENOMEM.
 */
ECOSYS_EXTERN int ecosys_dataset_set_attribute(ecosys_dataset *dataset, ecosys_table table,
                                               size_t row, size_t attr, const char *value);

/**
 * Returns the value of a free attribute on one row (borrowed; "" if never
 * set), or NULL if @p row or @p attr is out of range.
 */
ECOSYS_EXTERN const char *ecosys_dataset_attribute(const ecosys_dataset *dataset,
                                                   ecosys_table table, size_t row, size_t attr);

/**
 * Returns the value of any column of a row by name: a built-in field
 * ("id", "name", "sector", "territory", "axes" for actors; "source",
 * "target", "kind", "axis", "start", "end" for ties; "weight" is not text
 * and is not served here) or a free attribute. Borrowed; NULL if the row
 * or the column does not exist. For ties, "source" and "target" give actor
 * ids.
 */
ECOSYS_EXTERN const char *ecosys_dataset_field(const ecosys_dataset *dataset, ecosys_table table,
                                               size_t row, const char *column);

/**
 * Returns non-zero if @p column names a built-in field or a free attribute
 * of the table.
 */
ECOSYS_EXTERN int ecosys_dataset_has_field(const ecosys_dataset *dataset, ecosys_table table,
                                           const char *column);

/**
 * Compares two datasets: same direction, same actors in the same order with
 * the same fields, same ties in the same order (weights compared exactly),
 * the same free attributes (by name, in the same order) with the same
 * values.
 *
 * @param out_difference if not NULL and the datasets differ, receives a
 *        description of the first difference, to free with
 *        ecosys_string_free(); NULL when they are equal.
 * @param a the first dataset.
 * @param b the second dataset.
 * @return 1 if equal, 0 if not, or a negative error code.
 */
ECOSYS_EXTERN int ecosys_dataset_equal(char **out_difference, const ecosys_dataset *a,
                                       const ecosys_dataset *b);

/**
 * Parses an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD) to the first and
 * last day of the period it names, as days since 1970-01-01.
 * "2019" gives 2019-01-01 .. 2019-12-31.
 *
 * @return 0, or ECOSYS_EINVAL for anything else (the last error says why).
 */
ECOSYS_EXTERN int ecosys_date_parse(int32_t *out_first_day, int32_t *out_last_day,
                                    const char *text);

#ifdef __cplusplus
}
#endif

#endif /* ECOSYS_DATASET_H */
