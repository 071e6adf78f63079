# Reference values for tests/test_communities.c and
# tests/python/test_communities.py: modularity by NetworkX 2.8
# (nx.community.modularity) with python-igraph 0.10 (Graph.modularity, that
# is igraph_modularity) as a second opinion; participation coefficient and
# within-module z by a short computation from the definitions (Guimera &
# Amaral 2005) written here independently of the C code. Run from the
# repository root:
#   /usr/bin/python3 tests/data/expected/reference_communities.py \
#       > tests/data/expected/reference_communities.h
# Each constant is printed with the exact expression that produced it.
# The graphs must match tests/data/expected/graphs.h and the small graphs
# of tests/test_communities.c (repeated below). See README.md.
import math

import igraph as ig
import networkx as nx

# ---- graphs -------------------------------------------------------------------

K = nx.karate_club_graph()  # weights from Zachary 1977, 'club' attribute
n = K.number_of_nodes()
KU = nx.Graph()  # the unweighted structure
KU.add_nodes_from(range(n))
KU.add_edges_from(K.edges())
# The club split: the faction each member joined (0 = Mr. Hi, 1 = Officer).
CLUB = [0 if K.nodes[v]["club"] == "Mr. Hi" else 1 for v in range(n)]

# Directed graph D of graphs.h with the partition {0,1,2} {3,4,5} {6,7}.
D_EDGES = [(0, 1), (1, 2), (2, 0), (1, 0), (2, 3), (3, 4), (4, 2),
           (4, 5), (5, 3), (5, 6), (6, 7), (7, 5), (3, 2), (6, 0)]
D_WEIGHTS = [2, 1, 3, 1, 2, 1, 2, 4, 1, 2, 1, 3, 1, 2]
D_GROUPS = [0, 0, 0, 1, 1, 1, 2, 2]
D = nx.DiGraph()
D.add_nodes_from(range(8))
for (u, v), w in zip(D_EDGES, D_WEIGHTS):
    D.add_edge(u, v, weight=w)
# Its undirected view: reciprocated arcs merged, weights summed.
U = nx.Graph()
U.add_nodes_from(range(8))
for (u, v), w in zip(D_EDGES, D_WEIGHTS):
    if U.has_edge(u, v):
        U[u][v]["weight"] += w
    else:
        U.add_edge(u, v, weight=w)

# Small graph S of test_communities.c: group A = {0,1,2,3,6}, B = {4,5};
# 6 is isolated. Weighted version S_W.
S_EDGES = [(0, 1), (0, 2), (0, 3), (1, 4), (4, 5)]
S_WEIGHTS = [2, 1, 1, 3, 1]
S_GROUPS = [0, 0, 0, 0, 1, 1, 0]

# Roles graph R: star 0 with leaves 1..9 (module A), triangles 10-11-12 (B)
# and 13-14-15 (C), centre 0 tied to 10..15.
R_EDGES = ([(0, v) for v in range(1, 10)] + [(10, 11), (10, 12), (11, 12),
                                              (13, 14), (13, 15), (14, 15)]
           + [(0, v) for v in range(10, 16)])
R_GROUPS = [0] * 10 + [1] * 3 + [2] * 3


def graph(nodes, edges, weights=None):
    G = nx.Graph()
    G.add_nodes_from(range(nodes))
    for i, (u, v) in enumerate(edges):
        G.add_edge(u, v, weight=weights[i] if weights else 1)
    return G


S = graph(7, S_EDGES)
SW = graph(7, S_EDGES, S_WEIGHTS)
R = graph(16, R_EDGES)


# ---- the measures, from their definitions ---------------------------------------------


def communities(groups):
    """A membership list as NetworkX's list of sets."""
    return [{v for v, g in enumerate(groups) if g == c} for c in sorted(set(groups))]


def nx_q(G, groups, weight="weight", resolution=1):
    return nx.community.modularity(G, communities(groups), weight=weight,
                                   resolution=resolution)


def igraph_q(G, groups, weight="weight", resolution=1, directed=True):
    """igraph_modularity through python-igraph's GraphBase.modularity.

    Not Graph.modularity: python-igraph 0.10.2's Python wrapper drops its
    resolution and directed arguments (it always gives gamma = 1, directed).
    """
    H = ig.Graph.from_networkx(G)
    # from_networkx keeps NetworkX's node order: vertex i is node i here.
    assert [H.vs[i]["_nx_name"] for i in range(H.vcount())] == list(G.nodes())
    weights = H.es[weight] if weight else None
    return ig.GraphBase.modularity(H, groups, weights, resolution, directed)


def participation(G, groups, weight=None):
    """P_i = 1 - sum_s (k_is / k_i)^2, 0 for isolates (Guimera & Amaral 2005)."""
    out = []
    for v in sorted(G.nodes()):
        k = {}
        for u in G[v]:
            w = G[v][u][weight] if weight else 1
            k[groups[u]] = k.get(groups[u], 0) + w
        total = sum(k.values())
        out.append(0.0 if total == 0 else 1 - sum((x / total) ** 2 for x in k.values()))
    return out


def within_module_z(G, groups, weight=None):
    """z_i = (k_i,s - mean_s) / sd_s, population sd; 0 where sd is 0."""
    inner = [sum((G[v][u][weight] if weight else 1) for u in G[v] if groups[u] == groups[v])
             for v in sorted(G.nodes())]
    out = []
    for v in sorted(G.nodes()):
        members = [inner[u] for u in G.nodes() if groups[u] == groups[v]]
        mean = sum(members) / len(members)
        sd = math.sqrt(sum((x - mean) ** 2 for x in members) / len(members))
        out.append(0.0 if sd == 0 else (inner[v] - mean) / sd)
    return out


def roles(G, groups):
    """Guimera & Amaral (2005) roles R1..R7 as numbers."""
    out = []
    for z, p in zip(within_module_z(G, groups), participation(G, groups)):
        if z >= 2.5:
            out.append(5 if p <= 0.30 else 6 if p <= 0.75 else 7)
        else:
            out.append(1 if p <= 0.05 else 2 if p <= 0.62 else 3 if p <= 0.80 else 4)
    return out


def agree(a, b, tolerance=1e-12):
    assert abs(a - b) <= tolerance, (a, b)
    return a


def emit(name, expr, kind="double"):
    """Prints a C constant with the expression it comes from."""
    value = eval(expr, globals())
    print(f"/* {expr} */")
    if kind == "scalar":
        print(f"#define {name} {float(value)!r}")
    elif kind == "int":
        print(f"static const int {name}[] = {{{', '.join(str(int(x)) for x in value)}}};")
    else:
        items = ", ".join(repr(float(x)) for x in value)
        print(f"static const double {name}[] = {{{items}}};")


print("/* Generated by tests/data/expected/reference_communities.py: do not edit. */")
print("/* NetworkX", nx.__version__, "/ python-igraph", ig.__version__, "*/")
print("#ifndef ECOSYS_TEST_REFERENCE_COMMUNITIES_H\n#define ECOSYS_TEST_REFERENCE_COMMUNITIES_H")

print("\n/* ---- modularity: NetworkX, checked against python-igraph to 1e-12 ---- */")
print("/* The club split of the karate club (NetworkX's 'club' attribute). */")
emit("KARATE_CLUB", "CLUB", "int")
emit("Q_KARATE_CLUB", "agree(nx_q(KU, CLUB), igraph_q(KU, CLUB, weight=None))", "scalar")
emit("Q_KARATE_CLUB_WEIGHTED", "agree(nx_q(K, CLUB), igraph_q(K, CLUB))", "scalar")
emit("Q_KARATE_CLUB_GAMMA_HALF",
     "agree(nx_q(KU, CLUB, resolution=0.5), igraph_q(KU, CLUB, None, 0.5))", "scalar")
emit("Q_KARATE_CLUB_GAMMA_TWO",
     "agree(nx_q(K, CLUB, resolution=2), igraph_q(K, CLUB, 'weight', 2))", "scalar")
print("/* Directed graph D (Leicht & Newman 2008, NetworkX's directed formula). */")
emit("Q_D", "agree(nx_q(D, D_GROUPS, weight=None), igraph_q(D, D_GROUPS, None))", "scalar")
emit("Q_D_WEIGHTED", "agree(nx_q(D, D_GROUPS), igraph_q(D, D_GROUPS))", "scalar")
emit("Q_D_UNDIRECTED_VIEW",
     "agree(nx_q(U, D_GROUPS, weight=None), igraph_q(U, D_GROUPS, None))", "scalar")
emit("Q_D_UNDIRECTED_VIEW_WEIGHTED", "agree(nx_q(U, D_GROUPS), igraph_q(U, D_GROUPS))",
     "scalar")

print("\n/* ---- participation and within-module z, from the definitions ---- */")
emit("KARATE_CLUB_PARTICIPATION", "participation(KU, CLUB)")
emit("KARATE_CLUB_PARTICIPATION_WEIGHTED", "participation(K, CLUB, 'weight')")
emit("KARATE_CLUB_Z", "within_module_z(KU, CLUB)")
emit("KARATE_CLUB_Z_WEIGHTED", "within_module_z(K, CLUB, 'weight')")
emit("S_PARTICIPATION", "participation(S, S_GROUPS)")
emit("S_PARTICIPATION_WEIGHTED", "participation(SW, S_GROUPS, 'weight')")
emit("S_Z", "within_module_z(S, S_GROUPS)")
emit("S_Z_WEIGHTED", "within_module_z(SW, S_GROUPS, 'weight')")
emit("R_ROLES", "roles(R, R_GROUPS)", "int")
emit("R_PARTICIPATION", "participation(R, R_GROUPS)")
emit("R_Z", "within_module_z(R, R_GROUPS)")

print("\n#endif")
