/* Builds a triangle with a pendant actor through the installed library and
 * checks the header and runtime versions agree. */
#include <ecosys.h>

#include <stdio.h>
#include <string.h>

int main(void)
{
    if (strcmp(ecosys_version(), ECOSYS_VERSION_STRING) != 0) {
        fprintf(stderr, "header %s, library %s\n", ECOSYS_VERSION_STRING, ecosys_version());
        return 1;
    }
    ecosys_dataset *ds = NULL;
    ecosys_graph *g = NULL;
    const char *ids[] = {"a", "b", "c", "d"};
    size_t idx[4];
    if (ecosys_dataset_new(&ds, 0))
        return 1;
    for (int i = 0; i < 4; i++) {
        ecosys_actor_info actor = {ids[i], ids[i], "public", "here", ""};
        if (ecosys_dataset_add_actor(&idx[i], ds, &actor))
            return 1;
    }
    size_t pairs[4][2] = {{0, 1}, {1, 2}, {0, 2}, {2, 3}};
    for (int e = 0; e < 4; e++) {
        ecosys_tie_info tie = {idx[pairs[e][0]], idx[pairs[e][1]], 1.0, "", "", "", ""};
        if (ecosys_dataset_add_tie(NULL, ds, &tie))
            return 1;
    }
    if (ecosys_graph_new(&g, ds, NULL))
        return 1;
    size_t n = ecosys_graph_actor_count(g), m = ecosys_graph_tie_count(g);
    printf("libecosys %s: %zu actors, %zu ties\n", ecosys_version(), n, m);
    ecosys_graph_free(g);
    ecosys_dataset_free(ds);
    return n == 4 && m == 4 ? 0 : 1;
}
