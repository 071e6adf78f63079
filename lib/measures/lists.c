/* Result lists of the measures: see ecosys/measures.h. */
#include "ecosys/measures.h"

#include <stdlib.h>

void ecosys_index_list_dispose(ecosys_index_list *list)
{
    if (!list)
        return;
    free(list->items);
    list->items = NULL;
    list->count = 0;
}

void ecosys_pair_list_dispose(ecosys_pair_list *list)
{
    if (!list)
        return;
    free(list->sources);
    free(list->targets);
    list->sources = NULL;
    list->targets = NULL;
    list->count = 0;
}
