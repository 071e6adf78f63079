/* Allocation-failure injection for tests/fault (see fault_alloc.c). */
#ifndef ECOSYS_FAULT_ALLOC_H
#define ECOSYS_FAULT_ALLOC_H

#include <stddef.h>
#include <stdio.h>

typedef struct fault_stats {
    size_t allocations; /* allocation calls since fault_arm() */
    int failed;         /* whether the k-th one was reached and failed */
    size_t live;        /* blocks allocated since fault_arm() and not freed */
    int table_full;     /* too many live blocks to track: live is a lower bound */
} fault_stats;

/* Starts counting: the k-th allocation from now fails (k = 0: none). */
void fault_arm(size_t k);

/* Stops counting and failing; blocks recorded so far stay recorded until
 * freed, so cleanup after disarming still counts. */
void fault_disarm(void);

fault_stats fault_stats_get(void);

/* Lists the blocks still recorded, with the function that allocated each
 * (a symbol when dladdr knows one); for ECOSYS_FAULT_VERBOSE. */
void fault_print_live(FILE *out);

/* Whether every block still recorded was allocated by code in a shared
 * library whose file name contains one of @p libraries (NULL-terminated). */
int fault_live_only_from(const char *const *libraries);

/* Non-zero: print the stack of each failing allocation to stderr. */
void fault_trace_failures(int on);

#endif
