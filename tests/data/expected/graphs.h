/* Test graphs shared by tests/test_structure.c and
 * tests/test_centrality_reference.c
 * and by the reference scripts next to this file (reference_networkx.py,
 * reference_sna.R), which must use the same edge lists. */
#ifndef ECOSYS_TEST_GRAPHS_H
#define ECOSYS_TEST_GRAPHS_H

#include <stddef.h>

/* Zachary's karate club (Zachary 1977), as networkx.karate_club_graph() of
 * NetworkX 2.8 gives it: 34 members (0 = the instructor "Mr. Hi",
 * 33 = the administrator "Officer"), 78 undirected edges; the weights are
 * Zachary's counts of contexts in which two members interacted. Printed by
 *   /usr/bin/python3 -c 'import networkx as nx; K = nx.karate_club_graph();
 *     print(sorted(K.edges())); print([K[u][v]["weight"] for u, v in sorted(K.edges())])' */
#define KARATE_N 34
#define KARATE_M 78
static const size_t KARATE_EDGES[KARATE_M][2] = {
    {0, 1}, {0, 2}, {0, 3}, {0, 4}, {0, 5}, {0, 6}, {0, 7}, {0, 8},
    {0, 10}, {0, 11}, {0, 12}, {0, 13}, {0, 17}, {0, 19}, {0, 21}, {0, 31},
    {1, 2}, {1, 3}, {1, 7}, {1, 13}, {1, 17}, {1, 19}, {1, 21}, {1, 30},
    {2, 3}, {2, 7}, {2, 8}, {2, 9}, {2, 13}, {2, 27}, {2, 28}, {2, 32},
    {3, 7}, {3, 12}, {3, 13}, {4, 6}, {4, 10}, {5, 6}, {5, 10}, {5, 16},
    {6, 16}, {8, 30}, {8, 32}, {8, 33}, {9, 33}, {13, 33}, {14, 32}, {14, 33},
    {15, 32}, {15, 33}, {18, 32}, {18, 33}, {19, 33}, {20, 32}, {20, 33}, {22, 32},
    {22, 33}, {23, 25}, {23, 27}, {23, 29}, {23, 32}, {23, 33}, {24, 25}, {24, 27},
    {24, 31}, {25, 31}, {26, 29}, {26, 33}, {27, 33}, {28, 31}, {28, 33}, {29, 32},
    {29, 33}, {30, 32}, {30, 33}, {31, 32}, {31, 33}, {32, 33},
};
static const double KARATE_WEIGHTS[KARATE_M] = {
    4, 5, 3, 3, 3, 3, 2, 2, 2, 3, 1, 3, 2, 2, 2, 2, 6, 3, 4, 5,
    1, 2, 2, 2, 3, 4, 5, 1, 3, 2, 2, 2, 3, 3, 3, 2, 3, 5, 3, 3,
    3, 3, 3, 4, 2, 3, 3, 2, 3, 4, 1, 2, 1, 3, 1, 2, 3, 5, 4, 3,
    5, 4, 2, 3, 2, 7, 4, 2, 4, 2, 2, 4, 2, 3, 3, 4, 4, 5,
};

/* Directed graph D, 8 actors, 14 arcs with weights, strongly connected,
 * with reciprocated pairs 0<->1 and 2<->3 (so "direction ignored" merges
 * them: 12 undirected edges). Hand-made for these tests. */
#define D_N 8
#define D_M 14
static const size_t D_EDGES[D_M][2] = {
    {0, 1}, {1, 2}, {2, 0}, {1, 0}, {2, 3}, {3, 4}, {4, 2},
    {4, 5}, {5, 3}, {5, 6}, {6, 7}, {7, 5}, {3, 2}, {6, 0},
};
static const double D_WEIGHTS[D_M] = {2, 1, 3, 1, 2, 1, 2, 4, 1, 2, 1, 3, 1, 2};

#endif
