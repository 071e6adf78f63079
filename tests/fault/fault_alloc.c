/* Allocation-failure injection: malloc, calloc, realloc and free defined in
 * the test executable, so that they replace glibc's for the whole process
 * (libecosys, GLib, libxml2, igraph and glibc's own stdio all call them),
 * forwarding to glibc's __libc_* entry points.
 *
 * While armed, allocations are counted and the k-th one fails (once), and
 * every block handed out is recorded in a fixed table (no allocation of
 * its own) until it is freed: what is left in the table after an
 * operation has cleaned up is a leak. Blocks obtained before arming are
 * never recorded, and realloc of such a block stays unrecorded, so only
 * what the operation itself allocated counts.
 *
 * Thread-safe (the library runs ensembles on threads): one mutex, whose
 * static initialisation allocates nothing. Cannot run under AddressSanitizer
 * or valgrind, which replace malloc themselves (tests/CMakeLists.txt). */
#include "fault_alloc.h"

#include <dlfcn.h>
#include <execinfo.h>
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h> /* the prototypes of the functions defined here */
#include <string.h>

extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t count, size_t size);
extern void *__libc_realloc(void *block, size_t size);
extern void __libc_free(void *block);

/* Open addressing with linear probing and backward-shift deletion (no
 * tombstones), 2^20 slots: far more than the blocks the operations keep
 * alive at once (a few thousand on the Clermont dataset). */
#define SLOT_BITS 20
#define SLOT_COUNT ((size_t) 1 << SLOT_BITS)
static uintptr_t slots[SLOT_COUNT];
static void *callers[SLOT_COUNT]; /* who allocated each recorded block */
static size_t live;
static int table_full;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int armed;
static size_t counter;
static size_t fail_at;
static int failed;
static int trace_failure;

static size_t slot_of(uintptr_t p)
{
    return (size_t) (((uint64_t) p * UINT64_C(0x9E3779B97F4A7C15)) >> (64 - SLOT_BITS));
}

static void record(void *block, void *caller)
{
    if (live + 1 >= SLOT_COUNT / 2) {
        table_full = 1;
        return;
    }
    size_t i = slot_of((uintptr_t) block);
    while (slots[i])
        i = (i + 1) & (SLOT_COUNT - 1);
    slots[i] = (uintptr_t) block;
    callers[i] = caller;
    live++;
}

/* Removes block if recorded; returns whether it was. */
static int forget(void *block)
{
    size_t i = slot_of((uintptr_t) block);
    while (slots[i] && slots[i] != (uintptr_t) block)
        i = (i + 1) & (SLOT_COUNT - 1);
    if (!slots[i])
        return 0;
    /* Backward shift: move later entries of the probe run into the hole
     * when their home slot does not lie cyclically in (hole, j]. */
    size_t hole = i;
    for (size_t j = (i + 1) & (SLOT_COUNT - 1); slots[j]; j = (j + 1) & (SLOT_COUNT - 1)) {
        size_t home = slot_of(slots[j]);
        int stays = hole <= j ? (hole < home && home <= j) : (hole < home || home <= j);
        if (!stays) {
            slots[hole] = slots[j];
            callers[hole] = callers[j];
            hole = j;
        }
    }
    slots[hole] = 0;
    live--;
    return 1;
}

/* Called with the lock held: whether this allocation must fail. */
static int should_fail(void)
{
    if (!armed)
        return 0;
    if (++counter == fail_at) {
        failed = 1;
        if (trace_failure) { /* backtrace_symbols_fd does not allocate */
            void *frames[24];
            int n = backtrace(frames, 24);
            backtrace_symbols_fd(frames, n, 2);
        }
        return 1;
    }
    return 0;
}

void *malloc(size_t size)
{
    pthread_mutex_lock(&lock);
    void *block = should_fail() ? NULL : __libc_malloc(size);
    if (block && armed)
        record(block, __builtin_return_address(0));
    pthread_mutex_unlock(&lock);
    if (!block)
        errno = ENOMEM;
    return block;
}

void *calloc(size_t count, size_t size)
{
    pthread_mutex_lock(&lock);
    void *block = should_fail() ? NULL : __libc_calloc(count, size);
    if (block && armed)
        record(block, __builtin_return_address(0));
    pthread_mutex_unlock(&lock);
    if (!block)
        errno = ENOMEM;
    return block;
}

void *realloc(void *old, size_t size)
{
    if (!old)
        return malloc(size);
    if (size == 0) {
        free(old);
        return NULL;
    }
    pthread_mutex_lock(&lock);
    void *block = NULL;
    if (!should_fail()) {
        /* Forget before glibc may hand the same address out again. */
        int was_recorded = forget(old);
        block = __libc_realloc(old, size);
        if (was_recorded) /* on failure, old is still live */
            record(block ? block : old, __builtin_return_address(0));
    }
    pthread_mutex_unlock(&lock);
    if (!block)
        errno = ENOMEM;
    return block;
}

void free(void *block)
{
    if (!block)
        return;
    pthread_mutex_lock(&lock);
    forget(block);
    __libc_free(block);
    pthread_mutex_unlock(&lock);
}

void fault_arm(size_t k)
{
    pthread_mutex_lock(&lock);
    if (live || table_full) /* a previous run leaked: start clean */
        memset(slots, 0, sizeof slots);
    live = 0;
    table_full = 0;
    counter = 0;
    fail_at = k;
    failed = 0;
    armed = 1;
    pthread_mutex_unlock(&lock);
}

void fault_disarm(void)
{
    pthread_mutex_lock(&lock);
    armed = 0;
    pthread_mutex_unlock(&lock);
}

fault_stats fault_stats_get(void)
{
    pthread_mutex_lock(&lock);
    fault_stats s = { counter, failed, live, table_full };
    pthread_mutex_unlock(&lock);
    return s;
}

void fault_print_live(FILE *out)
{
    pthread_mutex_lock(&lock);
    for (size_t i = 0; i < SLOT_COUNT; i++) {
        if (!slots[i])
            continue;
        Dl_info info;
        if (dladdr(callers[i], &info) && info.dli_sname)
            fprintf(out, "  block %p from %s+%#lx (%s)\n", (void *) slots[i], info.dli_sname,
                    (unsigned long) ((char *) callers[i] - (char *) info.dli_saddr), info.dli_fname);
        else
            fprintf(out, "  block %p from %p (%s)\n", (void *) slots[i], callers[i],
                    info.dli_fname ? info.dli_fname : "?");
    }
    pthread_mutex_unlock(&lock);
}

void fault_trace_failures(int on)
{
    if (on) { /* the first backtrace() loads libgcc: do it now, unarmed */
        void *frame[1];
        backtrace(frame, 1);
    }
    trace_failure = on;
}

int fault_live_only_from(const char *const *libraries)
{
    int all = 1;
    pthread_mutex_lock(&lock);
    for (size_t i = 0; i < SLOT_COUNT && all; i++) {
        if (!slots[i])
            continue;
        Dl_info info;
        int known = 0;
        if (dladdr(callers[i], &info) && info.dli_fname)
            for (size_t l = 0; libraries[l] && !known; l++)
                known = strstr(info.dli_fname, libraries[l]) != NULL;
        all = known;
    }
    pthread_mutex_unlock(&lock);
    return all;
}
